"""Markdown, HTML and plain-text inputs: what is not prose is masked without moving a character,
so positions are the source's; suppression comments silence findings and unused ones are
reported."""

from __future__ import annotations

from claimcheck.api import Checker
from claimcheck.inputs import prepare
from claimcheck.models import Verdict
from claimcheck.positions import LineIndex

SLIP = "Of the 612 complaints received, 147 were upheld, or 42 per cent."


def _problems(checker: Checker, path: str, text: str) -> list[tuple[str, int, int, str]]:
    [result] = checker.check_texts([(path, text)])
    index = LineIndex(text)
    return [
        (f.rule, *index.at(f.start), text[f.start : f.end])
        for f in result.findings
        if f.verdict is Verdict.inconsistent
    ]


def test_masking_keeps_length_and_lines() -> None:
    for kind, text in (
        ("markdown", "---\nn: 12\n---\n\nSee [x](http://a.b/12) and `27`.\n\n```\n3 4\n```\n"),
        ("html", "<p>It rose&nbsp;12%.</p><script>var x = 27;</script>\n<p>Then 3</p>"),
    ):
        masked = prepare(text, kind).text
        assert len(masked) == len(text)
        assert [i for i, c in enumerate(masked) if c == "\n"] == [
            i for i, c in enumerate(text) if c == "\n"
        ]
        assert "27" not in masked


def test_html_positions_and_entities(checker: Checker) -> None:
    html = (
        "<html><head><style>p { width: 50% }</style></head><body>\n"
        "<h1>Complaints</h1>\n"
        f"<p>{SLIP.replace(' per cent', '&nbsp;per cent')}</p>\n"
        "<script>const total = 612 * 2;</script>\n</body></html>\n"
    )
    assert _problems(checker, "story.html", html) == [("CC101", 3, 56, "42&nbsp;per cent")]


def test_text_comment_suppression_and_unused_warning(checker: Checker) -> None:
    text = f"Complaints\n\n# claimcheck-disable-next-line CC101\n{SLIP}\n"
    assert _problems(checker, "story.txt", text) == []
    unused = f"Complaints\n\n# claimcheck-disable-next-line CC201\n{SLIP}\n"
    problems = _problems(checker, "story.txt", unused)
    assert [p[0] for p in problems] == ["CC900", "CC101"]


def test_markdown_region_suppression(checker: Checker) -> None:
    text = f"<!-- claimcheck-disable CC101 -->\n\n{SLIP}\n\n<!-- claimcheck-enable -->\n\n{SLIP}\n"
    assert [(p[0], p[1]) for p in _problems(checker, "story.md", text)] == [("CC101", 7)]
