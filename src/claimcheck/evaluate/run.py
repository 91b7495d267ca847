"""`claimcheck eval CORPUS`: extraction precision, recall and value accuracy per kind against the
gold, with two baselines run on the same files: plain spaCy NER (CARDINAL, PERCENT, MONEY,
QUANTITY spans) and plain quantulum3.

To be fair to the spaCy baseline its entity texts are given values by claimcheck's own number
reader, so its score reflects which spans and kinds it finds, not a weaker number parser."""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.api import Checker
from claimcheck.evaluate.gold import GoldArticle, GoldError, load_corpus, occurrence_span
from claimcheck.evaluate.metrics import Item, Score
from claimcheck.evaluate.mutate import OPERATORS, Mutation, detected, mutations
from claimcheck.evaluate.relations import RelationScore, format_relation_score, score_article
from claimcheck.extract import units
from claimcheck.extract.lexicon import load_lexicon
from claimcheck.extract.numbers import NumberReader
from claimcheck.extract.segment import tokenize
from claimcheck.models import FileResult, Kind

_NER_KINDS = {
    "CARDINAL": Kind.count,
    "PERCENT": Kind.percentage,
    "MONEY": Kind.money,
    "QUANTITY": Kind.quantity,
}


def gold_items(article: GoldArticle) -> list[Item]:
    return [
        Item(start, end, claim.kind, claim.value, claim.min)
        for claim, (start, end) in zip(article.gold.claims, article.spans, strict=True)
    ]


def claimcheck_items(articles: list[GoldArticle], syntax: bool) -> list[list[Item]]:
    results = Checker(syntax=syntax).check_texts([(str(a.path), a.text) for a in articles])
    return items_of(results)


def items_of(results: list[FileResult]) -> list[list[Item]]:
    return [
        [Item(c.start, c.end, c.kind, c.value, c.min) for c in result.claims] for result in results
    ]


def spacy_ner_items(articles: list[GoldArticle]) -> list[list[Item]]:
    from claimcheck.extract import syntax

    reader = NumberReader(load_lexicon(), {})
    found = syntax.entities([a.text for a in articles], frozenset(_NER_KINDS))
    items = []
    for article, ents in zip(articles, found, strict=True):
        row = []
        for start, end, label in ents:
            row.append(
                Item(start, end, _NER_KINDS[label], _first_value(reader, article.text[start:end]))
            )
        items.append(row)
    return items


def _first_value(reader: NumberReader, text: str) -> float | None:
    tokens = tokenize(text)
    for i in range(len(tokens)):
        number = reader.read(tokens, i)
        if number is not None:
            return number.value
    return None


def quantulum_items(articles: list[GoldArticle]) -> list[list[Item]]:
    items = []
    for article in articles:
        row = []
        for start, end, value, unit, entity in units.quantities(article.text):
            if unit in ("percentage", "per cent", "percent"):
                kind = Kind.percentage
            elif entity == "currency":
                kind = Kind.money
            elif entity == "dimensionless":
                kind = Kind.count
            elif entity == "time" and 1800 <= value <= 2099:
                kind = Kind.date
            else:
                kind = Kind.quantity
            row.append(Item(start, end, kind, value))
        items.append(row)
    return items


def score(articles: list[GoldArticle], predictions: list[list[Item]]) -> Score:
    result = Score()
    for article, predicted in zip(articles, predictions, strict=True):
        result.add(article.text, gold_items(article), predicted, label=article.path.name)
    return result


def run_eval(corpus: str | Path, *, baselines: bool = True, syntax: bool = False) -> str:
    articles = load_corpus(Path(corpus))
    if not articles:
        return f"no gold files (*.gold.json) in {corpus}"
    checker = Checker(syntax=syntax)
    results = checker.check_texts([(str(a.path), a.text) for a in articles])
    systems = {"claimcheck": score(articles, items_of(results))}
    if baselines:
        systems["spaCy NER"] = score(articles, spacy_ner_items(articles))
        systems["quantulum3"] = score(articles, quantulum_items(articles))
    lines = [format_scores(articles, systems)]
    relation_score = RelationScore()
    for article, result in zip(articles, results, strict=True):
        score_article(relation_score, article, result)
    lines += format_relation_score(relation_score)
    lines += mutation_report(checker, [a for a in articles if a.clean])
    lines += variant_report(checker, articles)
    return "\n".join(lines)


def hand_made_variants(articles: list[GoldArticle]) -> list[Mutation]:
    """The one-figure variants beside each article (NN.mK.txt with NN.mK.json, as in the shared
    samples) that should be flagged. A spec's occurrence counts its new text ('to') in the
    changed file; the change starts at the same offset in the original, since the text before
    it is the same. A spec that does not fit its files is one coded line (E012)."""
    made: list[Mutation] = []
    for article in articles:
        stem = article.path.name.removesuffix(".txt")
        for spec_path in sorted(article.path.parent.glob(f"{stem}.m*.json")):
            try:
                spec = json.loads(spec_path.read_text(encoding="utf-8"))
                if not spec.get("should_flag", True):
                    continue
                changed = spec_path.with_suffix(".txt").read_text(encoding="utf-8")
                start, _ = occurrence_span(changed, spec["to"], spec["occurrence"])
                before = article.text[start : start + len(spec["from"])]
                if before != spec["from"]:
                    raise ValueError(f"'{spec['from']}' is not where '{spec['to']}' is")
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise GoldError(spec_path, str(exc)) from exc
            made.append(
                Mutation(
                    article,
                    spec_path.name,
                    start,
                    start + len(spec["from"]),
                    spec["from"],
                    spec["to"],
                    spec.get("breaks", ""),
                )
            )
    return made


def variant_report(checker: Checker, articles: list[GoldArticle]) -> list[str]:
    """Hand-made variants: each should be flagged on the changed figure."""
    made = hand_made_variants(articles)
    if not made:
        return []
    results = checker.check_texts([(str(m.article.path), m.text) for m in made])
    caught = [detected(m, r) for m, r in zip(made, results, strict=True)]
    lines = ["", f"Hand-made variants: {sum(caught)} of {len(made)} flagged on the changed figure."]
    lines += [
        f"  missed {m.operator}: '{m.before}' -> '{m.after}' ({m.working})"
        for m, hit in zip(made, caught, strict=True)
        if not hit
    ]
    return lines


def mutation_report(checker: Checker, clean: list[GoldArticle]) -> list[str]:
    made = [m for article in clean for m in mutations(article)]
    results = checker.check_texts([(str(m.article.path), m.text) for m in made])
    caught = [detected(m, r) for m, r in zip(made, results, strict=True)]
    lines = [
        "",
        f"Mutation test: {len(made)} mutations of {len(clean)} clean articles, each breaking a "
        f"gold relation beyond rounding; {sum(caught)} detected "
        f"({sum(caught) / max(1, len(made)):.3f}).",
        f"{'operator':<24} {'made':>5} {'detected':>9}",
    ]
    for name in OPERATORS:
        rows = [hit for m, hit in zip(made, caught, strict=True) if m.operator == name]
        lines.append(f"{name:<24} {len(rows):>5} {sum(rows):>9}")
    missed = [m for m, hit in zip(made, caught, strict=True) if not hit]
    if missed:
        lines += ["", "Mutations missed:"]
        lines += [
            f"  {m.article.path.name}: {m.operator}: '{m.before}' -> '{m.after}' ({m.working})"
            for m in missed
        ]
    return lines


def format_scores(articles: list[GoldArticle], systems: dict[str, Score]) -> str:
    words = sum(len(a.text.split()) for a in articles)
    lines = [
        f"Extraction against {len(articles)} gold articles ({words:,} words); dates left out.",
        "",
        f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'value acc':>9} "
        f"{'kind acc':>8} {'gold':>5} {'found':>6}",
    ]
    for name, result in systems.items():
        o = result.overall
        kind_acc = o.kind_right / o.matched if o.matched else 1.0
        lines.append(
            f"{name:<12} {o.precision:>9.3f} {o.recall:>7.3f} {o.f1:>6.3f} "
            f"{o.value_accuracy:>9.3f} {kind_acc:>8.3f} {o.gold:>5} {o.predicted:>6}"
        )
    lines += [
        "",
        "Per kind (recall / precision / value accuracy):",
        f"{'kind':<11} {'gold':>5} " + " ".join(f"{name:>22}" for name in systems),
    ]
    for kind in Kind:
        if kind is Kind.date:
            continue
        gold = systems["claimcheck"].by_kind[kind].gold
        cells = []
        for result in systems.values():
            t = result.by_kind[kind]
            cells.append(f"{t.recall:.2f} / {t.precision:.2f} / {t.value_accuracy:.2f}".rjust(22))
        lines.append(f"{kind.value:<11} {gold:>5} " + " ".join(cells))
    ours = systems["claimcheck"]
    if ours.misses:
        lines += ["", f"claimcheck missed ({len(ours.misses)}):", *(f"  {m}" for m in ours.misses)]
    if ours.extras:
        lines += ["", f"claimcheck extra ({len(ours.extras)}):", *(f"  {m}" for m in ours.extras)]
    return "\n".join(lines)
