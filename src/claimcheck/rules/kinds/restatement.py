"""The same figure stated twice must agree: headline and body; '27' and 'twenty-seven'."""

from __future__ import annotations

from claimcheck.models import Claim, Kind, Qualifier, Relation
from claimcheck.rules.config import RestatementRule
from claimcheck.rules.kinds import Claims, Outcome, apart, quoted, verdict
from claimcheck.rules.tolerance import compare, number

_SHARES = {Kind.percentage, Kind.fraction}


def check(relation: Relation, claims: Claims, rule: RestatementRule) -> Outcome | None:
    first, again = claims[relation.roles["first"]], claims[relation.roles["again"]]
    if first.value is None or again.value is None:
        return None
    if first.kind is not again.kind and {first.kind, again.kind} <= _SHARES:
        return _across_forms(first, again)
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
    return Outcome(verdict(holds), message, again.id, apart(again.value, first.value))


def _across_forms(first: Claim, again: Claim) -> Outcome:
    """'almost two thirds' (66.7%) restated as '65 per cent': the fraction is the loose one."""
    fraction, percentage = (first, again) if first.kind is Kind.fraction else (again, first)
    stated = 100 * (fraction.value or 0)
    actual = percentage.value or 0
    result = compare(actual, fraction, stated, exact_slack=5.0, approximate_slack=7.0)
    status = "consistent" if result.holds else "inconsistent"
    message = (
        f"{quoted(again)} restates {quoted(first)}: {number(actual)}% against "
        f"{quoted(fraction)} ({number(stated)}%): {status}"
    )
    return Outcome(verdict(result.holds), message, again.id, apart(actual, stated))
