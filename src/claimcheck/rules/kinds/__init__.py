"""One module per check kind. Each exposes `check(relation, claims, rule) -> Outcome | None`
(None when the relation cannot be checked, e.g. a claim without a value)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.models import Claim, Relation, Verdict
from claimcheck.rules.tolerance import number


@dataclass(frozen=True, slots=True)
class Outcome:
    verdict: Verdict
    message: str
    blame: str  # id of the claim most likely wrong: the span a finding underlines
    # how many times apart the figures are (1 when they agree): the decision asks for more
    # certainty about the link before it reports figures that are wildly apart
    off_by: float = 1.0


def apart(actual: float, stated: float) -> float:
    """How many times one figure is the other: 24.0 against 42 is 1.75; opposite signs or a
    zero against a non-zero are infinitely apart."""
    a, b = abs(actual), abs(stated)
    if actual * stated < 0 or (a == 0) != (b == 0):
        return float("inf")
    return max(a, b) / min(a, b) if a and b else 1.0


Claims = Mapping[str, Claim]


def verdict(holds: bool) -> Verdict:
    return Verdict.consistent if holds else Verdict.inconsistent


@dataclass(frozen=True, slots=True)
class ShareOfCounts:
    """A share relation's figures: the part (or the rest, 144 - 52 = 92), the whole and the
    share as stated."""

    part: float
    part_label: str
    whole: float
    stated: float
    share: Claim


def part_of_whole(relation: Relation, claims: Claims) -> ShareOfCounts | None:
    whole, share = claims[relation.roles["whole"]].value, claims[relation.roles["share"]]
    if whole is None or share.value is None or whole == 0:
        return None
    if "excluded" in relation.roles:
        excluded = claims[relation.roles["excluded"]].value
        if excluded is None:
            return None
        rest = whole - excluded
        label = f"{number(whole)} - {number(excluded)} = {number(rest)}"
        return ShareOfCounts(rest, label, whole, share.value, share)
    part = claims[relation.roles["part"]].value
    if part is None:
        return None
    return ShareOfCounts(part, number(part), whole, share.value, share)


def quoted(claim: Claim) -> str:
    return f"'{claim.text}'"
