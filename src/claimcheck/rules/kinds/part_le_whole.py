"""A part cannot be larger than its whole: 'Three of the 27'; '49' of '56'."""

from __future__ import annotations

from claimcheck.models import Qualifier, Relation
from claimcheck.rules.config import PartWithinWholeRule
from claimcheck.rules.kinds import Claims, Outcome, apart, quoted, verdict
from claimcheck.rules.tolerance import number


def check(relation: Relation, claims: Claims, rule: PartWithinWholeRule) -> Outcome | None:
    whole = claims[relation.roles["whole"]]
    parts = [claims[i] for i in relation.parts]
    if whole.value is None or any(p.value is None for p in parts):
        return None
    limit = whole.value * (1.1 if whole.qualifier is Qualifier.approximate else 1.0)
    too_big = [p for p in parts if p.value is not None and p.value > limit]
    if too_big:
        part = too_big[0]
        message = (
            f"{quoted(part)} is a part of {quoted(whole)} but {number(part.value or 0)} > "
            f"{number(whole.value)}: inconsistent"
        )
        return Outcome(verdict(False), message, part.id, apart(part.value or 0, whole.value))
    added = sum(p.value for p in parts if p.value is not None)
    if len(parts) > 1 and not rule.categories_may_overlap and added > limit:
        message = (
            f"{' + '.join(number(p.value or 0) for p in parts)} = {number(added)} > "
            f"{number(whole.value)} ({quoted(whole)}): inconsistent"
        )
        return Outcome(verdict(False), message, parts[-1].id, apart(added, whole.value))
    shown = " + ".join(number(p.value or 0) for p in parts)
    message = f"{shown} within {number(whole.value)} ({quoted(whole)}): consistent"
    return Outcome(verdict(True), message, parts[0].id)
