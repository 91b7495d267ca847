"""A percentage against the counts it is a share of: '1 of 27 ... 3.7 per cent'."""

from __future__ import annotations

from claimcheck.models import Relation
from claimcheck.rules.config import PercentageOfRule
from claimcheck.rules.kinds import Claims, Outcome, quoted, verdict
from claimcheck.rules.tolerance import compare, half_unit, number


def check(relation: Relation, claims: Claims, rule: PercentageOfRule) -> Outcome | None:
    part, whole, share = (claims[relation.roles[r]] for r in ("part", "whole", "share"))
    if part.value is None or whole.value is None or share.value is None or whole.value == 0:
        return None
    actual = 100 * part.value / whole.value
    stated = share.value
    result = compare(
        actual,
        share,
        stated,
        exact_slack=half_unit(share),
        approximate_slack=max(rule.approximate_points, rule.approximate_relative * stated),
    )
    status = "consistent" if result.holds else "inconsistent"
    message = (
        f"{quoted(share)}: {number(part.value)} of {number(whole.value)} = {actual:.2f}%; "
        f"stated {share.text}: {status}"
    )
    return Outcome(verdict(result.holds), message, share.id)
