"""The public API the CLI, the server and the audit are thin shells over.

>>> import claimcheck
>>> report = claimcheck.check("Three of the 27 officers were disciplined.")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ClaimcheckError
from claimcheck.extract import Extraction, Extractor
from claimcheck.inputs import Suppression, apply_suppressions, kind_of, prepare
from claimcheck.link import candidates
from claimcheck.link.candidates import Candidate
from claimcheck.link.scorer import Scorer, load_scorer
from claimcheck.models import FileResult, Report
from claimcheck.rules import choose, config, load_rules
from claimcheck.sources import read_source


@dataclass(frozen=True)
class CheckerOptions:
    """What a Checker is built from, as plain data, so that each worker process (or Dask
    worker, or server worker) builds its own from the same choices."""

    syntax: bool = False
    extra_lexicons: tuple[Path, ...] = ()
    extra_rules: tuple[Path, ...] = ()

    def build(self) -> Checker:
        return Checker(
            syntax=self.syntax, extra_lexicons=self.extra_lexicons, extra_rules=self.extra_rules
        )

    def validate(self) -> None:
        """Reads the user's lexicon and rule folders now, so a broken file is one coded error
        before any worker starts (without loading spaCy's model here)."""
        Checker(extra_lexicons=self.extra_lexicons, extra_rules=self.extra_rules)


@dataclass(frozen=True)
class Linked:
    """One text read and linked, waiting for its candidates to be scored."""

    path: str
    source: str
    suppressions: list[Suppression]
    extraction: Extraction
    candidates: list[Candidate]


class Checker:
    """Loads the lexicons once; check many texts with it.

    syntax=True adds spaCy's parse to read what each figure counts and what is said of it. It
    costs ~2 s to load and changes no figure or kind on the corpus, so it is opt-in for one-off
    runs and worth it in long-lived processes."""

    def __init__(
        self,
        *,
        syntax: bool = False,
        extra_lexicons: tuple[Path, ...] = (),
        extra_rules: tuple[Path, ...] = (),
        scorer: Scorer | None = None,
    ) -> None:
        self.scorer = scorer or load_scorer()
        self.extractor = Extractor(extra_lexicons, syntax=syntax)
        lexicon = self.extractor.lexicon
        self.predicate_groups = lexicon.predicate_groups
        self.partitions = lexicon.partitions
        self.opposites = lexicon.opposite_groups
        self.rules = load_rules(extra_rules)

    def warm(self) -> None:
        """Load every lazily loaded part now: for servers and workers, before their first text."""
        self.extractor.warm()

    def check_texts(
        self, items: list[tuple[str, str]], kinds: list[str] | None = None
    ) -> list[FileResult]:
        """(path, text) pairs to one result each, in order. The kind (text, markdown, html)
        comes from the path's suffix unless given."""
        return [self.decide(linked) for linked in self.link_texts(items, kinds)]

    def link_texts(
        self, items: list[tuple[str, str]], kinds: list[str] | None = None
    ) -> list[Linked]:
        """Extraction and candidate relations, before any is scored: the part of a check that
        does not depend on the trained model (so cross-validation does it once)."""
        kinds = kinds or [kind_of(path) for path, _ in items]
        prepared = [prepare(text, kind) for (_, text), kind in zip(items, kinds, strict=True)]
        extractions = self.extractor.extract_many([p.text for p in prepared])
        return [
            Linked(
                path,
                source,
                ready.suppressions,
                extraction,
                candidates(
                    ready.text,
                    extraction.claims,
                    extraction.sentences,
                    self.predicate_groups,
                    self.partitions,
                    self.opposites,
                ),
            )
            for (path, source), ready, extraction in zip(items, prepared, extractions, strict=True)
        ]

    def decide(
        self,
        linked: Linked,
        scorer: Scorer | None = None,
        rules: tuple[config.Rule, ...] | None = None,
    ) -> FileResult:
        """Score the candidates and decide each checkable figure (with another scorer or other
        rules' thresholds when cross-validation asks)."""
        scorer = scorer or self.scorer
        scored = [
            c.relation.model_copy(update={"score": round(scorer.score(c.features), 4)})
            for c in linked.candidates
        ]
        claims = linked.extraction.claims
        relations, findings = choose(scored, claims, rules or self.rules)
        return FileResult(
            path=linked.path,
            claims=claims,
            relations=relations,
            findings=apply_suppressions(findings, linked.suppressions, linked.source),
            sentences=linked.extraction.sentences,
            text=linked.source,
        )

    def check_paths(self, paths: list[str], stdin_name: str | None = None) -> Report:
        """Every path gets a result; one that cannot be read gets its error, the rest go on.
        Standard input ('-') is read as the format stdin_name's suffix says."""
        readable: list[tuple[str, str]] = []
        kinds: list[str] = []
        files: list[FileResult | None] = []
        for path in paths:
            name = stdin_name if path == "-" and stdin_name else path
            try:
                readable.append((name, read_source(path)))
                kinds.append(kind_of(name))
                files.append(None)
            except ClaimcheckError as exc:
                files.append(FileResult(path=name, error=str(exc)))
        checked = iter(self.check_texts(readable, kinds))
        files = [result or next(checked) for result in files]
        return Report(files=[result for result in files if result is not None])


def check(text: str, *, syntax: bool = False) -> Report:
    return Report(files=Checker(syntax=syntax).check_texts([("-", text)]))
