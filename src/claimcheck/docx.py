"""Word drafts: the text of a .docx as it reads with its tracked changes accepted. Inserted text
(w:ins) is read, deleted text (w:del, w:moveFrom) is not; each paragraph is one line, so a finding
is placed at paragraph and character. python-docx is not used: it silently drops text inside
w:ins."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText"})


class NotADocx(ValueError):
    pass


def docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise NotADocx(str(exc)) from exc
    return "\n".join(_paragraph(p) for p in root.iter(f"{W}p"))


def _paragraph(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: ElementTree.Element, parts: list[str]) -> None:
    for child in element:
        if child.tag in _SKIPPED or child.tag == f"{W}p":
            continue  # deleted text; nested paragraphs (in text boxes) are read on their own
        if child.tag == f"{W}t" and child.text:
            parts.append(child.text)
        elif child.tag == f"{W}tab":
            parts.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            parts.append(" ")
        else:
            _collect(child, parts)
