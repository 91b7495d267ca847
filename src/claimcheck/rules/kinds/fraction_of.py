"""A fraction phrase against counts: 'four out of five' with 21 of 27 (0.78, loose but fair)."""

from __future__ import annotations

from claimcheck.models import Relation
from claimcheck.rules.config import FractionOfRule
from claimcheck.rules.kinds import Claims, Outcome, quoted, verdict
from claimcheck.rules.tolerance import compare, number


def check(relation: Relation, claims: Claims, rule: FractionOfRule) -> Outcome | None:
    part, whole, share = (claims[relation.roles[r]] for r in ("part", "whole", "share"))
    if part.value is None or whole.value is None or share.value is None or whole.value == 0:
        return None
    actual = part.value / whole.value
    result = compare(
        actual,
        share,
        share.value,
        exact_slack=rule.tolerance,
        approximate_slack=rule.approximate_tolerance,
    )
    status = "consistent" if result.holds else "inconsistent"
    message = (
        f"{quoted(share)} ({share.value:.2f}): {number(part.value)} of {number(whole.value)} "
        f"= {actual:.2f}: {status}"
    )
    return Outcome(verdict(result.holds), message, share.id)
