"""Configuration found by walking up from each file, command-line flags over it, every mistake
one line naming the file and the key, and `config show` saying where each value came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.cli import main

SLIP = "Of the 27 officers, 12 were disciplined, or 7.3 per cent.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    article = tmp_path / "news" / "2025" / "story.md"
    article.parent.mkdir(parents=True)
    article.write_text(SLIP, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_pyproject_table_found_upward(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimcheck.rules.CC101]\nseverity = "warning"\n',
        encoding="utf-8",
    )
    story = str(project / "news" / "2025" / "story.md")
    code, out, _ = run(capsys, "check", story, "--format", "concise")
    assert code == 0 and "CC101 [warning]" in out
    assert run(capsys, "check", story, "--fail-on", "warning")[0] == 1


def test_claimcheck_toml_and_rule_off(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".claimcheck.toml").write_text(
        'fail-on = "never"\n\n[rules.percentage-of-counts]\nenabled = false\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", str(project / "news"), "--format", "concise")
    assert code == 0 and out == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('fail-onn = "error"\n', "fail-onn"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ("[rules.CC999]\nenabled = false\n", "rules.CC999"),
        ('[rules.CC101]\napproximate_points = "lots"\n', "rules.CC101.approximate_points"),
        ("fail-on = \n", "[E013]"),
    ],
)
def test_malformed_config_is_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    (project / ".claimcheck.toml").write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "check", str(project / "news"))
    assert code == 2
    assert err.count("\n") == 1 and ".claimcheck.toml" in err and expected in err


def test_config_show_names_sources(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".claimcheck.toml").write_text(
        'fail-on = "warning"\n\n[rules.CC401]\nseverity = "error"\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "config", "show", str(project / "news"))
    assert code == 0
    assert f"fail-on = 'warning'  # {project / '.claimcheck.toml'}" in out
    assert "parse = False  # default" in out
    assert f"[rules.CC401]  # comparative; {project / '.claimcheck.toml'}" in out
    assert "severity = 'error'" in out
