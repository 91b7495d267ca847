"""`claimcheck audit summary DB`: totals, rules by count, the articles with the most
inconsistencies, a histogram of inconsistencies per article, and the latest run's workers."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def latest_run_errors(db: Path, shown: int = 10) -> tuple[int, list[str]]:
    """How many articles of the latest run are error rows, and the first few errors."""
    latest = "(SELECT MAX(id) FROM runs)"
    where = f"WHERE run_id = {latest} AND status = 'error'"
    with sqlite3.connect(db) as con:
        count = con.execute(f"SELECT COUNT(*) FROM articles {where}").fetchone()[0]
        first = con.execute(f"SELECT error FROM articles {where} LIMIT ?", (shown,)).fetchall()
    return int(count), [str(error) for (error,) in first]


def summary(db: Path) -> str:
    with sqlite3.connect(db) as con:
        totals = dict(con.execute("SELECT status, COUNT(*) FROM articles GROUP BY status"))
        claims = con.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        verdicts = dict(con.execute("SELECT verdict, COUNT(*) FROM findings GROUP BY verdict"))
        rules = con.execute(
            "SELECT rule, COUNT(*) FROM findings WHERE verdict = 'inconsistent' "
            "GROUP BY rule ORDER BY COUNT(*) DESC, rule"
        ).fetchall()
        worst = con.execute(
            "SELECT article_id, inconsistent FROM articles WHERE inconsistent > 0 "
            "ORDER BY inconsistent DESC, article_id LIMIT 10"
        ).fetchall()
        workers = con.execute(
            "SELECT worker, batches, articles, seconds, peak_rss_mb FROM workers "
            "WHERE run_id = (SELECT MAX(run_id) FROM workers) ORDER BY worker"
        ).fetchall()
        histogram = con.execute(
            "SELECT inconsistent, COUNT(*) FROM articles WHERE status = 'done' "
            "GROUP BY inconsistent ORDER BY inconsistent"
        ).fetchall()
    lines = [
        f"articles: {totals.get('done', 0):,} audited, {totals.get('error', 0):,} errors",
        f"claims: {claims:,}; checks: {verdicts.get('consistent', 0):,} consistent, "
        f"{verdicts.get('inconsistent', 0):,} inconsistent",
        "",
        "inconsistencies by rule:",
        *(f"  {rule}  {count:,}" for rule, count in rules),
        "",
        "articles with the most inconsistencies:",
        *(f"  {count:>3}  {article}" for article, count in worst),
        "",
        "inconsistencies per article:",
    ]
    widest = max((count for _, count in histogram), default=1)
    for value, count in histogram:
        bar = "#" * max(1, round(40 * count / widest))
        lines.append(f"  {value:>3}  {count:>6,}  {bar}")
    if workers:
        lines += ["", "workers of the latest run (batches, articles, seconds checking, peak RSS):"]
        for worker, batches, articles, seconds, peak in workers:
            lines.append(
                f"  {worker}  {batches:,} batches  {articles:,} articles  {seconds:,.1f} s  "
                f"{peak:,.0f} MB"
            )
    return "\n".join(lines) + "\n"
