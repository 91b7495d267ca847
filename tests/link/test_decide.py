"""The decision for each checkable figure, and the named fix when one typing slip explains a
failed check."""

from __future__ import annotations

import pytest

from claimcheck.api import Checker
from claimcheck.models import Verdict

THOSE = (
    "Officers accused of abuse kept their jobs\n\n"
    "Figures from 41 forces show that 1,319 officers and civilian employees were accused of "
    "domestic abuse over three years. Of those, {kept} kept their jobs, which means eight out "
    "of ten remained in post."
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _findings(checker: Checker, text: str) -> list[tuple[str, str, str | None]]:
    result = checker.check_texts([("-", text)])[0]
    return [(f.verdict.value, f.message, f.fix) for f in result.findings]


def test_of_those_reads_against_the_figure_it_follows(checker: Checker) -> None:
    """Not against the 41 forces."""
    found = _findings(checker, THOSE.format(kept="1,080"))
    assert ("consistent", "'eight out of ten' (0.80): 1,080 of 1,319 = 0.82: consistent", None) in (
        found
    )
    assert all(verdict == "consistent" for verdict, _, _ in found)


def test_a_transposed_part_names_its_fix(checker: Checker) -> None:
    """Both checks that 1,800 breaks are flagged on it; the share's names the fix."""
    result = checker.check_texts([("-", THOSE.format(kept="1,800"))])[0]
    wrong = [f for f in result.findings if f.verdict is Verdict.inconsistent]
    assert {result.text[f.start : f.end] for f in wrong} <= {"1,800", "eight out of ten"}
    fixes = [f for f in wrong if f.fix]
    assert len(fixes) == 1
    (finding,) = fixes
    assert finding.fix is not None
    assert finding.fix.startswith("1,080 for '1,800' (digits transposed?)")
    assert "1,080 of 1,319 = 0.82" in finding.fix
    assert finding.message.endswith(f"likely fix: {finding.fix}")


def test_the_issue_example_names_437(checker: Checker) -> None:
    """'347 of 2,151 = 16.1%, stated 20 per cent; 437 would give 20.3% (digits transposed?)'."""
    text = "Headline\n\nOf the 2,151 applicants, 347 were offered a place, or 20 per cent."
    wrong = [(m, fix) for v, m, fix in _findings(checker, text) if v == "inconsistent"]
    assert wrong == [
        (
            "'20 per cent': 347 of 2,151 = 16.13%; stated 20 per cent: inconsistent; likely fix: "
            "437 for '347' (digits transposed?) would give '20 per cent': 437 of 2,151 = 20.32%; "
            "stated 20 per cent",
            "437 for '347' (digits transposed?) would give '20 per cent': 437 of 2,151 = "
            "20.32%; stated 20 per cent",
        )
    ]


def test_clean_copy_raises_no_alarm(checker: Checker) -> None:
    text = "Headline\n\nOf the 2,151 applicants, 437 were offered a place, or 20 per cent."
    verdicts = [v for v, _, _ in _findings(checker, text)]
    assert verdicts and set(verdicts) == {Verdict.consistent.value}
