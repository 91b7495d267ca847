"""The decision for each checkable figure, among the candidate relations the linker scored.

Claims in published copy are usually right, so: one candidate whose figures agree and whose
words fit makes the figure consistent (a relation a written cue proposed always fits; a
generated one must score at least the rule's hold_score). When none agrees, the best-worded
candidate is reported inconsistent if it scores at least alarm_score (cue_alarm_score for a
cue's relation; far_alarm_score when its figures are more than far_apart times apart, which
points to a wrong link more than to a slip), or at least slip_score when one typing slip would
make it agree (the finding then names the fix). Anything else stays unchecked. The thresholds
live in each rule's file and were chosen by `claimcheck eval --cv 10 --sweep`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from claimcheck.link.typos import typos, written_value
from claimcheck.models import Claim, Finding, Relation, RelationType, Verdict
from claimcheck.rules import config
from claimcheck.rules.kinds import Outcome

_SHARES = (RelationType.percentage_of, RelationType.fraction_of)
Check = Callable[[Relation, Mapping[str, Claim], Any], Outcome | None]


@dataclass(frozen=True)
class Checked:
    relation: Relation
    rule: config.Rule
    outcome: Outcome


def _family(relation: Relation) -> str:
    return "share" if relation.type in _SHARES else relation.type.value


def decide(
    scored: Iterable[Relation],
    claims: list[Claim],
    rules: Iterable[config.Rule],
    check: Check,
) -> tuple[list[Relation], list[Finding]]:
    """scored: relations with their score set; check is the rules' own (rules.check_one)."""
    by_id = {claim.id: claim for claim in claims}
    by_kind: dict[str, list[config.Rule]] = {}
    for rule in rules:
        if rule.enabled:
            by_kind.setdefault(rule.kind, []).append(rule)
    # one decision per rule, figure and shape: '2 within 56' and '2 + 2 within 56' are two
    groups: dict[tuple[str, str, str, int], list[Checked]] = {}
    for relation in scored:
        for rule in by_kind.get(relation.type.value, []):
            outcome = check(relation, by_id, rule)
            if outcome is not None:
                key = (rule.code, _family(relation), outcome.blame, len(relation.parts))
                groups.setdefault(key, []).append(Checked(relation, rule, outcome))
    kept: list[tuple[Checked, str | None]] = []
    for group in groups.values():
        chosen = _choose(group, by_id, check)
        if chosen is not None:
            kept.append(chosen)
    relations: list[Relation] = []
    added: set[int] = set()  # by identity: comparing pydantic models costs a field walk each
    findings = []
    for checked, fix in kept:
        if id(checked.relation) not in added:
            added.add(id(checked.relation))
            relations.append(checked.relation)
        blamed = by_id[checked.outcome.blame]
        message = checked.outcome.message
        if fix:
            message = f"{message}; likely fix: {fix}"
        findings.append(
            Finding(
                rule=checked.rule.code,
                verdict=checked.outcome.verdict,
                severity=checked.rule.severity,
                claims=checked.relation.claims,
                message=message,
                start=blamed.start,
                end=blamed.end,
                claim=blamed.id,
                fix=fix,
            )
        )
    findings.sort(key=lambda f: (f.start, f.rule))
    return relations, findings


def _score(checked: Checked) -> float:
    return checked.relation.score if checked.relation.score is not None else 1.0


def _choose(
    group: list[Checked], by_id: Mapping[str, Claim], check: Check
) -> tuple[Checked, str | None] | None:
    group = sorted(group, key=_score, reverse=True)
    for checked in group:
        cued = checked.relation.cue != "candidate"
        hold = 0.0 if cued else checked.rule.hold_score
        if checked.outcome.verdict is Verdict.consistent and _score(checked) >= hold:
            return checked, None
    for checked in group:
        score, rule = _score(checked), checked.rule
        alarm = rule.alarm_score if checked.relation.cue == "candidate" else rule.cue_alarm_score
        if checked.outcome.off_by > rule.far_apart:
            alarm = max(alarm, rule.far_alarm_score)
        fix = likely_fix(checked, by_id, check) if score >= rule.slip_score else None
        if fix is not None or score >= alarm:
            return checked, fix
    return None


def likely_fix(checked: Checked, by_id: Mapping[str, Claim], check: Check) -> str | None:
    """The one typing slip in one figure that would make the check hold, blamed figure first:
    "437 for '347' (digits transposed?): 437 of 2,151 = 20.32%; stated 20 per cent"."""
    order = sorted(checked.relation.claims, key=lambda c: c != checked.outcome.blame)
    for claim_id in order:
        claim = by_id[claim_id]
        if claim.value is None:
            continue
        scale = claim.value / written_value(claim.text)
        for typo in typos(claim.text):
            changed = claim.model_copy(update={"value": typo.value * scale})
            outcome = check(checked.relation, {**by_id, claim_id: changed}, checked.rule)
            if outcome is not None and outcome.verdict is Verdict.consistent:
                fix = f"{typo.meant} for '{typo.typed}' ({typo.slip}?)"
                if claim_id == checked.outcome.blame:
                    return fix  # the working would still quote the figure as typed
                return f"{fix} would give {outcome.message.removesuffix(': consistent')}"
    return None
