"""The human format: each file's claims grouped by sentence, with value, kind and what they
count; plain when piped, with light emphasis in a terminal."""

from __future__ import annotations

from claimcheck.models import Claim, FileResult, Kind, Qualifier, Report

_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(report: Report, colour: bool = False) -> str:
    bold, dim, reset = (_BOLD, _DIM, _RESET) if colour else ("", "", "")
    lines: list[str] = []
    for result in report.files:
        lines.append(f"{bold}{result.path}{reset}")
        if result.error is not None:
            lines.append(f"  error: {result.error}")
            lines.append("")
            continue
        lines.extend(_file_lines(result, dim, reset))
        lines.append("")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _file_lines(result: FileResult, dim: str, reset: str) -> list[str]:
    if not result.claims:
        return ["  no numeric claims"]
    lines: list[str] = []
    width = min(28, max(len(claim.text) for claim in result.claims))
    current = -1
    for claim in result.claims:
        if claim.sentence != current:
            current = claim.sentence
            sentence = result.sentences[current].text if result.sentences else ""
            lines.append(f"  {dim}{_shorten(sentence, 96)}{reset}")
        counted = " — ".join(part for part in (claim.subject, claim.predicate) if part)
        lines.append(
            f"    {_shorten(claim.text, width):<{width}}  {claim.kind.value:<10} "
            f"{describe_value(claim):<18} {counted}".rstrip()
        )
    return lines


def describe_value(claim: Claim) -> str:
    """'0.8', '≥ 24', '1,300 (lower bound)', '20–30'."""
    if claim.kind is Kind.date:
        return f"{claim.value:.0f}" if claim.value is not None else "(context)"
    if claim.value is None:
        low = _number(claim.min) if claim.min is not None else ""
        high = _number(claim.max) if claim.max is not None else ""
        if low and high:
            return f"{low}–{high}"
        return f"≥ {low}" if low else f"≤ {high}"
    text = _number(claim.value)
    if claim.unit and claim.kind in (Kind.money, Kind.quantity):
        text = f"{text} {claim.unit}"
    if claim.qualifier is not Qualifier.exact:
        text = f"{text} ({claim.qualifier.value.replace('_', ' ')})"
    return text


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _summary(report: Report) -> str:
    files = len(report.files)
    failed = sum(1 for result in report.files if result.error is not None)
    claims = sum(len(result.claims) for result in report.files)
    findings = sum(len(result.findings) for result in report.files)
    parts = [f"{files} file{'s' if files != 1 else ''}", f"{claims} claims", f"{findings} findings"]
    if failed:
        parts.append(f"{failed} unreadable")
    return ", ".join(parts)
