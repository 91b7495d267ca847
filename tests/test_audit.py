"""Batch audits: bad rows and files become error rows while the rest is audited; a run killed
with SIGKILL (or stopped with Ctrl-C) and resumed audits every article exactly once, with the
results of a run that was never interrupted."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.audit import run_audit

from .conftest import CORPUS

ROWS = [
    json.dumps({"id": "good", "text": "Of the 612 complaints, 147 were upheld, or 42 per cent."}),
    json.dumps({"id": "empty", "text": ""}),
    "{this row is corrupt",
    json.dumps({"id": "fine", "text": "Three of the 27 officers were disciplined."}),
]


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def test_bad_inputs_become_error_rows(tmp_path: Path) -> None:
    archive = tmp_path / "rows.jsonl"
    archive.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    undecodable = tmp_path / "latin1.txt"
    undecodable.write_bytes("Caf\u00e9 prices rose 12 per cent.".encode("latin-1"))
    db = tmp_path / "audit.sqlite"
    audited, skipped = run_audit([str(archive), str(undecodable)], db, report=lambda _: None)
    assert (audited, skipped) == (5, 0)
    statuses = dict(_rows(db, "SELECT article_id, status FROM articles"))
    assert statuses["good"] == statuses["fine"] == "done"
    errors = _rows(db, "SELECT source, error FROM articles WHERE status = 'error' ORDER BY source")
    assert len(errors) == 3
    assert any("[E003]" in str(error) for _, error in errors)
    assert _rows(db, "SELECT COUNT(*) FROM findings WHERE verdict = 'inconsistent'") == [(1,)]


def test_a_second_run_skips_and_rerun_audits_again(tmp_path: Path) -> None:
    archive = tmp_path / "rows.jsonl"
    archive.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    db = tmp_path / "audit.sqlite"
    assert run_audit([str(archive)], db, report=lambda _: None) == (4, 0)
    assert run_audit([str(archive)], db, report=lambda _: None) == (0, 4)
    assert run_audit([str(archive)], db, rerun=True, report=lambda _: None) == (4, 0)
    assert _rows(db, "SELECT COUNT(*), MIN(run_id) FROM articles") == [(4, 3)]
    assert _rows(db, "SELECT COUNT(*) FROM findings WHERE verdict = 'inconsistent'") == [(1,)]


def _snapshot(db: Path) -> list[tuple[object, ...]]:
    return _rows(
        db,
        "SELECT a.content_hash, a.status, a.claims, a.inconsistent, "
        "(SELECT COUNT(*) FROM findings f WHERE f.content_hash = a.content_hash) "
        "FROM articles a ORDER BY a.content_hash",
    )


def _articles_so_far(db: Path) -> int:
    # The child creates the file a moment before its schema, so "no such table" means none yet.
    try:
        with sqlite3.connect(db) as con:
            count: int = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            return count
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize(
    ("stop", "jobs"),
    [(signal.SIGKILL, 1), (signal.SIGINT, 2)],
    ids=["kill -9, one process", "Ctrl-C, two processes"],
)
def test_stopped_then_resumed_audits_each_article_once(
    tmp_path: Path, stop: signal.Signals, jobs: int
) -> None:
    reference = tmp_path / "reference.sqlite"
    run_audit([str(CORPUS)], reference, report=lambda _: None)
    expected = _snapshot(reference)

    db = tmp_path / "killed.sqlite"
    command = [
        sys.executable,
        "-m",
        "claimcheck",
        "audit",
        str(CORPUS),
        "--db",
        str(db),
        "--jobs",
        str(jobs),
        "--batch-size",
        "2",
    ]
    # its own process group, so that SIGINT reaches the workers too, as a terminal's Ctrl-C does
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if db.exists() and _articles_so_far(db) >= 4:
            break
        time.sleep(0.02)
    os.killpg(child.pid, stop)
    _, stderr = child.communicate(timeout=60)
    if stop == signal.SIGINT:
        assert child.returncode == 130
        assert stderr.splitlines()[-1].startswith("claimcheck: interrupted; every finished batch")
        assert "Traceback" not in stderr
    partial = _rows(db, "SELECT COUNT(*) FROM articles")[0][0]
    assert 0 < partial < len(expected)  # killed mid-run, batches whole

    audited, skipped = run_audit([str(CORPUS)], db, report=lambda _: None)
    assert skipped == partial and audited == len(expected) - partial
    assert _snapshot(db) == expected
    assert _rows(db, "SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles") == [
        (len(expected), len(expected))
    ]


def test_export_formats(tmp_path: Path) -> None:
    from claimcheck.audit.export import export

    archive = tmp_path / "rows.jsonl"
    archive.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    db = tmp_path / "audit.sqlite"
    run_audit([str(archive)], db, report=lambda _: None)
    lines = export(db, "jsonl").splitlines()
    bad = [json.loads(line) for line in lines if json.loads(line)["verdict"] == "inconsistent"]
    assert [(row["article_id"], row["rule"]) for row in bad] == [("good", "CC101")]
    assert export(db, "csv").splitlines()[0].startswith("article_id,source,url")
    reviews = json.loads(export(db, "claimreview"))
    assert all(r["@type"] == "ClaimReview" and "reviewRating" not in r for r in reviews)
    assert any("42 per cent" in r["reviewBody"] for r in reviews)


def test_dask_local_cluster_gives_the_same_results(tmp_path: Path) -> None:
    """The same audit on a Dask LocalCluster of two workers: every article once, same rows."""
    import pytest

    distributed = pytest.importorskip("distributed")
    reference = tmp_path / "local.sqlite"
    run_audit([str(CORPUS)], reference, report=lambda _: None)
    db = tmp_path / "dask.sqlite"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        audited, skipped = run_audit(
            [str(CORPUS)],
            db,
            engine="dask",
            scheduler=cluster.scheduler_address,
            batch_size=5,
            report=lambda _: None,
        )
    assert skipped == 0 and audited == len(_snapshot(reference))
    assert _snapshot(db) == _snapshot(reference)
    workers = _rows(db, "SELECT worker, articles, peak_rss_mb FROM workers")
    assert len(workers) == 2 and sum(int(str(n)) for _, n, _ in workers) == audited
    assert all(float(str(peak)) > 10 for _, _, peak in workers)
    again = run_audit(
        [str(CORPUS)], db, engine="dask", scheduler=None, jobs=2, report=lambda _: None
    )
    assert again == (0, audited)  # resumable: nothing left to do


def test_two_processes_record_their_workers_and_the_summary_shows_them(tmp_path: Path) -> None:
    from claimcheck.audit.summary import summary

    db = tmp_path / "audit.sqlite"
    audited, _ = run_audit([str(CORPUS)], db, jobs=2, batch_size=4, report=lambda _: None)
    workers = _rows(db, "SELECT worker, batches, articles, peak_rss_mb FROM workers")
    assert {str(w).split(":")[1] for w, *_ in workers}.isdisjoint({str(os.getpid())})
    assert sum(int(str(articles)) for _, _, articles, _ in workers) == audited
    text = summary(db)
    assert "workers of the latest run" in text and f"articles: {audited:,} audited" in text


def test_a_version_1_database_is_upgraded_and_a_newer_one_refused(tmp_path: Path) -> None:
    from claimcheck.errors import ClaimcheckError

    old = tmp_path / "v1.sqlite"
    with sqlite3.connect(old) as con:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    run_audit([str(CORPUS / "001-norfolk-police-domestic-abuse.txt")], old, report=print)
    assert _rows(old, "SELECT value FROM meta WHERE key = 'schema_version'") == [("2",)]
    assert _rows(old, "SELECT COUNT(*) FROM workers") == [(1,)]

    newer = tmp_path / "v9.sqlite"
    with sqlite3.connect(newer) as con:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.execute("INSERT INTO meta VALUES ('schema_version', '9')")
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("these are my notes, not a database\n" * 100)
    for db, problem in ((newer, "schema v9"), (not_a_database, "file is not a database")):
        try:
            run_audit([str(CORPUS)], db, report=print)
        except ClaimcheckError as exc:
            assert exc.code.name == "E016" and problem in str(exc)
        else:
            raise AssertionError(f"{db.name} was accepted")


def test_progress_lines_are_throttled_but_the_last_always_shows() -> None:
    from claimcheck.audit.progress import LineProgress

    lines: list[str] = []
    with LineProgress(100, lines.append, every=3600) as progress:
        for _ in range(10):
            progress.advance(10)
    assert len(lines) == 1 and lines[0].startswith("audited 100/100 articles")


def test_a_parallel_audit_reads_only_a_few_batches_ahead(tmp_path: Path) -> None:
    """Memory stays flat on any archive: the pool is fed as batches are written, not all at
    once (the pool's own feeder would otherwise read the whole archive into its queue)."""
    from claimcheck.api import CheckerOptions
    from claimcheck.audit.runner import IN_FLIGHT_PER_WORKER, run_local
    from claimcheck.audit.sources import Article
    from claimcheck.audit.store import Store

    pulled = 0

    def articles() -> Iterator[Article]:
        nonlocal pulled
        for n in range(200):
            pulled += 1
            yield Article(f"a{n}", "gen", f"Of the {n + 30} staff, {n + 1} were sacked.")

    ahead: list[int] = []

    class Recorder:
        written = 0

        def advance(self, count: int) -> None:
            self.written += count
            ahead.append(pulled - self.written)

    store = Store(tmp_path / "audit.sqlite")
    run_id = store.start_run([], {})
    done = run_local(
        store,
        run_id,
        articles(),
        jobs=2,
        batch_size=5,
        options=CheckerOptions(),
        progress=Recorder(),
    )
    store.close()
    assert done == 200
    assert max(ahead) <= (IN_FLIGHT_PER_WORKER * 2 + 1) * 5


ARCHIVE_ROWS = [
    {
        "guid": "n-1",
        "body": "Of the 612 complaints, 147 were upheld, or 42 per cent.",
        "link": "https://example.org/n-1",
        "headline": "Complaints",
        "published": "2024-03-01",
    },
    {
        "guid": "n-2",
        "body": "Three of the 27 officers were disciplined.",
        "link": "https://example.org/n-2",
        "headline": "Officers",
        "published": "2024-03-02",
    },
    {"guid": "n-3", "body": "", "link": None, "headline": None, "published": None},
]


def _write_csv(path: Path) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ARCHIVE_ROWS[0]))
        writer.writeheader()
        writer.writerows(ARCHIVE_ROWS)


def _write_parquet(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # small row groups, so that reading a group at a time is exercised
    pq.write_table(pa.Table.from_pylist(ARCHIVE_ROWS), path, row_group_size=1)


@pytest.mark.parametrize(("suffix", "write"), [(".csv", _write_csv), (".parquet", _write_parquet)])
def test_archives_with_named_fields_keep_their_ids_to_the_export(
    tmp_path: Path, suffix: str, write: object
) -> None:
    from claimcheck.audit.export import export
    from claimcheck.audit.sources import Fields

    archive = tmp_path / f"archive{suffix}"
    write(archive)  # type: ignore[operator]
    db = tmp_path / "audit.sqlite"
    fields = Fields(id="guid", text="body", url="link", title="headline", date="published")
    assert run_audit([str(archive)], db, fields=fields, report=lambda _: None) == (3, 0)
    statuses = dict(_rows(db, "SELECT article_id, status FROM articles"))
    assert statuses == {"n-1": "done", "n-2": "done", "n-3": "error"}
    (bad,) = [
        json.loads(line)
        for line in export(db, "jsonl").splitlines()
        if json.loads(line)["verdict"] == "inconsistent"
    ]
    assert (bad["article_id"], bad["url"], bad["title"], bad["date"]) == (
        "n-1",
        "https://example.org/n-1",
        "Complaints",
        "2024-03-01",
    )


def test_a_bad_line_costs_that_line_and_the_cli_lists_it_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimcheck.cli import main

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        b'{"id": "a", "text": "Three of the 27 staff were disciplined."}\n'
        b'{"id": "b", "text": "Caf\xe9 prices rose 12 per cent."}\n'
        b"[1, 2]\n"
        b'{"id": "c", "text": "Of the 612, 147 were upheld, or 42 per cent."}\n'
    )
    binary = tmp_path / "dump.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "audit.sqlite"
    assert main(["audit", str(mixed), str(binary), "--db", str(db), "-j", "1"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-4].startswith("5 audited (3 of them errors)")
    assert err[-3:] == [
        f"claimcheck: {mixed}:2: not valid UTF-8 (bad byte at offset 24 of the line)",
        f"claimcheck: {mixed}:3: a JSON value that is not an object",
        f"claimcheck: [E002] {binary}: not a text file (binary content)",
    ]
    statuses = dict(_rows(db, "SELECT article_id, status FROM articles"))
    assert statuses["a"] == statuses["c"] == "done"
