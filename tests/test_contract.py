"""The JSON contract round-trips through the pydantic models without loss."""

from __future__ import annotations

import json

from claimcheck.api import Checker
from claimcheck.models import Report
from claimcheck.report import render_json

from .conftest import CORPUS

TEXT = (
    "More than 1,300 staff were reported. DOZENS kept their jobs, and four out of five stayed.\n"
    "It cost £2.3m in January 2018, between 20 and 30 per cent of the budget."
)


def test_round_trip(checker: Checker) -> None:
    report = Report(files=checker.check_texts([("a.txt", TEXT)]))
    data = json.loads(render_json(report))
    again = Report.model_validate(data)
    assert again.model_dump(mode="json") == report.model_dump(mode="json")
    claims = {c["text"]: c for c in data["files"][0]["claims"]}
    assert claims["More than 1,300"]["qualifier"] == "lower_bound"
    assert claims["DOZENS"]["value"] is None and claims["DOZENS"]["min"] == 24
    assert claims["four out of five"]["value"] == 0.8
    assert claims["£2.3m"]["value"] == 2300000 and claims["£2.3m"]["unit"] == "GBP"
    assert claims["January 2018"]["kind"] == "date"
    between = claims["between 20 and 30 per cent"]
    assert (between["qualifier"], between["min"], between["max"]) == ("range", 20, 30)
    for claim in data["files"][0]["claims"]:
        assert TEXT[claim["start"] : claim["end"]] == claim["text"]


def test_every_finding_names_the_claim_it_underlines(checker: Checker) -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in paths]
    findings = 0
    for result in checker.check_texts(texts):
        claims = {claim.id: claim for claim in result.claims}
        for finding in result.findings:
            assert finding.claim in finding.claims
            assert (claims[finding.claim].start, claims[finding.claim].end) == (
                finding.start,
                finding.end,
            )
            findings += 1
    assert findings > 100
