"""Reading the YAML files users edit (lexicons, rules, rule cases): one loader, one error form."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from claimcheck.errors import ClaimcheckError, E


class _WordListLoader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans; in word lists they are words. Only true and
    false are booleans here."""


_WordListLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordListLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_WordListLoader)
    except yaml.YAMLError as exc:
        raise ClaimcheckError(E.E011, path=path, problem=str(exc).replace("\n", " ")) from exc
