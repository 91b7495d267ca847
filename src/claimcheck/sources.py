"""Reading an input into text, or one clear coded error: missing, binary, not UTF-8, empty, too
large. Nothing is guessed: a file that is not UTF-8 text is refused, not mangled."""

from __future__ import annotations

import sys
from pathlib import Path

from claimcheck.errors import ClaimcheckError, E

MAX_BYTES = 10 * 1024 * 1024  # a long feature is ~100 KB; 10 MB is an archive, not an article
STDIN = "-"


def read_source(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file; a .docx is read as it stands with its tracked changes accepted."""
    if path != STDIN and path.lower().endswith(".docx"):
        return _read_docx(path, max_bytes)
    return _read_text(path, max_bytes)


def read_upload(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of bytes that arrived without a file (an upload), read as its name's suffix says."""
    if name.lower().endswith(".docx"):
        return _docx_bytes(data, name, max_bytes)
    return decode(data, name, max_bytes)


def _read_docx(path: str, max_bytes: int) -> str:
    file = Path(path)
    if not file.exists():
        raise ClaimcheckError(E.E001, path=path)
    if file.stat().st_size > max_bytes:
        raise ClaimcheckError(E.E005, path=path, size=file.stat().st_size, limit=max_bytes)
    return _docx_bytes(file.read_bytes(), path, max_bytes)


def _docx_bytes(data: bytes, path: str, max_bytes: int) -> str:
    from claimcheck.docx import NotADocx, docx_text

    if len(data) > max_bytes:
        raise ClaimcheckError(E.E005, path=path, size=len(data), limit=max_bytes)
    try:
        text = docx_text(data)
    except NotADocx as exc:
        raise ClaimcheckError(E.E015, path=path, problem=str(exc)) from exc
    if not text.strip():
        raise ClaimcheckError(E.E004, path=path)
    return text


def _read_text(path: str, max_bytes: int) -> str:
    if path == STDIN:
        return decode(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes)
    file = Path(path)
    if not file.exists():
        raise ClaimcheckError(E.E001, path=path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise ClaimcheckError(E.E005, path=path, size=size, limit=max_bytes)
        data = file.read_bytes()
    except IsADirectoryError as exc:
        raise ClaimcheckError(E.E006, path=path, reason="it is a directory") from exc
    except OSError as exc:
        raise ClaimcheckError(E.E006, path=path, reason=exc.strerror or str(exc)) from exc
    return decode(data, path, max_bytes)


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> str:
    if len(data) > max_bytes:
        raise ClaimcheckError(E.E005, path=path, size=len(data), limit=max_bytes)
    if b"\x00" in data[:8192]:
        raise ClaimcheckError(E.E002, path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimcheckError(E.E003, path=path, offset=exc.start) from exc
    if not text.strip():
        raise ClaimcheckError(E.E004, path=path)
    return text
