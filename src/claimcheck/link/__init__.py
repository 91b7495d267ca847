"""Stage two: claims to relations, from cues in the words (partitives, lists, back-references,
shares set beside their parts, stated changes, comparatives, the same thing said twice).

Each cue family is one module with a `find(document)`; they run in an order where later ones
can use what earlier ones found (which whole each part belongs to). `candidates` adds, for every
checkable figure, the relations it could take part in by arithmetic role (candidates.py), each
with its features; the scorer and the decision (rules/decide.py) choose among them."""

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
from claimcheck.link.candidates import Candidate, Layout, features, generate
from claimcheck.link.document import Document
from claimcheck.models import Claim, Sentence


def candidates(
    text: str,
    claims: list[Claim],
    sentences: list[Sentence],
    predicate_groups: dict[str, list[str]],
    partitions: list[list[str]] | None = None,
    opposites: list[list[str]] | None = None,
) -> list[Candidate]:
    """The cues' relations and the generated ones, each once, with its features."""
    doc = _read_cues(text, claims, sentences, predicate_groups, partitions, opposites)
    layout = Layout(doc)
    cued = {id(r) for r in doc.relations}
    return [
        Candidate(relation, features(doc, layout, relation, cue=id(relation) in cued))
        for relation in generate(doc, list(doc.relations))
    ]


def _read_cues(
    text: str,
    claims: list[Claim],
    sentences: list[Sentence],
    predicate_groups: dict[str, list[str]],
    partitions: list[list[str]] | None,
    opposites: list[list[str]] | None,
) -> Document:
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
    return doc
