"""A change and its two ends: 'rose from 12 to 18, a 50% increase'; 'from 4.1 to 4.6 per cent,
a rise of 0.5 per cent'; '3,050, up 12% from 2,720'; '433,000, a drop of 7% from 464,000'."""

from __future__ import annotations

import itertools
import re

from claimcheck.link.document import Document
from claimcheck.models import Claim, Kind, Relation, RelationType

_FROM = re.compile(r"\bfrom\s+(?:a|an|the)?\s*$")
_TO = re.compile(r"^\s*(?:per cent|%)?\s+to\s+(?:a|an|the)?\s*$")
_CHANGE_WORDS = re.compile(
    r"\b(?:increase|increases|rise|rises|rising|rose|fall|falls|fell|drop|drops|dropped|decrease|"
    r"cut|cuts|jump|jumped|growth|reduction|up|down|higher|lower|more|fewer|less)\b"
)
_UP_DOWN = re.compile(
    r"^[^.;:,]{0,40}?,?\s+(?:up|down)\s+(?:by\s+)?(?:almost|nearly|around|about|some|just)?\s*$"
)
_A_CHANGE_OF = re.compile(
    r"^[^.;:,]{0,40}?,?\s+(?:a|an)\s+(?:\w+\s+)?(?:drop|fall|rise|increase|decrease|reduction|"
    r"cut|jump|decline|dip)\s+of\s+(?:almost|nearly|around|about|some|just)?\s*$"
)
_UP_DOWN_FROM = re.compile(
    r"^[^.;:,]{0,40}?,?\s+(?:up|down|rising|falling)\s+from\s+(?:a\s+|the\s+)?$"
)
_ON_FROM = re.compile(
    r"^\s+(?:on|from)\s+(?:the\s+|a\s+|(?:last|the\s+previous)\s+\w+['’]s\s+)?$"
)  # "up 12% on 2,720", "up 21 per cent on last season's 7,510"
_ENDS = frozenset({Kind.count, Kind.percentage, Kind.money, Kind.quantity})
_CHANGES = frozenset({Kind.count, Kind.percentage, Kind.money})


def find(doc: Document) -> None:
    for n, old in enumerate(doc.claims[:-1]):
        new = doc.claims[n + 1]
        _up_from(doc, old)
        _more_than(doc, old)
        _by_to_from(doc, old)
        _direction(doc, old)
        _taking_from_to(doc, old)
        if (
            old.kind in _ENDS
            and new.kind in _ENDS
            and new.sentence == old.sentence
            and _FROM.search(doc.before(old, 20))
            and _TO.match(doc.between(old, new))
        ):
            change = _stated_change(doc, old, new)
            if change is not None:
                _add(doc, old, new, change, "from X to Y")


def _stated_change(doc: Document, old: Claim, new: Claim) -> Claim | None:
    following = doc.next_claim(new)
    if (
        following is not None
        and following.sentence == new.sentence
        and following.kind in _CHANGES
        and _CHANGE_WORDS.search(doc.between(new, following) + doc.after(following, 15))
        and len(doc.between(new, following)) < 60
    ):
        return following
    previous = doc.claims[doc.position[old.id] - 1] if doc.position[old.id] else None
    if (
        previous is not None
        and previous.sentence == old.sentence
        and previous.kind in _CHANGES
        and re.search(r"\bby\s+$", doc.before(previous, 10))
    ):
        return previous
    return None


def _up_from(doc: Document, new: Claim) -> None:
    if new.kind not in _ENDS:
        return
    change = _next_figure(doc, new)
    old = _next_figure(doc, change) if change is not None else None
    if (
        change is not None
        and change.kind is not new.kind
        and _UP_DOWN_FROM.match(doc.between(new, change))
    ):
        return  # "8.9 million visits over the latest 12 months, down from 9.51 million"
    if (
        change is not None
        and change.kind is new.kind
        and _UP_DOWN_FROM.match(doc.between(new, change))
        and (old is None or not _CHANGE_WORDS.search(doc.between(change, old)))
    ):
        # "Twenty-three ... in deficit, up from 14 a year earlier": a direction, no amount
        rising = "up" in doc.between(new, change) or "rising" in doc.between(new, change)
        doc.add(
            Relation(
                type=RelationType.difference,
                roles={"old": change.id, "new": new.id},
                cue=f"went {'up' if rising else 'down'}",
            )
        )
        return
    if change is not None and old is not None and _UP_DOWN_FROM.match(doc.between(new, change)):
        # "66 per cent, up from 61.2 per cent last year, an improvement of 4.8 points"
        change, old = old, change
        if (
            new.sentence == change.sentence == old.sentence
            and change.kind in _CHANGES
            and _CHANGE_WORDS.search(doc.between(old, change))
            and len(doc.between(old, change)) < 50
        ):
            _add(doc, old, new, change, "N, up from M, a rise of X")
        return
    if change is None or old is None or not (new.sentence == change.sentence == old.sentence):
        return
    if (
        change.kind in _CHANGES
        and old.kind in _ENDS
        and (
            _UP_DOWN.match(doc.between(new, change)) or _A_CHANGE_OF.match(doc.between(new, change))
        )
        and _ON_FROM.match(doc.between(change, old))
    ):
        _add(doc, old, new, change, "N, up X from M")


_FEWER_THAN = re.compile(
    r"^\s+(?:[a-z]+\s+){0,2}?(?:fewer|more|less|higher|lower|greater|bigger|smaller)\s+than\s+"
    r"(?:the\s+|a\s+|last\s+\w+['’]s\s+(?:total\s+of\s+)?|its\s+|their\s+)?$"
)


def _more_than(doc: Document, new: Claim) -> None:
    """'It employs 214, 18 fewer than the 232 it needs'; '89 points, 28 more than last
    season's total of 61'."""
    change = _next_figure(doc, new)
    old = _next_figure(doc, change) if change is not None else None
    if change is None or old is None or change.kind is not Kind.count:
        return
    if new.kind is not old.kind or not re.match(r"^[^.;:]{0,30}?,\s*$", doc.between(new, change)):
        return
    if _FEWER_THAN.match(doc.between(change, old)):
        _add(doc, old, new, change, "N, D more than M")


_BY_TO = re.compile(r"^\s+to\s+(?:a\s+|an\s+)?$")
_BY = re.compile(
    r"\b(?:rising|rose|risen|falling|fell|fallen|up|down|increased|decreased|jumped|grew|"
    r"dropped|climbed|cut)\s+by\s+(?:almost|nearly|around|about|some|just)?\s*$"
)
_FROM_AFTER = re.compile(r"^[^.;:]{0,40}?\b(?:up|down)?\s*from\s+(?:a\s+|the\s+)?$")
_UP_WORDS = re.compile(
    r"\b(?:rose|risen|rising|increased|grew|climbed|jumped|edged up|went up|up)\s+"
    r"(?:\w+\s+){0,2}?to\s+$"
)
_DOWN_WORDS = re.compile(
    r"\b(?:fell|fallen|falling|decreased|dropped|shrank|edged down|went down|down)\s+"
    r"(?:\w+\s+){0,2}?to\s+$"
)


def _by_to_from(doc: Document, change: Claim) -> None:
    """'rising by 45% to 985 in November 2013, up from 677 a year earlier'."""
    if change.kind not in _CHANGES or not _BY.search(doc.before(change, 30)):
        return
    new = _next_figure(doc, change)
    old = _next_figure(doc, new) if new is not None else None
    if new is None or old is None or new.kind is not old.kind:
        return
    if _BY_TO.match(doc.between(change, new)) and _FROM_AFTER.match(doc.between(new, old)):
        _add(doc, old, new, change, "by X to N, from M")


def _direction(doc: Document, new: Claim) -> None:
    """'edged up to 701, from 693': a change with a direction and no amount must go that way."""
    old = _next_figure(doc, new)
    if (
        old is None
        or old.kind is not new.kind
        or not re.match(
            r"^\s*,?\s*(?:from|up from|down from)\s+(?:a\s+|the\s+)?$", doc.between(new, old)
        )
    ):
        return
    before = doc.before(new, 40)
    direction = "up" if _UP_WORDS.search(before) else "down" if _DOWN_WORDS.search(before) else None
    if direction is not None:
        doc.add(
            Relation(
                type=RelationType.difference,
                roles={"old": old.id, "new": new.id},
                cue=f"went {direction}",
            )
        )


_TAKING = re.compile(
    r"\b(?:taking|bringing|raising|lifting|cutting|reducing)\b[^.;]{0,25}?\bfrom\s+$"
)
_ADDED = re.compile(r"\b(?:new|more|extra|additional|further|fewer|less)\b")


def _taking_from_to(doc: Document, old: Claim) -> None:
    """'We opened two new theatres, taking us from 11 to 13': the two ends differ by the
    number added or taken away."""
    new = _next_figure(doc, old)
    if new is None or new.kind is not old.kind or not _TAKING.search(doc.before(old, 40)):
        return
    if not _TO.match(doc.between(old, new)):
        return
    added = [
        c
        for c in doc.in_sentence(old.sentence)
        if c.kind is old.kind and c.end <= old.start and _ADDED.search(doc.after(c, 25))
    ]
    if added:
        _add(doc, old, new, added[-1], "N more, taking it from A to B")


_CHANGE_OF = re.compile(r"\b(?:increase|rise|fall|drop|decrease|jump|reduction)\s+of\s+$")
_BARE_CHANGE = re.compile(r"^\s+(?:increase|rise|fall|drop|decrease|jump|reduction)\b")


_STILL = re.compile(
    r"\b(?:(higher|greater|larger|bigger|more) still|even (higher|greater|larger|bigger|more)|"
    r"(lower|smaller|fewer|less) still|even (lower|smaller|fewer|less))\b[^.;]{0,25}?$",
    re.I,
)


def higher_still(doc: Document) -> None:
    """'61 per cent ... At grammar schools it was higher still, with 68 per cent': the new
    figure must be above the last one of its kind."""
    for new in doc.claims:
        still = _STILL.search(doc.before(new, 60))
        if still is None or new.value is None:
            continue
        earlier = [
            c
            for c in doc.claims_from(new.sentence - 1, end=doc.position[new.id])
            if c.kind is new.kind
            and c.unit == new.unit
            and c.value is not None
            and 0 <= new.sentence - c.sentence <= 1
        ]
        if not earlier:
            continue
        rising = bool(still.group(1) or still.group(2))
        doc.add(
            Relation(
                type=RelationType.difference,
                roles={"old": earlier[-1].id, "new": new.id},
                cue=f"went {'up' if rising else 'down'}",
            )
        )


def up_from_for_the_part(doc: Document) -> None:
    """'Twenty-three of the 48 schools ... ended the year in deficit, up from 14': the figure
    before 'up from' is a whole; what went up is its part."""
    wholes = set(doc.part_of.values())
    for old in doc.claims:
        direction = re.search(r"\b(up|down|rising|falling)\s+from\s+$", doc.before(old, 20))
        if direction is None or old.value is None:
            continue
        before = [
            c
            for c in doc.in_sentence(old.sentence)
            if c.end <= old.start and c.kind is old.kind and c.value is not None
        ]
        if not before or before[-1].id not in wholes:
            continue  # the plain case, "N, up from M", is read by _up_from
        parts = [c for c in before if doc.part_of.get(c.id) == before[-1].id]
        if len(parts) == 1:
            rising = direction.group(1) in ("up", "rising")
            doc.add(
                Relation(
                    type=RelationType.difference,
                    roles={"old": old.id, "new": parts[0].id},
                    cue=f"went {'up' if rising else 'down'}",
                )
            )


def change_before_its_ends(doc: Document) -> None:
    """'approved a 4.99 per cent rise in council tax' ... 'The county's share of a Band D bill
    will go up from £1,702.44 to £1,787.39': a change whose ends follow within two sentences."""
    linked = {r.roles.get("change") for r in doc.relations}
    for change in doc.claims:
        if change.kind is not Kind.percentage or change.unit != "per cent" or change.id in linked:
            continue
        if not _BARE_CHANGE.match(doc.after(change, 20)):
            continue
        if [c for c in doc.in_sentence(change.sentence) if c.kind in (Kind.money, Kind.count)]:
            continue  # its ends, if any, are in its own sentence
        pairs = [
            (old, new)
            for old, new in itertools.pairwise(
                doc.claims_from(change.sentence + 1, change.sentence + 2)
            )
            if 0 < old.sentence - change.sentence <= 2
            and old.sentence == new.sentence
            and old.kind is new.kind
            and old.kind in (Kind.money, Kind.count)
            and _FROM.search(doc.before(old, 20))
            and _TO.match(doc.between(old, new))
            and doc.content_words(old.sentence) & doc.content_words(change.sentence)
        ]
        if len(pairs) == 1:
            _add(doc, pairs[0][0], pairs[0][1], change, "a change, then its two ends")


def implicit_old(doc: Document) -> None:
    """'In 2003 ... 19 per cent ..., a total of 25,139. The latest figures put the proportion at
    27.9 per cent, or 35,653 officers, ... an 8.9 per cent increase': a change with no 'from'
    is measured from the one earlier figure of the same kind that counts the same thing at an
    earlier date. Left alone when there is more than one."""
    linked = {r.roles.get("change") for r in doc.relations}
    for change in doc.claims:
        if change.kind is not Kind.percentage or change.id in linked:
            continue
        if not (
            _BARE_CHANGE.match(doc.after(change, 20)) or _CHANGE_OF.search(doc.before(change, 20))
        ):
            continue
        before = [c for c in doc.in_sentence(change.sentence) if c.end <= change.start]
        points = change.unit == "percentage point"  # points are a change between percentages
        for kind in (Kind.percentage,) if points else (Kind.count, Kind.percentage):
            news = [c for c in before if c.kind is kind and c.value]
            if not news:
                continue
            new = news[-1]
            olds = [
                c
                for c in doc.claims_from(new.sentence - 3, end=doc.position[new.id])
                if c.kind is kind
                and c.unit == new.unit
                and 0 < new.sentence - c.sentence <= 3
                and any(d.kind is Kind.date for d in doc.in_sentence(c.sentence))
                and doc.content_words(c.sentence) & doc.content_words(new.sentence)
            ]
            if len(olds) == 1:
                _add(doc, olds[0], new, change, "a change from an earlier date")


def _next_figure(doc: Document, claim: Claim) -> Claim | None:
    """The next claim in the same sentence that is not a date."""
    following = doc.next_claim(claim)
    while following is not None and following.kind is Kind.date:
        following = doc.next_claim(following)
    if following is None or following.sentence != claim.sentence:
        return None
    return following


def _add(doc: Document, old: Claim, new: Claim, change: Claim, cue: str) -> None:
    doc.add(
        Relation(
            type=RelationType.difference,
            roles={"old": old.id, "new": new.id, "change": change.id},
            cue=cue,
        )
    )
