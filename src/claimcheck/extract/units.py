"""The only module that touches quantulum3.

quantulum3 knows hundreds of units but costs seconds to import (its `inflect` dependency), changes
global logging and warns about its optional classifier. So claimcheck's own lexicon handles the
units news copy uses every day, and quantulum3 is asked only when a figure is followed by a word
that quantulum3's unit list names and the lexicon does not ("12 gigawatts", "40 pints")."""

from __future__ import annotations

import json
import logging
import warnings
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def unit_surfaces() -> frozenset[str]:
    """Every surface form in quantulum3's unit list, read as data (no quantulum3 import)."""
    path = resources.files("quantulum3") / "units.json"
    units = json.loads(path.read_text(encoding="utf-8"))
    surfaces: set[str] = set()
    for unit in units.values():
        for surface in unit.get("surfaces", []):
            surfaces.add(surface.lower())
            surfaces.add(surface.lower() + "s")
    return frozenset(surfaces)


# Nouns that quantulum3 lists as units but that news copy uses as things counted.
_COUNTED_NOT_MEASURED = frozenset(
    "point points pound set sets bit bits score scores grade grades mark marks unit units case "
    "cases day days head heads item items piece pieces pair pairs degree degrees league leagues "
    "pole poles line lines span spans gross".split()
)


def might_be_unit(word: str) -> bool:
    word = word.lower()
    return word in unit_surfaces() and word not in _COUNTED_NOT_MEASURED


def load() -> None:
    """Load quantulum3 now, not on the first figure with an unfamiliar unit: its first parse
    builds its tables."""
    unit_name("12 gigawatts")


@lru_cache(maxsize=1)
def _parser() -> object:
    quantulum_logger = logging.getLogger("quantulum3")
    quantulum_logger.setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser  # deferred: importing it costs seconds

    # quantulum3 switches to a pickled classifier whenever scikit-learn is importable (it is,
    # for `claimcheck train`), and that pickle does not load in current scikit-learn: read
    # units the same way whatever else is installed.
    classifier.USE_CLF = False
    return parser


@lru_cache(maxsize=4096)  # archives repeat their phrases
def unit_name(phrase: str) -> str | None:
    """The unit quantulum3 reads in a short phrase such as '12 gigawatts', or None."""
    parser = _parser()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(phrase)  # type: ignore[attr-defined]
    except Exception:  # quantulum3 raises on odd input; a failed lookup is just "no unit"
        return None
    for quantity in quantities:
        name = str(quantity.unit.name)
        if quantity.unit.entity.name != "dimensionless" and name != "dimensionless":
            return name
    return None


def quantities(text: str) -> list[tuple[int, int, float, str, str]]:
    """Plain quantulum3 over a text: (start, end, value, unit name, entity name) per quantity.
    Used as an evaluation baseline."""
    parser = _parser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = parser.parse(text)  # type: ignore[attr-defined]
    return [
        (q.span[0], q.span[1], float(q.value), str(q.unit.name), str(q.unit.entity.name))
        for q in found
    ]
