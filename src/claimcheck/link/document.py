"""What the cue finders share: the text, its sentences and claims, and small questions about the
words between claims. No arithmetic here: links come from words, not from numbers that happen
to fit."""

from __future__ import annotations

import bisect
import functools
import itertools
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


# The figure given as the other side of a comparison or the old side of a change: 'up from
# 5,310', '28 more than 61', 'on last season's 7,510', '14 a year earlier'.
_EARLIER_BEFORE = re.compile(
    r"\b(?:from|than|compared with|compared to|against|versus|vs|on last \w+'s|last year's|"
    r"previous|the previous|a year earlier|before)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|"
    r"£|\$|€)?$",
    re.I,
)
_EARLIER_AFTER = re.compile(
    r"^\s*(?:[\w'’]+\s+){0,3}?(?:a year earlier|a year ago|the year before|last year|"
    r"previously|the previous year|the season before|before that|in (?:19|20)\d\d)\b",
    re.I,
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
        # Indexes made once, so that questions about one sentence cost its claims, not the
        # document's: the finders ask them for every claim, which made linking quadratic.
        self._by_sentence: dict[int, list[Claim]] = {}
        for claim in self.claims:
            self._by_sentence.setdefault(claim.sentence, []).append(claim)
        self._sentence_numbers = [claim.sentence for claim in self.claims]
        # Claims come in reading order, so their sentence numbers never go down and the claims
        # of a run of sentences are one slice of self.claims. Should a caller pass them in
        # another order, claims_from() gives every claim, which is slower but as correct.
        self._in_reading_order = all(a <= b for a, b in itertools.pairwise(self._sentence_numbers))
        self._content_words: dict[int, frozenset[str]] = {}
        self._content_words_near: dict[tuple[int, int, int, int, int], frozenset[str]] = {}
        self._with_role: dict[str, list[Relation]] = {}

    # -- adding relations ------------------------------------------------------------------

    def add(self, relation: Relation) -> None:
        key = frozenset(relation.claims) | {relation.type.value}
        if key not in self.linked:
            self.linked.add(key)
            self.relations.append(relation)
            for role in relation.roles:
                self._with_role.setdefault(role, []).append(relation)

    def with_role(self, role: str) -> list[Relation]:
        """The relations so far that give some claim this role, in the order they were added.
        Finders that want only the wholes or the shares read these instead of every relation:
        a long article can hold thousands of restatements, and each share would scan them."""
        return list(self._with_role.get(role, ()))

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

    def said_as_earlier(self, claim: Claim) -> bool:
        """Written as the old side of a change or the other side of a comparison: 'from 120',
        'than 43', '1,200 a year earlier'."""
        return bool(
            _EARLIER_BEFORE.search(self.before(claim, 40))
            or _EARLIER_AFTER.match(self.after(claim, 40))
        )

    def in_sentence(self, index: int, kinds: frozenset[Kind] | None = None) -> list[Claim]:
        return [c for c in self._by_sentence.get(index, ()) if kinds is None or c.kind in kinds]

    def claims_from(
        self, first: int, last: int | None = None, end: int | None = None
    ) -> list[Claim]:
        """The claims of sentences `first` to `last` (to the end without it) that come before
        position `end` (all without it), in reading order. Callers still test each claim's
        sentence: this only spares them scanning the whole document for a few sentences."""
        stop = len(self.claims) if end is None else end
        if not self._in_reading_order:
            return self.claims[:stop]
        start = bisect.bisect_left(self._sentence_numbers, first, 0, stop)
        if last is not None:
            stop = bisect.bisect_right(self._sentence_numbers, last, start, stop)
        return self.claims[start:stop]

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
        # cached: restatement asks for both sentences of every pair it weighs
        if index not in self._content_words:
            self._content_words[index] = frozenset(_content(self.sentences[index].text))
        return set(self._content_words[index])

    def content_words_near(self, claim: Claim, before: int = 100, after: int = 30) -> set[str]:
        """The content words of the clause around a figure, within its sentence."""
        # cached by what they are read from: the same figures are asked about once per pair
        # or candidate they are in, and those grow faster than the article
        key = (claim.sentence, claim.start, claim.end, before, after)
        if key not in self._content_words_near:
            sentence = self.sentences[claim.sentence]
            start = max(sentence.start, claim.start - before)
            end = min(sentence.end, claim.end + after)
            self._content_words_near[key] = frozenset(_content(self.text[start:end]))
        return set(self._content_words_near[key])


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
    return _last_noun(claim.subject)


@functools.lru_cache(maxsize=4096)
def _last_noun(subject: str) -> str | None:
    """Cached by the words alone: the finders ask for the same claims' nouns millions of times
    in a long article (Claims are frozen, so the answer cannot be stored on them)."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", subject)
    return singular(words[-1].lower()) if words else None
