"""The corpus: gold files valid and the shape the issue asks for; extraction within its budgets
and above both baselines on the same files."""

from __future__ import annotations

from collections import Counter

import pytest

from claimcheck.evaluate.gold import GoldArticle, load_corpus
from claimcheck.evaluate.run import (
    claimcheck_items,
    quantulum_items,
    score,
    spacy_ner_items,
)

from .conftest import CORPUS


@pytest.fixture(scope="module")
def articles() -> list[GoldArticle]:
    return load_corpus(CORPUS)


def test_corpus_shape(articles: list[GoldArticle]) -> None:
    assert len(articles) >= 30
    assert len(Counter(a.gold.topic.split(":")[0] for a in articles)) >= 8
    assert sum(1 for a in articles if a.gold.slips) >= 6
    for article in articles:
        assert article.gold.relations, f"{article.path.name} has no relations"


def test_extraction_budgets(articles: list[GoldArticle]) -> None:
    ours = score(articles, claimcheck_items(articles, syntax=False)).overall
    assert ours.recall >= 0.97
    assert ours.precision >= 0.95
    assert ours.value_accuracy >= 0.95


def test_above_both_baselines(articles: list[GoldArticle]) -> None:
    ours = score(articles, claimcheck_items(articles, syntax=False)).overall
    for baseline in (spacy_ner_items(articles), quantulum_items(articles)):
        theirs = score(articles, baseline).overall
        assert ours.recall > theirs.recall
        assert ours.precision > theirs.precision
        assert ours.value_accuracy > theirs.value_accuracy


def test_checks_budgets(articles: list[GoldArticle]) -> None:
    """Clean copy raises no alarm; every deliberate slip is caught; the seeded mutations are
    caught at least as often as when last measured (0.90, the issue's bar)."""
    from claimcheck.api import Checker
    from claimcheck.evaluate.mutate import detected, mutations
    from claimcheck.evaluate.relations import RelationScore, score_article

    checker = Checker()
    results = checker.check_texts([(str(a.path), a.text) for a in articles])
    relations = RelationScore()
    for article, result in zip(articles, results, strict=True):
        score_article(relations, article, result)
    assert relations.alarms == []
    assert relations.slips_caught == relations.slips >= 6
    made = [m for a in articles if a.clean for m in mutations(a)]
    mutated = checker.check_texts([(str(m.article.path), m.text) for m in made])
    caught = sum(detected(m, r) for m, r in zip(made, mutated, strict=True))
    assert caught / len(made) >= 0.90
