"""How fast `claimcheck audit` goes on one machine: articles and words per second with 1 and 2
worker processes, and the peak memory of the workers, on an archive of at least 2,000 articles
made by repeating the corpus (each copy gets a distinct last line, so every text is new to the
database and none is skipped as done).

Run: .venv/bin/python benchmarks/audit.py [--articles N]"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
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


def run(archive: Path, jobs: int, folder: Path, engine: str) -> tuple[float, float]:
    """Wall seconds of a fresh audit, and the peak RSS (MB) of the largest process in it (the
    audit process or one of the workers it waited for), read from this run alone by wait4."""
    db = folder / f"audit-{engine}-{jobs}.sqlite"
    command = [sys.executable, "-m", "claimcheck", "audit", str(archive), "--db", str(db)]
    command += ["--jobs", str(jobs), "--batch-size", "50", "--engine", engine]
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {child.returncode}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    print("# claimcheck audit benchmark")
    print(f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M:%S} UTC")
    print(f"python: {platform.python_version()}, cpus: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, words = make_archive(folder, args.articles)
        print(f"archive: {args.articles:,} articles, {words:,} words (the corpus repeated)\n")
        print(
            f"{'engine':<22} {'seconds':>8} {'articles/s':>11} {'words/s':>10} "
            f"{'peak RSS MB':>12} {'vs 1 process':>13}"
        )
        base = None
        for label, engine, jobs in (
            ("local, 1 process", "local", 1),
            ("local, 2 processes", "local", 2),
            ("dask LocalCluster, 2", "dask", 2),
        ):
            seconds, peak = run(archive, jobs, folder, engine)
            base = base or seconds
            print(
                f"{label:<22} {seconds:>8.2f} {args.articles / seconds:>11,.1f} "
                f"{words / seconds:>10,.0f} {peak:>12.0f} {base / seconds:>12.2f}x"
            )
    print("\n(peak RSS: the largest process of each run, the audit or a worker; the Dask run")
    print(" includes starting a LocalCluster of two worker processes)")
    print(f"\nreproduce: .venv/bin/python benchmarks/audit.py --articles {args.articles}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
