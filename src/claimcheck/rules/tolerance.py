"""Comparing a stated figure with one computed from the text, the way a subeditor would: to the
precision it is stated at, loosely for "around", strictly for "less than"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.models import Claim, Qualifier

_BELOW_WORDS = ("nearly", "almost", "just under", "close to", "getting on for", "approaching")
_ABOVE_WORDS = ("just over", "over", "more than")


@dataclass(frozen=True, slots=True)
class Comparison:
    holds: bool
    relation: str  # "=", "≈", ">", "<", "≠"


def half_unit(claim: Claim) -> float:
    """Half a unit in the last stated digit: 3.7 -> 0.05, 42 -> 0.5, 'seven' -> 0.5."""
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", claim.text)
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    return 0.5 * 10.0**-decimals


def compare(
    actual: float,
    claim: Claim,
    stated: float,
    *,
    exact_slack: float,
    approximate_slack: float,
) -> Comparison:
    """Does actual agree with what claim states (stated is its value in actual's units)?"""
    qualifier = claim.qualifier
    text = claim.text.lower()
    if qualifier is Qualifier.lower_bound:
        return Comparison(
            actual > stated or (text.startswith("at least") and actual >= stated), ">"
        )
    if qualifier is Qualifier.upper_bound:
        inclusive = text.startswith(("up to", "no more than", "at most"))
        return Comparison(actual < stated or (inclusive and actual <= stated), "<")
    if qualifier is Qualifier.approximate:
        close = abs(actual - stated) <= approximate_slack
        if text.startswith(_BELOW_WORDS):
            close = close and actual <= stated + exact_slack
        elif text.startswith(_ABOVE_WORDS):
            close = close and actual >= stated - exact_slack
        return Comparison(close, "≈")
    return Comparison(abs(actual - stated) <= exact_slack + float_error(actual, stated), "=")


def number(value: float) -> str:
    """A figure as a subeditor writes it: 1,319; 3.7; 0.78."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def float_error(*values: float) -> float:
    """What binary floating point may add to an exact sum or share of these values: 28.9m +
    4.3m is 33,199,999.999999996, which must still equal '33.2 million'."""
    return 1e-9 * max(1.0, *(abs(v) for v in values))
