"""Where the shipped `rules/` folder is: inside the wheel as `claimcheck/_rules`, or at the top of
a source checkout for an editable install."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    for candidate in (_PACKAGE / "_rules", _PACKAGE.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("claimcheck's rules/ folder is missing from this installation")
