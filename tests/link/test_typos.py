"""One typing slip away: the figures a writer may have meant."""

from __future__ import annotations

from claimcheck.link.typos import typos, written_value


def _meant(text: str) -> dict[str, str]:
    return {t.meant: t.slip for t in typos(text)}


def test_transposed_digits_keep_their_commas() -> None:
    assert _meant("1,826")["1,862"] == "digits transposed"
    assert _meant("347")["437"] == "digits transposed"


def test_dropped_doubled_and_changed_digits() -> None:
    found = _meant("1,080")
    assert found["1,800"] == "digits transposed"
    assert found["180"] == "a digit dropped"
    assert found["10,080"] == "a digit doubled"
    assert found["1,090"] == "a digit changed"


def test_short_figures_are_not_changed_digit_apart() -> None:
    """Any two two-digit figures share a digit; that is no evidence of a slip."""
    assert "a digit changed" not in _meant("27").values()
    assert "72" in _meant("27")


def test_decimal_point_moved() -> None:
    found = _meant("3.7")
    assert found["37"] == "the decimal point dropped"
    assert "3.4" not in found  # two digits: no changed-digit variants


def test_no_leading_zeros_and_no_number() -> None:
    assert "0,18" not in _meant("108") and "018" not in _meant("108")
    assert typos("no figure here") == ()


def test_written_value_is_the_bare_number() -> None:
    assert written_value("£2.3m") == 2.3
    assert written_value("1,319") == 1319
