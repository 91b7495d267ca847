"""How the cost of checking one article grows with its length: a 36,000-character article and
one ten times as long, both cut from the corpus articles joined end to end (the long one repeats
them), each checked in one process with `Checker().check_texts`. Checking should be linear in
the length, so the long one should take about ten times as long; the target is at most 12x.
Each size is warmed up once, untimed, then the best of three rounds counts. The counts of
relations and findings are printed too: the long article repeats the corpus, so each figure is
also a restatement of its copies, and what the checks produce grows faster than the text.

Run: .venv/bin/python benchmarks/length.py [--rounds N]
The machines are shared and noisy: read the ratio, not the absolute figures."""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import sys
import time
from pathlib import Path

from claimcheck.api import Checker

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHORT = 36_000  # characters
LONG = 360_000
TARGET = 12.0  # the longest the long article may take, in multiples of the short one


def articles() -> dict[str, str]:
    """The two inputs, named by their length: the corpus joined with blank lines, cut to 36,000
    characters, and joined eight times over, cut to 360,000."""
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        sys.exit(f"no articles in {CORPUS}")
    joined = "\n\n".join(path.read_text(encoding="utf-8") for path in paths)
    if len(joined) * 8 < LONG:
        sys.exit(f"the corpus is too short to make a {LONG:,}-character article")
    return {"a36k.txt": joined[:SHORT], "a360k.txt": (joined * 8)[:LONG]}


def best_of(rounds: int, checker: Checker, texts: dict[str, str]) -> dict[str, float]:
    """Best seconds per article; the rounds alternate the two, so drift hits both alike."""
    best = {name: float("inf") for name in texts}
    for _ in range(rounds):
        for name, text in texts.items():
            start = time.perf_counter()
            checker.check_texts([(name, text)])
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def header() -> str:
    return "\n".join(
        [
            "# claimcheck length benchmark",
            f"date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
            f"python: {platform.python_version()} ({sys.executable})",
            f"cpus: {os.cpu_count()}, platform: {platform.platform()}",
            f"claimcheck: {importlib.metadata.version('claimcheck')}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per article (3)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    print(header(), flush=True)
    texts = articles()
    checker = Checker()
    results = {name: checker.check_texts([(name, text)])[0] for name, text in texts.items()}
    seconds = best_of(args.rounds, checker, texts)  # the line above was the warm-up

    print()
    print(
        f"## one article checked in one process (Checker().check_texts), best of {args.rounds}"
        f" rounds after a warm-up; corpus {CORPUS}"
    )
    print()
    print(
        f"  {'article':<10} {'chars':>9} {'words':>8} {'claims':>7} {'relations':>10}"
        f" {'findings':>9} {'best s':>8}"
    )
    for name, text in texts.items():
        result = results[name]
        print(
            f"  {name:<10} {len(text):9,} {len(text.split()):8,} {len(result.claims):7,}"
            f" {len(result.relations):10,} {len(result.findings):9,} {seconds[name]:8.3f}"
        )
    ratio = seconds["a360k.txt"] / seconds["a36k.txt"]
    print()
    print(
        f"  ratio: {ratio:.1f}x the time for {LONG // SHORT}x the text"
        f" (linear: about {LONG // SHORT}x; target: at most {TARGET:.0f}x)"
    )
    print()
    print(f"reproduce: .venv/bin/python benchmarks/length.py --rounds {args.rounds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
