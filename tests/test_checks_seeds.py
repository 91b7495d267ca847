"""The checks on the seed articles: no inconsistency on either, the working shown for each
relation a subeditor would check, and the seeded slips caught on the right claim."""

from __future__ import annotations

import pytest

from claimcheck.api import Checker
from claimcheck.models import FileResult, Verdict

from .conftest import SEEDS

NORFOLK = SEEDS / "000_cff8371ffe292124.txt"
HAMPSHIRE = SEEDS / "002_13680e6448c97e88.txt"

pytestmark = pytest.mark.skipif(
    not NORFOLK.exists(), reason="shared/seeds is not beside the checkout"
)


def _check(checker: Checker, text: str) -> FileResult:
    return checker.check_texts([("seed", text)])[0]


def _messages(result: FileResult, verdict: Verdict) -> list[str]:
    return [f.message for f in result.findings if f.verdict is verdict]


def test_norfolk_is_consistent_with_working(checker: Checker) -> None:
    result = _check(checker, NORFOLK.read_text(encoding="utf-8"))
    assert _messages(result, Verdict.inconsistent) == []
    shown = "\n".join(_messages(result, Verdict.consistent))
    assert "22 + 5 = 27; stated '27': consistent" in shown
    assert "'3.7 per cent': 1 of 27 = 3.70%; stated 3.7 per cent: consistent" in shown
    assert "'Four out of five' (0.80): 21 of 27 = 0.78: consistent" in shown
    assert "'half as likely': 3.4 / 7 = 0.49 against 0.5: consistent" in shown
    assert "3 + 3 + 1 within 27 ('27'): consistent" in shown


def test_hampshire_is_consistent_with_working(checker: Checker) -> None:
    result = _check(checker, HAMPSHIRE.read_text(encoding="utf-8"))
    assert _messages(result, Verdict.inconsistent) == []
    shown = "\n".join(_messages(result, Verdict.consistent))
    assert "'DOZENS' means at least 24; 49 ('49'): consistent" in shown
    assert "49 within 56 ('56'): consistent" in shown
    assert "2 + 2 within 56 ('56'): consistent" in shown


@pytest.mark.parametrize(
    ("old", "new", "rule", "flagged"),
    [
        ("3.7 per cent", "7.3 per cent", "CC101", "7.3 per cent"),
        ("22 Norfolk police officers", "32 Norfolk police officers", "CC201", "27"),
        ("However 21 individuals", "However 12 individuals", "CC102", "Four out of five"),
    ],
)
def test_norfolk_slips_are_caught(
    checker: Checker, old: str, new: str, rule: str, flagged: str
) -> None:
    text = NORFOLK.read_text(encoding="utf-8").replace(old, new, 1)
    result = _check(checker, text)
    errors = [
        (f.rule, text[f.start : f.end])
        for f in result.findings
        if f.verdict is Verdict.inconsistent
    ]
    assert (rule, flagged) in errors
