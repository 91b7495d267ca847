"""The public API the CLI, the server and the audit are thin shells over.

>>> import claimcheck
>>> report = claimcheck.check("Three of the 27 officers were disciplined.")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ClaimcheckError
from claimcheck.extract import Extractor
from claimcheck.inputs import apply_suppressions, kind_of, prepare
from claimcheck.link import link
from claimcheck.models import FileResult, Report
from claimcheck.rules import apply, load_rules
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
    ) -> None:
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
        kinds = kinds or [kind_of(path) for path, _ in items]
        prepared = [prepare(text, kind) for (_, text), kind in zip(items, kinds, strict=True)]
        extractions = self.extractor.extract_many([p.text for p in prepared])
        results = []
        for (path, source), ready, extraction in zip(items, prepared, extractions, strict=True):
            text = ready.text
            relations = link(
                text,
                extraction.claims,
                extraction.sentences,
                self.predicate_groups,
                self.partitions,
                self.opposites,
            )
            results.append(
                FileResult(
                    path=path,
                    claims=extraction.claims,
                    relations=relations,
                    findings=apply_suppressions(
                        apply(relations, extraction.claims, self.rules),
                        ready.suppressions,
                        source,
                    ),
                    sentences=extraction.sentences,
                    text=source,
                )
            )
        return results

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
