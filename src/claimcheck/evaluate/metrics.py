"""Scoring predicted claims against gold claims: one-to-one matching by overlapping spans, then
precision, recall and value accuracy, overall and per kind. Dates are context, not claims, so the
headline figures leave them out on both sides (a date predicted as a count is a false positive)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from claimcheck.models import Kind


@dataclass(frozen=True, slots=True)
class Item:
    """A claim reduced to what is scored: where it is, what kind, what value."""

    start: int
    end: int
    kind: Kind
    value: float | None
    min: float | None = None


def match(gold: list[Item], predicted: list[Item]) -> list[tuple[int, int]]:
    """Index pairs (gold, predicted), largest overlap first, each side used once."""
    pairs = []
    for g, gold_item in enumerate(gold):
        for p, pred in enumerate(predicted):
            overlap = min(gold_item.end, pred.end) - max(gold_item.start, pred.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for _, g, p in pairs:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            matched.append((g, p))
    return sorted(matched)


def same_value(gold: Item, predicted: Item) -> bool:
    if gold.value is None or predicted.value is None:
        return gold.value is None and predicted.value is None and _close(gold.min, predicted.min)
    return _close(gold.value, predicted.value)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_right: int = 0
    kind_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.matched if self.matched else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[Kind, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, text: str, gold: list[Item], predicted: list[Item], label: str = "") -> None:
        gold = [item for item in gold if item.kind is not Kind.date]
        predicted = [item for item in predicted if item.kind is not Kind.date]
        pairs = match(gold, predicted)
        self.overall.gold += len(gold)
        self.overall.predicted += len(predicted)
        for item in gold:
            self.by_kind[item.kind].gold += 1
        for item in predicted:
            self.by_kind[item.kind].predicted += 1
        for g, p in pairs:
            gold_item, pred = gold[g], predicted[p]
            self.overall.matched += 1
            tally = self.by_kind[gold_item.kind]
            tally.matched += 1
            if pred.kind is not gold_item.kind:
                # a match across kinds counts for the gold kind, not the predicted one
                self.by_kind[pred.kind].predicted -= 1
                tally.predicted += 1
            if same_value(gold_item, pred):
                self.overall.value_right += 1
                tally.value_right += 1
            if pred.kind is gold_item.kind:
                self.overall.kind_right += 1
                tally.kind_right += 1
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        self.misses += [
            f"{label}: '{text[i.start : i.end]}'"
            for n, i in enumerate(gold)
            if n not in matched_gold
        ]
        self.extras += [
            f"{label}: '{text[i.start : i.end]}'"
            for n, i in enumerate(predicted)
            if n not in matched_pred
        ]
