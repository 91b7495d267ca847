"""A real `claimcheck serve` for the tests that need one: a free loopback port, a log file (a
pipe nobody reads could fill and stall the server), ready when /healthz says so."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(log: Path, *options: str, ready_within: float = 60) -> Iterator[str]:
    """Yields the server's base URL; stops it afterwards as Ctrl-C in a terminal would (SIGINT to
    its process group), then SIGKILL if it hangs."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "claimcheck", "serve", "--port", str(port), *options]
    with log.open("w") as sink:
        server = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + ready_within
        while not _healthy(base):
            if server.poll() is not None:
                raise AssertionError(
                    f"claimcheck serve exited {server.returncode}: {log.read_text()}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"claimcheck serve was not ready within {ready_within:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
            return bool(json.load(response).get("status") == "ok")
    except OSError:
        return False
