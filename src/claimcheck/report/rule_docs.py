"""`claimcheck rules` and `claimcheck rules CODE`: a rule's docs come from the rule (its file in
rules/) and its examples from its own test cases, shown with the finding they really give."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from claimcheck.models import Finding
from claimcheck.rules.config import RuleBase

_OWN = frozenset(RuleBase.model_fields)


def render_rule_list(rules: Sequence[RuleBase]) -> str:
    lines = [f"{'code':<6} {'name':<22} {'severity':<8} {'on':<3} summary"]
    for rule in rules:
        lines.append(
            f"{rule.code:<6} {rule.name:<22} {rule.severity.value:<8} "
            f"{'yes' if rule.enabled else 'no':<3} {rule.summary}"
        )
    return "\n".join(lines) + "\n"


def render_rule(
    rule: RuleBase,
    failing: tuple[str, list[Finding]] | None,
    passing: tuple[str, list[Finding]] | None,
) -> str:
    def para(text: str) -> str:
        return textwrap.fill(
            " ".join(text.split()), width=96, initial_indent="  ", subsequent_indent="  "
        )

    lines = [
        f"{rule.code} {rule.name} ({rule.severity.value}{'' if rule.enabled else ', off'})",
        "",
    ]
    lines += ["What it checks", para(rule.summary), "", "Why it matters", para(rule.why), ""]
    for title, example in (("Failing example", failing), ("Passing example", passing)):
        lines.append(title)
        if example is None:
            lines += ["  (none)", ""]
            continue
        text, findings = example
        lines.append(para(text.replace("\n", " ")))
        own = [f for f in findings if f.rule == rule.code]
        lines += [f"  -> {f.verdict.value}: {f.message}" for f in own]
        if not own:
            lines.append("  -> not checked: the linker does not link these figures yet")
        lines.append("")
    settings = {k: v for k, v in rule.model_dump().items() if k not in _OWN and k != "kind"}
    lines.append("Options")
    if rule.options:
        lines.append(para(rule.options))
    lines += [f"  {key} = {value}" for key, value in settings.items()] or ["  (none)"]
    if rule.aliases:
        lines += ["", f"Also known as: {', '.join(rule.aliases)}"]
    return "\n".join(lines) + "\n"
