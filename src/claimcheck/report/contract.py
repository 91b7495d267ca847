"""The JSON contract: {"version": 1, "files": [{"path", "claims", "findings"}]}, documented in
the README. A file that could not be read carries "error" instead of claims."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.models import FileResult, Report
from claimcheck.positions import LineIndex


def file_dict(result: FileResult) -> dict[str, Any]:
    index = LineIndex(result.text)
    data: dict[str, Any] = {
        "path": result.path,
        "claims": [_placed(claim.model_dump(mode="json"), index) for claim in result.claims],
        "findings": [_placed(f.model_dump(mode="json"), index) for f in result.findings],
    }
    if result.error is not None:
        data["error"] = result.error
    return data


def _placed(item: dict[str, Any], index: LineIndex) -> dict[str, Any]:
    """Adds 1-based line, column, end_line, end_column to an item with start and end."""
    position = index.span(item["start"], item["end"])
    return {
        **item,
        "line": position.line,
        "column": position.column,
        "end_line": position.end_line,
        "end_column": position.end_column,
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {"version": report.version, "files": [file_dict(result) for result in report.files]}


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
