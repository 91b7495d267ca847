"""Checks run in worker processes, each holding a Checker loaded once when it starts.

A process, unlike a thread, can be stopped: a check that overruns the time limit has its worker
killed and replaced, so one pathological draft cannot hold the server. Work and results cross a
pipe as plain data (the text in, the contract's dict out)."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection

from claimcheck.api import CheckerOptions
from claimcheck.models import CONTRACT_VERSION
from claimcheck.report.contract import file_dict

_READY = "ready"


class CheckTimeout(Exception):
    pass


class Busy(Exception):
    pass


@dataclass(frozen=True)
class Job:
    text: str
    kind: str  # text, markdown or html
    name: str
    include_text: bool


def _work(conn: Connection, options: CheckerOptions) -> None:
    """A worker's whole life: load, say ready, then answer jobs until the pipe closes. Ctrl-C is
    the server's to handle: it stops the workers as it shuts down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    checker = options.build()
    checker.warm()
    conn.send(_READY)
    while True:
        try:
            job: Job = conn.recv()
        except EOFError:
            return
        try:
            result = checker.check_texts([(job.name, job.text)], [job.kind])[0]
            data = file_dict(result)
            if job.include_text:
                data["text"] = result.text
            # the response body is made here, beside the check, not on the server's event loop
            body = {"version": CONTRACT_VERSION, "files": [data]}
            conn.send(("ok", json.dumps(body, ensure_ascii=False).encode("utf-8")))
        except Exception as exc:  # the server answers 500 with this; the worker lives on
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


class Worker:
    def __init__(self, options: CheckerOptions) -> None:
        context = multiprocessing.get_context("spawn")  # no fork from a running event loop
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout) or self.conn.recv() != _READY:
            self.stop()
            raise RuntimeError(f"a check worker did not start within {timeout:.0f} s")

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


async def _readable(conn: Connection, timeout: float) -> bool:
    """Waits on the pipe inside the event loop (no thread per request)."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():  # called again each loop turn until the reader is removed
            ready.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await asyncio.wait_for(ready, timeout)
        return True
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(conn.fileno())


class WorkerPool:
    """`size` workers; a request takes an idle one, or waits up to the time limit for one."""

    def __init__(
        self, size: int, *, options: CheckerOptions, timeout: float, start_timeout: float = 120
    ) -> None:
        self.size = size
        self.options = options
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: set[Worker] = set()  # ready ones, idle or busy
        self.starting: set[Worker] = set()
        self.restarts: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        await asyncio.gather(*(self._add() for _ in range(self.size)))

    async def _add(self) -> None:
        worker = Worker(self.options)
        self.starting.add(worker)
        try:
            await asyncio.to_thread(worker.wait_ready, self.start_timeout)
        finally:
            self.starting.discard(worker)
        self.workers.add(worker)
        self.idle.put_nowait(worker)

    async def check(self, job: Job) -> bytes:
        """The contract's JSON for the job, as the response body."""
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.timeout)
        except TimeoutError as exc:
            raise Busy from exc
        try:
            worker.conn.send(job)
            if not await _readable(worker.conn, self.timeout):
                self._replace(worker)
                raise CheckTimeout
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:  # the worker died (out of memory, killed)
            self._replace(worker)
            raise RuntimeError("the check worker stopped") from exc
        self.idle.put_nowait(worker)
        if status != "ok":
            raise RuntimeError(payload)
        body: bytes = payload
        return body

    def _replace(self, worker: Worker) -> None:
        worker.stop()
        self.workers.discard(worker)
        task = asyncio.get_running_loop().create_task(self._add())
        self.restarts.add(task)
        task.add_done_callback(self.restarts.discard)

    async def close(self) -> None:
        for task in list(self.restarts):
            task.cancel()
        for worker in [*self.workers, *self.starting]:
            worker.stop()
        self.workers.clear()
        self.starting.clear()
