"""Batch audits: many articles, in parallel, into a database, resumable.

`run_audit` reads the inputs, skips every article whose content hash the database already holds
(unless rerun), checks the rest in batches and writes each batch in one transaction."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from claimcheck.audit.runner import run_local
from claimcheck.audit.sources import Fields, read_articles
from claimcheck.audit.store import Store


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def run_audit(
    inputs: list[str],
    db: Path,
    *,
    fields: Fields | None = None,
    jobs: int = 1,
    batch_size: int = 50,
    rerun: bool = False,
    syntax: bool = False,
    report: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> tuple[int, int]:
    """(audited now, skipped as already done)."""
    articles = list(read_articles(inputs, fields or Fields()))
    unique = list({a.content_hash: a for a in articles}.values())
    store = Store(db)
    try:
        if rerun:
            store.forget(a.content_hash for a in unique)
        known = store.done()
        pending = [a for a in unique if a.content_hash not in known]
        run_id = store.start_run(inputs, {"jobs": jobs, "batch_size": batch_size, "rerun": rerun})
        if engine == "dask":
            from claimcheck.audit.dask_engine import run_dask

            audited = run_dask(
                store,
                run_id,
                pending,
                scheduler=scheduler,
                jobs=jobs,
                batch_size=batch_size,
                syntax=syntax,
                report=report or _to_stderr,
            )
        else:
            audited = run_local(
                store,
                run_id,
                pending,
                jobs=jobs,
                batch_size=batch_size,
                syntax=syntax,
                report=report or _to_stderr,
            )
        store.finish_run(run_id)
    finally:
        store.close()
    return audited, len(unique) - len(pending)
