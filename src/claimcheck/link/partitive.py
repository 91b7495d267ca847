"""Part of a whole, from partitive phrasing: 'Three of the 27', '21 out of 27', 'one conviction
among Norfolk's 27 accused', '147 of them', 'Of those, 49 ...', 'of the 9,812 patients ...,
1,426 waited'. A bare count later in the same list ('three were removed ... and one was
convicted') belongs to the same whole."""

from __future__ import annotations

import itertools
import re

from claimcheck.link.document import Document, head_noun, singular
from claimcheck.models import Claim, Kind, Relation, RelationType

_OF = r"(?:of|out of|among|from)"
_DETERMINER = (
    r"(?:(?:the|those|these|its|their|all|all the)(?:\s+[A-Za-z][\w-]*['’]s?)?|[A-Z][\w'’-]*['’]s?)"
)
# "Three of the 27", "one conviction among Norfolk's 27"
_BETWEEN_PART_AND_WHOLE = re.compile(
    rf"^\s+(?:[a-z][\w'’-]*\s+){{0,2}}?{_OF}\s+(?:{_DETERMINER}\s+)?$"
)
# "a fleet of 212 buses, of which 31 ...", "4,100 nurses, of whom 620 ...": the figure before
_OF_WHICH = re.compile(r",\s+(?:of which|of whom)\s+(?:only\s+|just\s+|some\s+)?$")
# "147 of them", "49 of whom", "24 of those goals", "£410,000 of it"
_OF_PRONOUN = re.compile(
    r"^\s+(?:of|among)\s+(?:them|those|these|whom|which|it|this)\b(?:\s+([a-z][a-z-]+))?"
)
# "118 of the homes completed in 2023/24", "three of the new councillors": a whole by its noun
_OF_THE_NOUN = re.compile(
    r"^\s+of\s+(?:the|its|their)\s+(?P<modifiers>(?:[a-z]+\s+){0,2}?)([a-z]+s)\b(?!\s*\d)"
)
# "They were among 56 of the force's employees": the previous sentence's figure is a part of N
_AMONG = re.compile(r"^(?:They|These|Those|All|Both)\s+(?:were|are)\s+(?:among|part of|out of)\s+$")
# "leaving 92 that did not", "the other three", "The remaining six": the rest of a whole
_REST = re.compile(r"(?:\bleaving(?:\s+only|\s+just)?|\b(?:the|The)\s+(?:other|remaining))\s+$")
# "Of those, 49 ...", "Of that group, three ...", "Among them, ..."
_FRONTED_PRONOUN = re.compile(
    r"^(?:But |And |However,? |Overall,? )?(?:Of|Among) "
    r"(?:those|them|these|that group|this group|that total|the group|that|this)\b"
)
# "Of the 9,812 patients brought in ..., 1,426 waited"
_FRONTED_WHOLE = re.compile(
    r"(?:^|\b(?:but|and)\s+)(?:of|among) (?:the |all |its |their )?(?:other |remaining )?$", re.I
)
# "512 new homes ... against a goal of 650": a base for a share, not a whole the part is within
_AGAINST_TARGET = re.compile(
    r"\b(?:against|short of|compared with)\s+(?:a|an|the|its)?\s*(?:\w+\s+)?"
    r"(?:target|goal|requirement|plan|aim|ambition)\s+of\s+$"
)
_COUNTS = frozenset({Kind.count, Kind.money})
_AVERAGE = re.compile(
    r"\b(?:average|median|mean)\b[^|]*\||\|\s+(?:each|a head|per|a week|a month|a year)\b"
)
_COMPARED = re.compile(r"\b(?:from|than|against|compared with|up|down)\s+(?:£|\$|€)?$")


def find(doc: Document, partitions: list[list[str]]) -> None:
    for sentence in doc.sentences:
        # measured amounts take part too ("Of that, 22,950 tonnes ..."), within their own unit
        counts = doc.in_sentence(sentence.index, _COUNTS | {Kind.quantity})
        fronted = _fronted_whole(doc, counts)
        for n, part in enumerate(counts):
            whole = None
            cue = ""
            following = counts[n + 1] if n + 1 < len(counts) else None
            if following and _BETWEEN_PART_AND_WHOLE.match(doc.between(part, following)):
                whole, cue = following, "of the"
            elif n > 0 and _OF_WHICH.search(doc.between(counts[n - 1], part)):
                whole, cue = counts[n - 1], "of which"
            elif pronoun := _OF_PRONOUN.match(doc.after(part)):
                whole, cue = antecedent(doc, part, noun=pronoun.group(1)), "of them"
            elif (named := _OF_THE_NOUN.match(doc.after(part, 50))) and (
                found := _whole_named(doc, part, named)
            ) is not None:
                # "Only 118 of the homes completed in 2023/24": the earlier figure of homes
                whole, cue = found, "of the things"
            elif _REST.search(doc.before(part, 30)):
                continue  # "leaving 92", "the remaining 29,450": the rest, handled below
            elif fronted is not None and part.start > fronted[1]:
                whole, cue = fronted[0], "of the ..., N"
            elif _FRONTED_PRONOUN.match(sentence.text) and part.subject is None:
                whole, cue = antecedent(doc, counts[0], same_sentence=False), "of those"
            elif (
                part.subject is None
                and not _COMPARED.search(doc.before(part, 14))
                and (listed := _list_whole(doc, counts[:n], part)) is not None
            ):
                # the list goes on: "..., three were removed and one was convicted"
                whole, cue = listed, "the same list"
            if (
                whole is not None
                and whole.id != part.id
                and whole.kind is part.kind
                and whole.unit == part.unit
            ):
                doc.add_part(part, whole, _relation(part, whole, cue))
        _among(doc, sentence.index, counts)
        _that_thing_among(doc, counts)
        _first_of(doc, sentence.index, counts)
        _among_the_noun(doc, sentence.index, counts)
        for part, base in itertools.pairwise(counts):
            if _AGAINST_TARGET.search(doc.between(part, base)):
                doc.share_base.setdefault(part.id, base.id)
    _rest_of_whole(doc)
    _group_lists(doc, partitions)


def _among(doc: Document, index: int, counts: list[Claim]) -> None:
    """'Forty-nine ... were still working. They were among 56 of the force's employees.'"""
    if not counts or index == 0 or not _AMONG.match(doc.before(counts[0], 40)):
        return
    previous = doc.in_sentence(index - 1, _COUNTS)
    if previous and previous[0].kind is counts[0].kind:
        doc.add_part(previous[0], counts[0], _relation(previous[0], counts[0], "they were among"))


_FIRST = re.compile(r"^(?:The|the)\s+(?:first|last|latest)\s+$")
_AMONG_THE = re.compile(
    r"^(?:Among|Of)\s+the\s+([a-z][a-z-]+)\b[^,\d]{0,60}?(?:,\s*|\s+(?:were|are|was|is)\s+)$"
)
# "... and 24,530 by councils in the rest of England": the list leaves nothing out
_REST_OF = re.compile(r"\b(?:the rest of|elsewhere|everywhere else|all other|all the others?)\b")


# "That conviction among 27 accused": a thing named before, now counted among a whole
_THAT_THING = re.compile(
    r"\b(?:[Tt]hat|[Tt]his|[Tt]hose|[Tt]hese)\s+([a-z]{5,})\s+(?:among|of|out of|from)\s+$"
)


def _that_thing_among(doc: Document, counts: list[Claim]) -> None:
    """'... while one was convicted. ... That conviction among 27 accused ...': the earlier count
    whose predicate shares the noun's stem is a part of this whole."""
    for whole in counts:
        named = _THAT_THING.search(doc.before(whole, 40))
        if named is None:
            continue
        stem = named.group(1)[:6]
        earlier = [
            c
            for c in doc.claims_from(whole.sentence - 3, end=doc.position[whole.id])
            if c.kind is whole.kind
            and 0 < whole.sentence - c.sentence <= 3
            and stem in (c.predicate or "").lower()
        ]
        if earlier:
            doc.add_part(earlier[-1], whole, _relation(earlier[-1], whole, "that thing among N"))


def _first_of(doc: Document, index: int, counts: list[Claim]) -> None:
    """'... to provide 1,200 homes over 15 years. The first 85 were completed last year.'"""
    if not counts or index == 0 or not _FIRST.match(doc.before(counts[0], 12)):
        return
    previous = [c for c in doc.in_sentence(index - 1, _COUNTS) if c.kind is counts[0].kind]
    if previous:
        doc.add_part(counts[0], previous[0], _relation(counts[0], previous[0], "the first N"))


def _among_the_noun(doc: Document, index: int, counts: list[Claim]) -> None:
    """'Among the carers who answered the survey were 212 children': a part of the figure
    that counted the carers."""
    if not counts:
        return
    named = _AMONG_THE.match(
        doc.sentences[index].text[: counts[0].start - doc.sentences[index].start]
    )
    if named is None:
        return
    whole = antecedent(doc, counts[0], same_sentence=False, noun=named.group(1))
    if whole is None or head_noun(whole) != singular(named.group(1)):
        return
    parts = [counts[0]]
    for later in counts[1:]:
        if doc.claims_between(parts[-1], later, frozenset({Kind.count})) or not re.search(
            r"\band\s+$|,\s*$", doc.between(parts[-1], later)
        ):
            break
        parts.append(later)
    for part in parts:
        doc.add_part(part, whole, _relation(part, whole, "among the N were"))
    if len(parts) > 1 and _REST_OF.search(doc.said_of(parts[-1], 60)):
        doc.add(
            Relation(
                type=RelationType.sum,
                roles={"total": whole.id},
                parts=[p.id for p in parts],
                cue="a list ending with the rest",
            )
        )


def _rest_of_whole(doc: Document) -> None:
    """'52 of the 144 trusts ..., leaving 92': the named part and the rest make the whole."""
    for rest in doc.claims:
        if rest.kind not in (Kind.count, Kind.quantity) or rest.id in doc.part_of:
            continue
        before = doc.before(rest, 30)
        if not _REST.search(before) or re.search(
            r"\b(?:Among|Of|among|of)\s+the\s+\w+\s+$", before
        ):
            continue  # "Among the other 2,020 pupils, ...": a whole of its own
        named = [
            c
            for c in doc.claims_from(rest.sentence - 3, end=doc.position[rest.id])
            if c.id in doc.part_of and 0 <= rest.sentence - c.sentence <= 3 and _only_part(doc, c)
        ]
        if not named:
            continue
        part = named[-1]
        whole = doc.whole_of(part)
        if (
            whole is None
            or whole.id == rest.id
            or (whole.kind, whole.unit) != (rest.kind, rest.unit)
            or _counts_something_else(rest, whole)
        ):
            continue
        doc.part_of[rest.id] = whole.id
        doc.add(
            Relation(
                type=RelationType.sum,
                roles={"total": whole.id},
                parts=[part.id, rest.id],
                cue="a part and the rest",
            )
        )


def _counts_something_else(rest: Claim, whole: Claim) -> bool:
    """'164,800 of the 412,000 visits ... The other eight branches': a rest that names what it
    counts, and names something other than the whole does, is the rest of another group."""
    rest_noun, whole_noun = head_noun(rest), head_noun(whole)
    return rest_noun is not None and whole_noun is not None and rest_noun != whole_noun


def _list_whole(doc: Document, earlier: list[Claim], part: Claim) -> Claim | None:
    """The whole of the previous part, if the list goes straight on to this one: no other
    figure between and only a short gap ('won 26 of their 46 matches, drew 11 and lost nine',
    but not '..., finishing on 89 points, 28 more than last season's')."""
    if not earlier:
        return None
    previous = earlier[-1]
    whole = doc.whole_of(previous) or (
        doc.whole_of(earlier[-2])
        if len(earlier) > 1 and previous.id in doc.part_of.values()
        else None
    )
    if whole is None:
        return None
    last_part = previous if previous.id in doc.part_of else earlier[-2]
    gap = doc.between(last_part, part)
    others = [c for c in doc.claims_between(last_part, part, frozenset(Kind)) if c.id != whole.id]
    if others or len(gap) > 70:
        return None
    return whole


def _fronted_whole(doc: Document, counts: list[Claim]) -> tuple[Claim, int] | None:
    """The whole named at the front of a sentence, and where its phrase ends: 'Of the 9,812
    patients ..., 1,426 waited'. A figure inside the phrase describes the whole ('Of the 18,450
    pupils across the borough's 52 schools, 3,690 ...'), so parts come after its comma."""
    if len(counts) < 2 or not _FRONTED_WHOLE.search(doc.before(counts[0], 40)):
        return None
    first = counts[0]
    comma = doc.after(first, 120).find(",")
    if comma < 0:
        return None
    end = first.end + comma
    return (first, end) if any(c.start > end for c in counts[1:]) else None


def antecedent(
    doc: Document,
    claim: Claim,
    same_sentence: bool = True,
    noun: str | None = None,
    same_kind: Kind | None = None,
    parts_allowed: bool = True,
    described: str = "",
) -> Claim | None:
    """The group a pronoun ('those', 'them', 'those goals') points back to, in this sentence or
    the two before: the earlier figure of the same kind counting the named noun if there is one;
    else the nearest in this sentence, or the first (the subject) of an earlier sentence. A
    figure already a part of something, or given as a comparison ('up from 5,310'), is passed
    over."""
    reach = 8 if noun else 2  # sentences back
    earlier = [
        c
        for c in doc.claims_from(claim.sentence - reach, end=doc.position[claim.id])
        if c.kind is (same_kind or claim.kind)
        and c.value
        and (c.id not in doc.part_of or (parts_allowed and c.sentence == claim.sentence))
        and claim.sentence - c.sentence <= reach
        and (same_sentence or c.sentence != claim.sentence)
        and not _COMPARED.search(doc.before(c, 14))
        and not _AVERAGE.search(doc.before(c, 20) + "|" + doc.after(c, 12))
    ]
    if noun:
        named = [c for c in earlier if head_noun(c) == singular(noun)]
        if named and described:
            # "118 of the homes completed in 2023/24": the figure described in the same words
            wanted = _words(described)
            return max(named, key=lambda c: (len(wanted & _words(doc.after(c, 50))), c.start))
        if named:
            return named[-1]
        earlier = [c for c in earlier if claim.sentence - c.sentence <= 2]
    if not earlier:
        return None
    if earlier[-1].sentence == claim.sentence:
        return earlier[-1]
    sentence = earlier[-1].sentence
    return next(c for c in earlier if c.sentence == sentence)


def _whole_named(doc: Document, part: Claim, named: re.Match[str]) -> Claim | None:
    """The whole that 'N of the [modifiers] things' points back to: the figure described by
    the modifiers, else the earlier figure counting those things."""
    noun = named.group(2)
    described = _described_as(doc, part, named.group("modifiers"), noun)
    if described is not None:
        return described
    found = antecedent(doc, part, same_sentence=False, noun=noun, described=doc.after(part, 50))
    return found if found is not None and head_noun(found) == singular(noun) else None


def _described_as(doc: Document, part: Claim, modifiers: str, noun: str) -> Claim | None:
    """'1,550 of the persistently absent pupils' after '3,690 were classed as persistently
    absent': the nearest earlier figure said to be what the modifiers say, counting that noun or
    nothing named. (A figure already a part of a larger group may still be this one's whole.)"""
    wanted = _words(modifiers)
    if not wanted:
        return None
    for earlier in reversed(doc.claims[: doc.position[part.id]]):
        if part.sentence - earlier.sentence > 3:
            break
        if earlier.kind is not part.kind or not earlier.value:
            continue
        following = doc.next_claim(earlier)
        said = doc.after(earlier, 50)
        if following is not None and following.sentence == earlier.sentence:
            said = doc.between(earlier, following)[:50]
        if head_noun(earlier) in (singular(noun), None) and wanted <= _words(said):
            return earlier
    return None


def _words(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z0-9/]+", text.lower()) if len(w) > 2}


def _relation(part: Claim, whole: Claim, cue: str) -> Relation:
    return Relation(
        type=RelationType.part_le_whole, roles={"whole": whole.id}, parts=[part.id], cue=cue
    )


def _only_part(doc: Document, part: Claim) -> bool:
    """A split in two ('21 of the 27 stayed'), not one of several categories in a list."""
    whole = doc.part_of[part.id]
    # the parts in the part's sentence are among that sentence's claims: looking there, not
    # through every part in the document, keeps this from growing with the article
    same_whole = {c.id for c in doc.in_sentence(part.sentence) if doc.part_of.get(c.id) == whole}
    return same_whole == {part.id}


def _complete(doc: Document, parts: list[Claim], partitions: list[list[str]]) -> bool:
    """Each part is introduced by a different word of one partition, and all are there."""
    words = [set(re.findall(r"[a-z]+", doc.before(part, 14).lower())) for part in parts]
    for partition in partitions:
        if len(partition) == len(parts) and all(
            word in found for word, found in zip(partition, words, strict=True)
        ):
            return True
    return False


def _group_lists(doc: Document, partitions: list[list[str]]) -> None:
    """Several parts of one whole in one sentence are also checked together; when they name a
    complete set of outcomes ('won 26 of their 46 matches, drew 11 and lost nine'), they must
    add up to the whole."""
    by_whole: dict[tuple[str, int], list[str]] = {}
    for part, whole in doc.part_of.items():
        by_whole.setdefault((whole, doc.by_id[part].sentence), []).append(part)
    for (whole, _), parts in by_whole.items():
        if len(parts) > 1:
            ordered = sorted(parts, key=lambda i: doc.position[i])
            if _complete(doc, [doc.by_id[i] for i in ordered], partitions):
                doc.add(
                    Relation(
                        type=RelationType.sum,
                        roles={"total": whole},
                        parts=ordered,
                        cue="a complete set of outcomes",
                    )
                )
            doc.add(
                Relation(
                    type=RelationType.part_le_whole,
                    roles={"whole": whole},
                    parts=ordered,
                    cue="parts listed together",
                )
            )
