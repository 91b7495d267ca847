"""The formats CI systems read: concise lines, JSON lines, SARIF 2.1.0, GitHub workflow
commands, JUnit XML and CSV. Each is a small function over the same findings; only the problems
(inconsistent findings) are reported, in order, most severe first where a reader is limited."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from claimcheck.baseline import fingerprint
from claimcheck.models import Finding, Report, Verdict
from claimcheck.positions import LineIndex, Position
from claimcheck.rules import find_rule, load_rules

_RANK = {"error": 0, "warning": 1, "info": 2}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LIMIT = 10  # GitHub shows at most ten annotations of each level per step


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    finding: Finding
    position: Position


def problems(report: Report) -> Iterator[Problem]:
    for result in report.files:
        index = LineIndex(result.text)
        for finding in result.findings:
            if finding.verdict is Verdict.inconsistent:
                yield Problem(result.path, finding, index.span(finding.start, finding.end))


def render_concise(report: Report, _colour: bool = False) -> str:
    return "".join(
        f"{p.path}:{p.position.line}:{p.position.column}: {p.finding.rule} "
        f"[{p.finding.severity.value}] {p.finding.message}\n"
        for p in problems(report)
    )


def render_jsonl(report: Report, _colour: bool = False) -> str:
    lines = []
    for p in problems(report):
        record = {"path": p.path, **p.finding.model_dump(mode="json"), **_position(p.position)}
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(f"{line}\n" for line in lines)


def _position(position: Position) -> dict[str, int]:
    return {
        "line": position.line,
        "column": position.column,
        "end_line": position.end_line,
        "end_column": position.end_column,
    }


def render_csv(report: Report, _colour: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message"]
    )
    for p in problems(report):
        position = p.position
        writer.writerow(
            [
                p.path,
                position.line,
                position.column,
                position.end_line,
                position.end_column,
                p.finding.rule,
                p.finding.severity.value,
                p.finding.message,
            ]
        )
    return out.getvalue()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, _colour: bool = False) -> str:
    """Workflow commands, most severe first, at most ten of each level, then a count left out."""
    ordered = sorted(problems(report), key=lambda p: _RANK[p.finding.severity.value])
    shown: dict[str, int] = {}
    lines = []
    left_out = 0
    for p in ordered:
        level = {"error": "error", "warning": "warning", "info": "notice"}[p.finding.severity.value]
        if shown.get(level, 0) >= GITHUB_LIMIT:
            left_out += 1
            continue
        shown[level] = shown.get(level, 0) + 1
        position = p.position
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", p.path),
                ("line", position.line),
                ("col", position.column),
                ("endLine", position.end_line),
                ("endColumn", position.end_column),
                ("title", f"claimcheck {p.finding.rule}"),
            )
        )
        lines.append(f"::{level} {properties}::{_escape_data(p.finding.message)}")
    if left_out:
        lines.append(
            f"::notice title=claimcheck::{left_out} more findings not shown "
            f"(GitHub shows {GITHUB_LIMIT} of each level); run claimcheck locally for all"
        )
    return "".join(f"{line}\n" for line in lines)


def render_junit(report: Report, _colour: bool = False) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"]
    for result in report.files:
        index = LineIndex(result.text)
        failures = sum(1 for f in result.findings if f.verdict is Verdict.inconsistent)
        errors = 1 if result.error else 0
        counts = f"tests={quoteattr(str(len(result.findings)))} " + (
            f"failures={quoteattr(str(failures))} errors={quoteattr(str(errors))}"
        )
        lines.append(f"  <testsuite name={quoteattr(result.path)} {counts}>")
        if result.error:
            error = f"<error message={quoteattr(result.error)}/>"
            lines.append(f"    <testcase name={quoteattr(result.path)}>{error}</testcase>")
        for finding in result.findings:
            line, column = index.at(finding.start)
            name = quoteattr(f"{finding.rule} {result.path}:{line}:{column}")
            if finding.verdict is Verdict.consistent:
                lines.append(f'    <testcase name={name} classname="claimcheck"/>')
            else:
                failure = (
                    f"<failure message={quoteattr(finding.message)} "
                    f"type={quoteattr(finding.severity.value)}>{escape(finding.message)}</failure>"
                )
                lines.append(
                    f'    <testcase name={name} classname="claimcheck">{failure}</testcase>'
                )
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"


def render_sarif(report: Report, _colour: bool = False) -> str:
    rules = load_rules()
    texts = {result.path: result.text for result in report.files}
    found = list(problems(report))
    used = sorted({p.finding.rule for p in found})
    driver_rules: list[dict[str, Any]] = []
    for code in used:
        rule = find_rule(rules, code)
        if rule is None:
            continue
        driver_rules.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.why},
                "help": {"text": f"{rule.summary} {rule.why} Options: {rule.options}".strip()},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity.value]},
            }
        )
    results = []
    for p in found:
        position = p.position
        results.append(
            {
                "ruleId": p.finding.rule,
                "ruleIndex": used.index(p.finding.rule),
                "level": _SARIF_LEVEL[p.finding.severity.value],
                "message": {"text": p.finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": p.path},
                            "region": {
                                "startLine": position.line,
                                "startColumn": position.column,
                                "endLine": position.end_line,
                                "endColumn": position.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"claimcheck/v1": fingerprint(p.finding, texts[p.path])},
            }
        )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": version("claimcheck"),
                        "informationUri": "https://pypi.org/project/claimcheck/",
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
