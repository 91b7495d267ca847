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
    """At least 80 articles in 20 topic families and the six outlet voices."""
    assert len(articles) >= 80
    assert len(Counter(a.gold.topic.split(":")[0] for a in articles)) >= 20
    voices = Counter(getattr(a.gold, "voice", None) for a in articles)
    assert set(voices) == {"wire", "broadsheet", "tabloid", "local paper", "US", "data desk"}
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
