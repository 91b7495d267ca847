"""Candidate relations by arithmetic role: what is proposed, and that the count stays bounded
per figure (so the cost grows with the article, not its square)."""

from __future__ import annotations

import pytest

from claimcheck.api import Checker
from claimcheck.models import RelationType


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _candidates(checker: Checker, text: str) -> list[tuple[str, list[str], bool]]:
    linked = checker.link_texts([("-", text)])[0]
    by_id = {c.id: c.text for c in linked.extraction.claims}
    return [
        (c.relation.type.value, sorted(by_id[i] for i in c.relation.claims), "cue" in c.features)
        for c in linked.candidates
    ]


def test_a_share_takes_part_and_whole_by_size(checker: Checker) -> None:
    found = _candidates(checker, "Of the 27 accused, 21 kept their jobs, or 78 per cent.")
    assert ("percentage_of", ["21", "27", "78 per cent"], True) in [
        (t, c, cue) for t, c, cue in found
    ]


def test_parts_and_a_total_two_sentences_away(checker: Checker) -> None:
    text = (
        "Headline\n\nThe party won 14 seats in the north, nine in the south and six on the "
        "coast. Its leader called it a historic night. In all it now holds 29 seats."
    )
    kinds = {(t, tuple(c)) for t, c, _ in _candidates(checker, text)}
    assert ("sum", ("14", "29", "nine", "six")) in kinds


def test_a_restated_figure_one_slip_away_is_a_candidate(checker: Checker) -> None:
    text = "Backlog hits 1,862 cases\n\nThe backlog stood at 1,826 cases in March."
    assert ("restatement", ["1,826", "1,862"]) in [(t, c) for t, c, _ in _candidates(checker, text)]


def test_unrelated_small_counts_are_not_restatements(checker: Checker) -> None:
    text = "Headline\n\nThe club won 7 games. The other club lost 7 players."
    assert not [t for t, _, _ in _candidates(checker, text) if t == "restatement"]


def test_candidates_per_figure_stay_bounded(checker: Checker) -> None:
    """Ten and forty paragraphs of figures: the generated candidates per claim do not grow with
    the length (the cues' own relations are counted by benchmarks/length.py's timing)."""
    paragraph = "Of the 400 staff, 120 were nurses, 90 were doctors and 190 were porters. " * 2

    def per_claim(paragraphs: int) -> float:
        text = "Headline\n\n" + "\n\n".join([paragraph] * paragraphs)
        linked = checker.link_texts([("-", text)])[0]
        generated = [c for c in linked.candidates if c.relation.cue == "candidate"]
        return len(generated) / len(linked.extraction.claims)

    assert per_claim(40) < 1.1 * per_claim(10)


def test_every_candidate_type_has_features(checker: Checker) -> None:
    text = (
        "Of the 1,319 accused, 1,080 kept their jobs, eight out of ten. "
        "The 1,319 included 300 civilians."
    )
    linked = checker.link_texts([("-", "Headline\n\n" + text)])[0]
    assert {c.relation.type for c in linked.candidates} >= {
        RelationType.fraction_of,
        RelationType.part_le_whole,
    }
    assert all(f"type={c.relation.type.value}" in c.features for c in linked.candidates)


def test_a_change_takes_old_and_new_with_the_old_one_marked(checker: Checker) -> None:
    text = "Headline\n\nVisits rose to 150 this year from 120, an increase of 25 per cent."
    linked = checker.link_texts([("-", text)])[0]
    by_id = {c.id: c.text for c in linked.extraction.claims}
    changes = [
        {role: by_id[claim] for role, claim in c.relation.roles.items()}
        for c in linked.candidates
        if c.relation.type is RelationType.difference and c.relation.cue == "candidate"
    ]
    assert {"old": "120", "new": "150", "change": "25 per cent"} in changes
    assert {"old": "150", "new": "120", "change": "25 per cent"} not in changes


def test_a_comparative_and_a_bound_take_the_figures_around_them(checker: Checker) -> None:
    text = (
        "Headline\n\nThe rate was 7 per cent in Norfolk and 3.4 per cent nationally, twice as "
        "high. More than 1,300 officers were accused; the exact count was 1,319."
    )
    kinds = {(t, tuple(c)) for t, c, _ in _candidates(checker, text)}
    assert ("ratio", ("3.4 per cent", "7 per cent", "twice as high")) in kinds
    assert ("vague_bound", ("1,319", "More than 1,300")) in kinds


def test_a_figure_is_not_a_part_of_itself_said_again(checker: Checker) -> None:
    text = "Headline\n\nThe register holds 6,420 households. Of the 6,420, 1,753 are in band A."
    parts = [c for t, c, _ in _candidates(checker, text) if t == "part_le_whole"]
    assert ["6,420", "6,420"] not in parts


def test_a_tally_told_sentence_by_sentence(checker: Checker) -> None:
    """Votes named one candidate at a time, with shares and a margin between."""
    text = (
        "Headline\n\nNair took 1,845 votes, or 41.2 per cent of the 4,478 valid ballots, "
        "finishing 312 ahead of Ashworth on 1,533. Wragg came third with 687. Pollard won 301 "
        "votes and the Liberal Democrats 112."
    )
    sums = [c for t, c, _ in _candidates(checker, text) if t == "sum"]
    assert sorted(["1,845", "1,533", "687", "301", "112", "4,478"]) in sums
