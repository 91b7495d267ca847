"""What the cue finders share: the text, its sentences and claims, and small questions about the
words between claims. No arithmetic here: links come from words, not from numbers that happen
to fit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.models import Claim, Kind, Relation, Sentence

COUNTABLE = frozenset({Kind.count, Kind.money, Kind.quantity})
SHARES = frozenset({Kind.percentage, Kind.fraction})
_CONTENT_STOP = frozenset(
    "the a an of in on at to for from by with and or but as than that which who this these those "
    "there their its his her our they it he she we you was were is are be been has have had do "
    "does did will would could can may might must not no said says say per cent percent more "
    "most less over under about around nearly almost after before since until while when where "
    "also still just only some all any each other into year years last first".split()
)


@dataclass
class Document:
    text: str
    claims: list[Claim]
    sentences: list[Sentence]
    relations: list[Relation] = field(default_factory=list)
    part_of: dict[str, str] = field(default_factory=dict)  # part id -> whole id
    share_base: dict[str, str] = field(default_factory=dict)  # figure -> what a share is of

    def __post_init__(self) -> None:
        self.by_id = {claim.id: claim for claim in self.claims}
        self.position = {claim.id: n for n, claim in enumerate(self.claims)}
        self.linked: set[frozenset[str]] = set()

    # -- adding relations ------------------------------------------------------------------

    def add(self, relation: Relation) -> None:
        key = frozenset(relation.claims) | {relation.type.value}
        if key not in self.linked:
            self.linked.add(key)
            self.relations.append(relation)

    def add_part(self, part: Claim, whole: Claim, relation: Relation) -> None:
        self.part_of.setdefault(part.id, whole.id)
        self.add(relation)

    # -- reading around claims -------------------------------------------------------------

    def between(self, a: Claim, b: Claim) -> str:
        return self.text[a.end : b.start]

    def before(self, claim: Claim, chars: int = 60) -> str:
        """Text before the claim, from the start of its sentence at most."""
        start = max(self.sentences[claim.sentence].start, claim.start - chars)
        return self.text[start : claim.start]

    def after(self, claim: Claim, chars: int = 60) -> str:
        end = min(self.sentences[claim.sentence].end, claim.end + chars)
        return self.text[claim.end : end]

    def said_of(self, claim: Claim, chars: int = 60) -> str:
        """The words after a claim up to the next claim: what is said of it and nothing else."""
        following = self.next_claim(claim)
        end = claim.end + chars
        if following is not None and following.sentence == claim.sentence:
            end = min(end, following.start)
        end = min(end, self.sentences[claim.sentence].end)
        return f"{claim.predicate or ''} {self.text[claim.end : end]}"

    def in_sentence(self, index: int, kinds: frozenset[Kind] | None = None) -> list[Claim]:
        return [
            c for c in self.claims if c.sentence == index and (kinds is None or c.kind in kinds)
        ]

    def next_claim(self, claim: Claim) -> Claim | None:
        n = self.position[claim.id] + 1
        return self.claims[n] if n < len(self.claims) else None

    def claims_between(self, a: Claim, b: Claim, kinds: frozenset[Kind]) -> list[Claim]:
        lo, hi = sorted((self.position[a.id], self.position[b.id]))
        return [c for c in self.claims[lo + 1 : hi] if c.kind in kinds]

    def sentence_text(self, claim: Claim) -> str:
        return self.sentences[claim.sentence].text

    def whole_of(self, claim: Claim) -> Claim | None:
        whole = self.part_of.get(claim.id)
        return self.by_id[whole] if whole else None

    def base_of(self, claim: Claim) -> Claim | None:
        """What a share of this figure would be a share of: its whole, or its target."""
        base = self.part_of.get(claim.id) or self.share_base.get(claim.id)
        return self.by_id[base] if base else None

    def content_words(self, index: int) -> set[str]:
        return _content(self.sentences[index].text)

    def content_words_near(self, claim: Claim, before: int = 100, after: int = 30) -> set[str]:
        """The content words of the clause around a figure, within its sentence."""
        sentence = self.sentences[claim.sentence]
        start = max(sentence.start, claim.start - before)
        end = min(sentence.end, claim.end + after)
        return _content(self.text[start:end])


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z-]+", text.lower().replace("’", "'"))
    return {singular(w) for w in words if w not in _CONTENT_STOP and len(w) > 2}


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def head_noun(claim: Claim) -> str | None:
    """The last word of what a claim counts, singular: 'Norfolk police officers' -> 'officer'."""
    if not claim.subject:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", claim.subject)
    return singular(words[-1].lower()) if words else None
