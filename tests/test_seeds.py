"""The two seed articles the project started from (../shared/seeds, beside a checkout): every
numeric claim found with the right value and kind."""

from __future__ import annotations

import pytest

from claimcheck.api import Checker
from claimcheck.models import Claim

from .conftest import SEEDS

NORFOLK = SEEDS / "000_cff8371ffe292124.txt"
HAMPSHIRE = SEEDS / "002_13680e6448c97e88.txt"

pytestmark = pytest.mark.skipif(
    not NORFOLK.exists(), reason="shared/seeds is not beside the checkout"
)

# (text, value, kind, extra) in reading order; extra checks qualifier and bounds.
NORFOLK_CLAIMS = [
    ("Four out of five", 0.8, "fraction"),
    ("January 2018", 2018, "date"),
    ("22", 22, "count"),
    ("five", 5, "count"),
    ("Three", 3, "count"),
    ("27", 27, "count"),
    ("three", 3, "count"),
    ("one", 1, "count"),
    ("21", 21, "count"),
    ("around a fifth", 0.2, "fraction"),
    ("more than 1,300", 1300, "count"),
    ("2018", 2018, "date"),
    ("36", 36, "count"),
    ("203", 203, "count"),
    ("half as likely", 0.5, "ratio"),
    ("3.4 per cent", 3.4, "percentage"),
    ("one", 1, "count"),
    ("27", 27, "count"),
    ("3.7 per cent", 3.7, "percentage"),
    ("around seven per cent", 7, "percentage"),
]
HAMPSHIRE_CLAIMS = [
    ("DOZENS", None, "vague"),
    ("56", 56, "count"),
    ("January 2018", 2018, "date"),
    ("last year", None, "date"),
    ("49", 49, "count"),
    ("last year", None, "date"),
    ("two", 2, "count"),
    ("two", 2, "count"),
    ("None", 0, "count"),
    ("two", 2, "count"),
    ("June 2021", 2021, "date"),
    ("four", 4, "count"),
]


def _claims(checker: Checker, path: object) -> list[Claim]:
    text = (
        NORFOLK.read_text(encoding="utf-8")
        if path == "norfolk"
        else HAMPSHIRE.read_text(encoding="utf-8")
    )
    return checker.check_texts([(str(path), text)])[0].claims


@pytest.mark.parametrize(
    ("seed", "expected"), [("norfolk", NORFOLK_CLAIMS), ("hampshire", HAMPSHIRE_CLAIMS)]
)
def test_every_claim(
    checker: Checker, seed: str, expected: list[tuple[str, float | None, str]]
) -> None:
    claims = _claims(checker, seed)
    assert [(c.text, c.value, c.kind.value) for c in claims] == expected


def test_norfolk_facts(checker: Checker) -> None:
    by_text = {}
    for claim in _claims(checker, "norfolk"):
        by_text.setdefault(claim.text, claim)
    assert by_text["more than 1,300"].qualifier.value == "lower_bound"
    assert by_text["around a fifth"].qualifier.value == "approximate"
    assert by_text["22"].subject == "Norfolk police officers"
    assert by_text["five"].subject == "civilian staff"
    assert by_text["one"].predicate == "was convicted of a crime"
    assert by_text["Four out of five"].predicate == "have kept their jobs"


def test_hampshire_dozens_is_a_lower_bound(checker: Checker) -> None:
    dozens = _claims(checker, "hampshire")[0]
    assert (dozens.value, dozens.min, dozens.max) == (None, 24, None)
    assert dozens.subject == "Hampshire police staff"


@pytest.mark.parametrize("seed", ["norfolk", "hampshire"])
def test_parse_finds_the_same_claims(checker: Checker, parsing_checker: Checker, seed: str) -> None:
    """spaCy's parse changes readings of subject and predicate, never the figures."""
    by_rule = [(c.text, c.start, c.value, c.kind) for c in _claims(checker, seed)]
    parsed = _claims(parsing_checker, seed)
    assert [(c.text, c.start, c.value, c.kind) for c in parsed] == by_rule
    by_text = {c.text: c for c in parsed}
    assert by_text["22" if seed == "norfolk" else "56"].subject in (
        "Norfolk police officers",
        "police officers",
    )
