"""Folders and globs expand to the supported articles, leaving out .git, node_modules and the
user's --exclude patterns; a missing path is kept so it gets its own error."""

from __future__ import annotations

from pathlib import Path

from claimcheck.discover import expand


def test_walks_folders_and_skips_the_usual(tmp_path: Path) -> None:
    for name in ("a.md", "sub/b.txt", "sub/c.html", "sub/d.py", ".git/e.md", "node_modules/f.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("27 officers\n", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert found == ["a.md", "sub/b.txt", "sub/c.html"]
    kept = expand([str(tmp_path)], exclude=["*.html"])
    assert [Path(p).name for p in kept] == ["a.md", "b.txt"]


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("1\n", encoding="utf-8")
    (tmp_path / "y.md").write_text("2\n", encoding="utf-8")
    assert [Path(p).name for p in expand([str(tmp_path / "*.md")])] == ["x.md", "y.md"]
    assert expand([str(tmp_path / "missing.md")]) == [str(tmp_path / "missing.md")]
    assert expand(["-"]) == ["-"]
