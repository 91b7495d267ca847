"""A comparative against the two figures it compares: 'half as likely' with 3.4 and 7 per cent;
'twice as high' with 7 and 3.4."""

from __future__ import annotations

from claimcheck.models import Claim, Kind, Qualifier, Relation
from claimcheck.rules.config import ComparativeRule
from claimcheck.rules.kinds import Claims, Outcome, apart, quoted, verdict
from claimcheck.rules.tolerance import number


def check(relation: Relation, claims: Claims, rule: ComparativeRule) -> Outcome | None:
    subject, other = claims[relation.roles["subject"]], claims[relation.roles["other"]]
    comparative = claims[relation.roles["comparative"]]
    if subject.value is None or other.value is None or not other.value or comparative.value is None:
        return None
    actual = as_share(subject) / as_share(other)
    stated = comparative.value
    slack = rule.tolerance_relative * (1.5 if comparative.qualifier is Qualifier.approximate else 1)
    if comparative.qualifier is Qualifier.lower_bound:
        holds = actual > stated * (1 - slack / 3)
    else:
        holds = abs(actual - stated) <= slack * stated
    status = "consistent" if holds else "inconsistent"
    message = (
        f"{quoted(comparative)}: {number(as_share(subject))} / {number(as_share(other))} = "
        f"{actual:.2f} against {number(stated)}: {status}"
    )
    return Outcome(verdict(holds), message, comparative.id, apart(actual, stated))


def as_share(claim: Claim) -> float:
    """A fraction in per cent when compared with a percentage: 'three in ten' is 30."""
    value = claim.value or 0.0
    return value * 100 if claim.kind is Kind.fraction else value
