"""Meta-tests: every check kind has a rule, every rule is documented and has cases of both
kinds, codes are unique, and a broken rule file is one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.rules import CHECKS, KINDS, load_rule, load_rules
from claimcheck.rules.cases import load_cases

RULES = load_rules()


def test_every_kind_has_code_and_a_rule() -> None:
    assert set(KINDS) == set(CHECKS)
    assert {rule.kind for rule in RULES} == set(KINDS)


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: object) -> None:
    for section in ("summary", "why", "options"):
        assert len(getattr(rule, section).split()) >= 5, f"{section} too thin"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_pass_and_fail_cases(rule: object) -> None:
    cases = load_cases(rule.code)  # type: ignore[attr-defined]
    assert cases.passes and cases.fails


def test_typo_in_rule_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "CC999.yaml"
    path.write_text(
        "code: CC999\nname: mine\nkind: percentage_of\nsummary: s\nwhy: w\nseverty: error\n",
        encoding="utf-8",
    )
    with pytest.raises(ClaimcheckError) as error:
        load_rule(path)
    message = str(error.value)
    assert message.startswith("[E010]") and "CC999.yaml" in message and "severty" in message
    assert "\n" not in message


def test_unknown_kind_names_the_allowed_ones(tmp_path: Path) -> None:
    path = tmp_path / "CC998.yaml"
    path.write_text("code: CC998\nname: mine\nkind: median\nsummary: s\nwhy: w\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=r"percentage_of"):
        load_rule(path)
