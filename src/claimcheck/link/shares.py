"""A percentage or fraction of counts: set beside the part ('1,426 ..., or 12.7%'; 'just 36
(2.7%)'; '13,776 of them, a 38.4 per cent share'), or as the rate a part-of-whole pair gives
('the one conviction among Norfolk's 27 accused means a conviction rate of 3.7 per cent')."""

from __future__ import annotations

import re

from claimcheck.link.document import SHARES, Document
from claimcheck.models import Claim, Kind, Relation, RelationType

_BESIDE = re.compile(
    r"^[^.;:]{0,80}?(?:,\s*(?:or|and|which is|that is|equivalent to|representing|just|only|a|an|"
    r"some|about|around|nearly|almost|roughly)?\s*|\s*\(\s*(?:or\s+|just\s+|only\s+)?|\s+or\s+|"
    r"\b(?:took|won|gained|secured|received|polled|claimed|had)\s+(?:a\s+|an\s+)?)$"
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
_EXPLICIT_WHOLE = re.compile(r"^\s+of\s+(?:the\s+|all\s+|those\s+|its\s+|their\s+)?$")
_BLOCKING = frozenset({Kind.count, Kind.percentage, Kind.fraction})
_PARTS = frozenset({Kind.count, Kind.money})


def find(doc: Document) -> None:
    for share in doc.claims:
        if share.kind not in SHARES:
            continue
        pair = _beside(doc, share) or _rate(doc, share) or _that_is(doc, share)
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
    whole = _explicit_whole(doc, share) or doc.base_of(part) or _recent_share_whole(doc, part)
    if whole is None or whole.id == part.id or whole.kind is not part.kind:
        return None
    return part, whole, "share beside its part"


def _recent_share_whole(doc: Document, part: Claim) -> Claim | None:
    """A run of shares of one whole: '1,845 votes, or 41.2 per cent of the 4,478 valid ballots
    ... 301 votes (6.7 per cent)'. The whole last spoken of in this sentence or the one before."""
    wholes = [
        doc.by_id[r.roles["whole"]]
        for r in doc.relations
        if "whole" in r.roles and 0 <= part.sentence - doc.by_id[r.roles["whole"]].sentence <= 1
    ]
    wholes += [
        doc.by_id[w]
        for w in doc.part_of.values()
        if 0 <= part.sentence - doc.by_id[w].sentence <= 1
    ]
    wholes = [w for w in wholes if w.start < part.start and w.kind is part.kind]
    return max(wholes, key=lambda w: w.start) if wholes else None


def _that_is(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    """'1,020 did so within 62 days. That is 71.4 per cent.' The part and its whole come from
    the sentence before (or earlier in this one)."""
    if not _THAT_IS.search(doc.before(share, 40)):
        return None
    for index in (share.sentence, share.sentence - 1):
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
    if (
        following is None
        or following.kind is not Kind.count
        or following.sentence != share.sentence
    ):
        return None
    return following if _EXPLICIT_WHOLE.match(doc.between(share, following)) else None


def _rate(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    if not _RATE.search(doc.before(share, 40)):
        return None
    counts = [c for c in doc.in_sentence(share.sentence) if c.kind is Kind.count]
    for part in reversed([c for c in counts if c.end <= share.start]):
        whole = doc.whole_of(part)
        if whole is not None and whole.end <= share.start:
            if doc.claims_between(whole, share, frozenset(SHARES)):
                return None
            return part, whole, "rate of a part of a whole"
    return None
