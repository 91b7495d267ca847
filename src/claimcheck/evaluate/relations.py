"""Scoring the checks against the gold: relations found (recall), verdict accuracy on those
found, deliberate slips caught, and false alarms on clean copy."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.evaluate.gold import GoldArticle, GoldRelation
from claimcheck.evaluate.metrics import Item, match
from claimcheck.models import FileResult, Finding, Relation, Verdict


@dataclass
class RelationScore:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    verdict_right: int = 0
    slips: int = 0
    slips_caught: int = 0
    articles: int = 0
    clean_articles: int = 0
    false_alarms: int = 0  # on every article, slip articles included
    clean_alarms: int = 0  # on clean articles only
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, found]
    by_cue: dict[str, list[int]] = field(default_factory=dict)  # cue -> [linked, in the gold]
    missed_slips: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdict_right / self.found if self.found else 1.0


def claim_map(article: GoldArticle, result: FileResult) -> dict[str, int]:
    """Predicted claim id -> gold claim index, by overlapping spans."""
    gold = [
        Item(s, e, c.kind, c.value)
        for c, (s, e) in zip(article.gold.claims, article.spans, strict=True)
    ]
    predicted = [Item(c.start, c.end, c.kind, c.value) for c in result.claims]
    return {result.claims[p].id: g for g, p in match(gold, predicted)}


def _gold_indices(article: GoldArticle, relation: GoldRelation) -> set[int]:
    refs = {claim.ref: n for n, claim in enumerate(article.gold.claims)}
    return {refs[ref] for ref in relation.claims}


def gold_sets(article: GoldArticle) -> list[tuple[str, set[int]]]:
    """Each gold relation as its type and the indices of its claims."""
    return [(r.type, _gold_indices(article, r)) for r in article.gold.relations]


def same_figures(gold: set[int], predicted: set[int]) -> bool:
    """A predicted relation matches a gold one when one's figures contain the other's (at
    least two shared): '21 of 27' matches '21 of 27, or 78 per cent'."""
    shared = gold & predicted
    return len(shared) >= 2 and (shared in (gold, predicted))


def verdict_of(relation: Relation, findings: list[Finding]) -> Verdict | None:
    claims = set(relation.claims)
    for finding in findings:
        if set(finding.claims) == claims:
            return finding.verdict
    return None


def score_article(score: RelationScore, article: GoldArticle, result: FileResult) -> None:
    mapping = claim_map(article, result)
    score.predicted += len(result.relations)
    golds = gold_sets(article)
    for relation in result.relations:
        mapped = {mapping[c] for c in relation.claims if c in mapping}
        tally = score.by_cue.setdefault(relation.cue, [0, 0])
        tally[0] += 1
        tally[1] += any(k == relation.type.value and same_figures(g, mapped) for k, g in golds)
    for gold_relation in article.gold.relations:
        gold_set = _gold_indices(article, gold_relation)
        tally = score.by_type.setdefault(gold_relation.type, [0, 0])
        score.gold += 1
        tally[0] += 1
        for relation in result.relations:
            if relation.type.value != gold_relation.type:
                continue
            if same_figures(gold_set, {mapping[c] for c in relation.claims if c in mapping}):
                score.found += 1
                tally[1] += 1
                verdict = verdict_of(relation, result.findings)
                if verdict is not None and (verdict is Verdict.consistent) == gold_relation.holds:
                    score.verdict_right += 1
                break
    inconsistent = [f for f in result.findings if f.verdict is Verdict.inconsistent]
    score.articles += 1
    slip_claims: set[int] = set().union(
        *(_gold_indices(article, r) for r in article.gold.relations if not r.holds)
    )
    # an alarm on a slip article is false too, unless it touches a figure of the slip
    alarms = [
        f for f in inconsistent if not slip_claims & {mapping[c] for c in f.claims if c in mapping}
    ]
    score.false_alarms += len(alarms)
    score.alarms += [f"{article.path.name}: {f.rule} {f.message}" for f in alarms]
    if article.clean:
        score.clean_articles += 1
        score.clean_alarms += len(alarms)
        return
    score.slips += 1
    flagged = {mapping[c] for f in inconsistent for c in f.claims if c in mapping}
    if slip_claims & flagged:
        score.slips_caught += 1
    else:
        score.missed_slips.append(f"{article.path.name}: {article.gold.slips[0]}")


def format_relation_score(score: RelationScore, details: bool = True) -> list[str]:
    lines = [
        "",
        f"Relations against the gold: {score.found} of {score.gold} found "
        f"(recall {score.recall:.3f}); {score.predicted} relations linked in all.",
        f"Verdict accuracy on those found: {score.verdict_accuracy:.3f}.",
        f"Deliberate slips caught: {score.slips_caught} of {score.slips}.",
        f"False alarms: {score.false_alarms} over {score.articles} articles, slip articles "
        f"included ({score.false_alarms / max(1, score.articles):.3f} per article); "
        f"{score.clean_alarms} over {score.clean_articles} clean articles "
        f"({score.clean_alarms / max(1, score.clean_articles):.3f} per clean article).",
        "",
        f"{'relation type':<15} {'gold':>5} {'found':>6} {'recall':>7}",
    ]
    for kind, (gold, found) in sorted(score.by_type.items()):
        lines.append(f"{kind:<15} {gold:>5} {found:>6} {found / gold if gold else 1:>7.2f}")
    if not details:
        return lines
    if score.by_cue:
        lines += ["", f"{'linked by':<44} {'kept':>5} {'in gold':>8} {'precision':>9}"]
        for cue, (linked, right) in sorted(score.by_cue.items(), key=lambda item: -item[1][0]):
            name = "generated candidate" if cue == "candidate" else cue
            lines.append(f"{name[:44]:<44} {linked:>5} {right:>8} {right / linked:>9.2f}")
    if score.missed_slips:
        lines += ["", "Slips missed:", *(f"  {m}" for m in score.missed_slips)]
    if score.alarms:
        lines += ["", "False alarms:", *(f"  {a}" for a in score.alarms)]
    return lines
