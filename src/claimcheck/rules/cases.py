"""Each rule's pass and fail cases (`rules/cases/CODE.yaml`): the examples its docs show and the
test suite runs. A pass text gives findings of the rule, all consistent, and nothing
inconsistent; a fail text gives an inconsistent finding of the rule underlining `blame`."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import ClaimcheckError, E
from claimcheck.resources import rules_dir
from claimcheck.yamlfiles import read_yaml


class PassCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str


class FailCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    blame: str = Field(description="The text the inconsistent finding underlines.")
    known_miss: str | None = Field(
        default=None,
        description="Why the linker does not flag this case yet: the test expects it to fail "
        "until it is fixed (strict xfail), so the gap stays on record.",
    )


class RuleCases(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    passes: list[PassCase] = Field(default_factory=list, alias="pass")
    fails: list[FailCase] = Field(default_factory=list, alias="fail")


def cases_path(code: str, folder: Path | None = None) -> Path:
    return (folder or rules_dir()) / "cases" / f"{code}.yaml"


def load_cases(code: str, folder: Path | None = None) -> RuleCases:
    path = cases_path(code, folder)
    if not path.exists():
        return RuleCases()
    try:
        return RuleCases.model_validate(read_yaml(path) or {})
    except ValidationError as exc:
        error = exc.errors()[0]
        location = ".".join(str(part) for part in error["loc"])
        raise ClaimcheckError(E.E010, path=path, location=location, problem=error["msg"]) from exc
