"""Hand-made variants (NN.mK.txt with NN.mK.json, the shared samples' format) are placed by the
new text's occurrence in the changed file; a spec that does not fit is one E012 line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.evaluate.gold import GoldError, load_corpus
from claimcheck.evaluate.run import hand_made_variants

TEXT = "Council pays 12 staff\n\nOf the 120 staff, 12 were agency workers, or 10 per cent.\n"
GOLD = {
    "topic": "test",
    "claims": [
        {"text": "12", "occurrence": 1, "value": 12, "kind": "count"},
        {"text": "120", "occurrence": 1, "value": 120, "kind": "count"},
        {"text": "12", "occurrence": 3, "value": 12, "kind": "count"},
        {"text": "10 per cent", "occurrence": 1, "value": 10, "kind": "percentage"},
    ],
    "relations": [
        {
            "type": "percentage_of",
            "claims": ["12#3", "120#1", "10 per cent#1"],
            "holds": True,
            "working": "12/120 = 10%",
        }
    ],
}


def _folder(tmp_path: Path, changed: str, spec: dict[str, object]) -> Path:
    (tmp_path / "01.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "01.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "01.m1.txt").write_text(changed, encoding="utf-8")
    (tmp_path / "01.m1.json").write_text(json.dumps(spec), encoding="utf-8")
    return tmp_path


def test_new_text_occurring_more_often_than_the_old(tmp_path: Path) -> None:
    """'10 per cent' -> '12 per cent': '12' is the 4th '12' in the changed file, '10 per cent'
    the only one in the original."""
    changed = TEXT.replace("10 per cent", "12 per cent")
    spec = {"from": "10 per cent", "to": "12 per cent", "occurrence": 1, "breaks": "12/120"}
    folder = _folder(tmp_path, changed, spec)
    (made,) = hand_made_variants(load_corpus(folder))
    assert made.text == changed
    assert (made.before, made.after) == ("10 per cent", "12 per cent")


def test_new_text_occurring_fewer_times(tmp_path: Path) -> None:
    """The third '12' becomes '21': '21' occurs once in the changed file."""
    changed = TEXT.replace("staff, 12 were", "staff, 21 were")
    spec = {"from": "12", "to": "21", "occurrence": 1, "breaks": "21/120"}
    (made,) = hand_made_variants(load_corpus(_folder(tmp_path, changed, spec)))
    assert made.text == changed


def test_a_spec_that_does_not_fit_is_one_coded_line(tmp_path: Path) -> None:
    spec = {"from": "99", "to": "21", "occurrence": 1}
    folder = _folder(tmp_path, TEXT.replace("staff, 12 were", "staff, 21 were"), spec)
    with pytest.raises(GoldError, match=r"\[E012\].*01\.m1\.json"):
        hand_made_variants(load_corpus(folder))
