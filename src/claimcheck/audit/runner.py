"""Running an audit locally: batches of articles through a Checker, in this process (one job) or
a pool of worker processes, each loading the lexicons (and the model, with --parse) once in its
initializer. Results come back to this process, which writes each batch in one transaction."""

from __future__ import annotations

import itertools
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from claimcheck.api import Checker
from claimcheck.audit.sources import Article
from claimcheck.audit.store import Outcome, Store, outcome

_worker: Checker | None = None


def _init(syntax: bool) -> None:
    global _worker
    _worker = Checker(syntax=syntax)


def check_batch(batch: list[Article]) -> list[Outcome]:
    """One batch with this process's Checker (made by the pool's initializer)."""
    return check_batch_with(_worker or Checker(), batch)


def check_batch_with(checker: Checker, batch: list[Article]) -> list[Outcome]:
    """One batch, each article on its own: one that breaks the pipeline is an error row."""
    outcomes = []
    for article in batch:
        started = time.perf_counter()
        result, error = None, article.error
        if article.text is not None:
            try:
                result = checker.check_texts([(article.source, article.text)])[0]
            except Exception as exc:  # the run must go on; the error is kept in its row
                error = f"{type(exc).__name__}: {exc}"
        outcomes.append(
            outcome(
                article.article_id,
                article.source,
                article.content_hash,
                result,
                error,
                time.perf_counter() - started,
                (article.url, article.title, article.date),
            )
        )
    return outcomes


@dataclass
class Progress:
    total: int
    done: int = 0
    started: float = 0.0

    def line(self) -> str:
        elapsed = max(1e-9, time.perf_counter() - self.started)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0.0
        return f"audited {self.done:,}/{self.total:,} articles, {rate:,.1f}/s, ETA {eta:,.0f} s"


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_local(
    store: Store,
    run_id: int,
    articles: list[Article],
    *,
    jobs: int,
    batch_size: int,
    syntax: bool = False,
    report: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    progress = Progress(len(articles), started=time.perf_counter())
    work = batches(articles, batch_size)
    if jobs <= 1:
        _init(syntax)
        results: Iterable[list[Outcome]] = map(check_batch, work)
        return _drain(store, run_id, results, progress, report)
    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with context.Pool(jobs, initializer=_init, initargs=(syntax,)) as pool:
        return _drain(store, run_id, pool.imap_unordered(check_batch, work), progress, report)


def _drain(
    store: Store,
    run_id: int,
    results: Iterable[list[Outcome]],
    progress: Progress,
    report: Callable[[str], None],
) -> int:
    for outcomes in results:
        store.write_batch(run_id, outcomes)
        progress.done += len(outcomes)
        report(progress.line())
    return progress.done
