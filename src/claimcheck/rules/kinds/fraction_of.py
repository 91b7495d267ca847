"""A fraction phrase against counts: 'four out of five' with 21 of 27 (0.78, loose but fair)."""

from __future__ import annotations

from claimcheck.models import Relation
from claimcheck.rules.config import FractionOfRule
from claimcheck.rules.kinds import Claims, Outcome, apart, part_of_whole, quoted, verdict
from claimcheck.rules.tolerance import compare, number


def check(relation: Relation, claims: Claims, rule: FractionOfRule) -> Outcome | None:
    counts = part_of_whole(relation, claims)
    if counts is None:
        return None
    actual = counts.part / counts.whole
    result = compare(
        actual,
        counts.share,
        counts.stated,
        exact_slack=rule.tolerance,
        approximate_slack=rule.approximate_tolerance,
    )
    status = "consistent" if result.holds else "inconsistent"
    message = (
        f"{quoted(counts.share)} ({counts.stated:.2f}): {counts.part_label} of "
        f"{number(counts.whole)} = {actual:.2f}: {status}"
    )
    return Outcome(verdict(result.holds), message, counts.share.id, apart(actual, counts.stated))
