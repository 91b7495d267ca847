"""Stage three: relations to findings. The check kinds are Python (rules/kinds/); the rules that
configure them are data (`rules/*.yaml` at the top of the project): code, name, severity,
tolerances, docs. CHECKS is the one place a kind is tied to its code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from claimcheck.errors import ClaimcheckError, E
from claimcheck.models import Claim, Finding, Relation
from claimcheck.resources import rules_dir
from claimcheck.rules import config, decide
from claimcheck.rules.kinds import (
    Outcome,
    difference,
    fraction_of,
    part_le_whole,
    parts_sum,
    percentage_of,
    ratio,
    restatement,
    vague_bound,
)
from claimcheck.yamlfiles import read_yaml

CHECKS: dict[str, Callable[[Relation, Mapping[str, Claim], Any], Outcome | None]] = {
    "percentage_of": percentage_of.check,
    "fraction_of": fraction_of.check,
    "sum": parts_sum.check,
    "part_le_whole": part_le_whole.check,
    "vague_bound": vague_bound.check,
    "ratio": ratio.check,
    "restatement": restatement.check,
    "difference": difference.check,
}
KINDS = tuple(
    get_args(model.model_fields["kind"].annotation)[0]
    for model in get_args(get_args(config.Rule)[0])
)
_ADAPTER: TypeAdapter[config.Rule] = TypeAdapter(config.Rule)


def load_rule(path: Path) -> config.Rule:
    data = read_yaml(path)
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise ClaimcheckError(E.E010, path=path, location=location, problem=error["msg"]) from exc


def load_rules(extra_folders: tuple[Path, ...] = ()) -> tuple[config.Rule, ...]:
    """The shipped rules, then any in extra folders (a later rule with a known code replaces)."""
    by_code: dict[str, config.Rule] = {}
    for folder in (rules_dir(), *extra_folders):
        for path in sorted(folder.glob("CC*.yaml")):
            rule = load_rule(path)
            by_code[rule.code] = rule
    return tuple(sorted(by_code.values(), key=lambda rule: rule.code))


def find_rule(rules: Iterable[config.Rule], code_or_name: str) -> config.Rule | None:
    wanted = code_or_name.lower()
    for rule in rules:
        if wanted in (rule.code.lower(), rule.name, *rule.aliases):
            return rule
    return None


def apply(
    relations: Iterable[Relation], claims: list[Claim], rules: Iterable[config.Rule]
) -> list[Finding]:
    """Every relation checked by every enabled rule of its kind: one finding each."""
    by_id = {claim.id: claim for claim in claims}
    by_kind: dict[str, list[config.Rule]] = {}
    for rule in rules:
        if rule.enabled:
            by_kind.setdefault(rule.kind, []).append(rule)
    findings = []
    for relation in relations:
        for rule in by_kind.get(relation.type.value, []):
            outcome = CHECKS[rule.kind](relation, by_id, rule)
            if outcome is None:
                continue
            blamed = by_id[outcome.blame]
            findings.append(
                Finding(
                    rule=rule.code,
                    verdict=outcome.verdict,
                    severity=rule.severity,
                    claims=relation.claims,
                    message=outcome.message,
                    start=blamed.start,
                    end=blamed.end,
                    claim=blamed.id,
                )
            )
    return sorted(findings, key=lambda f: (f.start, f.rule))


def check_one(relation: Relation, claims: Mapping[str, Claim], rule: config.Rule) -> Outcome | None:
    return CHECKS[rule.kind](relation, claims, rule)


def choose(
    scored: Iterable[Relation], claims: list[Claim], rules: Iterable[config.Rule]
) -> tuple[list[Relation], list[Finding]]:
    """The relations kept and their findings, one decision per checkable figure (decide.py)."""
    return decide.decide(scored, claims, rules, check_one)
