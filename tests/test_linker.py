"""The linker measured as the issue asks: cross-validated by article over corpus/ and the shared
samples (no article in its own training fold), and the shipped model reproducible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.evaluate.crossval import run_cv
from claimcheck.evaluate.train import default_folders, train
from claimcheck.link.scorer import model_path

from .conftest import CORPUS

SAMPLES = CORPUS.parent.parent / "shared" / "samples"


def test_retraining_gives_the_shipped_model(tmp_path: Path) -> None:
    """claimcheck train over the same folders writes the same weights as the shipped file."""
    assert SAMPLES.is_dir(), "the shared samples are part of the training data"
    rebuilt = tmp_path / "model.json"
    train([CORPUS, SAMPLES], rebuilt)
    shipped = json.loads(model_path().read_text(encoding="utf-8"))
    again = json.loads(rebuilt.read_text(encoding="utf-8"))
    assert again["about"] == shipped["about"]
    assert again["weights"].keys() == shipped["weights"].keys()
    for name, weight in shipped["weights"].items():
        assert again["weights"][name] == pytest.approx(weight, abs=1e-4), name
    assert again["bias"] == pytest.approx(shipped["bias"], abs=1e-4)


def test_default_folders_are_the_corpus_and_the_samples() -> None:
    assert [f.resolve() for f in default_folders()] == [CORPUS.resolve(), SAMPLES.resolve()]


def _figure(report: str, section: str, prefix: str) -> str:
    lines = report.splitlines()
    start = lines.index(f"== {section} ==")
    return next(line for line in lines[start:] if line.startswith(prefix))


def test_cross_validated_budgets() -> None:
    """Floors at the figures measured when the scorer landed (README, Linking): a change that
    lowers any of them fails here. These are not yet the issue's targets."""
    report = run_cv([CORPUS, SAMPLES], 10)
    relations = _figure(report, "all folders", "Relations against the gold")
    recall = float(relations.split("recall ")[1].split(")")[0])
    verdict = float(_figure(report, "all folders", "Verdict accuracy").split()[-1].rstrip("."))
    alarms = _figure(report, "all folders", "False alarms")
    per_article = float(alarms.split("(")[1].split()[0])
    mutations = _figure(report, "all folders", "Mutation test")
    detected = float(mutations.split("(")[1].split(")")[0])
    assert recall >= 0.37
    assert verdict >= 0.97
    assert per_article <= 0.14
    assert detected >= 0.47
