"""The subeditor's page end to end, in real headless Chromium (Debian's, driven by Playwright for
Python) against a real `claimcheck serve`: seed 1 pasted, highlighted, the working for
"3.7 per cent" opened; the 7.3 per cent slip flagged once and listed; article markup shown as
words; highlights reached by keyboard; a Word file dropped in. Each test saves a screenshot under
its tmp_path and prints where.

Skipped only where Chromium is not installed (apt-get install chromium)."""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

from .conftest import CORPUS
from .servers import running_server
from .test_docx import W, _docx

WORD_DRAFT = f"""<w:document {W}><w:body>
<w:p><w:r><w:t>Complaints rise</w:t></w:r></w:p>
<w:p><w:r><w:t>Of the 612 complaints received, 147 were upheld, or 42 per cent.</w:t></w:r></w:p>
</w:body></w:document>"""

SEED = (CORPUS / "001-norfolk-police-domestic-abuse.txt").read_text(encoding="utf-8")
SLIP = SEED.replace("3.7 per cent", "7.3 per cent")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
MARKS = "#article mark.claim"
STATIC = Path(__file__).resolve().parent.parent / "src" / "claimcheck" / "serve" / "static"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        pytest.skip(
            "Chromium is not installed (scripts/install-browser could not: see its message); "
            "apt-get install chromium"
        )
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("serve") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh page on the server's front page; any dialog (alert()) or script error is kept,
    and fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(server)
    yield opened
    context.close()
    assert dialogs == [], f"a dialog fired: {dialogs}"
    assert errors == [], f"the page threw: {errors}"


def _api(server: str, text: str, fmt: str = "text") -> dict[str, Any]:
    body = json.dumps({"text": text, "format": fmt, "include_text": True}).encode()
    request = urllib.request.Request(
        f"{server}/api/check", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        data: dict[str, Any] = json.load(response)["files"][0]
        return data


def _check(page: Page, text: str) -> None:
    page.fill("#draft", text)
    page.click("#check")
    expect(page.locator("#result")).to_be_visible()


def _mark(page: Page, figure: str) -> Any:
    """The highlight whose figure (its first text node: no icon, no screen-reader words) is
    exactly this."""
    marks = page.locator(MARKS)
    found = [
        marks.nth(i)
        for i in range(marks.count())
        if marks.nth(i).evaluate("m => m.firstChild.textContent") == figure
    ]
    assert len(found) == 1, f"{len(found)} highlights read {figure!r}"
    return found[0]


def _article_text(page: Page) -> str:
    """The article as a reader sees its words: without the highlights' icons and hidden words."""
    text: str = page.eval_on_selector(
        "#article",
        """a => {
            const copy = a.cloneNode(true);
            copy.querySelectorAll(".icon, .visually-hidden").forEach(n => n.remove());
            return copy.textContent;
        }""",
    )
    return text


def _shot(page: Page, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")


def test_seed_1_is_highlighted_and_shows_its_working(
    page: Page, server: str, tmp_path: Path
) -> None:
    # What the page must show, from the API itself: nothing inconsistent, "3.7 per cent" checked.
    answer = _api(server, SEED)
    assert [f for f in answer["findings"] if f["verdict"] == "inconsistent"] == []
    working = [f["message"] for f in answer["findings"] if "3.7 per cent" in f["message"]]
    assert any("1 of 27" in message for message in working)

    _check(page, SEED)
    assert page.locator(MARKS).count() > 10
    assert page.locator(f'{MARKS}[data-state="inconsistent"]').count() == 0
    for state, icon in [("consistent", "✓"), ("unchecked", "?")]:
        first = page.locator(f'{MARKS}[data-state="{state}"]').first
        assert first.locator(".icon").text_content() == icon
    expect(page.locator("#summary")).to_contain_text("0 inconsistent")
    expect(page.locator("#no-problems")).to_be_visible()

    share = _mark(page, "3.7 per cent")
    assert share.get_attribute("data-state") == "consistent"
    assert share.text_content() == "3.7 per cent✓, consistent"
    share.click()
    tooltip = page.locator("#tooltip[role=tooltip]")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("1 of 27")
    expect(tooltip).to_contain_text("CC101")
    _shot(page, tmp_path / "output" / "seed1.png")

    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    share.hover()
    expect(tooltip).to_contain_text("1 of 27")
    # The working is also the highlight's description, for screen readers.
    described = share.get_attribute("aria-describedby")
    assert "1 of 27" in (page.locator(f"#{described}").text_content() or "")


def test_the_slip_is_one_inconsistent_highlight_in_the_problems(
    page: Page, server: str, tmp_path: Path
) -> None:
    answer = _api(server, SLIP)
    wrong = [f for f in answer["findings"] if f["verdict"] == "inconsistent"]
    assert len(wrong) == 1 and "7.3 per cent" in wrong[0]["message"]

    # Check seed 1, go back to editing, put the slip in, check with Ctrl+Enter.
    _check(page, SEED)
    page.click("#edit")
    expect(page.locator("#draft")).to_be_focused()
    assert page.input_value("#draft") == SEED
    page.fill("#draft", SLIP)
    page.keyboard.press("Control+Enter")
    expect(page.locator(f'{MARKS}[data-state="inconsistent"]')).to_have_count(1)

    flagged = page.locator(f'{MARKS}[data-state="inconsistent"]')
    assert flagged.evaluate("m => m.firstChild.textContent") == "7.3 per cent"
    assert flagged.locator(".icon").text_content() == "✗"
    assert "wavy" in flagged.evaluate("m => getComputedStyle(m).textDecorationStyle")
    expect(page.locator("#summary")).to_contain_text("1 inconsistent")
    assert page.get_attribute("#summary", "aria-live") == "polite"

    problems = page.locator("#problem-list button")
    expect(problems).to_have_count(1)
    expect(problems).to_contain_text("7.3 per cent")
    expect(problems).to_contain_text("1 of 27 = 3.70%")
    page.evaluate("window.scrollTo(0, 0)")
    problems.click()
    expect(flagged).to_be_focused()
    tooltip = page.locator("#tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("stated 7.3 per cent: inconsistent")
    _shot(page, tmp_path / "output" / "seed1-7.3.png")


def test_tab_reaches_a_highlight_and_shows_its_working(page: Page) -> None:
    _check(page, SEED)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.claim')"):
            break
    else:
        pytest.fail("ten presses of Tab did not reach a highlight")
    focused = page.locator("mark.claim:focus")
    tooltip = page.locator("#tooltip")
    expect(tooltip).to_be_visible()
    words = focused.evaluate("m => document.getElementById(m.getAttribute('aria-describedby'))")
    assert words is not None
    described = focused.evaluate(
        "m => document.getElementById(m.getAttribute('aria-describedby')).textContent"
    )
    assert described and described.split(":")[0] in (tooltip.text_content() or "")
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(focused).to_be_focused()


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_markup_in_the_article_is_shown_as_words(page: Page, server: str, fmt: str) -> None:
    text = (
        "🙂 <img src=x onerror=alert(1)> <script>alert(2)</script>\n\n"
        "Of the 27 officers, three were disciplined: 11.1 per cent.\n"
    )
    claims = _api(server, text, fmt)["claims"]
    assert any(claim["text"] == "11.1 per cent" for claim in claims)

    page.select_option("#format", fmt)
    _check(page, text)
    article = page.locator("#article")
    assert article.locator("img, script").count() == 0
    assert _article_text(page) == text
    # Offsets count code points; the emoji is two UTF-16 units, and the highlights still fit.
    marked = page.locator(MARKS).evaluate_all("ms => ms.map(m => m.firstChild.textContent)")
    assert "11.1 per cent" in marked
    assert set(marked) <= {claim["text"] for claim in claims}


def test_a_dropped_word_file_is_rendered_from_its_text(page: Page, tmp_path: Path) -> None:
    draft = _docx(tmp_path / "draft.docx", WORD_DRAFT)
    payload = list(draft.read_bytes())
    transfer = page.evaluate_handle(
        """bytes => {
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(bytes)], "draft.docx"));
            return data;
        }""",
        payload,
    )
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
    expect(page.locator("#result-heading")).to_have_text("Checked: draft.docx")
    expect(page.locator("#article")).to_contain_text("147")
    assert "147 were upheld, or 42 per cent." in _article_text(page)
    flagged = page.locator(f'{MARKS}[data-state="inconsistent"]')
    expect(flagged).to_have_count(1)
    assert flagged.evaluate("m => m.firstChild.textContent") == "42 per cent"
    page.click("#edit")
    assert "147 were upheld, or 42 per cent." in page.input_value("#draft")

    # A file that is not a Word document: the server's one line, in the alert.
    fake = tmp_path / "fake.docx"
    fake.write_text("plain text pretending", encoding="utf-8")
    page.set_input_files("#file", str(fake))
    expect(page.locator("#alert[role=alert]")).to_contain_text("[E015]")


def test_the_page_parses_no_markup_and_loads_nothing_from_elsewhere() -> None:
    """Article text reaches the page as text only, and every asset is the server's own."""
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for parser in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert parser not in script, parser
    for name in ("index.html", "app.js", "style.css"):
        source = (STATIC / name).read_text(encoding="utf-8")
        assert re.search(r"(?:src|href|url)\s*[=(]\s*[\"']?(?:https?:)?//", source) is None, name


def test_the_api_docs_render_without_a_network(page: Page, server: str) -> None:
    """/docs draws with the server's own copy of Swagger UI: this browser reaches no CDN."""
    offsite: list[str] = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith((server, "data:")) else offsite.append(request.url)
        ),
    )
    page.goto(f"{server}/docs")
    expect(page.locator(".opblock-summary-path", has_text="/api/check")).to_be_visible()
    assert offsite == []
