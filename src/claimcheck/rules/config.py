"""Rules as data: each file in `rules/*.yaml` configures one instance of a check kind. The kinds
are a discriminated union on `kind`, so a typo in a rule file is one line naming file and key."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.models import Severity


class RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^CC\d{3}$", description="Stable code; never reused.")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]+$")
    severity: Severity = Severity.error
    enabled: bool = True
    summary: str = Field(description="What it checks, in one line.")
    why: str = Field(description="Why it matters to a reader.")
    options: str = Field(default="", description="What the tolerances mean.")
    aliases: list[str] = Field(default_factory=list, description="Earlier names of this rule.")
    hold_score: float = Field(
        0.05,
        ge=0,
        le=1,
        description="A candidate relation whose figures agree makes its figure consistent when "
        "the linker scores it at least this.",
    )
    alarm_score: float = Field(
        0.9,
        ge=0,
        le=1,
        description="When no candidate agrees, the best one is reported inconsistent when it "
        "scores at least this.",
    )
    cue_alarm_score: float = Field(
        0.25,
        ge=0,
        le=1,
        description="alarm_score for a relation a written cue proposed ('Of those, 49 ...').",
    )
    far_apart: float = Field(
        5.0,
        ge=1,
        description="Figures this many times apart ('121 of 6 = 2016%', stated 19 per cent) are "
        "more likely linked wrongly than mistyped...",
    )
    far_alarm_score: float = Field(
        0.6,
        ge=0,
        le=1,
        description="...so their failed check is reported only from this score (a relation a "
        "cue proposed included), unless one typing slip explains it.",
    )
    slip_score: float = Field(
        0.6,
        ge=0,
        le=1,
        description="...or at least this when one typing slip would make it agree.",
    )


class PercentageOfRule(RuleBase):
    kind: Literal["percentage_of"]
    approximate_points: float = Field(
        1.0, ge=0, description="How far 'around 7 per cent' may be from the counts, in points."
    )
    approximate_relative: float = Field(0.05, ge=0, description="...or as a share of the figure.")


class FractionOfRule(RuleBase):
    kind: Literal["fraction_of"]
    tolerance: float = Field(0.05, ge=0, description="'four out of five' is loose: 0.75 to 0.85.")
    approximate_tolerance: float = Field(0.07, ge=0)


class SumRule(RuleBase):
    kind: Literal["sum"]
    tolerance: float = Field(0, ge=0, description="Slack for counts and money, in units.")


class PartWithinWholeRule(RuleBase):
    kind: Literal["part_le_whole"]
    categories_may_overlap: bool = Field(
        True, description="Listed categories may overlap, so only each part is held to the whole."
    )


class VagueBoundRule(RuleBase):
    kind: Literal["vague_bound"]
    approximate_relative: float = Field(0.1, ge=0, description="'about 300' covers 270 to 330.")


class ComparativeRule(RuleBase):
    kind: Literal["ratio"]
    tolerance_relative: float = Field(
        0.15, ge=0, description="'twice as high' covers 1.7x to 2.3x."
    )


class RestatementRule(RuleBase):
    kind: Literal["restatement"]


class ChangeRule(RuleBase):
    kind: Literal["difference"]
    approximate_points: float = Field(1.0, ge=0)
    approximate_relative: float = Field(0.05, ge=0)


Rule = Annotated[
    PercentageOfRule
    | FractionOfRule
    | SumRule
    | PartWithinWholeRule
    | VagueBoundRule
    | ComparativeRule
    | RestatementRule
    | ChangeRule,
    Field(discriminator="kind"),
]


class RuleFile(BaseModel):
    """One rule file: a single rule."""

    rule: Rule
