"""The house rules that tools can check: ruff, mypy and the import-linter layering contracts
(stages flow one way; only the adapters touch spaCy and quantulum3)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return path


def test_ruff() -> None:
    done = _run(_tool("ruff"), "check", "src", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout


def test_mypy() -> None:
    done = _run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout


def test_import_contracts() -> None:
    done = _run(_tool("lint-imports"))
    assert done.returncode == 0, done.stdout[-2000:]
