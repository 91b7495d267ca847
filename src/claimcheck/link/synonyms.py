"""A share or vague figure and the count it describes in other words: the headline's 'Four out
of five ... kept their jobs' and the body's '21 ... remained in post'; 'DOZENS ... are still
working' and '49 were still in a job'. What counts as the same thing said twice is data:
rules/lexicon/predicates.yaml."""

from __future__ import annotations

from claimcheck.link.document import SHARES, Document
from claimcheck.link.shares import share_relation
from claimcheck.models import Claim, Kind, Relation, RelationType


def find(doc: Document, groups: dict[str, list[str]], opposites: list[list[str]]) -> None:
    opposite = {a: b for pair in opposites for a, b in (pair, pair[::-1])}
    linked = {claim_id for relation in doc.relations for claim_id in relation.claims}
    for share in doc.claims:
        if share.id in linked or share.kind not in (*SHARES, Kind.vague):
            continue
        group = _group(doc.after(share, 90), groups)
        if group is None:
            continue
        for count in doc.claims:
            if count.kind is not Kind.count or count.sentence == share.sentence or not count.value:
                continue
            said = doc.said_of(count)
            whole = doc.whole_of(count)
            if whole is not None and not count.predicate:
                # "Twenty-one of the 27 ... have stayed in their posts": said of the part
                said += f" {whole.predicate or ''}"
            said_group = _group(said, groups)
            if said_group is not None and said_group == opposite.get(group):
                whole = doc.whole_of(count)
                if share.kind is not Kind.vague and whole is not None:
                    relation = share_relation(count, whole, share, f"the rest ({group})")
                    roles = {"excluded": count.id, "whole": whole.id, "share": share.id}
                    doc.add(relation.model_copy(update={"roles": roles}))
                    break
            if said_group != group:
                continue
            if share.kind is Kind.vague:
                doc.add(
                    Relation(
                        type=RelationType.vague_bound,
                        roles={"bound": share.id, "count": count.id},
                        cue=f"same thing said twice ({group})",
                    )
                )
                break
            whole = doc.whole_of(count) or _current_whole(doc, count)
            if whole is not None:
                doc.add(share_relation(count, whole, share, f"same thing said twice ({group})"))
                break


def _group(text: str, groups: dict[str, list[str]]) -> str | None:
    """The group of the phrase that starts first ('failed to hit the target' is a miss, though
    'hit the target' is inside it); the longest wins a tie."""
    lowered = " " + text.lower()
    best: tuple[int, int, str] | None = None
    for name, phrases in groups.items():
        for phrase in phrases:
            at = lowered.find(f" {phrase}")
            if at >= 0 and (best is None or (at, -len(phrase)) < best[:2]):
                best = (at, -len(phrase), name)
    return best[2] if best else None


def _current_whole(doc: Document, claim: Claim) -> Claim | None:
    """The whole most recently spoken of before the claim."""
    wholes = set(doc.part_of.values()) | {
        r.roles["total"] for r in doc.relations if "total" in r.roles
    }
    for earlier in reversed(doc.claims[: doc.position[claim.id]]):
        if earlier.id in wholes:
            return earlier
    return None
