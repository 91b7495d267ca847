"""`claimcheck audit export DB --format csv|jsonl|claimreview`.

ClaimReview is schema.org's fact-check markup. claimcheck can say whether a figure agrees with
the article's other figures, not whether it is true, so each review carries the working as its
reviewBody and no reviewRating: a rating would claim more than the check knows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_QUERY = """
SELECT a.article_id, a.source, a.url, a.title, a.date, f.rule, f.verdict, f.severity,
       f.message, f.start, f."end", f.claim_ids,
       (SELECT group_concat(c.text, ' | ') FROM claims c
         WHERE c.content_hash = f.content_hash
           AND instr(f.claim_ids, '"' || c.claim_id || '"') > 0) AS claim_texts
FROM findings f JOIN articles a ON a.content_hash = f.content_hash
ORDER BY a.article_id, f.start
"""
COLUMNS = [
    "article_id",
    "source",
    "url",
    "title",
    "date",
    "rule",
    "verdict",
    "severity",
    "message",
    "start",
    "end",
    "claim_ids",
    "claims",
]


def rows(db: Path) -> Iterator[dict[str, Any]]:
    with sqlite3.connect(db) as con:
        for row in con.execute(_QUERY):
            yield dict(zip(COLUMNS, row, strict=True))


def export(db: Path, fmt: str) -> str:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(db))
        return out.getvalue()
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows(db))
    return json.dumps([claim_review(row) for row in rows(db)], indent=2, ensure_ascii=False) + "\n"


def claim_review(row: dict[str, Any]) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": row["claims"] or "",
        "reviewBody": row["message"],
        "author": {"@type": "Organization", "name": "claimcheck"},
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                **({"url": row["url"]} if row["url"] else {}),
                **({"headline": row["title"]} if row["title"] else {}),
                **({"datePublished": row["date"]} if row["date"] else {}),
                "identifier": row["article_id"],
            },
        },
        "keywords": [row["rule"], row["verdict"]],
    }
    return review
