"""The mutation test: for every clean article, slips made by code (seeded, so the same every run)
that each break one gold relation beyond rounding, and whether claimcheck flags them.

Operators, each aimed at a gold relation that holds:
- transposed digits in a count that is a part or a whole of a percentage or a sum
- a changed total of a sum
- a changed percentage of counts
- a part made larger than its whole
- a stale figure: the second statement of a restated figure changed

A mutation is kept only if the relation, recomputed from the gold values with the one figure
changed, no longer holds beyond the precision it is stated at."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from claimcheck.evaluate.gold import GoldArticle, GoldClaim, GoldRelation
from claimcheck.models import FileResult, Kind, Qualifier, Verdict

SEED = 20261123


@dataclass(frozen=True)
class Mutation:
    article: GoldArticle
    operator: str
    start: int
    end: int
    before: str
    after: str
    working: str

    @property
    def text(self) -> str:
        t = self.article.text
        return t[: self.start] + self.after + t[self.end :]


def _digits_only(claim: GoldClaim) -> bool:
    return bool(re.fullmatch(r"[\d,]+(?:\.\d+)?", claim.text))


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    return f"{value:,.{decimals}f}" if "," in original else f"{value:.{decimals}f}"


def _transpose(text: str, rng: random.Random) -> str | None:
    positions = [
        i
        for i in range(len(text) - 1)
        if text[i].isdigit() and text[i + 1].isdigit() and text[i] != text[i + 1]
    ]
    if not positions:
        return None
    i = rng.choice(positions)
    swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return None if swapped.startswith("0") else swapped


def _half_unit(text: str) -> float:
    return 0.5 * 10.0 ** -(len(text.split(".")[1]) if "." in text else 0)


def _holds(relation: GoldRelation, values: list[float], claims: list[GoldClaim]) -> bool:
    """Recompute a gold relation: percentage_of [part, whole, share]; sum [parts, total];
    part_le_whole [parts, whole]; restatement [a, b]."""
    if relation.type == "percentage_of":
        part, whole, share = values
        slack = _half_unit(claims[2].text) if claims[2].qualifier is Qualifier.exact else 2.0
        return whole != 0 and abs(100 * part / whole - share) <= slack
    if relation.type == "sum":
        return abs(sum(values[:-1]) - values[-1]) < 1e-9
    if relation.type == "part_le_whole":
        return all(v <= values[-1] for v in values[:-1])
    if relation.type == "restatement":
        return values[0] == values[1]
    return True


_Operator = Callable[[GoldRelation, list[GoldClaim], random.Random], tuple[int, str] | None]


def _transposed_count(
    rel: GoldRelation, claims: list[GoldClaim], rng: random.Random
) -> tuple[int, str] | None:
    if rel.type not in ("percentage_of", "sum"):
        return None
    options = [
        n
        for n, c in enumerate(claims[:-1] if rel.type == "sum" else claims[:2])
        if _digits_only(c) and len(c.text.replace(",", "")) >= 2
    ]
    if not options:
        return None
    n = rng.choice(options)
    new = _transpose(claims[n].text, rng)
    return (n, new) if new else None


def _changed_total(
    rel: GoldRelation, claims: list[GoldClaim], rng: random.Random
) -> tuple[int, str] | None:
    total = claims[-1]
    if rel.type != "sum" or not _digits_only(total) or total.value is None:
        return None
    return len(claims) - 1, _format_like(total.text, total.value + max(2, round(total.value * 0.1)))


def _changed_share(
    rel: GoldRelation, claims: list[GoldClaim], rng: random.Random
) -> tuple[int, str] | None:
    if rel.type != "percentage_of":
        return None
    share = claims[2]
    stated = share.value
    number = re.match(r"[\d.]+", share.text)
    if stated is None or number is None:
        return None
    value = stated + rng.choice([-1, 1]) * max(3.0, round(stated * 0.3, 1))
    if value <= 0:
        value = stated + 5
    new_number = _format_like(number.group(), value)
    return 2, new_number + share.text[number.end() :]


def _part_over_whole(
    rel: GoldRelation, claims: list[GoldClaim], rng: random.Random
) -> tuple[int, str] | None:
    if rel.type != "part_le_whole" or len(claims) != 2 or claims[1].value is None:
        return None
    part, whole = claims
    if not _digits_only(part) or whole.qualifier is not Qualifier.exact or whole.value is None:
        return None
    return 0, _format_like(part.text, whole.value + max(1, round(whole.value * 0.2)))


def _stale_figure(
    rel: GoldRelation, claims: list[GoldClaim], rng: random.Random
) -> tuple[int, str] | None:
    if rel.type != "restatement" or not _digits_only(claims[1]):
        return None
    new = _transpose(claims[1].text, rng)
    return (1, new) if new else None


OPERATORS: dict[str, _Operator] = {
    "transposed digits": _transposed_count,
    "changed total": _changed_total,
    "changed percentage": _changed_share,
    "part larger than whole": _part_over_whole,
    "stale figure": _stale_figure,
}


def mutations(article: GoldArticle, seed: int = SEED) -> list[Mutation]:
    rng = random.Random(f"{seed}:{article.path.name}")
    refs = {claim.ref: n for n, claim in enumerate(article.gold.claims)}
    made: list[Mutation] = []
    seen: set[tuple[int, str]] = set()
    for relation in article.gold.relations:
        if not relation.holds or relation.type not in (
            "percentage_of",
            "sum",
            "part_le_whole",
            "restatement",
        ):
            continue
        expected = {"percentage_of": 3, "restatement": 2}.get(relation.type)
        if (expected is not None and len(relation.claims) != expected) or len(relation.claims) < 2:
            continue  # not the plain shape the operators understand
        indices = _in_role_order(relation, [refs[ref] for ref in relation.claims], article)
        claims = [article.gold.claims[n] for n in indices]
        if any(c.value is None for c in claims):
            continue
        for name, operator in OPERATORS.items():
            changed = operator(relation, claims, rng)
            if changed is None:
                continue
            position, new_text = changed
            gold_index = indices[position]
            try:
                new_value = float(re.match(r"[\d,.]+", new_text).group().replace(",", ""))  # type: ignore[union-attr]
            except (AttributeError, ValueError):
                continue
            values = [c.value or 0.0 for c in claims]
            values[position] = new_value
            if _holds(relation, values, claims) or (gold_index, new_text) in seen:
                continue
            seen.add((gold_index, new_text))
            start, end = article.spans[gold_index]
            made.append(
                Mutation(
                    article, name, start, end, article.text[start:end], new_text, relation.working
                )
            )
    return made


def _in_role_order(relation: GoldRelation, indices: list[int], article: GoldArticle) -> list[int]:
    """percentage_of as [part, whole, share] whatever order the gold names them in (the shared
    samples write [part, share, whole])."""
    if relation.type != "percentage_of":
        return indices
    shares = [n for n in indices if article.gold.claims[n].kind is Kind.percentage]
    if len(shares) != 1:
        return indices
    return [n for n in indices if n != shares[0]] + shares


def detected(mutation: Mutation, result: FileResult) -> bool:
    """Flagged if an inconsistent finding involves the changed figure."""
    shift = len(mutation.after) - (mutation.end - mutation.start)
    start, end = mutation.start, mutation.end + shift
    by_id = {claim.id: claim for claim in result.claims}
    for finding in result.findings:
        if finding.verdict is not Verdict.inconsistent:
            continue
        for claim_id in finding.claims:
            claim = by_id[claim_id]
            if claim.start < end and start < claim.end:
                return True
    return False
