"""A baseline silences the problems already in an archive, by content, not line: editing the
article elsewhere keeps them silent; changing the figure brings the problem back."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.cli import main

SLIP = "Of the 612 complaints received, 147 were upheld, or 42 per cent.\n"


def test_baseline_survives_edits_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.md"
    story.write_text(f"# Complaints\n\n{SLIP}", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert main(["baseline", str(story), "-o", str(baseline)]) == 0
    assert main(["check", str(story), "--baseline", str(baseline)]) == 0
    story.write_text(f"# Complaints\n\nA new first paragraph.\n\n{SLIP}", encoding="utf-8")
    assert main(["check", str(story), "--baseline", str(baseline)]) == 0
    story.write_text(f"# Complaints\n\n{SLIP.replace('42', '41')}", encoding="utf-8")
    assert main(["check", str(story), "--baseline", str(baseline)]) == 1
    capsys.readouterr()


def test_broken_baseline_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.md"
    story.write_text(SLIP, encoding="utf-8")
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["check", str(story), "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[E014]" in err
