"""Article formats: plain text, Markdown and HTML, read so that every claim and finding keeps its
exact line and column in the source.

Nothing is extracted and mapped back: what is not prose (front matter, code, link targets,
tags, comments, scripts) is overwritten with spaces, newlines kept, so the checked text has the
source's length and line breaks. Block ends in HTML become a paragraph separator (U+2029), which
the sentence splitter treats as a line break and line counting does not.

Suppression comments are read here too:
    <!-- claimcheck-disable-next-line CC101 -->   (Markdown, HTML)
    <!-- claimcheck-disable CC101 --> ... <!-- claimcheck-enable -->
    # claimcheck-disable-next-line CC101           (a line of its own in plain text)
With no code, a directive covers every rule."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from claimcheck.models import Finding, Severity, Verdict
from claimcheck.positions import LineIndex

PARAGRAPH = "\u2029"
MARKDOWN = frozenset({".md", ".markdown", ".mdown"})
HTML = frozenset({".html", ".htm"})
TEXT = frozenset({".txt", ".text", ""})
WORD = frozenset({".docx"})
SUPPORTED = MARKDOWN | HTML | TEXT | WORD

_DIRECTIVE = re.compile(
    r"claimcheck-(disable-next-line|disable|enable)((?:[ \t]+CC\d{3})*)", re.IGNORECASE
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TEXT_COMMENT = re.compile(r"^[ \t]*#[ \t]*claimcheck-.*$", re.MULTILINE)


@dataclass
class Suppression:
    codes: frozenset[str]  # empty: every rule
    first_line: int
    last_line: int  # inclusive; a region left open runs to the end
    line: int  # where the directive is written
    used: bool = False

    def covers(self, code: str, line: int) -> bool:
        return self.first_line <= line <= self.last_line and (not self.codes or code in self.codes)


@dataclass
class Prepared:
    text: str
    suppressions: list[Suppression] = field(default_factory=list)


UNUSED_SUPPRESSION = "CC900"


def apply_suppressions(
    findings: list[Finding], suppressions: list[Suppression], source: str
) -> list[Finding]:
    """Findings left after the suppressions, plus a warning for each suppression that silenced
    nothing (like ruff's unused noqa)."""
    if not suppressions:
        return findings
    index = LineIndex(source)
    kept = []
    for finding in findings:
        line = index.at(finding.start)[0]
        covering = [s for s in suppressions if s.covers(finding.rule, line)]
        if not covering:
            kept.append(finding)
        elif finding.verdict is Verdict.inconsistent:
            for suppression in covering:
                suppression.used = True
    for suppression in suppressions:
        if not suppression.used:
            start = index.starts[min(suppression.line, len(index.starts)) - 1]
            end = source.find("\n", start)
            codes = " ".join(sorted(suppression.codes)) or "all rules"
            kept.append(
                Finding(
                    rule=UNUSED_SUPPRESSION,
                    verdict=Verdict.inconsistent,
                    severity=Severity.warning,
                    claims=[],
                    message=f"unused suppression ({codes}): nothing here is inconsistent",
                    start=start,
                    end=end if end != -1 else len(source),
                )
            )
    return sorted(kept, key=lambda f: (f.start, f.rule))


def kind_of(path: str) -> str:
    suffix = PurePath(path).suffix.lower()
    if suffix in MARKDOWN:
        return "markdown"
    if suffix in HTML:
        return "html"
    return "text"


def prepare(text: str, kind: str) -> Prepared:
    if kind == "markdown":
        return Prepared(_mask_markdown(text), _suppressions(text, _HTML_COMMENT))
    if kind == "html":
        return Prepared(_mask_html(text), _suppressions(text, _HTML_COMMENT))
    return Prepared(_blank(text, _TEXT_COMMENT), _suppressions(text, _TEXT_COMMENT))


def _suppressions(text: str, comments: re.Pattern[str]) -> list[Suppression]:
    found: list[Suppression] = []
    last_line = text.count("\n") + 1
    open_regions: list[Suppression] = []
    for comment in comments.finditer(text):
        directive = _DIRECTIVE.search(comment.group())
        if directive is None:
            continue
        line = text.count("\n", 0, comment.start()) + 1
        codes = frozenset(code.upper() for code in directive.group(2).split())
        action = directive.group(1).lower()
        if action == "disable-next-line":
            end_line = text.count("\n", 0, comment.end()) + 1
            found.append(Suppression(codes, end_line + 1, end_line + 1, line))
        elif action == "disable":
            region = Suppression(codes, line, last_line, line)
            open_regions.append(region)
            found.append(region)
        else:
            for region in open_regions:
                region.last_line = line
            open_regions.clear()
    return found


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    chars = list(text)
    for match in pattern.finditer(text):
        _blank_span(chars, match.start(), match.end())
    return "".join(chars)


_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_FENCE = re.compile(r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.S | re.M)
_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?:    |\t)[^\n]*(?:\n|\Z))+")
_INLINE_CODE = re.compile(r"(`+)[^`\n]+?\1")
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _mask_markdown(text: str) -> str:
    chars = list(text)
    for pattern in (
        _FRONT_MATTER,
        _FENCE,
        _INDENTED_CODE,
        _HTML_COMMENT,
        _INLINE_CODE,
        _LINK_TARGET,
        _REFERENCE,
        _AUTOLINK,
        _TAG,
    ):
        for match in pattern.finditer("".join(chars)):
            start = match.start()
            if pattern is _LINK_TARGET:
                start += 1  # keep the ']' closing the link text
            _blank_span(chars, start, match.end())
    return _join_soft_breaks("".join(chars))


_BLOCK_START = re.compile(r"[ \t]*(?:#|>|[-*+][ \t]|\d+[.)][ \t]|\||$)")


def _join_soft_breaks(text: str) -> str:
    """A line break inside a Markdown paragraph is a space, not the end of a sentence. Offsets do
    not move: one character for one."""
    lines = text.split("\n")
    for n in range(len(lines) - 1):
        this, following = lines[n], lines[n + 1]
        if this.strip() and not _BLOCK_START.match(this) and not _BLOCK_START.match(following):
            lines[n] = this + "\x00"  # marks a soft break, replaced below
    return "\n".join(lines).replace("\x00\n", " ").replace("\x00", "")


_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.S | re.I)
_BLOCK_END = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|"
    r"footer|blockquote|figcaption|title)\b[^>]*>",
    re.I,
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def _mask_html(text: str) -> str:
    chars = list(text)
    for pattern in (_SCRIPT, _HTML_COMMENT):
        for match in pattern.finditer(text):
            _blank_span(chars, match.start(), match.end())
    masked = "".join(chars)
    for match in _TAG.finditer(masked):
        _blank_span(chars, match.start(), match.end())
        if _BLOCK_END.match(match.group()) and chars[match.start()] == " ":
            chars[match.start()] = PARAGRAPH
    for match in _ENTITY.finditer(masked):
        decoded = html.unescape(match.group())
        if len(decoded) == 1 and decoded != match.group():
            _blank_span(chars, match.start(), match.end())
            chars[match.start()] = " " if decoded == "\xa0" else decoded
    return "".join(chars)
