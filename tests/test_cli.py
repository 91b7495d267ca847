"""The command line's contract: exit codes, formats, and bad input that gets one clear line on
stderr and exit 2 while every other file in the run is still reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.sources import MAX_BYTES

ARTICLE = "Three of the 27 officers were disciplined, and 3.7 per cent were convicted.\n"
SLIP = "Of the 27 officers, 12 were disciplined, or 7.3 per cent.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_article_exits_zero(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run(capsys, str(article))
    assert code == 0
    assert err == ""
    assert "3.7 per cent" in out and "percentage" in out
    assert "✓ CC202 3 within 27" in out
    assert "Unchecked (nothing in the text to check them against): '3.7 per cent'" in out
    assert out.rstrip().endswith("1 file: 3 claims, 2 checked, 1 consistent, 0 inconsistent")


def test_inconsistency_exits_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "slip.txt"
    path.write_text(SLIP, encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    expected = "✗ error CC101 '7.3 per cent': 12 of 27 = 44.44%; stated 7.3 per cent: inconsistent"
    assert expected in out
    assert run(capsys, str(path), "--fail-on", "never")[0] == 0


def test_json_format(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, str(article), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["version"] == 1
    [result] = data["files"]
    assert [c["text"] for c in result["claims"]] == ["Three", "27", "3.7 per cent"]
    assert result["claims"][1]["value"] == 27
    assert [f["rule"] for f in result["findings"]] == ["CC202"]
    assert result["findings"][0]["verdict"] == "consistent"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 prices rose 12 per cent.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    huge = tmp_path / "huge.txt"
    line = "Officers reported 27 cases and 3.7 per cent were convicted.\n"
    huge.write_text(line * (20 * 1024 * 1024 // len(line) + 1), encoding="utf-8")
    assert huge.stat().st_size > MAX_BYTES
    return {
        "binary": (binary, "[E002]"),
        "utf8": (latin1, "[E003]"),
        "empty": (empty, "[E004]"),
        "missing": (tmp_path / "nope.txt", "[E001]"),
        "huge": (huge, "[E005]"),
    }


@pytest.mark.parametrize("case", ["binary", "utf8", "empty", "missing", "huge"])
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path, case: str
) -> None:
    bad, code_text = _bad_inputs(tmp_path)[case]
    code, out, err = run(capsys, str(bad), str(article), "--format", "json")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and code_text in lines[0] and str(bad) in lines[0]
    files = json.loads(out)["files"]
    assert files[0]["error"].startswith(code_text)
    assert [c["text"] for c in files[1]["claims"]] == ["Three", "27", "3.7 per cent"]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    code, out, _ = run(capsys, "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["files"][0]["path"] == "-"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["check", "--format", "yaml", "x.txt"], "invalid choice: 'yaml'"),
        (["audit", "corpus", "--batch-size", "0"], "--batch-size: must be above zero: 0"),
        (["audit", "corpus", "--jobs", "two"], "--jobs/-j: not a number: 'two'"),
        (["serve", "--timeout", "-1"], "--timeout: must be above zero: -1"),
    ],
)
def test_usage_error_exits_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert says in capsys.readouterr().err


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    claim = schema["$defs"]["Claim"]["properties"]
    for key in (
        "id",
        "start",
        "end",
        "text",
        "value",
        "kind",
        "unit",
        "qualifier",
        "min",
        "max",
        "subject",
        "predicate",
        "sentence",
    ):
        assert key in claim


def test_console_script_with_parse(article: Path) -> None:
    """The entry point as a user runs it, spaCy's parse included."""
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", str(article), "--parse", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    claims = json.loads(done.stdout)["files"][0]["claims"]
    assert claims[1]["subject"] == "officers"


def test_user_rules_folder_changes_severity_and_turns_rules_off(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Rules are data: a user's folder can demote CC101 to a warning or switch it off."""
    from claimcheck.resources import rules_dir

    slip = tmp_path / "slip.txt"
    slip.write_text(SLIP, encoding="utf-8")
    mine = tmp_path / "rules"
    mine.mkdir()
    shipped = (rules_dir() / "CC101-percentage-of-counts.yaml").read_text(encoding="utf-8")
    (mine / "CC101.yaml").write_text(shipped.replace("severity: error", "severity: warning"))
    code, out, _ = run(capsys, str(slip), "--rules", str(mine))
    assert code == 0 and "✗ warning CC101" in out
    assert run(capsys, str(slip), "--rules", str(mine), "--fail-on", "warning")[0] == 1
    (mine / "CC101.yaml").write_text(shipped + "\nenabled: false\n")
    code, out, _ = run(capsys, str(slip), "--rules", str(mine))
    assert code == 0 and "CC101" not in out


def test_broken_user_rule_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    mine = tmp_path / "rules"
    mine.mkdir()
    (mine / "CC101.yaml").write_text("code: CC101\nname: mine\nkind: percentage_of\nsummary: s\n")
    code, _, err = run(capsys, str(article), "--rules", str(mine))
    assert code == 2
    assert err.count("\n") == 1 and "[E010]" in err and "why" in err


def test_audit_and_serve_take_the_users_rules_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The same --rules folder changes what an audit records and what the server checks; a
    broken one stops either before any work, in one coded line."""
    import sqlite3

    from fastapi.testclient import TestClient

    from claimcheck.resources import rules_dir
    from claimcheck.serve import Settings, create_app

    slip = tmp_path / "articles" / "slip.txt"
    slip.parent.mkdir()
    slip.write_text(SLIP, encoding="utf-8")
    mine = tmp_path / "rules"
    mine.mkdir()
    shipped = (rules_dir() / "CC101-percentage-of-counts.yaml").read_text(encoding="utf-8")
    (mine / "CC101.yaml").write_text(shipped.replace("severity: error", "severity: warning"))

    db = tmp_path / "audit.sqlite"
    assert main(["audit", str(slip.parent), "--db", str(db), "--rules", str(mine), "-j", "1"]) == 0
    with sqlite3.connect(db) as con:
        severities = con.execute(
            "SELECT severity FROM findings WHERE rule = 'CC101' AND verdict = 'inconsistent'"
        ).fetchall()
    assert severities == [("warning",)]

    with TestClient(create_app(Settings(workers=1, rules=(mine,)))) as client:
        rules = {rule["code"]: rule for rule in client.get("/api/rules").json()}
        assert rules["CC101"]["severity"] == "warning"
        file = client.post("/api/check", json={"text": SLIP}).json()["files"][0]
        assert {f["severity"] for f in file["findings"] if f["rule"] == "CC101"} == {"warning"}

    (mine / "CC101.yaml").write_text("code: CC101\nname: mine\nkind: percentage_of\nsummary: s\n")
    capsys.readouterr()
    for argv in (
        ["audit", str(slip.parent), "--db", str(tmp_path / "b.sqlite"), "--rules", str(mine)],
        ["serve", "--port", "1", "--rules", str(mine)],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "[E010]" in err
    assert not (tmp_path / "b.sqlite").exists()
