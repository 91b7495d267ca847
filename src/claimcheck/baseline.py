"""Baselines for legacy archives: `claimcheck baseline PATH... -o FILE` records today's problems;
`check --baseline FILE` silences them. A problem is known by its content (the rule, the words it
underlines, its working), never its line, so editing an article elsewhere does not bring it back,
while changing the figures does."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ValidationError

from claimcheck.errors import ClaimcheckError, E
from claimcheck.models import Finding, Report, Verdict

VERSION = 1


def fingerprint(finding: Finding, text: str) -> str:
    underlined = text[finding.start : finding.end]
    seed = f"{finding.rule}\0{underlined}\0{finding.message}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


class Entry(BaseModel):
    path: str
    rule: str
    fingerprint: str
    message: str


class Baseline(BaseModel):
    version: int = VERSION
    findings: list[Entry]


def make(report: Report) -> Baseline:
    return Baseline(
        findings=[
            Entry(
                path=result.path,
                rule=finding.rule,
                fingerprint=fingerprint(finding, result.text),
                message=finding.message,
            )
            for result in report.files
            for finding in result.findings
            if finding.verdict is Verdict.inconsistent
        ]
    )


def load(path: Path) -> Baseline:
    try:
        return Baseline.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise ClaimcheckError(E.E014, path=path, problem=str(exc).splitlines()[0]) from exc


def silence(report: Report, baseline: Baseline) -> Report:
    """The report without the problems the baseline knows (each known one silences one)."""
    known = Counter(entry.fingerprint for entry in baseline.findings)
    files = []
    for result in report.files:
        kept = []
        for finding in result.findings:
            mark = fingerprint(finding, result.text)
            if finding.verdict is Verdict.inconsistent and known[mark] > 0:
                known[mark] -= 1
                continue
            kept.append(finding)
        files.append(result.model_copy(update={"findings": kept}))
    return Report(files=files)
