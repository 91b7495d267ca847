"""Every rule's own cases (rules/cases/CODE.yaml), run through the whole pipeline: pass texts
give consistent findings of the rule and nothing inconsistent; fail texts give an inconsistent
finding of the rule underlining the expected figure."""

from __future__ import annotations

import pytest

from claimcheck.api import Checker
from claimcheck.models import Verdict
from claimcheck.rules import load_rules
from claimcheck.rules.cases import load_cases

RULES = load_rules()
PASSING = [(r.code, c.text) for r in RULES for c in load_cases(r.code).passes]
FAILING = [
    pytest.param(
        r.code,
        c.text,
        c.blame,
        id=f"{r.code}:{c.text[:40]}",
        marks=[pytest.mark.xfail(reason=c.known_miss, strict=True)] if c.known_miss else [],
    )
    for r in RULES
    for c in load_cases(r.code).fails
]


@pytest.mark.parametrize(("code", "text"), PASSING, ids=[f"{c}:{t[:40]}" for c, t in PASSING])
def test_passing_case(checker: Checker, code: str, text: str) -> None:
    findings = checker.check_texts([("case", text)])[0].findings
    own = [f for f in findings if f.rule == code]
    assert own, f"{code} did not check anything in: {text}"
    assert all(f.verdict is Verdict.consistent for f in own), [f.message for f in own]
    assert not [f.message for f in findings if f.verdict is Verdict.inconsistent]


@pytest.mark.parametrize(("code", "text", "blame"), FAILING)
def test_failing_case(checker: Checker, code: str, text: str, blame: str) -> None:
    findings = checker.check_texts([("case", text)])[0].findings
    flagged = [
        text[f.start : f.end]
        for f in findings
        if f.rule == code and f.verdict is Verdict.inconsistent
    ]
    assert blame in flagged, [f.message for f in findings]
