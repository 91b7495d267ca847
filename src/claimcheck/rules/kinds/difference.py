"""A stated change against its two ends: 'rose from 12 to 18, a 50% increase'; a change between
two percentages stated as per cent when it is percentage points."""

from __future__ import annotations

from claimcheck.models import Kind, Relation
from claimcheck.rules.config import ChangeRule
from claimcheck.rules.kinds import Claims, Outcome, apart, quoted, verdict
from claimcheck.rules.tolerance import compare, half_unit, number


def check(relation: Relation, claims: Claims, rule: ChangeRule) -> Outcome | None:
    if "change" not in relation.roles:
        return _direction(relation, claims)
    old, new, change = (claims[relation.roles[r]] for r in ("old", "new", "change"))
    if old.value is None or new.value is None or change.value is None or not old.value:
        return None
    stated = abs(change.value)
    slack = max(rule.approximate_points, rule.approximate_relative * stated)
    points = abs(new.value - old.value)
    if change.kind is Kind.percentage and change.unit == "percentage point":
        if new.kind is not Kind.percentage:
            return None  # points measure a change between percentages, not counts
        actual, what = points, "percentage points"
    elif change.kind is Kind.percentage:
        actual, what = 100 * abs(new.value - old.value) / abs(old.value), "per cent"
    else:
        actual, what = points, "difference"
    result = compare(actual, change, stated, exact_slack=half_unit(change), approximate_slack=slack)
    working = (
        f"{number(old.value)} to {number(new.value)} is {actual:.2f} {what}; "
        f"stated {quoted(change)}"
    )
    in_points = abs(points - stated) <= half_unit(change)
    if not result.holds and what == "per cent" and new.kind is Kind.percentage and in_points:
        working += f" ({number(points)} is the change in percentage points)"
    status = "consistent" if result.holds else "inconsistent"
    return Outcome(verdict(result.holds), f"{working}: {status}", change.id, apart(actual, stated))


def _direction(relation: Relation, claims: Claims) -> Outcome | None:
    """'edged up to 601, from 693' says it rose; the figures say it fell."""
    old, new = claims[relation.roles["old"]], claims[relation.roles["new"]]
    if old.value is None or new.value is None:
        return None
    rising = relation.cue.endswith("up")
    holds = new.value > old.value if rising else new.value < old.value
    moved = "rose" if new.value > old.value else "fell" if new.value < old.value else "held"
    status = "consistent" if holds else "inconsistent"
    message = (
        f"said to go {'up' if rising else 'down'} from {number(old.value)} to "
        f"{number(new.value)}, which {moved}: {status}"
    )
    return Outcome(verdict(holds), message, new.id)
