"""How likely a candidate relation is the one the writer meant, from its features: a logistic
model whose weights are a small JSON file shipped in `rules/linker/model.json`, read here
without the library that trained it (`claimcheck train` rebuilds it)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import ClaimcheckError, E
from claimcheck.resources import rules_dir


@dataclass(frozen=True)
class Scorer:
    weights: Mapping[str, float]
    bias: float
    about: Mapping[str, object] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        total = self.bias + sum(self.weights.get(name, 0.0) * x for name, x in features.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))

    def to_json(self) -> str:
        data = {
            "about": dict(self.about),
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
        }
        return json.dumps(data, indent=1, sort_keys=False) + "\n"


def model_path() -> Path:
    return rules_dir() / "linker" / "model.json"


def load_scorer(path: Path | None = None) -> Scorer:
    path = path or model_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return Scorer(weights, float(data["bias"]), data.get("about", {}))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ClaimcheckError(E.E010, path=path, location="(model)", problem=str(exc)) from exc
