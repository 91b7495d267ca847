"""`claimcheck eval --cv K`: the linker measured on copy it was not trained on.

The annotated articles of every folder are dealt into K folds (seeded, so the same every run).
For each fold a scorer is trained on the other folds' articles and decides the held-out ones,
their seeded mutations and their hand-made variants: no article's relations or mutations are in
its own training fold. Reading and linking are done once; only the scoring differs by fold.

Printed: relation recall by type, verdict accuracy, slips caught, mutation detection, variants
caught and false alarms (on every article, slip articles included), overall and by folder."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.api import Checker
from claimcheck.evaluate.gold import GoldArticle
from claimcheck.evaluate.mutate import OPERATORS, Mutation, detected, mutations
from claimcheck.evaluate.relations import RelationScore, format_relation_score, score_article
from claimcheck.evaluate.run import hand_made_variants
from claimcheck.evaluate.train import fit, labelled, load_articles
from claimcheck.link.scorer import Scorer
from claimcheck.rules import config

SEED = 20261202


@dataclass
class FolderResult:
    relations: RelationScore = field(default_factory=RelationScore)
    mutations: list[tuple[Mutation, bool]] = field(default_factory=list)
    variants: list[tuple[Mutation, bool]] = field(default_factory=list)


def folds_of(articles: Sequence[GoldArticle], k: int) -> list[int]:
    """Each article's fold: a seeded shuffle dealt round-robin."""
    order = list(range(len(articles)))
    random.Random(SEED).shuffle(order)
    fold = [0] * len(articles)
    for n, i in enumerate(order):
        fold[i] = n % k
    return fold


# The decision thresholds --sweep tries: every combination of these values.
SWEEP = {
    "hold_score": (0.02, 0.05, 0.1),
    "alarm_score": (0.7, 0.9),
    "cue_alarm_score": (0.2, 0.25, 0.3),
    "far_apart": (3.0, 5.0, float("inf")),
    "far_alarm_score": (0.6, 0.9),
    "slip_score": (0.6,),
}


def run_cv(folders: Sequence[Path], k: int, sweep: bool = False) -> str:
    articles = load_articles(folders)
    if len(articles) < k:
        return f"--cv {k} needs at least {k} annotated articles; found {len(articles)}"
    checker = Checker(scorer=Scorer({}, 0.0))
    data = labelled(checker, articles)
    mutated = [m for a in articles if a.clean for m in mutations(a)]
    variants = hand_made_variants(articles)
    link_mutated = checker.link_texts([(str(m.article.path), m.text) for m in mutated])
    link_variants = checker.link_texts([(str(m.article.path), m.text) for m in variants])
    fold = folds_of(articles, k)
    fold_by_path = {a.path: f for a, f in zip(articles, fold, strict=True)}
    scorers = [fit([item for item, g in zip(data, fold, strict=True) if g != f]) for f in range(k)]

    def evaluate(
        rules: tuple[config.Rule, ...], scorers: Sequence[Scorer] = scorers
    ) -> dict[str, FolderResult]:
        results: dict[str, FolderResult] = {}
        for item, g in zip(data, fold, strict=True):
            result = checker.decide(item.linked, scorers[g], rules)
            score_article(_folder(results, item.article).relations, item.article, result)
        for what, made, linked in (
            ("mutations", mutated, link_mutated),
            ("variants", variants, link_variants),
        ):
            for mutation, text in zip(made, linked, strict=True):
                scorer = scorers[fold_by_path[mutation.article.path]]
                hit = detected(mutation, checker.decide(text, scorer, rules))
                getattr(_folder(results, mutation.article), what).append((mutation, hit))
        return results

    if sweep:
        cues_only = Scorer({"cue": 200.0}, -100.0)
        baseline = _merged(evaluate(checker.rules, [cues_only] * k))
        return "\n".join([_baseline_line(baseline), *_sweep(checker, evaluate)])
    return "\n".join(_report(evaluate(checker.rules), k, len(articles)))


def _sweep(
    checker: Checker, evaluate: Callable[[tuple[config.Rule, ...]], dict[str, FolderResult]]
) -> list[str]:
    """The cross-validated figures for each set of decision thresholds, to choose them by."""
    names = [name.removesuffix("_score") for name in SWEEP]
    lines = [
        " ".join(f"{name:>11}" for name in names)
        + f" {'recall':>7} {'verdict':>8} {'slips':>6} {'mutations':>9} {'variants':>8}"
        + f" {'alarms/article':>14}"
    ]
    for values in itertools.product(*SWEEP.values()):
        update = dict(zip(SWEEP, values, strict=True))
        m = _merged(evaluate(tuple(r.model_copy(update=update) for r in checker.rules)))
        r = m.relations
        lines.append(
            " ".join(f"{value:>11}" for value in values)
            + f" {r.recall:>7.3f} {r.verdict_accuracy:>8.3f} {r.slips_caught:>3}/{r.slips:<2}"
            + f" {_rate(m.mutations):>9.3f} {_rate(m.variants):>8.3f}"
            + f" {r.false_alarms / max(1, r.articles):>14.3f}"
        )
    return lines


def _baseline_line(m: FolderResult) -> str:
    r = m.relations
    return (
        f"cues only, as before this scorer: recall {r.recall:.3f}, verdict "
        f"{r.verdict_accuracy:.3f}, slips {r.slips_caught}/{r.slips}, mutations "
        f"{_rate(m.mutations):.3f}, variants {_rate(m.variants):.3f}, alarms/article "
        f"{r.false_alarms / max(1, r.articles):.3f}"
    )


def _rate(made: list[tuple[Mutation, bool]]) -> float:
    return sum(hit for _, hit in made) / max(1, len(made))


def _folder(results: dict[str, FolderResult], article: GoldArticle) -> FolderResult:
    return results.setdefault(article.path.parent.name, FolderResult())


def _merged(results: dict[str, FolderResult]) -> FolderResult:
    total = FolderResult()
    for part in results.values():
        r, t = part.relations, total.relations
        for name in (
            "gold",
            "found",
            "predicted",
            "verdict_right",
            "slips",
            "slips_caught",
            "articles",
            "clean_articles",
            "false_alarms",
            "clean_alarms",
        ):
            setattr(t, name, getattr(t, name) + getattr(r, name))
        for table, merged in ((r.by_type, t.by_type), (r.by_cue, t.by_cue)):
            for key, (a, b) in table.items():
                tally = merged.setdefault(key, [0, 0])
                tally[0] += a
                tally[1] += b
        t.missed_slips += r.missed_slips
        t.alarms += r.alarms
        total.mutations += part.mutations
        total.variants += part.variants
    return total


def _made_lines(label: str, made: list[tuple[Mutation, bool]]) -> list[str]:
    if not made:
        return []
    caught = sum(hit for _, hit in made)
    return [f"{label}: {caught} of {len(made)} detected ({caught / len(made):.3f})."]


def _report(results: dict[str, FolderResult], k: int, n: int) -> list[str]:
    lines = [
        f"Cross-validated over {n} articles in {k} folds, grouped by article: each article, "
        "its mutations and its variants are decided by a scorer trained without them.",
    ]
    sections = [("all folders", _merged(results))]
    if len(results) > 1:
        sections += sorted(results.items())
    for name, part in sections:
        lines += ["", f"== {name} =="]
        lines += format_relation_score(part.relations, details=name == "all folders")
        lines += _made_lines("Mutation test", part.mutations)
        lines += _made_lines("Hand-made variants", part.variants)
        if name == "all folders" and part.mutations:
            lines += [f"{'operator':<24} {'made':>5} {'detected':>9}"]
            for operator in OPERATORS:
                rows = [hit for m, hit in part.mutations if m.operator == operator]
                lines.append(f"{operator:<24} {len(rows):>5} {sum(rows):>9}")
    merged = _merged(results)
    missed = [m for m, hit in merged.mutations + merged.variants if not hit]
    if missed:
        lines += ["", f"Mutations and variants missed ({len(missed)}):"]
        lines += [
            f"  {m.article.path.parent.name}/{m.article.path.name}: {m.operator}: "
            f"'{m.before}' -> '{m.after}' ({m.working})"
            for m in missed
        ]
    return lines
