"""`claimcheck train`: the linker's scorer rebuilt from annotated folders (by default `corpus/`
and the shared samples beside the checkout), written to `rules/linker/model.json`.

Each candidate relation the linker proposes for a gold article is an example: positive when the
gold has a relation of its type over the same figures (the match `claimcheck eval` scores),
negative otherwise. The features are words and positions only; the arithmetic never enters, so a
related pair whose figures were mistyped scores as related all the same. scikit-learn fits a
logistic regression (deterministic: the same folders give the same file); the shipped model is
read without it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.api import Checker, Linked
from claimcheck.evaluate.gold import GoldArticle, load_corpus
from claimcheck.evaluate.relations import claim_map, gold_sets, same_figures
from claimcheck.link.scorer import Scorer
from claimcheck.models import FileResult
from claimcheck.resources import rules_dir

# L2 strength: chosen by cross-validation (claimcheck eval --cv 10) among 0.1, 0.3, 1, 3.
REGULARISATION = 1.0


def default_folders() -> list[Path]:
    """corpus/ of this checkout (or of the working folder, for an installed copy) and, when
    they are there, the shared samples beside it."""
    here = rules_dir().parent if (rules_dir().parent / "corpus").is_dir() else Path.cwd()
    folders = [here / "corpus"]
    samples = here.parent / "shared" / "samples"
    if samples.is_dir():
        folders.append(samples)
    return folders


def load_articles(folders: Sequence[Path]) -> list[GoldArticle]:
    return [article for folder in folders for article in load_corpus(folder)]


@dataclass(frozen=True)
class Labelled:
    """One article's candidates with their labels."""

    article: GoldArticle
    linked: Linked
    labels: list[bool]


def label(article: GoldArticle, linked: Linked) -> Labelled:
    mapping = claim_map(article, FileResult(path="-", claims=linked.extraction.claims))
    golds = gold_sets(article)
    labels = []
    for candidate in linked.candidates:
        relation = candidate.relation
        mapped = {mapping[c] for c in relation.claims if c in mapping}
        labels.append(
            any(kind == relation.type.value and same_figures(g, mapped) for kind, g in golds)
        )
    return Labelled(article, linked, labels)


def labelled(checker: Checker, articles: Sequence[GoldArticle]) -> list[Labelled]:
    linked = checker.link_texts([(str(a.path), a.text) for a in articles])
    return [label(a, item) for a, item in zip(articles, linked, strict=True)]


def fit(data: Sequence[Labelled], about: dict[str, object] | None = None) -> Scorer:
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    rows = [c.features for item in data for c in item.linked.candidates]
    targets = [int(x) for item in data for x in item.labels]
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(rows)
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit(matrix, targets)
    weights = {
        name: float(w)
        for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True)
    }
    return Scorer(weights, float(model.intercept_[0]), about or {})


def train(folders: Sequence[Path], output: Path) -> str:
    articles = load_articles(folders)
    data = labelled(Checker(scorer=Scorer({}, 0.0)), articles)
    about = {
        "trained_on": [folder.name for folder in folders],
        "articles": len(articles),
        "candidates": sum(len(item.labels) for item in data),
        "positives": sum(sum(item.labels) for item in data),
        "regularisation": REGULARISATION,
        "rebuild": "claimcheck train",
    }
    scorer = fit(data, about)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(scorer.to_json(), encoding="utf-8")
    return (
        f"trained on {len(articles)} articles ({about['candidates']} candidates, "
        f"{about['positives']} related); wrote {output}"
    )
