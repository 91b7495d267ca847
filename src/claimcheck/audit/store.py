"""The audit database: SQLite by default (stdlib sqlite3, WAL), one transaction per batch so a
killed run loses at most the batch in flight and never leaves half-written rows.

Schema version 2 (`meta.schema_version`; version 1 lacked `workers` and is upgraded in place):
    runs(id, started, finished, inputs, options)
    workers(run_id, worker 'host:pid', batches, articles, seconds, peak_rss_mb)
    articles(run_id, article_id, source, content_hash UNIQUE, status 'done'|'error', error,
             url, title, date, seconds, claims, inconsistent)
    claims(content_hash, claim_id, start, end, text, value, kind, unit, qualifier, min, max,
           subject, predicate, sentence)
    findings(content_hash, rule, verdict, severity, message, start, end, claim_ids)
Rows are keyed by the article's content hash: the same text is audited once, whatever its id."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ClaimcheckError, E
from claimcheck.models import FileResult, Verdict

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, finished REAL, inputs TEXT, options TEXT);
CREATE TABLE IF NOT EXISTS workers (
    run_id INTEGER NOT NULL REFERENCES runs(id), worker TEXT NOT NULL, batches INTEGER NOT NULL,
    articles INTEGER NOT NULL, seconds REAL NOT NULL, peak_rss_mb REAL,
    PRIMARY KEY (run_id, worker));
CREATE TABLE IF NOT EXISTS articles (
    run_id INTEGER NOT NULL REFERENCES runs(id), article_id TEXT NOT NULL, source TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE, status TEXT NOT NULL CHECK (status IN ('done', 'error')),
    error TEXT, url TEXT, title TEXT, date TEXT, seconds REAL, claims INTEGER,
    inconsistent INTEGER);
CREATE TABLE IF NOT EXISTS claims (
    content_hash TEXT NOT NULL, claim_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
    value REAL, kind TEXT, unit TEXT, qualifier TEXT, min REAL, max REAL, subject TEXT,
    predicate TEXT, sentence INTEGER, PRIMARY KEY (content_hash, claim_id));
CREATE TABLE IF NOT EXISTS findings (
    content_hash TEXT NOT NULL, rule TEXT NOT NULL, verdict TEXT NOT NULL, severity TEXT,
    message TEXT, start INTEGER, "end" INTEGER, claim_ids TEXT);
CREATE INDEX IF NOT EXISTS findings_by_article ON findings (content_hash);
"""


Row = tuple[object, ...]


@dataclass(frozen=True)
class Outcome:
    """One article's result as rows, made in the worker so that the writer only inserts (and
    plain tuples cross between processes much faster than models)."""

    article: Row  # the articles row without its run id
    claims: list[Row]
    findings: list[Row]


@dataclass(frozen=True)
class Batch:
    """A batch's outcomes and who made them: the worker ('host:pid'), the seconds it spent on
    them and its peak memory so far."""

    outcomes: list[Outcome]
    worker: str
    seconds: float
    peak_rss_mb: float


def outcome(
    article_id: str,
    source: str,
    content_hash: str,
    result: FileResult | None,
    error: str | None,
    seconds: float,
    meta: tuple[str | None, str | None, str | None] = (None, None, None),
) -> Outcome:
    """An article's result, done or an error, as the rows the store writes."""
    if result is None:
        row: Row = (article_id, source, content_hash, "error", error, *meta, seconds, None, None)
        return Outcome(row, [], [])
    inconsistent = sum(1 for f in result.findings if f.verdict is Verdict.inconsistent)
    row = (
        article_id,
        source,
        content_hash,
        "done",
        None,
        *meta,
        seconds,
        len(result.claims),
        inconsistent,
    )
    claims: list[Row] = [
        (
            content_hash,
            c.id,
            c.start,
            c.end,
            c.text,
            c.value,
            c.kind.value,
            c.unit,
            c.qualifier.value,
            c.min,
            c.max,
            c.subject,
            c.predicate,
            c.sentence,
        )
        for c in result.claims
    ]
    findings: list[Row] = [
        (
            content_hash,
            f.rule,
            f.verdict.value,
            f.severity.value,
            f.message,
            f.start,
            f.end,
            json.dumps(f.claims),
        )
        for f in result.findings
    ]
    return Outcome(row, claims, findings)


class Store:
    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, timeout=30)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._upgrade(path)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise ClaimcheckError(E.E016, path=path, problem=str(exc)) from exc

    def _upgrade(self, path: Path) -> None:
        """Creates the schema, or brings an older one up to date; refuses a newer one."""
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        found = int(row[0]) if row else SCHEMA_VERSION
        if found > SCHEMA_VERSION:
            self.db.close()
            problem = f"schema v{found}; this claimcheck knows v{SCHEMA_VERSION}"
            raise ClaimcheckError(E.E016, path=path, problem=problem)
        self.db.executescript(_SCHEMA)  # every statement is IF NOT EXISTS: adds what is missing
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

    def start_run(self, inputs: list[str], options: dict[str, object]) -> int:
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO runs (started, inputs, options) VALUES (?, ?, ?)",
                (time.time(), json.dumps(inputs), json.dumps(options)),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        with self.db:
            self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (time.time(), run_id))

    def done(self) -> set[str]:
        """Content hashes already audited (done or error): a rerun skips them."""
        return {row[0] for row in self.db.execute("SELECT content_hash FROM articles")}

    def forget(self, hashes: Iterable[str]) -> None:
        """For --rerun: drop what is known of these articles, in one transaction."""
        keys = [(h,) for h in hashes]
        with self.db:
            for table in ("findings", "claims", "articles"):
                self.db.executemany(f"DELETE FROM {table} WHERE content_hash = ?", keys)

    def write_batch(self, run_id: int, batch: Batch) -> None:
        """Every row of a batch in one transaction: all of it lands, or none of it."""
        outcomes = batch.outcomes
        with self.db:
            self.db.execute(
                "INSERT INTO workers VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (run_id, worker) DO "
                "UPDATE SET batches = batches + 1, articles = articles + excluded.articles, "
                "seconds = seconds + excluded.seconds, "
                "peak_rss_mb = max(peak_rss_mb, excluded.peak_rss_mb)",
                (run_id, batch.worker, len(outcomes), batch.seconds, batch.peak_rss_mb),
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(run_id, *o.article) for o in outcomes],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [row for o in outcomes for row in o.claims],
            )
            self.db.executemany(
                "INSERT INTO findings VALUES (?,?,?,?,?,?,?,?)",
                [row for o in outcomes for row in o.findings],
            )

    def close(self) -> None:
        self.db.close()
