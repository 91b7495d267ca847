"""Lexicons are data users extend; a broken file is one clear coded line naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.extract import Extractor
from claimcheck.extract.lexicon import load_folder, load_lexicon


def test_shipped_lexicons_load() -> None:
    lexicon = load_lexicon()
    assert lexicon.vague["dozens"].min == 24
    assert lexicon.units["nine"] == 9 and lexicon.tens["twenty"] == 20


def test_user_folder_extends_the_shipped_lexicon(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "vague:\n  a smattering: {min: 2, max: 5}\n", encoding="utf-8"
    )
    extractor = Extractor(extra_lexicons=(tmp_path,))
    [claim] = extractor.extract("A smattering of staff stayed on.").claims
    assert (claim.text, claim.kind.value, claim.min, claim.max) == ("A smattering", "vague", 2, 5)
    assert extractor.extract("Dozens of staff stayed on.").claims[0].min == 24


def test_wrong_type_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("vague:\n  loads: {min: lots}\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError) as error:
        load_folder(tmp_path)
    message = str(error.value)
    assert message.startswith("[E010]") and "bad.yaml" in message and "vague.loads.min" in message
    assert "\n" not in message


def test_unknown_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "typo.yaml").write_text("vauge:\n  loads: {min: 3}\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=r"\[E010\].*typo.yaml: vauge"):
        load_folder(tmp_path)


def test_broken_yaml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("vague: [unclosed\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError) as error:
        load_folder(tmp_path)
    assert str(error.value).startswith("[E011]") and "\n" not in str(error.value)
