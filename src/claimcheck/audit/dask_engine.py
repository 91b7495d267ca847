"""The audit on a Dask distributed cluster (`--engine dask --scheduler ADDRESS`): batches of
articles go to the workers, each of which builds its Checker once (a worker plugin, so the
lexicons and any model load once per worker, not per task); results stream back to this client,
which writes them to the same database, a batch per transaction, so resuming works as locally.
The only module that imports dask."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from claimcheck.api import Checker, CheckerOptions
from claimcheck.audit.progress import Progress
from claimcheck.audit.runner import IN_FLIGHT_PER_WORKER, batches, check_batch_with, drain
from claimcheck.audit.sources import Article
from claimcheck.audit.store import Batch, Store

PLUGIN_NAME = "claimcheck-checker"


class CheckerPlugin(WorkerPlugin):
    """Dask worker plugin: builds the worker's Checker when the worker starts."""

    name = PLUGIN_NAME

    def __init__(self, options: CheckerOptions) -> None:
        self.options = options

    def setup(self, worker: Any) -> None:
        worker.claimcheck_checker = self.options.build()

    def teardown(self, worker: Any) -> None:
        pass


def check_on_worker(batch: list[Article]) -> Batch:
    worker: Any = get_worker()
    checker = getattr(worker, "claimcheck_checker", None)
    if checker is None:  # a worker that joined without the plugin
        checker = worker.claimcheck_checker = Checker()
    return check_batch_with(checker, batch)


def _bounded(client: Client, work: Iterator[list[Article]]) -> Iterator[Batch]:
    """Results as they finish, with a few batches per worker in flight (workers may join or
    leave): the client never holds, or ships to the scheduler, more of the archive than that."""
    running = as_completed()

    def top_up() -> None:
        workers = max(1, len(client.scheduler_info()["workers"]))
        while running.count() < IN_FLIGHT_PER_WORKER * workers:
            batch = next(work, None)
            if batch is None:
                return
            running.add(client.submit(check_on_worker, batch, pure=False))

    top_up()
    for future in running:
        top_up()
        yield future.result()


def run_dask(
    store: Store,
    run_id: int,
    articles: Iterable[Article],
    *,
    scheduler: str | None,
    jobs: int,
    batch_size: int,
    options: CheckerOptions,
    progress: Progress,
) -> int:
    cluster = None
    if scheduler is None:  # no cluster named: a local one, one worker per job
        cluster = LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
        scheduler = cluster.scheduler_address
    try:
        with Client(scheduler) as client:
            client.register_plugin(CheckerPlugin(options), name=PLUGIN_NAME)
            return drain(store, run_id, _bounded(client, batches(articles, batch_size)), progress)
    finally:
        if cluster is not None:
            cluster.close()
