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
import resource
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


def run(archive: Path, jobs: int, folder: Path) -> tuple[float, float]:
    """Wall seconds of a fresh audit and the peak RSS (MB) of its processes."""
    db = folder / f"audit-{jobs}.sqlite"
    command = [
        sys.executable,
        "-m",
        "claimcheck",
        "audit",
        str(archive),
        "--db",
        str(db),
        "--jobs",
        str(jobs),
        "--batch-size",
        "50",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


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
        for jobs in (1, 2):
            seconds, peak = run(archive, jobs, folder)
            base = base or seconds
            print(
                f"{f'local, {jobs} process' + ('es' if jobs > 1 else ''):<22} {seconds:>8.2f} "
                f"{args.articles / seconds:>11,.1f} {words / seconds:>10,.0f} {peak:>12.0f} "
                f"{base / seconds:>12.2f}x"
            )
    print("\n(peak RSS is the largest single process of each run: a worker or the parent)")
    print("dask LocalCluster: not measured yet (the Dask engine is not built)")
    print(f"\nreproduce: .venv/bin/python benchmarks/audit.py --articles {args.articles}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
