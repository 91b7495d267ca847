"""The JSON contract: {"version": 1, "files": [{"path", "claims", "findings"}]}, documented in
the README. A file that could not be read carries "error" instead of claims."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.models import FileResult, Report


def file_dict(result: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": result.path,
        "claims": [claim.model_dump(mode="json") for claim in result.claims],
        "findings": [finding.model_dump(mode="json") for finding in result.findings],
    }
    if result.error is not None:
        data["error"] = result.error
    return data


def report_dict(report: Report) -> dict[str, Any]:
    return {"version": report.version, "files": [file_dict(result) for result in report.files]}


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
