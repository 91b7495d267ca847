"""How fast and how steady `claimcheck serve` is: latency of POST /api/check on a real server.

A server is started as a subprocess on a free port of 127.0.0.1 (2 check workers by default,
as `claimcheck serve` starts them on this machine), waited for at /healthz and warmed up. Then,
each with its own keep-alive connection per client (a thread sending requests back to back):

1. 50 sequential requests of a ~1,000-word article (whole corpus articles, in sorted order,
   until 1,000 words): p50 against the target "a warm server answers a 1,000-word article in
   at most 300 ms at the median". Each round also times the baselines (below) once.
2. 8 concurrent clients, 200 requests in all, the same article.
3. The load test: 1,000 requests from 16 concurrent clients, every corpus article in turn, so
   no single input is repeated back to back. It must end with no error (a status other than
   200, or an exception) and the server's memory must not grow by more than 100 MB: the RSS of
   the server and all its descendants (the check workers), read from /proc before the test
   (after warm-up), every 0.2 s during it (the peak) and after it.

Baselines from the same run, since this shared 2-core machine is noisy and ratios mean more
than milliseconds, taken in turn with the sequential requests so drift hits them alike: the
HTTP floor (GET /healthz over the same connection); spaCy's en_core_web_sm as claimcheck loads
it, `nlp(article)` in this process, which every p50 is divided by; and the same checker in
this process, `Checker().check_texts(...)`, so the cost of HTTP and the worker pipe shows.

The clients run in this process, on the same 2 cores as the server: their CPU time is part of
what the latencies measure. The exit code is 1 if any request failed or memory grew by more
than 100 MB, so the script can serve as a check; the 300 ms median is reported, not enforced.
It is a benchmark: the tests never call it.

Run: .venv/bin/python benchmarks/serve.py [--parse] [--workers N] [--sequential N]
     [--concurrent N] [--load N]"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import importlib.metadata
import itertools
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NoReturn

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
HOST = "127.0.0.1"
ARTICLE_WORDS = 1000
MEDIAN_TARGET_MS = 300.0
GROWTH_LIMIT_MB = 100.0
SAMPLE_EVERY = 0.2  # seconds between memory samples during the load test
START_TIMEOUT = 180.0  # seconds for the server's workers to load their models
CLIENT_TIMEOUT = 60.0  # seconds a request may take before it counts as an error
PACKAGES = ("claimcheck", "spacy", "fastapi", "uvicorn")
WARM_UP = 6  # untimed requests (spread over the workers) before anything is measured


# --- inputs ---------------------------------------------------------------------------------


def load_corpus() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        sys.exit(f"no articles in {CORPUS}")
    return [path.read_text(encoding="utf-8") for path in paths]


def article(corpus: list[str]) -> tuple[str, int]:
    """Whole corpus articles, in sorted order, until there are at least 1,000 words; and how
    many articles that took."""
    chosen: list[str] = []
    for text in corpus:
        chosen.append(text.strip())
        if len("\n\n".join(chosen).split()) >= ARTICLE_WORDS:
            break
    return "\n\n".join(chosen), len(chosen)


def check_body(text: str) -> bytes:
    return json.dumps({"text": text, "format": "text"}).encode("utf-8")


# --- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int, workers: int, parse: bool, log: IO[bytes]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "claimcheck", "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), *(["--parse"] if parse else [])]
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(server: subprocess.Popen[bytes], port: int, log: IO[bytes]) -> float:
    """Seconds until GET /healthz says ok, counted from now."""
    started = time.perf_counter()
    while time.perf_counter() - started < START_TIMEOUT:
        if server.poll() is not None:
            fail(f"the server exited {server.returncode} before it was ready", log)
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/healthz")
            response = conn.getresponse()
            body = response.read()
            conn.close()
            if response.status == 200 and json.loads(body).get("status") == "ok":
                return time.perf_counter() - started
        except (OSError, http.client.HTTPException, ValueError):
            pass
        time.sleep(0.2)
    fail(f"the server was not ready within {START_TIMEOUT:.0f} s", log)


def fail(message: str, log: IO[bytes]) -> NoReturn:
    log.flush()
    log.seek(0)
    tail = log.read().decode(errors="replace").strip().splitlines()[-20:]
    sys.exit("\n".join([message, *(f"  | {line}" for line in tail)]))


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM (uvicorn shuts down and the pool kills its workers), then SIGKILL if it hangs;
    then any descendant still alive, by its pid."""
    left = descendants(server.pid)
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    deadline = time.monotonic() + 10
    for pid in left:
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if Path(f"/proc/{pid}").exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# --- memory, from /proc ---------------------------------------------------------------------


def parents() -> dict[int, int]:
    """pid -> ppid for every process, from /proc/*/stat (the field after the command's ')')."""
    found: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # gone since the scan
            continue
        found[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    return found


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, ppid in parents().items():
        children.setdefault(ppid, []).append(pid)
    found: list[int] = []
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return 0.0


def tree_rss_mb(root: int) -> tuple[float, int]:
    """RSS in MB of root plus all its descendants, and how many processes that is."""
    pids = [root, *descendants(root)]
    return sum(rss_mb(pid) for pid in pids), len(pids)


class Sampler(threading.Thread):
    """The peak of tree_rss_mb(root), sampled every SAMPLE_EVERY seconds until stopped."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0.0
        self.samples = 0
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss_mb(self.root)[0])
            self.samples += 1
            if self.done.wait(SAMPLE_EVERY):
                return

    def stop(self) -> float:
        self.done.set()
        self.join()
        return self.peak


# --- clients --------------------------------------------------------------------------------


@dataclass
class Run:
    """What one phase measured: each successful request's seconds, the failures, the wall."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)


class Client:
    """One keep-alive connection; a new one after a failure."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=CLIENT_TIMEOUT)

    def send(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes, float]:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        return response.status, data, time.perf_counter() - started

    def timed(self, method: str, path: str, body: bytes | None, run: Run) -> None:
        try:
            status, data, seconds = self.send(method, path, body)
        except (OSError, http.client.HTTPException) as exc:
            run.errors.append(f"{type(exc).__name__}: {exc}")
            self.conn.close()
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=CLIENT_TIMEOUT)
            return
        if status == 200:
            run.latencies.append(seconds)
        else:
            run.errors.append(f"HTTP {status}: {data[:200].decode(errors='replace')}")

    def close(self) -> None:
        self.conn.close()


def concurrent(port: int, clients: int, total: int, bodies: list[bytes]) -> Run:
    """`clients` threads, each with its own connection, taking request numbers from one counter
    until `total` are sent; request n sends bodies[n % len(bodies)]."""
    run = Run()
    counter = itertools.count()
    lock = threading.Lock()  # list.append is atomic, but next() on a shared count is not

    def client_loop(client: Client) -> None:
        while True:
            with lock:
                n = next(counter)
            if n >= total:
                return
            client.timed("POST", "/api/check", bodies[n % len(bodies)], run)

    connections = [Client(port) for _ in range(clients)]
    threads = [threading.Thread(target=client_loop, args=(c,)) for c in connections]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.wall = time.perf_counter() - started
    for connection in connections:
        connection.close()
    return run


def warm_up(port: int, workers: int, body: bytes) -> int:
    """Untimed requests from as many clients as workers, so every worker has checked a text;
    one response is read as JSON to be sure the server answers the contract; its size in bytes."""
    run = concurrent(port, max(1, workers), WARM_UP, [body])
    if run.errors:
        sys.exit(f"warm-up failed: {run.errors[0]}")
    client = Client(port)
    status, data, _ = client.send("POST", "/api/check", body)
    client.close()
    if status != 200 or "files" not in json.loads(data):
        sys.exit(f"POST /api/check answered {status}: {data[:200]!r}")
    return len(data)


# --- the sequential rounds, with the baselines in this process ------------------------------


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def rounds(
    client: Client, body: bytes, count: int, baselines: dict[str, Callable[[], object]]
) -> tuple[Run, Run, dict[str, list[float]]]:
    """`count` rounds of: GET /healthz, POST the article, then each in-process baseline once.
    Interleaved, so a burst of load from a neighbour on this shared machine hits every series
    alike and the ratios between them hold; the server is idle while the baselines run."""
    health, single = Run(), Run()
    seconds: dict[str, list[float]] = {name: [] for name in baselines}
    for action in baselines.values():  # warm-up, untimed
        action()
    for _ in range(count):
        health.wall += timed(lambda: client.timed("GET", "/healthz", None, health))
        single.wall += timed(lambda: client.timed("POST", "/api/check", body, single))
        for name, action in baselines.items():
            seconds[name].append(timed(action))
    return health, single, seconds


# --- the report -----------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 50 values is the 48th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil
    return ordered[int(rank) - 1]


def row(label: str, clients: int, run: Run, floor_ms: float) -> str:
    ms = [s * 1000 for s in run.latencies] or [float("nan")]
    p50 = statistics.median(ms)
    return (
        f"  {label:<33} {run.requests:>5} {clients:>4} {p50:>8.1f} {percentile(ms, 0.95):>8.1f}"
        f" {max(ms):>8.1f} {len(run.latencies) / run.wall:>7.1f} {len(run.errors):>6}"
        f" {p50 / floor_ms:>8.2f}x"
    )


def baseline_row(label: str, seconds: list[float], floor_ms: float) -> str:
    ms = [s * 1000 for s in seconds]
    p50 = statistics.median(ms)
    return (
        f"  {label:<33} {len(ms):>5} {1:>4} {p50:>8.1f} {percentile(ms, 0.95):>8.1f}"
        f" {max(ms):>8.1f} {len(ms) / sum(seconds):>7.1f} {'-':>6} {p50 / floor_ms:>8.2f}x"
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def header(args: argparse.Namespace) -> str:
    return "\n".join(
        [
            "# claimcheck serve benchmark",
            f"date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
            f"python: {platform.python_version()} ({sys.executable})",
            f"cpus: {os.cpu_count()}, platform: {platform.platform()}",
            f"load average at start: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}",
            "claimcheck: {}, spacy: {}, fastapi: {}, uvicorn: {}".format(
                *(
                    importlib.metadata.version(p)
                    for p in ("claimcheck", "spacy", "fastapi", "uvicorn")
                )
            ),
            f"server: claimcheck serve --workers {args.workers}"
            f"{' --parse' if args.parse else ''} (default timeout 10 s), on {HOST}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--parse", action="store_true", help="the server with spaCy's parse")
    parser.add_argument("--workers", type=int, default=2, help="the server's check workers (2)")
    parser.add_argument("--sequential", type=int, default=50, help="sequential requests (50)")
    parser.add_argument(
        "--concurrent", type=int, default=200, help="requests from 8 concurrent clients (200)"
    )
    parser.add_argument(
        "--load", type=int, default=1000, help="load-test requests from 16 clients (1000)"
    )
    args = parser.parse_args(argv)
    if min(args.workers, args.sequential, args.concurrent, args.load) < 1:
        parser.error("every count must be at least 1")

    corpus = load_corpus()
    text, used = article(corpus)
    body = check_body(text)
    bodies = [check_body(t) for t in corpus]
    print(header(args), flush=True)
    print(
        f"article: {len(text.split()):,} words ({len(body):,} bytes of JSON), the first"
        f" {used} corpus articles; load test: all {len(corpus)} articles in turn"
        f" ({min(len(t.split()) for t in corpus)}-{max(len(t.split()) for t in corpus)} words)",
        flush=True,
    )

    with tempfile.TemporaryFile() as log:  # a file, not a pipe: nothing to deadlock on
        port = free_port()
        server = start_server(port, args.workers, args.parse, log)
        try:
            return measure(args, server, port, text, body, bodies, log)
        finally:
            stop_server(server)


def measure(
    args: argparse.Namespace,
    server: subprocess.Popen[bytes],
    port: int,
    text: str,
    body: bytes,
    bodies: list[bytes],
    log: IO[bytes],
) -> int:
    # The in-process baselines load while the server's workers load theirs: nothing is timed
    # until both are ready, and the server is idle while the baselines run.
    from claimcheck.api import Checker
    from claimcheck.extract.syntax import load_model

    nlp = load_model()
    checker = Checker(syntax=args.parse)
    checker.warm()
    ready = wait_ready(server, port, log)
    answer = warm_up(port, args.workers, body)
    before, processes = tree_rss_mb(server.pid)
    print(
        f"server: ready {ready:.1f} s after this process had loaded its baselines; {processes}"
        f" processes (server and descendants), {before:.0f} MB RSS after warm-up;"
        f" the article's answer is {answer:,} bytes of JSON\n",
        flush=True,
    )

    client = Client(port)
    spacy_label = "spaCy nlp(article) (baseline)"
    checker_label = f"{'Checker(syntax=True)' if args.parse else 'Checker()'}.check_texts"
    health, single, baselines = rounds(
        client,
        body,
        args.sequential,
        {
            spacy_label: lambda: nlp(text),
            checker_label: lambda: checker.check_texts([("a.txt", text)]),
        },
    )
    client.close()
    eight = concurrent(port, 8, args.concurrent, [body])

    before, _ = tree_rss_mb(server.pid)
    sampler = Sampler(server.pid)
    sampler.start()
    load = concurrent(port, 16, args.load, bodies)
    peak = sampler.stop()
    after, processes_after = tree_rss_mb(server.pid)

    spacy_runs, checker_runs = baselines[spacy_label], baselines[checker_label]
    floor_ms = statistics.median(spacy_runs) * 1000
    print(
        f"  {'requests':<33} {'n':>5} {'cli':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
        f" {'req/s':>7} {'errors':>6} {'p50/spaCy':>9}"
    )
    print(row("GET /healthz (HTTP floor)", 1, health, floor_ms))
    print(row("1,000 words, sequential", 1, single, floor_ms))
    print(row("1,000 words, 8 clients", 8, eight, floor_ms))
    print(row("load: corpus, 16 clients", 16, load, floor_ms))
    print("  in this process, no HTTP (interleaved with the sequential requests):")
    print(baseline_row(spacy_label, spacy_runs, floor_ms))
    print(baseline_row(checker_label, checker_runs, floor_ms))

    p50 = statistics.median(single.latencies) * 1000 if single.latencies else float("inf")
    overhead = p50 - statistics.median(checker_runs) * 1000
    growth = after - before
    errors = [*health.errors, *single.errors, *eight.errors, *load.errors]
    print()
    print(
        f"HTTP + worker overhead: sequential p50 {p50:.1f} ms - in-process p50"
        f" {statistics.median(checker_runs) * 1000:.1f} ms = {overhead:.1f} ms"
        f" (HTTP floor {statistics.median(health.latencies) * 1000:.1f} ms)"
    )
    print(
        f"memory (server + descendants, RSS): before {before:.0f} MB, peak {peak:.0f} MB"
        f" ({sampler.samples} samples every {SAMPLE_EVERY} s), after {after:.0f} MB"
        f" ({processes_after} processes); growth {growth:+.1f} MB"
    )
    for message in sorted(set(errors))[:5]:
        print(f"  error: {message}")
    print()
    print(
        f"{verdict(p50 <= MEDIAN_TARGET_MS)}  warm server, 1,000-word article:"
        f" median {p50:.1f} ms (target: at most {MEDIAN_TARGET_MS:.0f} ms)"
    )
    print(f"{verdict(not load.errors)}  load test: {len(load.errors)} errors in {load.requests}")
    print(
        f"{verdict(growth <= GROWTH_LIMIT_MB)}  load test: memory growth {growth:+.1f} MB"
        f" (limit: {GROWTH_LIMIT_MB:.0f} MB)"
    )
    if len(errors) > len(load.errors):
        print(f"FAIL  {len(errors) - len(load.errors)} errors before the load test")
    print()
    flags = " --parse" if args.parse else ""
    print(
        f"reproduce: .venv/bin/python benchmarks/serve.py{flags} --workers {args.workers}"
        f" --sequential {args.sequential} --concurrent {args.concurrent} --load {args.load}"
    )
    return 1 if errors or growth > GROWTH_LIMIT_MB else 0


if __name__ == "__main__":
    sys.exit(main())
