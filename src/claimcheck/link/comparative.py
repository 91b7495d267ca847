"""A comparative and the two figures it compares. 'Among the general public the rate is around
seven per cent, roughly twice as high': the figure in its own clause against the last comparable
figure before it. 'Police employees were half as likely as others to be prosecuted': the
comparison is spelt out in the sentences after it, where the figure for the other side is the
one whose sentence names it ('others', 'the general public', 'the national average')."""

from __future__ import annotations

import re

from claimcheck.link.document import Document
from claimcheck.models import Claim, Kind, Relation, RelationType

_OTHER_SIDE = re.compile(
    r"\b(?:others?|other people|general public|wider|the public|rest of|average|everyone|"
    r"non-\w+|compared with|against)\b",
    re.I,
)
_COMPARABLE = frozenset({Kind.percentage, Kind.fraction, Kind.count, Kind.money, Kind.quantity})
_SHARES = frozenset({Kind.percentage, Kind.fraction})


def find(doc: Document) -> None:
    for comparative in doc.claims:
        if comparative.kind is not Kind.ratio:
            continue
        if comparative.text.lower().endswith(_CHANGE_VERBS):
            _changed_from_to(doc, comparative)
            continue
        pair = _in_own_clause(doc, comparative) or _spelt_out_after(doc, comparative)
        if pair is not None:
            subject, other = pair
            doc.add(
                Relation(
                    type=RelationType.ratio,
                    roles={"subject": subject.id, "other": other.id, "comparative": comparative.id},
                    cue="comparative",
                )
            )


_NAMED_AFTER = re.compile(r"^\s*(?:the|that of|those of|its|their)\b[^.;,]{0,40}?$")


_CHANGE_VERBS = ("doubled", "trebled", "tripled", "quadrupled", "halved", "treble", "doubles")
_FROM_TO = re.compile(r"^[^.;]{0,30}?\bfrom\s+$")


def _changed_from_to(doc: Document, comparative: Claim) -> None:
    """'Cancellations nearly doubled, from 254 to 497': the new figure over the old."""
    old = doc.next_claim(comparative)
    new = doc.next_claim(old) if old is not None else None
    if old is None or new is None or not (comparative.sentence == old.sentence == new.sentence):
        return
    if old.kind is not new.kind or not _FROM_TO.match(doc.between(comparative, old)):
        return
    if not re.match(r"^\s*(?:per cent|%)?\s+to\s+$", doc.between(old, new)):
        return
    doc.add(
        Relation(
            type=RelationType.ratio,
            roles={"subject": new.id, "other": old.id, "comparative": comparative.id},
            cue="doubled, from A to B",
        )
    )


def _in_own_clause(doc: Document, comparative: Claim) -> tuple[Claim, Claim] | None:
    own = [c for c in doc.in_sentence(comparative.sentence) if c.kind in _COMPARABLE]
    before = [c for c in own if c.end <= comparative.start]
    after = [c for c in own if c.start >= comparative.end]
    if before and after and _NAMED_AFTER.match(doc.between(comparative, after[0])):
        # "11.3 per cent, more than twice the overall rate of 4.9 per cent"
        subjects = [c for c in before if _comparable(c, after[0])]
        if subjects:
            return subjects[0], after[0]
    if before:
        subject = before[-1]
        earlier = [c for c in doc.claims[: doc.position[subject.id]] if _comparable(c, subject)]
        if earlier and subject.sentence - earlier[-1].sentence <= 1:
            return subject, earlier[-1]
    if after and re.match(
        r"^\s*,?\s*(?:at|with|on|in|among|for)\b[^.;]{0,40}?(?:where|with|at|on)?\s+$",
        doc.between(comparative, after[0]),
    ):
        subject = after[0]
        earlier = [c for c in doc.claims[: doc.position[comparative.id]] if _comparable(c, subject)]
        if earlier and subject.sentence - earlier[-1].sentence <= 1:
            return subject, earlier[-1]
    return None


def _spelt_out_after(doc: Document, comparative: Claim) -> tuple[Claim, Claim] | None:
    window = [
        c
        for c in doc.claims[doc.position[comparative.id] + 1 :]
        if 0 < c.sentence - comparative.sentence <= 2 and c.kind is Kind.percentage
    ]
    others = [c for c in window if _OTHER_SIDE.search(doc.sentence_text(c))]
    if not others:
        return None
    other = others[0]
    subjects = [c for c in window if c.sentence != other.sentence and c.unit == other.unit]
    if not subjects:
        return None
    return subjects[0], other


def _comparable(claim: Claim, subject: Claim) -> bool:
    """Figures of one kind and unit, or two shares ('three in ten' against '61 per cent')."""
    if claim.value is None:
        return False
    if claim.kind in _SHARES and subject.kind in _SHARES:
        return claim.unit in (None, "per cent") and subject.unit in (None, "per cent")
    return claim.kind is subject.kind and claim.unit == subject.unit
