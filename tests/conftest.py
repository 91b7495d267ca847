from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.api import Checker

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def checker() -> Checker:
    """The default pipeline: extraction by rule, no model."""
    return Checker()


@pytest.fixture(scope="session")
def parsing_checker() -> Checker:
    """With spaCy's parse, loaded once for the whole run."""
    return Checker(syntax=True)
