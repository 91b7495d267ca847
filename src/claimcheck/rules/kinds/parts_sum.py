"""Parts that should add up to a stated total: '22 officers and five staff' and 'the 27'; shares
of one whole that should add up to 100 per cent."""

from __future__ import annotations

from claimcheck.models import Kind, Relation
from claimcheck.rules.config import SumRule
from claimcheck.rules.kinds import Claims, Outcome, apart, quoted, verdict
from claimcheck.rules.tolerance import float_error, half_unit, number


def check(relation: Relation, claims: Claims, rule: SumRule) -> Outcome | None:
    parts = [claims[i] for i in relation.parts]
    if any(p.value is None for p in parts):
        return None
    added = sum(p.value for p in parts if p.value is not None)
    working = " + ".join(number(p.value) for p in parts if p.value is not None)
    if "total" in relation.roles:
        total = claims[relation.roles["total"]]
        if total.value is None:
            return None
        target, label, blame = total.value, quoted(total), total.id
        slack = rule.tolerance
    else:  # shares of one whole: they should make 100, give or take each one's rounding
        target, label, blame = 100.0, "100 per cent", parts[-1].id
        slack = sum(half_unit(p) for p in parts if p.kind is Kind.percentage)
    holds = abs(added - target) <= slack + float_error(added, target)
    status = "consistent" if holds else "inconsistent"
    message = f"{working} = {number(added)}; stated {label}: {status}"
    return Outcome(verdict(holds), message, blame, apart(added, target))
