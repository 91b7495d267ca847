"""Stage one: text to claims.

`extract(text)` finds every numeric expression by rule (scanner), places it in its sentence, and
reads what it counts and what is said of it (context); with `syntax=True` spaCy's parse refines
those readings for the sentences that hold claims."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.extract.context import read_context
from claimcheck.extract.lexicon import load_lexicon
from claimcheck.extract.scanner import RawClaim, Scanner
from claimcheck.extract.segment import sentence_index, split_sentences
from claimcheck.models import Claim, Sentence

__all__ = ["Extraction", "Extractor", "extract"]


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: list[Claim]
    sentences: list[Sentence]


class Extractor:
    """Holds the compiled lexicon; build one and reuse it across texts."""

    def __init__(self, extra_lexicons: tuple[Path, ...] = (), syntax: bool = False) -> None:
        self.lexicon = load_lexicon(extra_lexicons)
        self.scanner = Scanner(self.lexicon)
        self.syntax = syntax

    def warm(self) -> None:
        """Load now what is otherwise loaded on first need (quantulum3, and spaCy's model with
        syntax), so that a long-lived process pays at start-up rather than on a request."""
        from claimcheck.extract import units

        units.load()
        if self.syntax:
            from claimcheck.extract import syntax

            syntax.load_model()

    def extract(self, text: str) -> Extraction:
        return self.extract_many([text])[0]

    def extract_many(self, texts: list[str]) -> list[Extraction]:
        results = [self._by_rule(text) for text in texts]
        if self.syntax:
            from claimcheck.extract import syntax  # deferred: spaCy costs seconds to import

            results = [
                Extraction(claims, result.sentences)
                for result, claims in zip(
                    results,
                    syntax.refine(texts, [(r.claims, r.sentences) for r in results]),
                    strict=True,
                )
            ]
        return results

    def _by_rule(self, text: str) -> Extraction:
        sentences = split_sentences(text)
        claims = []
        for number, raw in enumerate(self.scanner.scan(text), start=1):
            claims.append(_claim(f"c{number}", text, raw, sentences))
        return Extraction(claims, sentences)


def _claim(claim_id: str, text: str, raw: RawClaim, sentences: list[Sentence]) -> Claim:
    index = sentence_index(sentences, raw.start)
    sentence = sentences[index] if sentences else None
    context = read_context(sentence.text, raw.end - sentence.start, raw.kind) if sentence else None
    return Claim(
        id=claim_id,
        start=raw.start,
        end=raw.end,
        text=text[raw.start : raw.end],
        value=raw.value,
        kind=raw.kind,
        unit=raw.unit,
        qualifier=raw.qualifier,
        min=raw.min,
        max=raw.max,
        subject=context.subject if context else None,
        predicate=context.predicate if context else None,
        sentence=index,
    )


_default: Extractor | None = None


def extract(text: str) -> Extraction:
    """Claims in text with the shipped lexicons, by rule."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text)
