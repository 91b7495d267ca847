"""Reading one number at a token position: digits with separators and multipliers ("1,319",
"£2.3m", "3 million"), spelled numbers ("twenty-two", "one hundred and five") and count words
("a dozen")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.extract.lexicon import Lexicon
from claimcheck.extract.segment import Token

ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
)


@dataclass(frozen=True, slots=True)
class NumberRead:
    value: float
    end: int  # token index one past the number
    spelled: bool
    integer_text: bool  # written without a decimal point or multiplier ("2018", not "2.3m")


def glued(tokens: list[Token], i: int) -> bool:
    """True when token i touches the token before it (no space between)."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(tokens):
        return False
    return all(tokens[i + k].lower == word for k, word in enumerate(phrase))


class PhraseTable:
    """Phrases (tuples of lower-case tokens) indexed by their first word, longest first, so a
    lookup at a token costs one dict probe for the words that start no phrase."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)

    def match(self, tokens: list[Token], i: int) -> tuple[str, ...] | None:
        if i >= len(tokens):
            return None
        for phrase in self.by_first.get(tokens[i].lower, ()):
            if phrase_at(tokens, i, phrase):
                return phrase
        return None

    def first_words(self) -> set[str]:
        return set(self.by_first)


class NumberReader:
    def __init__(self, lexicon: Lexicon, phrases: dict[tuple[str, ...], float]) -> None:
        self.units = lexicon.units
        self.tens = lexicon.tens
        self.scales = lexicon.scales
        self.suffixes = lexicon.multiplier_suffixes
        self.count_values = phrases
        self.count_phrases = PhraseTable(phrases)

    def is_number_word(self, word: str) -> bool:
        return word in self.units or word in self.tens

    def read(self, tokens: list[Token], i: int) -> NumberRead | None:
        if i >= len(tokens):
            return None
        phrase = self.count_phrases.match(tokens, i)
        if phrase is not None:
            return NumberRead(self.count_values[phrase], i + len(phrase), True, False)
        token = tokens[i]
        if token.is_number:
            return self._digits(tokens, i)
        if self.is_number_word(token.lower):
            return self._spelled(tokens, i)
        return None

    def _digits(self, tokens: list[Token], i: int) -> NumberRead | None:
        value = float(tokens[i].text.replace(",", ""))
        j = i + 1
        if j < len(tokens) and glued(tokens, j) and tokens[j].lower in ORDINAL_SUFFIXES:
            return None
        integer_text = "." not in tokens[i].text
        if phrase_at(tokens, j, ("and", "a", "half")):
            value, j, integer_text = value + 0.5, j + 3, False
        if j < len(tokens) and glued(tokens, j) and tokens[j].lower in self.suffixes:
            return NumberRead(value * self.suffixes[tokens[j].lower], j + 1, False, False)
        if (
            j < len(tokens)
            and tokens[j].lower in self.scales
            and self.scales[tokens[j].lower] >= 1000
        ):
            return NumberRead(value * self.scales[tokens[j].lower], j + 1, False, False)
        if j < len(tokens) and tokens[j].lower in ("bn", "mn"):
            return NumberRead(value * self.suffixes[tokens[j].lower], j + 1, False, False)
        return NumberRead(value, j, spelled=False, integer_text=integer_text)

    def _spelled(self, tokens: list[Token], i: int) -> NumberRead | None:
        total = current = 0.0
        j = i
        last = ""  # "unit", "tens" or "scale"
        while j < len(tokens):
            word = tokens[j].lower
            if word in self.units and last in ("", "tens", "scale"):
                current += self.units[word]
                last = "unit"
            elif word in self.tens and last in ("", "scale"):
                current += self.tens[word]
                last = "tens"
            elif word in self.scales and last in ("unit", "tens"):
                scale = self.scales[word]
                if scale >= 1000:
                    total += current * scale
                    current = 0.0
                else:
                    current *= scale
                last = "scale"
            elif word == "-" and last == "tens" and j + 1 < len(tokens):
                following = tokens[j + 1].lower
                if following in ORDINAL_WORDS:
                    return None  # "twenty-first"
                if following not in self.units:
                    break
            elif word == "and" and last == "scale" and j + 1 < len(tokens):
                if not self.is_number_word(tokens[j + 1].lower):
                    break
            else:
                break
            j += 1
        while j > i and tokens[j - 1].lower in ("-", "and"):
            j -= 1
        if j == i:
            return None
        if (
            phrase_at(tokens, j, ("-",))
            and j + 1 < len(tokens)
            and tokens[j + 1].lower in ORDINAL_WORDS
        ):
            return None
        value = total + current
        if phrase_at(tokens, j, ("and", "a", "half")):
            value, j = value + 0.5, j + 3
        return NumberRead(value, j, spelled=True, integer_text=True)
