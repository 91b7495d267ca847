"""Batch audits: many articles, in parallel, into a database, resumable.

`run_audit` reads the inputs twice, holding no text in memory between: a first pass collects
content hashes (to know what is left to do, for the progress bar, and for --rerun); the second
streams the articles still to do, each text once, in batches to the workers, and writes each
batch in one transaction. Memory stays flat whatever the archive's size."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimcheck.api import CheckerOptions
from claimcheck.audit.progress import progress_for
from claimcheck.audit.runner import run_local
from claimcheck.audit.sources import Article, Fields, read_articles
from claimcheck.audit.store import Store


def run_audit(
    inputs: list[str],
    db: Path,
    *,
    fields: Fields | None = None,
    jobs: int = 1,
    batch_size: int = 50,
    rerun: bool = False,
    options: CheckerOptions | None = None,
    report: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> tuple[int, int]:
    """(audited now, skipped as already done). `report` takes the progress lines; without it,
    a terminal gets a progress bar and anything else plain lines on stderr."""
    fields = fields or Fields()
    options = options or CheckerOptions()
    options.validate()  # a broken rule or lexicon file: one coded line before any work
    unique = {article.content_hash for article in read_articles(inputs, fields)}
    store = Store(db)
    try:
        if rerun:
            store.forget(unique)
        todo = unique - store.done()
        total = len(todo)
        pending = _still_to_do(read_articles(inputs, fields), todo)
        run_id = store.start_run(inputs, {"jobs": jobs, "batch_size": batch_size, "rerun": rerun})
        with progress_for(total, report) as progress:
            if engine == "dask":
                from claimcheck.audit.dask_engine import run_dask

                audited = run_dask(
                    store,
                    run_id,
                    pending,
                    scheduler=scheduler,
                    jobs=jobs,
                    batch_size=batch_size,
                    options=options,
                    progress=progress,
                )
            else:
                audited = run_local(
                    store,
                    run_id,
                    pending,
                    jobs=jobs,
                    batch_size=batch_size,
                    options=options,
                    progress=progress,
                )
        store.finish_run(run_id)
    finally:
        store.close()
    return audited, len(unique) - total


def _still_to_do(articles: Iterable[Article], todo: set[str]) -> Iterator[Article]:
    """The articles whose text is to do, each text once (the first copy keeps its id)."""
    for article in articles:
        if article.content_hash in todo:
            todo.discard(article.content_hash)
            yield article
