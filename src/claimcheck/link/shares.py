"""A percentage or fraction of counts: set beside the part ('1,426 ..., or 12.7%'; 'just 36
(2.7%)'; '13,776 of them, a 38.4 per cent share'), or as the rate a part-of-whole pair gives
('the one conviction among Norfolk's 27 accused means a conviction rate of 3.7 per cent')."""

from __future__ import annotations

import re

from claimcheck.link.document import SHARES, Document, head_noun, singular
from claimcheck.link.partitive import antecedent
from claimcheck.models import Claim, Kind, Relation, RelationType

_BESIDE = re.compile(
    r"^[^.;:]{0,80}?(?:,\s*(?:or|and|which is|that is|equivalent to|representing|just|only|a|an|"
    r"some|about|around|nearly|almost|roughly)?\s*|\s*\(\s*(?:or\s+|just\s+|only\s+)?|\s+or\s+|"
    r"\b(?:took|won|gained|secured|received|polled|claimed|had)\s+(?:a\s+|an\s+)?|"
    r"\b(?:is\s+|was\s+|,\s*)?(?:equal|equivalent) to\s+)$"
)
# "That is 71.4 per cent": a share of the part and whole in the sentence before
_THAT_IS = re.compile(
    r"\b(?:that|this|which)\s+(?:is|was|represents|represented|means|meant|amounts to|equates to|"
    r"works out at|is equivalent to|is equal to)\s+(?:about|around|nearly|almost|just|only|some|"
    r"roughly|more than|less than|just over|just under)?\s*$",
    re.I,
)
_RATE = re.compile(
    r"\b(?:rate|share|proportion|percentage|fraction)\s+(?:of|was|is|stood at|at|to)\s+$"
    r"|\b(?:means|gives|representing|represents|equivalent to|equal to|making|or)\s+(?:a|an)?\s*$"
)
_EXPLICIT_WHOLE = re.compile(
    r"^\s+of\s+(?:the\s+|all\s+|those\s+|its\s+|their\s+)?(?:[A-Za-z][\w-]*['’]s?\s+)?$"
)
# "43 per cent of the total", "92 per cent of turnover", "79 per cent of the average rent"
_OF_NOUN = re.compile(
    r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[a-z'’-]+\s+){0,2}?([a-z][a-z-]+)"
    r"(?=\s*[,.;:)]|\s+(?:and|but|while|which|in|on|at|for|from|by|since|last|this)\b|$)"
)
# "About a quarter of them, 312,000, work part time"
_OF_THEM_THEN_COUNT = re.compile(
    r"^\s+of\s+(?:them|those|these)\b[^,.;]{0,30},\s*(?:about|some|around)?\s*$"
)
_SMALL = frozenset({"of", "the", "its", "their", "all", "on", "in", "for"})
_OF_IT_ON = re.compile(
    r"^\s+of\s+(?:it|this|that|them)\s+(?:on|in|for)\s+((?:[a-z]+\s+){0,2}[a-z]+)"
)
_GIVEN_AS_COMPARISON = re.compile(r"\b(?:from|than|against|compared with)\s+(?:£|\$|€)?$")
_OWN_CLAUSE = re.compile(
    r"^\s+(?:of\s+(?:the\s+|them\s+|those\s+)?[a-z]+\s+)?"
    r"(?:were|was|are|is|have|has|had|will|would|said|say|think|believe)\b"
)
_BLOCKING = frozenset({Kind.count, Kind.percentage, Kind.fraction})
_PARTS = frozenset({Kind.count, Kind.money})


def find(doc: Document) -> None:
    for share in doc.claims:
        if share.kind not in SHARES:
            continue
        pair = (
            _share_of_them(doc, share)
            or _beside(doc, share)
            or _rate(doc, share)
            or _that_is(doc, share)
            or _restated_share(doc, share)
            or _named_rate(doc, share)
            or _spent_on(doc, share)
            or _measured_part(doc, share)
        )
        if pair is not None:
            part, whole, cue = pair
            doc.add(share_relation(part, whole, share, cue))


def share_relation(part: Claim, whole: Claim, share: Claim, cue: str) -> Relation:
    kind = RelationType.percentage_of if share.kind is Kind.percentage else RelationType.fraction_of
    return Relation(
        type=kind, roles={"part": part.id, "whole": whole.id, "share": share.id}, cue=cue
    )


def _beside(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    counts = [c for c in doc.in_sentence(share.sentence) if c.kind in _PARTS]
    before = [c for c in counts if c.end <= share.start]
    if not before:
        return None
    part = before[-1]
    if doc.claims_between(part, share, _BLOCKING) or not _BESIDE.match(doc.between(part, share)):
        return None
    if _OWN_CLAUSE.match(doc.after(share, 30)):
        return None  # "..., and 3.7 per cent were convicted": a share of its own clause
    named_part = [c for c in before[:-1] if doc.part_of.get(c.id) == part.id]
    if named_part:  # "23 of the county's 61 state schools, more than a third of them"
        return named_part[-1], part, "share of a part of a whole"
    whole = (
        _explicit_whole(doc, share)
        or doc.base_of(part)
        or _named_whole(doc, share, part)
        or _rate_base(doc, share, part)
        or recent_share_whole(doc, part)
        or _whole_of_restated(doc, part)
        or _target_or_total(doc, share, part)
    )
    if whole is None or whole.id == part.id or whole.kind is not part.kind:
        return None
    return part, whole, "share beside its part"


def _whole_of_restated(doc: Document, part: Claim) -> Claim | None:
    """'University to cut 340 jobs, 7pc of staff' over a lede that says '340 of its 4,860 jobs':
    the same figure stated again nearby, with its whole."""
    for other in doc.claims_from(part.sentence - 2, part.sentence + 2):
        if (
            other.id != part.id
            and other.kind is part.kind
            and other.value == part.value
            and abs(other.sentence - part.sentence) <= 2
            and doc.whole_of(other) is not None
        ):
            return doc.whole_of(other)
    return None


def _named_whole(doc: Document, share: Claim, part: Claim) -> Claim | None:
    """'92 per cent of turnover': the earlier figure introduced with that noun ('Turnover rose
    by 17 per cent to £45.1m')."""
    named = _OF_NOUN.match(doc.after(share, 40))
    if named is None or named.group(1) in ("them", "those", "these", "it", "this", "that"):
        return None
    return figure_named(doc, part, named.group(0), exclude=part)


def figure_named(doc: Document, before: Claim, phrase: str, exclude: Claim) -> Claim | None:
    """The earlier figure introduced with the phrase's last noun ('of turnover': 'Turnover rose
    to £45.1m'), of the kind of `exclude`: within three sentences, or within eight when another
    word of the phrase is there too ('the average rent': 'The average advertised rent')."""
    words = [singular(w) for w in re.findall(r"[a-z][a-z-]+", phrase.lower()) if w not in _SMALL]
    if not words:
        return None
    noun, others = words[-1], set(words[:-1])
    for earlier in reversed(doc.claims[: doc.position[before.id]]):
        distance = before.sentence - earlier.sentence
        if distance > 8:
            break
        if earlier.kind is not exclude.kind or earlier.id == exclude.id or not earlier.value:
            continue
        if _GIVEN_AS_COMPARISON.search(doc.before(earlier, 20)):
            continue  # "up 4.9 per cent from £583.9m": the old figure, not the one named
        found = {singular(w) for w in re.findall(r"[a-z][a-z-]+", doc.before(earlier, 45).lower())}
        if head_noun(earlier):
            found.add(head_noun(earlier) or "")
        if noun in found and (distance <= 3 or others & found):
            whole = doc.whole_of(earlier)
            if whole is not None and whole.id != exclude.id and head_noun(whole) == noun:
                return whole  # "Of the 11,240 attendances, 5,170 ...": the noun is the whole's
            return earlier
    return None


def _measured_part(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'a storm dumped 97mm of rain ... The gauge recorded 115 per cent of the 84mm that normally
    falls': a share of a measured whole, whose part is the one earlier figure in that unit."""
    whole = doc.next_claim(share)
    if whole is None or whole.kind is not Kind.quantity or whole.unit is None:
        return None
    if not _EXPLICIT_WHOLE.match(doc.between(share, whole)):
        return None
    earlier = [
        c
        for c in doc.claims_from(share.sentence - 2, end=doc.position[share.id])
        if c.kind is Kind.quantity and c.unit == whole.unit and share.sentence - c.sentence <= 2
    ]
    if not earlier or len({c.value for c in earlier}) != 1:
        return None  # one figure, though the headline may say it too
    return earlier[-1], whole, "a share of a measured whole"


def _spent_on(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'pay of £2,750 a month would now spend 38 per cent of it on rent': the whole is 'it', the
    figure before in the sentence; the part is the figure named by what it is spent on."""
    named = _OF_IT_ON.match(doc.after(share, 50))
    if named is None:
        return None
    before = [
        c for c in doc.in_sentence(share.sentence) if c.end <= share.start and c.kind in _PARTS
    ]
    if not before:
        return None
    whole = before[-1]
    part = figure_named(doc, whole, named.group(1), exclude=whole)
    return (part, whole, "a share of it spent on") if part is not None else None


_OF_TARGET = re.compile(
    r"^\s+of\s+(?:the|its|their)\s+(?:\w+\s+)?(?:requirement|target|goal|aim|plan|ambition)\b"
)
_OBLIGED = re.compile(
    r"\b(?:should|must|ought to|needs? to|needed to|was meant to|were meant to|target|goal|"
    r"required|requirement)\b"
)
_OF_THE_TOTAL = re.compile(r"^\s+of\s+(?:the|all)\s+(?:\w+\s+)?total\b")


def _target_or_total(doc: Document, share: Claim, part: Claim) -> Claim | None:
    """'Instead 2,710 were built, 83 per cent of the requirement' after 'should have delivered
    3,250 homes'; '43 per cent of the total' after 'Research brought in £96.3m'."""
    after = doc.after(share, 40)
    earlier = [
        c
        for c in doc.claims_from(part.sentence - 1, end=doc.position[part.id])
        if c.kind is part.kind and c.value and 0 < part.sentence - c.sentence <= 1
    ]
    if _OF_TARGET.match(after):
        obliged = [c for c in earlier if _OBLIGED.search(doc.before(c, 40))]
        return obliged[-1] if len(obliged) == 1 else None
    if _OF_THE_TOTAL.match(after):
        previous = [c for c in earlier if c.sentence == part.sentence - 1]
        return previous[0] if len(previous) == 1 else None
    return None


def _rate_base(doc: Document, share: Claim, part: Claim) -> Claim | None:
    """'imposed £2.9m ... and collected £2.1m, a collection rate of 72 per cent': a rate set
    beside a figure is of the figure of its kind before it in the sentence."""
    if not re.search(r"\brate of\s+$", doc.before(share, 20)):
        return None
    earlier = [
        c
        for c in doc.in_sentence(part.sentence)
        if c.kind is part.kind and c.end <= part.start and c.value
    ]
    return earlier[-1] if earlier else None


def _share_of_them(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'About a quarter of them, 312,000, work part time': the share of a group named before,
    with the part it comes to set after it."""
    following = doc.next_claim(share)
    if (
        following is None
        or following.sentence != share.sentence
        or following.kind is not Kind.count
    ):
        return None
    if not _OF_THEM_THEN_COUNT.match(doc.between(share, following)):
        return None
    whole = antecedent(doc, share, same_kind=Kind.count, parts_allowed=False)
    if whole is None:
        return None
    doc.add_part(
        following,
        whole,
        Relation(
            type=RelationType.part_le_whole,
            roles={"whole": whole.id},
            parts=[following.id],
            cue="a share of them, N",
        ),
    )
    return following, whole, "a share of them, N"


_RATE_NOUN = re.compile(
    r"\b([a-z]{5,})\s+rate\s+(?:is|was|of|stood at|at)\s+(?:about|around|nearly|some)?\s*$"
)


def _named_rate(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'The trust had 612 vacant posts ... the overall vacancy rate is 7.2% of the trust's 8,500
    funded posts': the rate names its part by the stem of its noun (vacancy, vacant)."""
    named = _RATE_NOUN.search(doc.before(share, 40))
    whole = _explicit_whole(doc, share)
    if named is None or whole is None:
        return None
    stem = re.compile(rf"\b{named.group(1)[:5]}")
    candidates = [
        c
        for c in doc.claims_from(share.sentence - 2, end=doc.position[share.id])
        if share.sentence - c.sentence <= 2
        and c.kind is whole.kind
        and c.value
        and c.id != whole.id
        and stem.search((c.subject or "").lower())
    ]
    return (candidates[-1], whole, "a rate named by its part") if candidates else None


def _restated_share(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'seven in eight of those accused, or 87.5 per cent': the same share said again."""
    previous = doc.claims[doc.position[share.id] - 1] if doc.position[share.id] else None
    if previous is None or previous.kind not in SHARES or previous.sentence != share.sentence:
        return None
    if not re.search(r",\s*or\s+(?:about|around|nearly|some)?\s*$", doc.between(previous, share)):
        return None
    for relation in doc.with_role("share"):
        if relation.roles.get("share") == previous.id:
            return doc.by_id[relation.roles["part"]], doc.by_id[relation.roles["whole"]], "or S"
    return None


def recent_share_whole(doc: Document, part: Claim) -> Claim | None:
    """A run of shares of one whole: '1,845 votes, or 41.2 per cent of the 4,478 valid ballots
    ... 301 votes (6.7 per cent)'. The whole last spoken of in this sentence or the two before."""
    wholes = [
        doc.by_id[r.roles["whole"]]
        for r in doc.with_role("whole")
        if 0 <= part.sentence - doc.by_id[r.roles["whole"]].sentence <= 2
    ]
    wholes += [
        doc.by_id[w]
        for w in doc.part_of.values()
        if 0 <= part.sentence - doc.by_id[w].sentence <= 2
    ]
    wholes = [w for w in wholes if w.start < part.start and w.kind is part.kind]
    return max(wholes, key=lambda w: w.start) if wholes else None


def _that_is(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'1,020 did so within 62 days. That is 71.4 per cent.' The part and its whole come from
    the sentence before (or earlier in this one)."""
    if not _THAT_IS.search(doc.before(share, 40)):
        return None
    earlier_shares = [
        r
        for r in doc.with_role("share")
        if 0 < share.sentence - doc.by_id[r.roles["share"]].sentence <= 1
    ]
    if earlier_shares:  # "a collection rate of 72 per cent. That means more than two-thirds"
        latest = earlier_shares[-1]
        return doc.by_id[latest.roles["part"]], doc.by_id[latest.roles["whole"]], "that is"
    for index in (share.sentence, share.sentence - 1, share.sentence - 2):
        parts = [
            c
            for c in doc.in_sentence(index)
            if doc.base_of(c) is not None and c.end <= share.start and c.kind is not Kind.date
        ]
        if parts:
            part = parts[-1]
            whole = doc.base_of(part)
            if whole is not None:
                return part, whole, "that is"
    return None


def _explicit_whole(doc: Document, share: Claim) -> Claim | None:
    following = doc.next_claim(share)
    if following is None or following.kind not in _PARTS or following.sentence != share.sentence:
        return None
    return following if _EXPLICIT_WHOLE.match(doc.between(share, following)) else None


def _rate(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    if not _RATE.search(doc.before(share, 40)):
        return None
    wholes = set(doc.part_of.values())
    figures = [
        c
        for c in doc.in_sentence(share.sentence)
        if c.kind in _PARTS and c.end <= share.start and c.id not in wholes
    ]
    for part in reversed(figures):
        whole = doc.base_of(part) or _rate_base(doc, share, part)
        if whole is not None and whole.end <= share.start:
            if doc.claims_between(whole, share, frozenset(SHARES)):
                return None
            return part, whole, "rate of a part of a whole"
    # "That conviction among 27 accused gives ... a conviction rate of 3.7 per cent": the whole
    # is in this sentence, its part was named before
    related_wholes = {
        r.roles["whole"] for r in doc.with_role("whole") if r.type is RelationType.part_le_whole
    }
    in_sentence = doc.in_sentence(share.sentence)
    for whole in reversed([w for w in in_sentence if w.id in related_wholes]):
        if whole.end > share.start or doc.claims_between(whole, share, frozenset(SHARES)):
            continue
        parts = {
            part
            for r in doc.with_role("whole")
            if r.type is RelationType.part_le_whole and r.roles.get("whole") == whole.id
            for part in r.parts
        }
        if len(parts) == 1:
            return doc.by_id[parts.pop()], whole, "rate of a part of a whole"
    return None
