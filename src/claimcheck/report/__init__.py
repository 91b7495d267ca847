"""Stage four: a Report to the formats people and machines read. Each format is one function
over the same models."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.models import Report
from claimcheck.report.contract import render_json
from claimcheck.report.text import render_text

RENDERERS: dict[str, Callable[[Report, bool], str]] = {
    "text": render_text,
    "json": lambda report, _colour: render_json(report),
}

__all__ = ["RENDERERS", "render_json", "render_text"]
