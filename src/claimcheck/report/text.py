"""The human format: each file's claims grouped by sentence, with value, kind and what they
count; then every check with its working, the shares nothing in the text could check, and a
one-line summary. Plain when piped, with light emphasis in a terminal."""

from __future__ import annotations

from claimcheck.models import Claim, FileResult, Kind, Qualifier, Report, Verdict

_BOLD, _DIM, _RED, _GREEN, _RESET = "\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[0m"
_CHECKABLE = frozenset({Kind.percentage, Kind.fraction, Kind.ratio, Kind.vague})


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
        lines.extend(_check_lines(result, colour))
        lines.append("")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _check_lines(result: FileResult, colour: bool) -> list[str]:
    red, green, reset = (_RED, _GREEN, _RESET) if colour else ("", "", "")
    lines = []
    if result.findings:
        lines += ["", "  Checks:"]
    for finding in result.findings:
        if finding.verdict is Verdict.consistent:
            lines.append(f"    {green}✓{reset} {finding.rule} {finding.message}")
        else:
            label = f"{finding.severity.value}"
            lines.append(f"    {red}✗ {label}{reset} {finding.rule} {finding.message}")
    checked = {claim_id for finding in result.findings for claim_id in finding.claims}
    unchecked = [c for c in result.claims if c.kind in _CHECKABLE and c.id not in checked]
    if unchecked:
        shown = ", ".join(f"'{c.text}'" for c in unchecked)
        lines += ["", f"  Unchecked (nothing in the text to check them against): {shown}"]
    return lines


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
    """'1 file: 20 claims, 9 checked, 9 consistent, 0 inconsistent'."""
    files = len(report.files)
    failed = sum(1 for result in report.files if result.error is not None)
    claims = sum(len(result.claims) for result in report.files)
    checked = sum(
        len({claim_id for finding in result.findings for claim_id in finding.claims})
        for result in report.files
    )
    verdicts = [finding.verdict for result in report.files for finding in result.findings]
    consistent = verdicts.count(Verdict.consistent)
    inconsistent = verdicts.count(Verdict.inconsistent)
    summary = (
        f"{files} file{'s' if files != 1 else ''}: {claims} claims, {checked} checked, "
        f"{consistent} consistent, {inconsistent} inconsistent"
    )
    if failed:
        summary += f", {failed} unreadable"
    return summary
