"""A Word draft with tracked changes is checked as it reads with the changes accepted: the
inserted figure counts, the deleted one does not."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.docx import docx_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:r><w:t>Complaints rise</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Of the 612 complaints received, </w:t></w:r>
<w:del w:id="1" w:author="desk"><w:r><w:delText>174</w:delText></w:r></w:del>
<w:ins w:id="2" w:author="desk"><w:r><w:t>147</w:t></w:r></w:ins>
<w:r><w:t xml:space="preserve"> were upheld, or 42 per cent.</w:t></w:r></w:p>
</w:body></w:document>"""


def _docx(path: Path, document: str = DOCUMENT) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return path


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    text = docx_text(_docx(tmp_path / "draft.docx").read_bytes())
    assert text.splitlines() == [
        "Complaints rise",
        "Of the 612 complaints received, 147 were upheld, or 42 per cent.",
    ]


def test_check_places_findings_by_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _docx(tmp_path / "draft.docx")
    assert main(["check", str(draft), "--format", "concise"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{draft}:2:53: CC101") and "147 of 612 = 24.02%" in out


def test_not_a_docx_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("plain text pretending", encoding="utf-8")
    assert main(["check", str(fake)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[E015]" in err
