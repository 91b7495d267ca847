"""The same figure stated twice must agree: headline and body; '27' and 'twenty-seven'."""

from __future__ import annotations

from claimcheck.models import Qualifier, Relation
from claimcheck.rules.config import RestatementRule
from claimcheck.rules.kinds import Claims, Outcome, quoted, verdict
from claimcheck.rules.tolerance import compare, number


def check(relation: Relation, claims: Claims, rule: RestatementRule) -> Outcome | None:
    first, again = claims[relation.roles["first"]], claims[relation.roles["again"]]
    if first.value is None or again.value is None:
        return None
    holds = first.value == again.value
    if not holds:  # 'more than 1,200' restating 1,284 is fine; '1,248' is not
        for loose, exact in ((first, again), (again, first)):
            if loose.qualifier is not Qualifier.exact and exact.value is not None:
                slack = 0.1 * abs(loose.value or 0)
                holds = (
                    holds
                    or compare(
                        exact.value, loose, loose.value or 0, exact_slack=0, approximate_slack=slack
                    ).holds
                )
    status = "consistent" if holds else "inconsistent"
    message = (
        f"{quoted(again)} restates {quoted(first)}: {number(again.value)} "
        f"{'=' if first.value == again.value else 'against'} {number(first.value)}: {status}"
    )
    return Outcome(verdict(holds), message, again.id)
