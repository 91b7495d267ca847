"""A vague or bounded figure against an exact count of the same thing: 'dozens' and 49;
'more than 1,300' and 1,319; 'a handful' and 4."""

from __future__ import annotations

from claimcheck.models import Qualifier, Relation
from claimcheck.rules.config import VagueBoundRule
from claimcheck.rules.kinds import Claims, Outcome, apart, quoted, verdict
from claimcheck.rules.tolerance import compare, number


def check(relation: Relation, claims: Claims, rule: VagueBoundRule) -> Outcome | None:
    bound, count = claims[relation.roles["bound"]], claims[relation.roles["count"]]
    if count.value is None:
        return None
    actual = count.value
    if bound.value is None:
        low, high = bound.min, bound.max
        holds = (low is None or actual >= low) and (high is None or actual <= high)
        limits = " and ".join(
            part
            for part in (
                f"at least {number(low)}" if low is not None else "",
                f"at most {number(high)}" if high is not None else "",
            )
            if part
        )
        working = f"{quoted(bound)} means {limits}; {number(actual)} ({quoted(count)})"
    else:
        result = compare(
            actual,
            bound,
            bound.value,
            exact_slack=0,
            approximate_slack=rule.approximate_relative * bound.value,
        )
        holds = result.holds or (bound.qualifier is Qualifier.exact and actual == bound.value)
        working = f"{number(actual)} ({quoted(count)}) against {quoted(bound)}"
    status = "consistent" if holds else "inconsistent"
    reference = bound.value if bound.value is not None else (bound.min or bound.max or actual)
    return Outcome(verdict(holds), f"{working}: {status}", bound.id, apart(actual, reference))
