"""Batch audits: many articles, in parallel, into a database, resumable.

`run_audit` reads the inputs, skips every article whose content hash the database already holds
(unless rerun), checks the rest in batches and writes each batch in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimcheck.audit.progress import progress_for
from claimcheck.audit.runner import run_local
from claimcheck.audit.sources import Fields, read_articles
from claimcheck.audit.store import Store


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
    """(audited now, skipped as already done). `report` takes the progress lines; without it,
    a terminal gets a progress bar and anything else plain lines on stderr."""
    articles = list(read_articles(inputs, fields or Fields()))
    unique = list({a.content_hash: a for a in articles}.values())
    store = Store(db)
    try:
        if rerun:
            store.forget(a.content_hash for a in unique)
        known = store.done()
        pending = [a for a in unique if a.content_hash not in known]
        run_id = store.start_run(inputs, {"jobs": jobs, "batch_size": batch_size, "rerun": rerun})
        with progress_for(len(pending), report) as progress:
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
                    progress=progress,
                )
            else:
                audited = run_local(
                    store,
                    run_id,
                    pending,
                    jobs=jobs,
                    batch_size=batch_size,
                    syntax=syntax,
                    progress=progress,
                )
        store.finish_run(run_id)
    finally:
        store.close()
    return audited, len(unique) - len(pending)
