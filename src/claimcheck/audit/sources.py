"""What an audit reads: article files (every format `check` reads) and archives with one article
per row (.jsonl, .csv, .parquet), with the id, text and optional url/title/date fields named by
the user. A row or file that cannot be read becomes an error record; the rest go on."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from claimcheck.discover import expand
from claimcheck.errors import ClaimcheckError, E
from claimcheck.sources import read_source

ARCHIVES = frozenset({".jsonl", ".csv", ".parquet"})


@dataclass(frozen=True)
class Fields:
    id: str = "id"
    text: str = "text"
    url: str | None = None
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Article:
    article_id: str
    source: str
    text: str | None
    error: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None

    @cached_property  # hashed once, though asked in both passes and by the store
    def content_hash(self) -> str:
        seed = self.text if self.text is not None else f"error\0{self.source}\0{self.article_id}"
        return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()


def read_articles(inputs: list[str], fields: Fields) -> Iterator[Article]:
    archives = [i for i in inputs if Path(i).suffix.lower() in ARCHIVES and Path(i).is_file()]
    for path in expand([i for i in inputs if i not in archives]):
        try:
            yield Article(path, path, read_source(path))
        except ClaimcheckError as exc:
            yield Article(path, path, None, str(exc))
    for archive in archives:
        yield from _rows(Path(archive), fields)


def _rows(path: Path, fields: Fields) -> Iterator[Article]:
    suffix = path.suffix.lower()
    number = 0
    try:
        if suffix != ".parquet" and _binary(path):
            yield _broken(path, str(ClaimcheckError(E.E002, path=path)))
            return
        if suffix == ".jsonl":
            rows = _jsonl(path)
        elif suffix == ".csv":
            rows = _csv(path)
        else:
            rows = _parquet(path)
        for number, row in rows:
            yield _article(path, number, row, fields)
    except ImportError:
        yield _broken(
            path, f"{path}: reading .parquet needs pyarrow: pip install 'claimcheck[parquet]'"
        )
    except UnicodeDecodeError:  # the rows before it were read; the rest of the file is lost
        reason = f"not valid UTF-8 after row {number}"
        yield _broken(path, str(ClaimcheckError(E.E006, path=path, reason=reason)))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield _broken(path, str(ClaimcheckError(E.E006, path=path, reason=reason)))


def _broken(path: Path, error: str) -> Article:
    return Article(str(path), str(path), None, error)


def _binary(path: Path) -> bool:
    with path.open("rb") as handle:
        return b"\x00" in handle.read(8192)


def _article(path: Path, number: int, row: dict[str, object] | str, fields: Fields) -> Article:
    where = f"{path}:{number}"
    if isinstance(row, str):  # a line that is not JSON
        return Article(where, where, None, f"{where}: {row}")  # the row's problem
    article_id = str(row.get(fields.id, where))
    text = row.get(fields.text)
    extra = {
        k: _field(row, name)
        for k, name in (("url", fields.url), ("title", fields.title), ("date", fields.date))
    }
    if not isinstance(text, str) or not text.strip():
        return Article(
            article_id, where, None, f"{where}: no text in field '{fields.text}'", **extra
        )
    return Article(article_id, where, text, None, **extra)


def _field(row: dict[str, object], name: str | None) -> str | None:
    return None if name is None or row.get(name) is None else str(row.get(name))


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, object] | str]]:
    """Each line decoded on its own, so one bad line costs that line only."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield number, f"not valid UTF-8 (bad byte at offset {exc.start} of the line)"
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"not JSON ({exc})"
                continue
            yield number, row if isinstance(row, dict) else "a JSON value that is not an object"


def _csv(path: Path) -> Iterator[tuple[int, dict[str, object] | str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            yield number, dict(row)


def _parquet(path: Path) -> Iterator[tuple[int, dict[str, object] | str]]:
    import pyarrow.parquet as pq  # optional: the 'parquet' extra

    rows = (row for batch in pq.ParquetFile(path).iter_batches() for row in batch.to_pylist())
    yield from enumerate(rows, start=1)  # a row group at a time, not the whole table
