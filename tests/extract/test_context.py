"""What a figure counts (subject) and what is said of it (predicate), read from the words: the
readings the linker depends on, including the ones that once went wrong."""

from __future__ import annotations

import pytest

from claimcheck.api import Checker

CASES = [
    # sentence, claim, subject, predicate starts with
    ("Of those, 1,128 left within the permitted window.", "1,128", None, "left"),
    ("The district's 61,300 homes threw away 52,400 tonnes.", "61,300", "homes", "threw"),
    ("A survey of 1,200 streets found little change.", "1,200", "streets", "found"),
    (
        "Since 2018, 22 Norfolk police officers were reported.",
        "22",
        "Norfolk police officers",
        "were",
    ),
    ("Staff were offered a £500 pay rise.", "£500", "pay rise", None),
]


@pytest.mark.parametrize(("sentence", "text", "subject", "predicate"), CASES)
def test_reading(
    checker: Checker, sentence: str, text: str, subject: str | None, predicate: str | None
) -> None:
    claims = checker.check_texts([("a.txt", sentence)])[0].claims
    claim = next(c for c in claims if c.text == text)
    assert claim.subject == subject
    if predicate is None:
        assert claim.predicate is None
    else:
        assert claim.predicate is not None and claim.predicate.startswith(predicate)
