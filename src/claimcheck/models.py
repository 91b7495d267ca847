"""The pydantic models every stage shares: extract makes Claims, link makes Relations, the rules
make Findings, and report renders a Report. Nothing here imports spaCy or quantulum3."""

from __future__ import annotations

from enum import Enum, StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_serializer

CONTRACT_VERSION = 1


class Kind(Enum):
    """Plain Enum: a str subclass would shadow str.count with the member 'count'."""

    count = "count"
    percentage = "percentage"
    fraction = "fraction"
    ratio = "ratio"
    money = "money"
    quantity = "quantity"
    vague = "vague"
    date = "date"


class Qualifier(StrEnum):
    exact = "exact"
    approximate = "approximate"
    lower_bound = "lower_bound"
    upper_bound = "upper_bound"
    range = "range"


class Verdict(StrEnum):
    consistent = "consistent"
    inconsistent = "inconsistent"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Span(BaseModel):
    """Character offsets into the checked text (Python str indices, end exclusive)."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(BaseModel):
    """One numeric expression in the text, with what it counts and what is said of it."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable within one text: 'c1', 'c2', ... in reading order.")
    start: int = Field(ge=0, description="Offset of the first character of the claim.")
    end: int = Field(ge=0, description="Offset one past the last character of the claim.")
    text: str = Field(description="The claim as written, qualifier and unit included.")
    value: float | None = Field(
        description="The number as stated: 3.7 for '3.7 per cent', 0.8 for 'four out of five', "
        "null where there is none ('dozens')."
    )
    kind: Kind
    unit: str | None = Field(default=None, description="GBP, per cent, year, mile, proportion...")
    qualifier: Qualifier = Qualifier.exact
    min: float | None = Field(default=None, description="Lower bound where the value is vague.")
    max: float | None = Field(default=None, description="Upper bound where the value is vague.")
    subject: str | None = Field(default=None, description="The thing counted.")
    predicate: str | None = Field(default=None, description="What is said of it.")
    sentence: int = Field(ge=0, description="Index of the sentence that holds the claim.")

    @field_serializer("value", "min", "max")
    def _whole_numbers_as_int(self, number: float | None) -> float | int | None:
        """22 prints as 22, not 22.0: the contract states numbers as the article does."""
        if number is not None and number.is_integer() and abs(number) < 2**53:
            return int(number)
        return number

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end)


class Sentence(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    start: int
    end: int
    text: str


class RelationType(Enum):
    percentage_of = "percentage_of"
    fraction_of = "fraction_of"
    sum = "sum"
    part_le_whole = "part_le_whole"
    ratio = "ratio"
    vague_bound = "vague_bound"
    difference = "difference"
    restatement = "restatement"


class Relation(BaseModel):
    """How claims relate, found from a cue in the text, before any arithmetic is done.

    roles name single claims (part, whole, share, total, bound, count, old, new, change, first,
    again, higher, lower, comparative); parts lists the claims that together make up a whole."""

    model_config = ConfigDict(frozen=True)

    type: RelationType
    roles: dict[str, str] = Field(default_factory=dict)
    parts: list[str] = Field(default_factory=list)
    cue: str = Field(description="What in the text links them: 'of the', 'made up of', ...")
    score: float | None = Field(
        default=None,
        description="How likely the words make this the relation the writer meant (0 to 1), "
        "from the linker's trained scorer.",
    )

    @property
    def claims(self) -> list[str]:
        return [*self.parts, *self.roles.values()]


class Finding(BaseModel):
    """The result of one check: consistent or not, with the working in plain English."""

    rule: str
    verdict: Verdict
    severity: Severity
    claims: list[str]
    message: str
    start: int
    end: int
    claim: str | None = Field(
        default=None,
        description="The claim the finding is about, the one underlined by start and end; "
        "none for a finding about the text itself (an unused suppression).",
    )
    fix: str | None = Field(
        default=None,
        description="For an inconsistent finding that one typing slip would explain: the likely "
        "fix and the working it would give ('437 for 347 (digits transposed?): ...').",
    )


class FileResult(BaseModel):
    path: str
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list, exclude=True)
    error: str | None = Field(default=None, exclude=True)
    text: str = Field(default="", exclude=True, description="The checked text, for positions.")


class Report(BaseModel):
    """What `claimcheck check --format json` prints: the stable contract."""

    version: int = CONTRACT_VERSION
    files: list[FileResult] = Field(default_factory=list)
