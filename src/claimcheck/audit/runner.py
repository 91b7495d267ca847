"""Running an audit locally: batches of articles through a Checker, in this process (one job) or
a pool of worker processes, each loading the lexicons (and the model, with --parse) once in its
initializer. Results come back to this process, which writes each batch in one transaction."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import resource
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator

from claimcheck.api import Checker, CheckerOptions
from claimcheck.audit.progress import Progress
from claimcheck.audit.sources import Article
from claimcheck.audit.store import Batch, Store, outcome

_worker: Checker | None = None


def _init(options: CheckerOptions) -> None:
    global _worker
    _worker = options.build()


def _init_worker(options: CheckerOptions) -> None:
    """A pool worker leaves Ctrl-C to the parent, which stops the pool (and says so, once)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(options)


def check_batch(batch: list[Article]) -> Batch:
    """One batch with this process's Checker (made by the pool's initializer)."""
    return check_batch_with(_worker or Checker(), batch)


def check_batch_with(checker: Checker, batch: list[Article]) -> Batch:
    """One batch, each article on its own: one that breaks the pipeline is an error row."""
    batch_started = time.perf_counter()
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
    worker = f"{socket.gethostname()}:{os.getpid()}"
    return Batch(outcomes, worker, time.perf_counter() - batch_started, peak_rss_mb())


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_local(
    store: Store,
    run_id: int,
    articles: Iterable[Article],
    *,
    jobs: int,
    batch_size: int,
    options: CheckerOptions,
    progress: Progress,
) -> int:
    work = batches(articles, batch_size)
    if jobs <= 1:
        _init(options)
        return drain(store, run_id, map(check_batch, work), progress)
    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    # The pool's feeder thread would read every batch ahead into its queue; a slot per batch in
    # flight, freed as each is written, keeps only a few batches' texts in memory.
    slots = threading.BoundedSemaphore(IN_FLIGHT_PER_WORKER * jobs)
    stopping = threading.Event()
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        try:
            results = pool.imap_unordered(check_batch, _when_free(work, slots, stopping))
            return drain(store, run_id, results, progress, written=slots.release)
        finally:  # on Ctrl-C too: the feeder must not wait for a slot while the pool stops
            stopping.set()


IN_FLIGHT_PER_WORKER = 3  # enough that no worker waits for the next batch


def _when_free(
    work: Iterable[list[Article]], slots: threading.BoundedSemaphore, stopping: threading.Event
) -> Iterator[list[Article]]:
    for batch in work:
        while not slots.acquire(timeout=0.1):
            if stopping.is_set():
                return
        yield batch


def drain(
    store: Store,
    run_id: int,
    results: Iterable[Batch],
    progress: Progress,
    written: Callable[[], object] = lambda: None,
) -> int:
    """Writes each batch as it arrives, in one transaction, and counts it; returns the count."""
    done = 0
    for batch in results:
        store.write_batch(run_id, batch)
        written()
        done += len(batch.outcomes)
        progress.advance(len(batch.outcomes))
    return done
