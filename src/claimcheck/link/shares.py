"""A percentage or fraction of counts: set beside the part ('1,426 ..., or 12.7%'; 'just 36
(2.7%)'; '13,776 of them, a 38.4 per cent share'), or as the rate a part-of-whole pair gives
('the one conviction among Norfolk's 27 accused means a conviction rate of 3.7 per cent')."""

from __future__ import annotations

import re

from claimcheck.link.document import SHARES, Document
from claimcheck.models import Claim, Kind, Relation, RelationType

_BESIDE = re.compile(
    r"^[^.;:]{0,80}?(?:,\s*(?:or|and|which is|that is|equivalent to|representing|just|only|a|an|"
    r"some|about|around|nearly|almost|roughly)?\s*|\s*\(\s*(?:or\s+|just\s+|only\s+)?|\s+or\s+)$"
)
_RATE = re.compile(
    r"\b(?:rate|share|proportion|percentage|fraction)\s+(?:of|was|is|stood at|at|to)\s+$"
    r"|\b(?:means|gives|representing|represents|equivalent to|equal to|making|or)\s+(?:a|an)?\s*$"
)
_EXPLICIT_WHOLE = re.compile(r"^\s+of\s+(?:the\s+|all\s+|those\s+|its\s+|their\s+)?$")
_BLOCKING = frozenset({Kind.count, Kind.percentage, Kind.fraction})


def find(doc: Document) -> None:
    for share in doc.claims:
        if share.kind not in SHARES:
            continue
        pair = _beside(doc, share) or _rate(doc, share)
        if pair is not None:
            part, whole, cue = pair
            doc.add(share_relation(part, whole, share, cue))


def share_relation(part: Claim, whole: Claim, share: Claim, cue: str) -> Relation:
    kind = RelationType.percentage_of if share.kind is Kind.percentage else RelationType.fraction_of
    return Relation(
        type=kind, roles={"part": part.id, "whole": whole.id, "share": share.id}, cue=cue
    )


def _beside(doc: Document, share: Claim) -> tuple[Claim, Claim, str] | None:
    counts = [c for c in doc.in_sentence(share.sentence) if c.kind is Kind.count]
    before = [c for c in counts if c.end <= share.start]
    if not before:
        return None
    part = before[-1]
    if doc.claims_between(part, share, _BLOCKING) or not _BESIDE.match(doc.between(part, share)):
        return None
    whole = _explicit_whole(doc, share) or doc.whole_of(part)
    if whole is None or whole.id == part.id:
        return None
    return part, whole, "share beside its part"


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
