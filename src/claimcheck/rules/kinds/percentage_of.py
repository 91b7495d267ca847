"""A percentage against the counts it is a share of: '1 of 27 ... 3.7 per cent'."""

from __future__ import annotations

from claimcheck.models import Relation
from claimcheck.rules.config import PercentageOfRule
from claimcheck.rules.kinds import Claims, Outcome, apart, part_of_whole, quoted, verdict
from claimcheck.rules.tolerance import compare, half_unit, number


def check(relation: Relation, claims: Claims, rule: PercentageOfRule) -> Outcome | None:
    counts = part_of_whole(relation, claims)
    if counts is None:
        return None
    actual = 100 * counts.part / counts.whole
    result = compare(
        actual,
        counts.share,
        counts.stated,
        exact_slack=half_unit(counts.share),
        approximate_slack=max(rule.approximate_points, rule.approximate_relative * counts.stated),
    )
    status = "consistent" if result.holds else "inconsistent"
    message = (
        f"{quoted(counts.share)}: {counts.part_label} of {number(counts.whole)} = {actual:.2f}%; "
        f"stated {counts.share.text}: {status}"
    )
    return Outcome(verdict(result.holds), message, counts.share.id, apart(actual, counts.stated))
