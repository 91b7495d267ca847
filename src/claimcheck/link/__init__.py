"""Stage two: claims to relations, from cues in the words (partitives, lists, back-references,
shares set beside their parts, stated changes, comparatives, the same thing said twice).

Each cue family is one module with a `find(document)`; they run in an order where later ones
can use what earlier ones found (which whole each part belongs to)."""

from __future__ import annotations

from claimcheck.link import (
    change,
    comparative,
    composition,
    names,
    partitive,
    restatement,
    shares,
    synonyms,
)
from claimcheck.link.document import Document
from claimcheck.models import Claim, Relation, Sentence


def link(
    text: str,
    claims: list[Claim],
    sentences: list[Sentence],
    predicate_groups: dict[str, list[str]],
    partitions: list[list[str]] | None = None,
    opposites: list[list[str]] | None = None,
) -> list[Relation]:
    doc = Document(text, claims, sentences)
    partitive.find(doc, partitions or [])
    composition.find(doc)
    shares.find(doc)
    change.find(doc)
    change.implicit_old(doc)
    change.higher_still(doc)
    change.up_from_for_the_part(doc)
    change.change_before_its_ends(doc)
    comparative.find(doc)
    synonyms.find(doc, predicate_groups, opposites or [])
    names.find(doc)
    restatement.find(doc)
    restatement.find_changes_in_two_forms(doc)
    return doc.relations
