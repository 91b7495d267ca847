"""The audit on a Dask distributed cluster (`--engine dask --scheduler ADDRESS`): batches of
articles go to the workers, each of which builds its Checker once (a worker plugin, so the
lexicons and any model load once per worker, not per task); results stream back to this client,
which writes them to the same database, a batch per transaction, so resuming works as locally.
The only module that imports dask."""

from __future__ import annotations

from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from claimcheck.api import Checker
from claimcheck.audit.progress import Progress
from claimcheck.audit.runner import batches, check_batch_with, drain
from claimcheck.audit.sources import Article
from claimcheck.audit.store import Batch, Store

PLUGIN_NAME = "claimcheck-checker"


class CheckerPlugin(WorkerPlugin):
    """Dask worker plugin: builds the worker's Checker when the worker starts."""

    name = PLUGIN_NAME

    def __init__(self, syntax: bool) -> None:
        self.syntax = syntax

    def setup(self, worker: Any) -> None:
        worker.claimcheck_checker = Checker(syntax=self.syntax)

    def teardown(self, worker: Any) -> None:
        pass


def check_on_worker(batch: list[Article]) -> Batch:
    worker: Any = get_worker()
    checker = getattr(worker, "claimcheck_checker", None)
    if checker is None:  # a worker that joined without the plugin
        checker = worker.claimcheck_checker = Checker()
    return check_batch_with(checker, batch)


def run_dask(
    store: Store,
    run_id: int,
    articles: list[Article],
    *,
    scheduler: str | None,
    jobs: int,
    batch_size: int,
    syntax: bool,
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
            client.register_plugin(CheckerPlugin(syntax), name=PLUGIN_NAME)
            futures = client.map(check_on_worker, list(batches(articles, batch_size)), pure=False)
            results = (future.result() for future in as_completed(futures))
            return drain(store, run_id, results, progress)
    finally:
        if cluster is not None:
            cluster.close()
