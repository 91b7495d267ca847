"""Parts that make up a total. Stated outright ('The 1,284 complaints were made up of 712 ...,
395 ... and 168 ...'; 'including' gives parts within a whole), or by a group introduced as a
list ('22 officers and five civilian staff') and referred back to as 'the 27'. 'The 27' with an
earlier 27 is a restatement of it."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator

from claimcheck.link.document import Document, head_noun
from claimcheck.models import Claim, Kind, Relation, RelationType

_MADE_UP = re.compile(
    r"(\bmade up of|\bcomprising|\bcomprised|\bconsisting of|\bconsisted of|\bsplit between|"
    r"\bsplit into|\bbroken down into|\bdivided into|\bdivided between|\bof which|\bof whom|"
    r"\bincluding|\bincludes|\bincluded|:)[^.;:]{0,40}$"
)
# Between two items of a list: the first item's words, a separator, then only small words
# ("712 about behaviour, 395 about service and 168"), never a verb ("..., recorded 40,120").
_LIST_GAP = re.compile(
    r"^[^.;:()]{0,70}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|;\s*)"
    r"(?:(?:the|a|an|another|some|about|around|nearly|almost|just|only|over|under)\s+)*$"
)
_COORDINATION = re.compile(r"^\s+[\w'’ -]{1,40}?(?:,|\s+and)\s+(?:[\w'’-]+\s+){0,2}?$")
_ANOTHER = re.compile(r"\b(?:and\s+)?(?:another|a further)\s+$")
_DEMONSTRATIVE = re.compile(r"\b(?:these|those|These|Those)\s+$")
_IN_ALL = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?:in all|in total|altogether|between them)\b")
_A_TOTAL_OF = re.compile(r"\b(?:a total of|totalling|in total|altogether)\s+$")
_DEFINITE = re.compile(r"\b(?:the|these|those|all|of these)\s+$", re.I)
_NOUN_AFTER = re.compile(r"^\s+[a-z][a-z-]+")
_LISTED_KINDS = frozenset({Kind.count, Kind.money, Kind.percentage})


def find(doc: Document) -> None:
    _made_up_of(doc)
    _groups_and_back_references(doc)
    _vote_tally(doc)


_VOTES_TO = re.compile(r"\bby\s+$")
_TO = re.compile(r"^\s+votes?\s+to\s+$")
_ABSTAINED = re.compile(r"^\s*,?\s*with\s+$")


def _vote_tally(doc: Document) -> None:
    """'approved by 41 votes to 22, with three abstentions, at a meeting attended by 66': for,
    against and abstentions add up to those present, when the sentence says how many were."""
    for n, votes_for in enumerate(doc.claims[:-1]):
        against = doc.claims[n + 1]
        if not (
            _VOTES_TO.search(doc.before(votes_for, 6))
            and _TO.match(doc.between(votes_for, against))
        ):
            continue
        parts = [votes_for, against]
        following = doc.next_claim(against)
        if (
            following is not None
            and _ABSTAINED.match(doc.between(against, following))
            and re.match(r"^\s+abstentions?\b", doc.after(following, 15))
        ):
            parts.append(following)
        present = [
            c
            for c in doc.in_sentence(votes_for.sentence)
            if c.start > parts[-1].end and re.search(r"\battended by\s+$", doc.before(c, 15))
        ]
        if len(present) == 1:
            doc.add(
                Relation(
                    type=RelationType.sum,
                    roles={"total": present[0].id},
                    parts=[c.id for c in parts],
                    cue="a vote tally",
                )
            )


def _made_up_of(doc: Document) -> None:
    for sentence in doc.sentences:
        claims = [c for c in doc.in_sentence(sentence.index) if c.kind in _LISTED_KINDS]
        for n, total in enumerate(claims[:-1]):
            gap = doc.between(total, claims[n + 1])
            match = _MADE_UP.search(gap)
            if not match or total.value is None:
                continue
            parts = [claims[n + 1]]
            for later in claims[n + 2 :]:
                if later.kind is not parts[0].kind or not _LIST_GAP.match(
                    doc.between(parts[-1], later)
                ):
                    break
                parts.append(later)
            if len(parts) < 2 and not match.group(1).startswith("includ"):
                continue
            if match.group(1).startswith("includ"):
                relation = Relation(
                    type=RelationType.part_le_whole,
                    roles={"whole": total.id},
                    parts=[p.id for p in parts],
                    cue=match.group(1),
                )
            else:
                relation = Relation(
                    type=RelationType.sum,
                    roles={"total": total.id},
                    parts=[p.id for p in parts],
                    cue=match.group(1),
                )
            for part in parts:
                doc.part_of.setdefault(part.id, total.id)
            doc.add(relation)


def _groups_and_back_references(doc: Document) -> None:
    groups: list[list[Claim]] = []
    figures = _Figures(doc)
    for claim in doc.claims:
        if claim.kind is not Kind.count:
            continue
        if _DEFINITE.search(doc.before(claim, 12)) and claim.subject:
            demonstrative = bool(_DEMONSTRATIVE.search(doc.before(claim, 8)))
            noun = None if demonstrative else head_noun(claim)
            named = _same_figure_before(doc, figures, claim, noun=noun)
            if named is not None:  # "these 57 exclusions", "Those 27 sites"
                doc.add(
                    Relation(
                        type=RelationType.restatement,
                        roles={"first": named.id, "again": claim.id},
                        cue="the N things",
                    )
                )
        if _is_back_reference(doc, claim):
            earlier = _same_figure_before(doc, figures, claim)
            if earlier is not None:
                doc.add(
                    Relation(
                        type=RelationType.restatement,
                        roles={"first": earlier.id, "again": claim.id},
                        cue="the N",
                    )
                )
                continue
            _close_group(doc, groups, _recent_group(groups, claim), claim, "a list, then 'the N'")
        elif _IN_ALL.match(doc.after(claim, 30)) or _A_TOTAL_OF.search(doc.before(claim, 20)):
            group = _recent_group(groups, claim, same_sentence=True)
            if _close_group(doc, groups, group, claim, "a list, then N in all"):
                continue
        _extend_groups(doc, groups, claim)


def _close_group(
    doc: Document, groups: list[list[Claim]], group: list[Claim] | None, total: Claim, cue: str
) -> bool:
    """The list's parts must add up to the total that sums it up."""
    if group is None or group[-1].start >= total.start:
        return False
    doc.add(
        Relation(
            type=RelationType.sum,
            roles={"total": total.id},
            parts=[c.id for c in group],
            cue=cue,
        )
    )
    groups.remove(group)
    return True


def _recent_group(
    groups: list[list[Claim]], claim: Claim, same_sentence: bool = False
) -> list[Claim] | None:
    reach = 0 if same_sentence else 2
    return next(
        (g for g in reversed(groups) if 0 <= claim.sentence - g[-1].sentence <= reach), None
    )


def _extend_groups(doc: Document, groups: list[list[Claim]], claim: Claim) -> None:
    """'22 Norfolk police officers and five civilian staff': counts of different things joined
    into one group, each with its own noun."""
    previous = doc.claims[doc.position[claim.id] - 1] if doc.position[claim.id] else None
    continues = bool(_ANOTHER.search(doc.before(claim, 20)))
    if (
        previous is None
        or previous.kind is not Kind.count
        or previous.sentence != claim.sentence
        or not previous.subject
        or not (claim.subject or continues)
        or previous.id in doc.part_of
        or claim.id in doc.part_of
        or not (_COORDINATION.match(doc.between(previous, claim)) or continues)
    ):
        return
    for group in groups:
        if group[-1].id == previous.id:
            group.append(claim)
            return
    groups.append([previous, claim])


def _is_back_reference(doc: Document, claim: Claim) -> bool:
    """'the 27' standing alone ('Three of the 27 were', 'The 27 were made up of')."""
    return bool(_DEFINITE.search(doc.before(claim, 12))) and (
        claim.subject is None or not _NOUN_AFTER.match(doc.after(claim, 20))
    )


class _Figures:
    """The claims of each kind grouped by value and by digits, in reading order. 'The N' may
    restate a figure anywhere before it; looking only among the claims with its value or its
    digits, rather than at every earlier claim, keeps long articles from costing the square of
    their length."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_value: defaultdict[tuple[Kind, float | None], list[Claim]] = defaultdict(list)
        self.by_digits: defaultdict[tuple[Kind, str], list[Claim]] = defaultdict(list)
        for claim in doc.claims:
            self.by_value[(claim.kind, claim.value)].append(claim)
            self.by_digits[(claim.kind, "".join(sorted(_digits(claim))))].append(claim)

    def latest_first(self, group: list[Claim], claim: Claim) -> Iterator[Claim]:
        """The claims of the group that come before this one, the latest first."""
        end = bisect.bisect_left(group, self.doc.position[claim.id], key=self._position)
        for n in range(end - 1, -1, -1):
            yield group[n]

    def _position(self, claim: Claim) -> int:
        return self.doc.position[claim.id]


def _same_figure_before(
    doc: Document, figures: _Figures, claim: Claim, noun: str | None = None
) -> Claim | None:
    """The figure 'the N' restates: the same value earlier, or a slip of it (digits swapped);
    with a noun ('these 57 exclusions'), only a figure counting the same thing."""
    same_value = figures.by_value.get((claim.kind, claim.value), [])
    for candidate in figures.latest_first(same_value, claim):
        if candidate.value == claim.value and (noun is None or noun in _nouns_of(doc, candidate)):
            return candidate
    digits = sorted(_digits(claim))
    if len(digits) < 2:
        return None
    same_digits = figures.by_digits.get((claim.kind, "".join(digits)), [])
    for candidate in figures.latest_first(same_digits, claim):
        if noun is None or noun in _nouns_of(doc, candidate):
            return candidate
    return None


def _digits(claim: Claim) -> str:
    """'Twenty-three' has the digits of 23 too."""
    return f"{claim.value:g}".replace(".", "") if claim.value is not None else ""


def _nouns_of(doc: Document, claim: Claim) -> set[str | None]:
    """What a figure counts: its own noun, or its whole's ('Twenty-three of the 48 schools')."""
    whole = doc.whole_of(claim)
    return {head_noun(claim), head_noun(whole) if whole is not None else None}
