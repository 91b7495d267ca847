"""How fast `claimcheck audit` goes on one machine: articles and words per second with 1 and 2
worker processes, and the peak memory of the workers, on an archive of at least 2,000 articles
made by repeating the corpus (each copy gets a distinct last line, so every text is new to the
database and none is skipped as done).

Run: .venv/bin/python benchmarks/audit.py [--articles N] [--repeat R]"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_archive(folder: Path, wanted: int) -> tuple[Path, int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    archive = folder / "archive.jsonl"
    words = 0
    with archive.open("w", encoding="utf-8") as out:
        for n in range(wanted):
            text = f"{texts[n % len(texts)]}\n\nArchive copy {n}.\n"
            words += len(text.split())
            out.write(json.dumps({"id": f"a{n}", "text": text}) + "\n")
    return archive, words


@dataclass(frozen=True)
class Measured:
    seconds: float
    largest_mb: float  # peak RSS of the largest process of the run (wait4)
    workers_mb: list[float]  # each worker's own peak RSS, from the audit's workers table
    others: float  # share of the machine's CPU used by other processes during the run


def _busy_ticks() -> tuple[int, int] | None:
    """(busy, total) CPU ticks of the whole machine so far, from /proc/stat (Linux only)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields[:8]) - idle, sum(fields[:8])


def run(archive: Path, jobs: int, folder: Path, engine: str) -> Measured:
    """A fresh audit as a child process, with what else the machine was doing meanwhile: on a
    shared 2-core machine a neighbour's load, not the code, is the usual cause of a slow run."""
    db = folder / f"audit-{engine}-{jobs}.sqlite"
    for stale in folder.glob(f"{db.name}*"):  # a fresh database: a resumed one would skip all
        stale.unlink()
    command = [sys.executable, "-m", "claimcheck", "audit", str(archive), "--db", str(db)]
    command += ["--jobs", str(jobs), "--batch-size", "50", "--engine", engine]
    before = _busy_ticks()
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    after = _busy_ticks()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {child.returncode}")
    others = float("nan")
    if before and after:
        tick = os.sysconf("SC_CLK_TCK")
        busy, total = after[0] - before[0], after[1] - before[1]
        ours = (usage.ru_utime + usage.ru_stime) * tick
        others = max(0.0, busy - ours) / max(1, total)
    with sqlite3.connect(db) as con:
        workers = [peak for (peak,) in con.execute("SELECT peak_rss_mb FROM workers")]
    return Measured(seconds, usage.ru_maxrss / 1024, workers, others)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each keeps its best")
    args = parser.parse_args()
    print("# claimcheck audit benchmark")
    print(f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M:%S} UTC")
    print(f"python: {platform.python_version()}, cpus: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, words = make_archive(folder, args.articles)
        print(f"archive: {args.articles:,} articles, {words:,} words (the corpus repeated)\n")
        configs = (
            ("local, 1 process", "local", 1),
            ("local, 2 processes", "local", 2),
            ("dask LocalCluster, 2", "dask", 2),
        )
        # Rounds take the configurations in turn, so a burst of load from a neighbour on this
        # shared machine hits one round of each rather than all runs of one; each keeps its best.
        best: dict[str, Measured] = {}
        spread: dict[str, list[Measured]] = {label: [] for label, _, _ in configs}
        for _ in range(args.repeat):
            for label, engine, jobs in configs:
                measured = run(archive, jobs, folder, engine)
                spread[label].append(measured)
                if label not in best or measured.seconds < best[label].seconds:
                    best[label] = measured
        print(
            f"{'engine':<22} {'seconds':>8} {'articles/s':>11} {'words/s':>10} "
            f"{'largest MB':>11} {'per worker MB':>14} {'vs 1 process':>13}  "
            "all runs: s (others' CPU)"
        )
        base = best[configs[0][0]].seconds
        for label, _, _ in configs:
            seconds, peak = best[label].seconds, best[label].largest_mb
            each = " / ".join(f"{mb:.0f}" for mb in sorted(best[label].workers_mb))
            runs = ", ".join(f"{m.seconds:.1f} ({m.others:.0%})" for m in spread[label])
            print(
                f"{label:<22} {seconds:>8.2f} {args.articles / seconds:>11,.1f} "
                f"{words / seconds:>10,.0f} {peak:>11.0f} {each:>14} {base / seconds:>12.2f}x  "
                f"{runs}"
            )
    print(f"\n(best of {args.repeat} rounds; largest MB: peak RSS of the largest process of the")
    print(" run, by wait4; per worker MB: each worker's own peak RSS as it recorded it in the")
    print(" audit's workers table; others' CPU: the share of the machine's CPU that other")
    print(" processes used during that run. The Dask run includes starting a LocalCluster.)")
    print(
        "\nreproduce: .venv/bin/python benchmarks/audit.py "
        f"--articles {args.articles} --repeat {args.repeat}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
