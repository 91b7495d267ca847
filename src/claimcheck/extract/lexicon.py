"""The lexicons in `rules/lexicon/*.yaml`, validated with pydantic and merged into one Lexicon.

A user can add a folder of extra lexicon files; its entries extend (never replace) the shipped
ones. A malformed file is one clear error naming the file and the key."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import ClaimcheckError, E
from claimcheck.resources import rules_dir
from claimcheck.yamlfiles import read_yaml


class VagueEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min: float | None = None
    max: float | None = None
    unit: str | None = None
    needs_of: bool = False


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # numbers.yaml
    units: dict[str, float] = Field(default_factory=dict)
    tens: dict[str, float] = Field(default_factory=dict)
    scales: dict[str, float] = Field(default_factory=dict)
    multiplier_suffixes: dict[str, float] = Field(default_factory=dict)
    count_words: dict[str, float] = Field(default_factory=dict)
    # fractions.yaml
    denominators: dict[str, int] = Field(default_factory=dict)
    joiners: list[str] = Field(default_factory=list)
    # vague.yaml
    vague: dict[str, VagueEntry] = Field(default_factory=dict)
    # qualifiers.yaml
    approximate: list[str] = Field(default_factory=list)
    lower_bound: list[str] = Field(default_factory=list)
    upper_bound: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    lower_bound_after: list[str] = Field(default_factory=list)
    upper_bound_after: list[str] = Field(default_factory=list)
    direction_verbs: list[str] = Field(default_factory=list)
    over_verbs: list[str] = Field(default_factory=list)
    # comparatives.yaml
    multiples: dict[str, float] = Field(default_factory=dict)
    times_followers: list[str] = Field(default_factory=list)
    times_frequency_followers: list[str] = Field(default_factory=list)
    change_verbs: dict[str, float] = Field(default_factory=dict)
    # units.yaml
    currency_symbols: dict[str, str] = Field(default_factory=dict)
    currency_words: dict[str, str] = Field(default_factory=dict)
    percent_forms: dict[str, str] = Field(default_factory=dict)
    percent_context_forms: dict[str, str] = Field(default_factory=dict)
    measures: dict[str, str] = Field(default_factory=dict)
    measure_compounds: list[str] = Field(default_factory=list)
    # dates.yaml
    months: list[str] = Field(default_factory=list)
    relative: list[str] = Field(default_factory=list)
    year_cues: list[str] = Field(default_factory=list)
    clock: list[str] = Field(default_factory=list)
    # exclusions.yaml
    name_prefixes: list[str] = Field(default_factory=list)
    reference_words: list[str] = Field(default_factory=list)
    one_idioms: list[str] = Field(default_factory=list)
    no_count_words: list[str] = Field(default_factory=list)
    no_not_counts: list[str] = Field(default_factory=list)
    service_numbers: list[str] = Field(default_factory=list)
    phone_words: list[str] = Field(default_factory=list)
    name_suffixes: list[str] = Field(default_factory=list)
    descriptor_nouns: list[str] = Field(default_factory=list)
    # predicates.yaml
    predicate_groups: dict[str, list[str]] = Field(default_factory=dict)
    partitions: list[list[str]] = Field(default_factory=list)
    opposite_groups: list[list[str]] = Field(default_factory=list)

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon extended by other's entries (dicts updated, lists appended)."""
        data = self.model_dump()
        for key, value in other.model_dump(exclude_unset=True).items():
            if isinstance(value, dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = [*data[key], *value]
        return Lexicon.model_validate(data)


def load_file(path: Path) -> Lexicon:
    data = read_yaml(path) or {}
    try:
        return Lexicon.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = ".".join(str(part) for part in error["loc"])
        raise ClaimcheckError(E.E010, path=path, location=location, problem=error["msg"]) from exc


def load_folder(folder: Path, base: Lexicon | None = None) -> Lexicon:
    lexicon = base or Lexicon()
    for path in sorted(folder.glob("*.yaml")):
        lexicon = lexicon.merged(load_file(path))
    return lexicon


def load_lexicon(extra_folders: tuple[Path, ...] = ()) -> Lexicon:
    lexicon = load_folder(rules_dir() / "lexicon")
    for folder in extra_folders:
        lexicon = load_folder(folder, lexicon)
    return lexicon
