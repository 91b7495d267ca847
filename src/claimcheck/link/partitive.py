"""Part of a whole, from partitive phrasing: 'Three of the 27', '21 out of 27', 'one conviction
among Norfolk's 27 accused', '147 of them', 'Of those, 49 ...', 'of the 9,812 patients ...,
1,426 waited'. A bare count later in the same list ('three were removed ... and one was
convicted') belongs to the same whole."""

from __future__ import annotations

import re

from claimcheck.link.document import Document
from claimcheck.models import Claim, Kind, Relation, RelationType

_OF = r"(?:of|out of|among|from)"
_DETERMINER = r"(?:the|those|these|its|their|all|all the|[A-Z][\w'’-]*['’]s?)"
# "Three of the 27", "one conviction among Norfolk's 27"
_BETWEEN_PART_AND_WHOLE = re.compile(
    rf"^\s+(?:[a-z][\w'’-]*\s+){{0,2}}?{_OF}\s+(?:{_DETERMINER}\s+)?$"
)
# "147 of them", "49 of whom"
_OF_PRONOUN = re.compile(r"^\s+(?:of|among)\s+(?:them|those|these|whom|which)\b")
# "Of those, 49 ...", "Of that group, three ...", "Among them, ..."
_FRONTED_PRONOUN = re.compile(
    r"^(?:But |And |However,? |Overall,? )?(?:Of|Among) "
    r"(?:those|them|these|that group|this group|that total|the group)\b"
)
# "Of the 9,812 patients brought in ..., 1,426 waited"
_FRONTED_WHOLE = re.compile(r"(?:^|\b(?:but|and)\s+)(?:of|among) (?:the |all |its |their )?$", re.I)
_COUNTS = frozenset({Kind.count})


def find(doc: Document) -> None:
    for sentence in doc.sentences:
        counts = doc.in_sentence(sentence.index, _COUNTS)
        fronted = _fronted_whole(doc, counts)
        for n, part in enumerate(counts):
            whole = None
            cue = ""
            following = counts[n + 1] if n + 1 < len(counts) else None
            if following and _BETWEEN_PART_AND_WHOLE.match(doc.between(part, following)):
                whole, cue = following, "of the"
            elif _OF_PRONOUN.match(doc.after(part)):
                whole, cue = antecedent(doc, part), "of them"
            elif fronted is not None and part is not fronted and part.start > fronted.end:
                whole, cue = fronted, "of the ..., N"
            elif _FRONTED_PRONOUN.match(sentence.text) and part.subject is None:
                whole, cue = antecedent(doc, counts[0], same_sentence=False), "of those"
            elif part.subject is None and (listed := _list_whole(doc, counts[:n])) is not None:
                # the list goes on: "..., three were removed and one was convicted"
                whole, cue = listed, "the same list"
            if whole is not None and whole.id != part.id:
                doc.add_part(part, whole, _relation(part, whole, cue))
    _group_lists(doc)


def _list_whole(doc: Document, earlier: list[Claim]) -> Claim | None:
    """The whole of the last part named earlier in the sentence, if the list has begun."""
    for claim in reversed(earlier):
        whole = doc.whole_of(claim)
        if whole is not None:
            return whole
    return None


def _fronted_whole(doc: Document, counts: list[Claim]) -> Claim | None:
    """The whole named at the front of a sentence: 'Of the 9,812 patients ..., 1,426 waited'."""
    if len(counts) < 2:
        return None
    first = counts[0]
    if _FRONTED_WHOLE.search(doc.before(first, 40)) and "," in doc.between(first, counts[1]):
        return first
    return None


def antecedent(doc: Document, claim: Claim, same_sentence: bool = True) -> Claim | None:
    """The group a pronoun ('those', 'them') points back to: the nearest earlier count that is
    not itself a part of something, in this sentence or the two before."""
    for earlier in reversed(doc.claims[: doc.position[claim.id]]):
        if claim.sentence - earlier.sentence > 2:
            break
        if not same_sentence and earlier.sentence == claim.sentence:
            continue
        if earlier.kind is Kind.count and earlier.id not in doc.part_of and earlier.value:
            return earlier
    return None


def _relation(part: Claim, whole: Claim, cue: str) -> Relation:
    return Relation(
        type=RelationType.part_le_whole, roles={"whole": whole.id}, parts=[part.id], cue=cue
    )


def _group_lists(doc: Document) -> None:
    """Several parts of one whole in one sentence are also checked together."""
    by_whole: dict[tuple[str, int], list[str]] = {}
    for part, whole in doc.part_of.items():
        by_whole.setdefault((whole, doc.by_id[part].sentence), []).append(part)
    for (whole, _), parts in by_whole.items():
        if len(parts) > 1:
            ordered = sorted(parts, key=lambda i: doc.position[i])
            doc.add(
                Relation(
                    type=RelationType.part_le_whole,
                    roles={"whole": whole},
                    parts=ordered,
                    cue="parts listed together",
                )
            )
