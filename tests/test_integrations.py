"""The pre-commit hook, run by pre-commit itself on a throwaway git repository, and the GitHub
Action's inputs reaching the shell only through env."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

SLIP = "Of the 612 complaints received, 147 were upheld, or 42 per cent.\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


# pre-commit installed with the dev extra sits beside this interpreter, on PATH or not
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)


@pytest.mark.skipif(
    shutil.which("git") is None or PRE_COMMIT is None,
    reason="needs git and pre-commit (pip install -e '.[dev]')",
)
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "desk@example.org")
    _git(repo, "config", "user.name", "desk")
    (repo / "story.md").write_text(f"# Complaints\n\n{SLIP}", encoding="utf-8")
    (repo / "clean.md").write_text(
        "# Fine\n\nThree of the 27 were disciplined.\n", encoding="utf-8"
    )
    (repo / "code.py").write_text("x = 42  # not an article\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), "claimcheck", "--all-files", "--verbose"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "story.md" in output and "42 per cent" in output
    assert "code.py" not in output


def test_hook_definition() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "claimcheck" and hook["require_serial"] is True
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html"}


def test_action_passes_inputs_through_env() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step["name"]
    assert any("upload-sarif" in step.get("uses", "") for step in action["runs"]["steps"])
