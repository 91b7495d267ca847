"""Which files a run checks: files as given, directories walked for supported articles, globs
expanded, with the usual folders left out (.git, node_modules, virtual environments) and the
user's --exclude patterns. A path that does not exist is kept, so it gets its own error."""

from __future__ import annotations

import fnmatch
import glob
from collections.abc import Iterable
from pathlib import Path

from claimcheck.inputs import SUPPORTED

ALWAYS_SKIPPED = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}
)


def expand(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    patterns = list(exclude)
    found: list[str] = []
    for path in paths:
        if path == "-":
            found.append(path)
        elif Path(path).is_dir():
            found.extend(_walk(Path(path), patterns))
        elif not Path(path).exists() and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            found.extend(m for m in matches if Path(m).is_file() and not _excluded(m, patterns))
        elif not _excluded(path, patterns):
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(root: Path, patterns: list[str]) -> list[str]:
    files = []
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if any(part in ALWAYS_SKIPPED for part in parts) or not path.is_file():
            continue
        if path.suffix.lower() in SUPPORTED - {""} and not _excluded(str(path), patterns):
            files.append(str(path))
    return files


def _excluded(path: str, patterns: list[str]) -> bool:
    return any(
        fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern)
        for pattern in patterns
    )
