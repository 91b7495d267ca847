"""One typing slip away: the figures a writer meant to type when a digit went wrong. Used to
find a restated figure that was mistyped ('1,862' and '1,826') and to name the likely fix of a
failed check ('437 would give 20.3% (digits transposed?)')."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Typo:
    """A figure as it may have been meant: the digits as typed, the digits meant, and how the
    one differs from the other."""

    typed: str
    meant: str
    value: float
    slip: str  # 'digits transposed', 'a digit changed', ...


def _value(digits: str) -> float | None:
    bare = digits.replace(",", "")
    if not bare or bare.startswith(".") or bare.endswith("."):
        return None
    if len(bare) > 1 and bare.startswith("0") and not bare.startswith("0."):
        return None
    try:
        return float(bare)
    except ValueError:
        return None


def _regroup(bare: str, like: str) -> str:
    """Digits written the way the original was: with thousands commas if it had them."""
    if "," not in like:
        return bare
    whole, _, decimals = bare.partition(".")
    grouped = f"{int(whole):,}" if whole else whole
    return f"{grouped}.{decimals}" if decimals else grouped


def _variants(bare: str) -> Iterator[tuple[str, str]]:
    digits = [i for i, ch in enumerate(bare) if ch.isdigit()]
    for i in range(len(bare) - 1):
        a, b = bare[i], bare[i + 1]
        if a.isdigit() and b.isdigit() and a != b:
            yield bare[:i] + b + a + bare[i + 2 :], "digits transposed"
    for i in digits:
        # any two short figures are a changed digit apart, so only long ones count
        for ch in "0123456789" if len(digits) >= 3 else "":
            if ch != bare[i]:
                yield bare[:i] + ch + bare[i + 1 :], "a digit changed"
        if len(digits) > 1:
            yield bare[:i] + bare[i + 1 :], "a digit dropped"
        yield bare[:i] + bare[i] + bare[i:], "a digit doubled"
    if "." in bare:
        point = bare.index(".")
        rest = bare[:point] + bare[point + 1 :]
        for i in range(1, len(rest)):
            if i != point:
                yield rest[:i] + "." + rest[i:], "the decimal point moved"
        yield rest, "the decimal point dropped"


@lru_cache(maxsize=8192)
def typos(text: str) -> tuple[Typo, ...]:
    """Every figure one slip away from the first number written in text ('347' -> '437',
    '3.7' -> '37', '1,826' -> '1,862'), each once, the likeliest kind of slip first."""
    found = _NUMBER.search(text)
    if found is None:
        return ()
    typed = found.group()
    bare = typed.replace(",", "")
    seen = {bare}
    out = []
    for meant, slip in _variants(bare):
        value = _value(meant)
        if meant in seen or value is None:
            continue
        seen.add(meant)
        out.append(Typo(typed, _regroup(meant, typed), value, slip))
    return tuple(out)


def written_value(text: str) -> float:
    """The bare number written ('£2.3m' -> 2.3), to scale a typo back to the claim's value."""
    found = _NUMBER.search(text)
    if found is None:
        return 1.0
    return _value(found.group()) or 1.0
