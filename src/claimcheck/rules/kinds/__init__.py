"""One module per check kind. Each exposes `check(relation, claims, rule) -> Outcome | None`
(None when the relation cannot be checked, e.g. a claim without a value)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.models import Claim, Verdict


@dataclass(frozen=True, slots=True)
class Outcome:
    verdict: Verdict
    message: str
    blame: str  # id of the claim most likely wrong: the span a finding underlines


Claims = Mapping[str, Claim]


def verdict(holds: bool) -> Verdict:
    return Verdict.consistent if holds else Verdict.inconsistent


def quoted(claim: Claim) -> str:
    return f"'{claim.text}'"
