"""Every output format on one Markdown article with front matter, a fenced code block and a link
whose URL hold numbers, an inline-suppressed finding and two real inconsistencies: exactly the
two findings, at the right line and column, in each format, against golden files that
tests/fixtures/formats/regenerate.py writes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from .fixtures.formats.regenerate import FORMATS, HERE, render

EXPECTED = HERE / "expected"
# line, column of the two slips: '42 per cent' and the total '1,284'
SLIPS = [(21, 53), (26, 5)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    assert render(fmt) == (EXPECTED / f"article.{fmt}").read_text(encoding="utf-8")


def test_concise_has_exactly_the_two_slips() -> None:
    lines = render("concise").splitlines()
    assert [tuple(map(int, line.split(":")[1:3])) for line in lines] == SLIPS


def test_json_carries_the_two_inconsistencies() -> None:
    data = json.loads(render("json"))
    bad = [f for f in data["files"][0]["findings"] if f["verdict"] == "inconsistent"]
    assert [f["rule"] for f in bad] == ["CC101", "CC201"]
    text = (HERE / "article.md").read_text(encoding="utf-8")
    assert [text[f["start"] : f["end"]] for f in bad] == ["42 per cent", "1,284"]


def test_sarif_validates_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    sarif = json.loads(render("sarif"))
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert [(r["startLine"], r["startColumn"]) for r in regions] == SLIPS
    assert all(r["partialFingerprints"]["claimcheck/v1"] for r in results)


def test_github_annotations_are_escaped() -> None:
    lines = render("github").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=article.md,line=21,col=53,")
    assert "24.02%25" in lines[0]  # '%' escaped as the workflow command syntax requires


def test_junit_is_well_formed() -> None:
    root = ET.fromstring(render("junit"))
    failures = root.findall(".//failure")
    assert len(failures) == 2


def test_suppression_silences_the_third_slip() -> None:
    assert "7.3 per cent: inconsistent" not in render("text")
