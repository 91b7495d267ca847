"""Stage four: a Report to the formats people and machines read. Each format is one function
over the same models."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.models import Report
from claimcheck.report.contract import render_json
from claimcheck.report.lint import (
    render_concise,
    render_csv,
    render_github,
    render_jsonl,
    render_junit,
    render_sarif,
)
from claimcheck.report.text import render_text

RENDERERS: dict[str, Callable[[Report, bool], str]] = {
    "text": render_text,
    "concise": render_concise,
    "json": lambda report, _colour: render_json(report),
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
    "csv": render_csv,
}

__all__ = ["RENDERERS", "render_json", "render_text"]
