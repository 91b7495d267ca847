"""The surface-form table (surface_forms.yaml): each sentence's claim found with its value and
kind, and each non-claim left alone. Rule-based extraction only, so no model is loaded."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.evaluate.gold import occurrence_span
from claimcheck.extract import extract

TABLE = yaml.safe_load((Path(__file__).parent / "surface_forms.yaml").read_text(encoding="utf-8"))


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("case", TABLE["claims"], ids=lambda c: f"{c['claim']} | {c['text']}")
def test_claim(case: dict[str, Any]) -> None:
    start, end = occurrence_span(case["text"], case["claim"], case.get("occurrence", 1))
    claims = extract(case["text"]).claims
    found = [c for c in claims if c.start == start and c.end == end]
    assert found, f"no claim at '{case['claim']}'; got {[c.text for c in claims]}"
    claim = found[0]
    assert claim.kind.value == case["kind"]
    assert _close(claim.value, case["value"])
    assert claim.qualifier.value == case.get("qualifier", "exact")
    for bound in ("min", "max"):
        if bound in case:
            assert _close(getattr(claim, bound), case[bound])
    if "unit" in case:
        assert claim.unit == case["unit"]


@pytest.mark.parametrize("case", TABLE["not_claims"], ids=lambda c: f"{c['span']} | {c['text']}")
def test_not_claim(case: dict[str, Any]) -> None:
    start, end = occurrence_span(case["text"], case["span"], case.get("occurrence", 1))
    overlapping = [c.text for c in extract(case["text"]).claims if c.start < end and start < c.end]
    assert not overlapping


def test_table_is_large_enough() -> None:
    assert len(TABLE["claims"]) >= 100
    assert len(TABLE["not_claims"]) >= 30
