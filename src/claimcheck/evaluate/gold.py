"""Gold annotations: the format of `corpus/*.gold.json` (documented in corpus/README.md), loading
with every claim resolved to its character span, and a validator.

Run `python -m claimcheck.evaluate.gold corpus/` to check the gold files."""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from claimcheck.errors import ClaimcheckError, E
from claimcheck.models import Kind, Qualifier

RelationType = Literal[
    "percentage_of",
    "fraction_of",
    "sum",
    "part_le_whole",
    "ratio",
    "vague_bound",
    "difference",
    "restatement",
]


_QUALIFIER_WORDS = {
    **dict.fromkeys(
        (
            "almost",
            "nearly",
            "around",
            "about",
            "approximately",
            "roughly",
            "just_over",
            "just_under",
            "some",
        ),
        "approximate",
    ),
    **dict.fromkeys(("more_than", "over", "at_least", "above"), "lower_bound"),
    **dict.fromkeys(("less_than", "under", "fewer_than", "up_to", "below"), "upper_bound"),
}


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str = Field(min_length=1)
    occurrence: int = Field(ge=1)
    value: float | None
    kind: Kind
    qualifier: Qualifier = Qualifier.exact
    min: float | None = None
    max: float | None = None
    unit: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.text}#{self.occurrence}"

    @field_validator("qualifier", mode="before")
    @classmethod
    def _qualifier_words(cls, value: object) -> object:
        """The shared samples name qualifiers by their words ('nearly', 'more_than')."""
        return _QUALIFIER_WORDS.get(str(value), value) if value is not None else "exact"

    @model_validator(mode="after")
    def _value_or_bounds(self) -> GoldClaim:
        if (
            self.value is None
            and self.kind not in (Kind.date, Kind.vague)
            and self.min is None
            and self.max is None
        ):
            raise ValueError(f"{self.ref}: a claim with no value needs min or max")
        return self


class GoldRelation(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: RelationType
    claims: list[str] = Field(min_length=2)
    holds: bool
    working: str = Field(min_length=1)


class Gold(BaseModel):
    model_config = ConfigDict(extra="allow")

    topic: str
    source: str = ""
    claims: list[GoldClaim]
    relations: list[GoldRelation] = Field(default_factory=list)
    slips: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _sample_format(cls, data: object) -> object:
        """Accept the shared samples' format: 'genuine_error' and its note stand for slips."""
        if isinstance(data, dict) and "slips" not in data and data.get("genuine_error"):
            data = {**data, "slips": [data.get("genuine_error_note") or "genuine error"]}
        return data


class GoldArticle(BaseModel):
    """One article with its gold, every claim resolved to (start, end) in the text."""

    path: Path
    text: str
    gold: Gold
    spans: list[tuple[int, int]]

    @property
    def clean(self) -> bool:
        return not self.gold.slips


class GoldError(ClaimcheckError):
    """A gold file that does not validate: one line naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(E.E012, path=path, problem=problem)


def occurrence_span(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    """The span of the n-th (1-based) occurrence of needle in text, overlaps counted."""
    starts = [m.start() for m in re.finditer(f"(?={re.escape(needle)})", text)]
    if occurrence > len(starts):
        raise ValueError(f"'{needle}' occurrence {occurrence} not in text ({len(starts)} found)")
    start = starts[occurrence - 1]
    return start, start + len(needle)


def load_article(gold_path: Path) -> GoldArticle:
    text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    text = text_path.read_text(encoding="utf-8")
    try:
        gold = Gold.model_validate(json.loads(gold_path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise GoldError(gold_path, f"{where}: {error['msg']}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(gold_path, str(exc)) from exc
    spans = []
    for claim in gold.claims:
        try:
            spans.append(occurrence_span(text, claim.text, claim.occurrence))
        except ValueError as exc:
            raise GoldError(gold_path, str(exc)) from exc
    _check_relations(gold_path, gold)
    return GoldArticle(path=text_path, text=text, gold=gold, spans=spans)


def _check_relations(gold_path: Path, gold: Gold) -> None:
    refs = {claim.ref for claim in gold.claims}
    for relation in gold.relations:
        missing = [ref for ref in relation.claims if ref not in refs]
        if missing:
            raise GoldError(gold_path, f"relation '{relation.working}' names unknown {missing}")
    broken = [r for r in gold.relations if not r.holds]
    if gold.slips and not broken:
        raise GoldError(gold_path, "slips listed but no relation has holds: false")
    if broken and not gold.slips:
        raise GoldError(gold_path, "a relation fails but no slip is listed")


def load_corpus(folder: Path) -> list[GoldArticle]:
    return [load_article(path) for path in sorted(folder.glob("*.gold.json"))]


def main(argv: list[str]) -> int:
    status = 0
    for folder in argv or ["corpus"]:
        for gold_path in sorted(Path(folder).glob("*.gold.json")):
            try:
                article = load_article(gold_path)
            except (GoldError, OSError) as exc:
                print(exc, file=sys.stderr)
                status = 1
                continue
            _warn_overlaps(article)
            print(
                f"ok {gold_path} ({len(article.gold.claims)} claims, "
                f"{len(article.gold.relations)} relations)"
            )
    return status


def _warn_overlaps(article: GoldArticle) -> None:
    ordered = sorted(article.spans)
    for (s1, e1), (s2, e2) in itertools.pairwise(ordered):
        if s2 < e1:
            print(
                f"warning {article.path}: overlapping claims "
                f"'{article.text[s1:e1]}' and '{article.text[s2:e2]}'",
                file=sys.stderr,
            )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
