"""Project configuration: `[tool.claimcheck]` in pyproject.toml or the top level of
.claimcheck.toml, the nearest one found by walking up from a checked file (or --config).

    [tool.claimcheck]
    fail-on = "warning"
    exclude = ["drafts/*"]
    rules-folders = ["house-rules"]        # extra rule files, relative to the config file
    lexicon-folders = ["house-words"]
    [tool.claimcheck.rules.CC401]           # by code or name
    severity = "error"
    tolerance_relative = 0.2
    [tool.claimcheck.rules.restatement]
    enabled = false

A wrong key or value is one line naming the file, the key and what is allowed (exit 2)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import ClaimcheckError, E
from claimcheck.rules import find_rule
from claimcheck.rules.config import Rule

FILE_NAMES = (".claimcheck.toml", "pyproject.toml")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    fail_on: Literal["error", "warning", "info", "never"] = Field("error", alias="fail-on")
    parse: bool = False
    exclude: list[str] = Field(default_factory=list)
    rules_folders: list[Path] = Field(default_factory=list, alias="rules-folders")
    lexicon_folders: list[Path] = Field(default_factory=list, alias="lexicon-folders")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)


@dataclass
class Config:
    settings: Settings = field(default_factory=Settings)
    path: Path | None = None  # None: the defaults
    explicit: frozenset[str] = frozenset()  # the keys the file sets

    def source(self, key: str) -> str:
        return str(self.path) if self.path is not None and key in self.explicit else "default"


def find_config(start: Path) -> Path | None:
    """The nearest .claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        for name in FILE_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_table(path)):
                return path
    return None


def _has_table(path: Path) -> bool:
    try:
        return "claimcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, OSError):
        return True  # let load_config report it


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ClaimcheckError(E.E013, path=path, problem=str(exc)) from exc
    except OSError as exc:
        raise ClaimcheckError(E.E006, path=path, reason=exc.strerror or str(exc)) from exc
    table = data.get("tool", {}).get("claimcheck", {}) if path.name == "pyproject.toml" else data
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = ".".join(str(part) for part in error["loc"])
        raise ClaimcheckError(E.E010, path=path, location=location, problem=error["msg"]) from exc
    explicit = frozenset(settings.model_fields_set)
    folder = path.parent
    settings.rules_folders = [folder / p for p in settings.rules_folders]
    settings.lexicon_folders = [folder / p for p in settings.lexicon_folders]
    return Config(settings, path, explicit)


def apply_rule_settings(rules: tuple[Rule, ...], config: Config) -> tuple[Rule, ...]:
    """The rules with the config's per-rule settings, each checked against the rule's model."""
    updated = {rule.code: rule for rule in rules}
    for key, values in config.settings.rules.items():
        rule = find_rule(rules, key)
        if rule is None:
            known = ", ".join(sorted(updated))
            raise ClaimcheckError(
                E.E010, path=config.path, location=f"rules.{key}", problem=f"no such rule ({known})"
            )
        try:
            updated[rule.code] = type(rule).model_validate({**rule.model_dump(), **values})
        except ValidationError as exc:
            error = exc.errors()[0]
            location = ".".join(["rules", key, *(str(part) for part in error["loc"])])
            raise ClaimcheckError(
                E.E010, path=config.path, location=location, problem=error["msg"]
            ) from exc
    return tuple(updated[code] for code in sorted(updated))


def describe(config: Config, rules: tuple[Rule, ...]) -> str:
    """`claimcheck config show`: every effective value and where it came from."""
    settings = config.settings
    lines = [f"# configuration: {config.path or 'none found (defaults)'}"]
    for key, value in (
        ("fail-on", settings.fail_on),
        ("parse", settings.parse),
        ("exclude", settings.exclude),
        ("rules-folders", [str(p) for p in settings.rules_folders]),
        ("lexicon-folders", [str(p) for p in settings.lexicon_folders]),
    ):
        field_name = key.replace("-", "_")
        lines.append(f"{key} = {value!r}  # {config.source(field_name)}")
    for rule in rules:
        configured = next(
            (v for k, v in settings.rules.items() if find_rule([rule], k) is not None), {}
        )
        where = str(config.path) if configured else "default"
        options = {
            k: v
            for k, v in rule.model_dump(mode="json").items()
            if k not in ("code", "name", "kind", "summary", "why", "options", "aliases")
        }
        lines.append(f"[rules.{rule.code}]  # {rule.name}; {where}")
        lines.extend(f"{k} = {v!r}" for k, v in options.items())
    return "\n".join(lines) + "\n"
