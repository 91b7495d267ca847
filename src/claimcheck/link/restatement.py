"""The same figure stated twice: the headline's '1,862 cases' and the body's 'a record 1,826'.
Two figures of one kind restate each other when they count the same thing (same noun, or
sentences about the same thing) and neither sits in a comparison with another time or place.
The figures themselves only decide between 'the same' and 'a slip of the same' (equal, digits
swapped, or within a few per cent); they never link figures the words do not."""

from __future__ import annotations

import re

from claimcheck.link.document import Document, head_noun
from claimcheck.models import Claim, Kind, Qualifier, Relation, RelationType

_KINDS = frozenset({Kind.count, Kind.money, Kind.percentage})
STATEMENTS_BACK = 3  # earlier statements of one figure a restatement is linked to
_SHARES = frozenset({Kind.percentage, Kind.fraction})
# A change said as a share: "risen by almost two thirds", "65 per cent more than in 2010"
_RISE_BEFORE = re.compile(r"\b(?:by|up|down|rose|risen|fell|fallen)\s+$")
_RISE_AFTER = re.compile(r"^\s+(?:more|higher|fewer|lower|up|down|rise|increase|fall|drop)\b")


def find(doc: Document) -> None:
    candidates = [
        c for c in doc.claims if c.kind in _KINDS and c.value is not None and c.value >= 10
    ]
    # _same_figure holds only for figures of one kind and unit with the same value or the same
    # digits, so only those pairs are weighed, not every pair: that cost the square of the
    # article's length. Pairs still go in reading order, so the relations come out as before.
    same_value: dict[tuple[Kind, str | None, float | None], list[int]] = {}
    same_digits: dict[tuple[Kind, str | None, str], list[int]] = {}
    for n, claim in enumerate(candidates):
        same_value.setdefault((claim.kind, claim.unit, claim.value), []).append(n)
        same_digits.setdefault((claim.kind, claim.unit, _sorted_digits(claim)), []).append(n)
    compared: dict[str, bool] = {}  # said_as_earlier by claim id: one answer for all its pairs
    pairs: list[tuple[int, int]] = []
    for m, again in enumerate(candidates):
        earlier = {
            n
            for n in [
                *same_value[(again.kind, again.unit, again.value)],
                *same_digits[(again.kind, again.unit, _sorted_digits(again))],
            ]
            if n < m
        }
        linked = 0
        for n in sorted(earlier, reverse=True):  # nearest first
            if linked == STATEMENTS_BACK:
                break  # a figure said five times restates its latest statements, not each one
            first = candidates[n]
            if again.sentence == first.sentence or again.kind is not first.kind:
                continue
            same_noun = head_noun(first) is not None and head_noun(first) == head_noun(again)
            if first.unit != again.unit or not _same_figure(first, again, same_noun):
                continue
            if not _same_thing(doc, first, again):
                continue
            for claim in (first, again):
                if claim.id not in compared:
                    compared[claim.id] = doc.said_as_earlier(claim)
            if compared[first.id] or compared[again.id]:
                continue
            pairs.append((n, m))
            linked += 1
    for n, m in sorted(pairs):
        doc.add(
            Relation(
                type=RelationType.restatement,
                roles={"first": candidates[n].id, "again": candidates[m].id},
                cue="same thing, same figure",
            )
        )


def find_changes_in_two_forms(doc: Document) -> None:
    """'risen by almost two thirds' and '65 per cent more than in 2010': one change said as a
    fraction and again as a percentage, about the same thing."""
    changes = [
        c
        for c in doc.claims
        if c.kind in _SHARES
        and (_RISE_BEFORE.search(doc.before(c, 12)) or _RISE_AFTER.match(doc.after(c, 15)))
    ]
    per_sentence: dict[int, int] = {}
    for change in changes:
        per_sentence[change.sentence] = per_sentence.get(change.sentence, 0) + 1
    for n, first in enumerate(changes):
        for again in changes[n + 1 :]:
            if first.kind is again.kind or first.sentence == again.sentence:
                continue
            if per_sentence[first.sentence] > 1 or per_sentence[again.sentence] > 1:
                continue  # "6 per cent more than a year earlier and 65 per cent more than in 2010"
            # what changed must be named near both: "attendance rose ..., up 21 per cent" and
            # "the wage bill ... would need to rise by a third" share only "club" and "season"
            if len(doc.content_words_near(first) & doc.content_words_near(again)) >= 2:
                doc.add(
                    Relation(
                        type=RelationType.restatement,
                        roles={"first": first.id, "again": again.id},
                        cue="one change in two forms",
                    )
                )


def _same_figure(a: Claim, b: Claim, same_noun: bool) -> bool:
    """Equal, or the same digits in another order: three or more of them, or two when both
    count the same noun ('89 points' and '98 points')."""
    if a.value is None or b.value is None:
        return False
    if Qualifier.exact not in (a.qualifier, b.qualifier):
        return False
    if a.value == b.value:
        return True
    digits_a, digits_b = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    enough = len(digits_a) >= 3 or (same_noun and len(digits_a) == 2)
    return enough and sorted(digits_a) == sorted(digits_b)


def _sorted_digits(claim: Claim) -> str:
    """The digits _same_figure compares, in order: '1,862' and '1,826' give '1268'."""
    return "".join(sorted(re.sub(r"\D", "", claim.text)))


def _same_thing(doc: Document, a: Claim, b: Claim) -> bool:
    """Same noun, or sentences about the same things: three content words in common, or two
    when one is the headline (headlines are short)."""
    if head_noun(a) and head_noun(a) == head_noun(b):
        return True
    shared = doc.content_words(a.sentence) & doc.content_words(b.sentence)
    return len(shared) >= (2 if 0 in (a.sentence, b.sentence) else 3)
