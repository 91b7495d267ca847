"""Finding numeric expressions in text by rule, driven by the lexicons in `rules/lexicon/`.

At each token a set of recognisers (date, money, percentage, fraction, ratio, quantity, vague,
zero, count) propose a match; the longest wins, ties going to the more specific kind. Names,
codes, references and idioms ("Covid-19", "page 12", "one of the") are matched too, as skips, so
that they can out-compete a count. A qualifier before the match ("more than", "around") is then
folded into the claim's span."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from claimcheck.extract import units as unit_oracle
from claimcheck.extract.lexicon import Lexicon
from claimcheck.extract.numbers import NumberRead, NumberReader, PhraseTable, glued, phrase_at
from claimcheck.extract.segment import Token, tokenize
from claimcheck.models import Kind, Qualifier

# Spans no claim may come from: web addresses, e-mail addresses, phone numbers.
_NO_CLAIM_ZONES = re.compile(
    r"""
      https?://\S+ | www\.\S+ | \b[\w.-]+\.(?:com|org|net|gov|ac|co)(?:\.uk)?(?:/\S*)?
    | [\w.+-]+@[\w-]+\.[\w.]+
    | (?<![\w,.])(?:\+\d{1,3}[\s-]?)?\(?0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w,])
    | (?<![\w,.])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\w,])
    """,
    re.VERBOSE,
)


def _in_zone(zones: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether the offset is inside one of the zones. They come from finditer, in order and
    not overlapping, so only the last zone starting at or before the offset can hold it: a
    bisection, where testing every zone for every token cost tokens x zones."""
    n = bisect.bisect_right(starts, offset) - 1
    return n >= 0 and offset < zones[n][1]


_SCORE_WORDS = frozenset(
    "win wins won victory victories defeat defeats lost loss draw drew drawn beat beating "
    "lead led scoreline thrashing triumph home away".split()
)
_PERCENT_WORDS = re.compile(r"%|\bper ?cent\b|\d ?pc\b|\bpercentage\b", re.IGNORECASE)
_PRONOUN_FOLLOWERS = frozenset(
    "she he they we i you it that which who whom is was are were has had have will would can "
    "could should might must".split()
)
_PLURAL_EXCEPTIONS = frozenset({"was", "has", "is", "this", "his", "its", "us", "as", "does"})


@dataclass(frozen=True, slots=True)
class Found:
    """A recogniser's match: tokens [first, end) and what they claim. kind None means skip."""

    first: int
    end: int
    kind: Kind | None
    value: float | None = None
    unit: str | None = None
    qualifier: Qualifier = Qualifier.exact
    min: float | None = None
    max: float | None = None
    priority: int = 0


@dataclass(frozen=True, slots=True)
class RawClaim:
    start: int
    end: int
    kind: Kind
    value: float | None
    unit: str | None
    qualifier: Qualifier
    min: float | None
    max: float | None


def _phrases(words: Iterable[str]) -> PhraseTable:
    """Lexicon phrases as token tuples, longest first, so that 'just under' beats 'under'."""
    return PhraseTable(tuple(t.lower for t in tokenize(word)) for word in words)


def _table(mapping: dict[str, str] | dict[str, float]) -> dict[tuple[str, ...], object]:
    return {tuple(t.lower for t in tokenize(key)): value for key, value in mapping.items()}


def _match(tokens: list[Token], i: int, phrases: PhraseTable) -> tuple[str, ...] | None:
    return phrases.match(tokens, i)


def _looks_plural(token: Token | None) -> bool:
    if token is None or not token.is_word or not token.text.islower():
        return False
    word = token.lower
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and (word not in _PLURAL_EXCEPTIONS)
    )


class Scanner:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.numbers = NumberReader(
            lexicon,
            {tuple(t.lower for t in tokenize(k)): v for k, v in lexicon.count_words.items()},
        )
        # Qualifiers are found looking back from a claim, so they are indexed by their last word.
        self.qualifiers: dict[str, list[tuple[tuple[str, ...], Qualifier]]] = {}
        for qualifier, words in (
            (Qualifier.approximate, lexicon.approximate),
            (Qualifier.lower_bound, lexicon.lower_bound),
            (Qualifier.upper_bound, lexicon.upper_bound),
            (Qualifier.exact, lexicon.exact),
        ):
            for word in words:
                phrase = tuple(t.lower for t in tokenize(word))
                self.qualifiers.setdefault(phrase[-1], []).append((phrase, qualifier))
        for entries in self.qualifiers.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self.qualifiers_after = [
            (tuple(t.lower for t in tokenize(word)), qualifier)
            for qualifier, words in (
                (Qualifier.lower_bound, lexicon.lower_bound_after),
                (Qualifier.upper_bound, lexicon.upper_bound_after),
            )
            for word in words
        ]
        self.percent = _table(lexicon.percent_forms)
        self.percent_phrases = _phrases(lexicon.percent_forms)
        self.measures = _table(lexicon.measures)
        self.measure_phrases = _phrases(lexicon.measures)
        self.measure_compounds = frozenset(lexicon.measure_compounds)
        self.currency_symbols = _table(lexicon.currency_symbols)
        self.currency_symbol_phrases = _phrases(lexicon.currency_symbols)
        self.currency_words = lexicon.currency_words
        self.vague = _table({k: k for k in lexicon.vague})
        self.vague_phrases = _phrases(lexicon.vague)
        self.relative_dates = _phrases(lexicon.relative)
        self.months = frozenset(lexicon.months)
        self.year_cues = frozenset(lexicon.year_cues)
        self.clock = _phrases(lexicon.clock)
        self.references = frozenset(lexicon.name_prefixes) | frozenset(lexicon.reference_words)
        self.one_idioms = _phrases(lexicon.one_idioms)
        self.joiners = _phrases(lexicon.joiners)
        self.service_numbers = frozenset(lexicon.service_numbers)
        self.phone_words = frozenset(lexicon.phone_words)
        # Verbs that own the qualifier word after them: "edged up to 701", "handed over 1,942".
        self.verbs_owning: dict[tuple[str, ...], frozenset[str]] = {
            ("up", "to"): frozenset(lexicon.direction_verbs),
            ("over",): frozenset(lexicon.over_verbs),
        }
        self.name_suffixes = frozenset(lexicon.name_suffixes)
        self.descriptor_nouns = frozenset(lexicon.descriptor_nouns)
        lex = lexicon
        self.starters: frozenset[str] = frozenset(
            {*lex.units, *lex.tens, *lex.multiples, *lex.change_verbs, *lex.currency_symbols}
            | {"between", "half", "a", "one", "no", "none", *self.references}
            | {word.rstrip(".") for word in self.months}
            | self.numbers.count_phrases.first_words()
            | self.vague_phrases.first_words()
            | self.relative_dates.first_words()
            | self.one_idioms.first_words()
            | self.currency_symbol_phrases.first_words()
        )
        self.recognisers: list[Callable[[list[Token], int], Found | None]] = [
            self._date,
            self._range,
            self._money,
            self._percentage,
            self._fraction,
            self._ratio,
            self._quantity,
            self._vague,
            self._zero,
            self._skip,
            self._count,
        ]

    # -- driver ------------------------------------------------------------------------------

    def scan(self, text: str) -> list[RawClaim]:
        self._text = text
        tokens = tokenize(text)
        blocked = [(m.start(), m.end()) for m in _NO_CLAIM_ZONES.finditer(text)]
        blocked_starts = [start for start, _ in blocked]
        claims: list[RawClaim] = []
        floor = 0  # qualifiers may not reach back into an earlier claim
        i = 0
        while i < len(tokens):
            if _in_zone(blocked, blocked_starts, tokens[i].start):
                i += 1
                continue
            if not self._may_start(tokens, i):
                i += 1
                continue
            found = [f for f in (r(tokens, i) for r in self.recognisers) if f is not None]
            if not found:
                i += 1
                continue
            best = max(found, key=lambda f: (tokens[f.end - 1].end, f.priority))
            if best.kind is not None:
                best = self._with_qualifier(tokens, best, floor)
                claims.append(self._raw(tokens, best))
            floor = i = best.end
        return claims

    def _may_start(self, tokens: list[Token], i: int) -> bool:
        """Cheap test before the recognisers run: most words can start no claim and no skip."""
        token = tokens[i]
        if token.is_number or token.lower in self.starters:
            return True
        if not token.is_word:
            return token.text in self.lex.currency_symbols
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        return len(token.text) == 1 or (
            following is not None and following.is_number and glued(tokens, i + 1)
        )

    def _raw(self, tokens: list[Token], found: Found) -> RawClaim:
        assert found.kind is not None
        return RawClaim(
            start=tokens[found.first].start,
            end=tokens[found.end - 1].end,
            kind=found.kind,
            value=found.value,
            unit=found.unit,
            qualifier=found.qualifier,
            min=found.min,
            max=found.max,
        )

    def _with_qualifier(self, tokens: list[Token], found: Found, floor: int) -> Found:
        if found.qualifier is not Qualifier.exact or found.kind is Kind.date:
            return found
        qualified = self._qualifier_before(tokens, found.first, floor)
        if qualified is not None:
            first, qualifier = qualified
            return replace(found, first=first, qualifier=qualifier)
        if found.kind in (Kind.count, Kind.quantity, Kind.money):
            for phrase, qualifier in self.qualifiers_after:  # "20 or more", "65 and over"
                if phrase_at(tokens, found.end, phrase):
                    return replace(found, end=found.end + len(phrase), qualifier=qualifier)
        return found

    def _qualifier_before(
        self, tokens: list[Token], i: int, floor: int = 0
    ) -> tuple[int, Qualifier] | None:
        if i == 0:
            return None
        for phrase, qualifier in self.qualifiers.get(tokens[i - 1].lower, ()):
            first = i - len(phrase)
            if first >= floor and phrase_at(tokens, first, phrase):
                if first > 0 and tokens[first - 1].lower in self.verbs_owning.get(phrase, ()):
                    continue  # "edged up to 701", "handed over 1,942": the verb's, not a bound
                return first, qualifier
        return None

    # -- helpers -----------------------------------------------------------------------------

    def _number(self, tokens: list[Token], i: int) -> NumberRead | None:
        if i < len(tokens) and tokens[i].is_number and glued(tokens, i) and tokens[i - 1].is_word:
            return None  # "A47", "NR1": a code, not a figure
        return self.numbers.read(tokens, i)

    def _is_year(self, tokens: list[Token], i: int) -> bool:
        text = tokens[i].text
        return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2099

    # -- recognisers -------------------------------------------------------------------------

    def _date(self, tokens: list[Token], i: int) -> Found | None:
        phrase = _match(tokens, i, self.relative_dates)
        if phrase:
            return Found(i, i + len(phrase), Kind.date, priority=9)
        token = tokens[i]
        if self._is_month(token):
            return self._month_first(tokens, i)
        if not token.is_number:
            return None
        if token.text.isdigit() and 1 <= int(token.text) <= 31:
            day_end = i + 1
            if (
                day_end < len(tokens)
                and glued(tokens, day_end)
                and tokens[day_end].lower in ("st", "nd", "rd", "th")
            ):
                day_end += 1
            if day_end < len(tokens) and self._is_month(tokens[day_end]):
                end, year = self._optional_year(tokens, day_end + 1)
                return Found(i, end, Kind.date, year, priority=9)
        clock = self._clock(tokens, i)
        if clock:
            return clock
        if self._is_year(tokens, i):
            return self._year(tokens, i)
        return None

    def _is_month(self, token: Token) -> bool:
        return token.is_word and token.text[0].isupper() and token.lower.rstrip(".") in self.months

    def _optional_year(self, tokens: list[Token], j: int) -> tuple[int, float | None]:
        k = j + 1 if j < len(tokens) and tokens[j].text == "," else j
        if k < len(tokens) and self._is_year(tokens, k):
            return k + 1, float(tokens[k].text)
        return j, None

    def _month_first(self, tokens: list[Token], i: int) -> Found | None:
        j = i + 1
        if j < len(tokens) and self._is_year(tokens, j):
            return Found(i, j + 1, Kind.date, float(tokens[j].text), priority=9)
        if j < len(tokens) and tokens[j].text.isdigit() and 1 <= int(tokens[j].text) <= 31:
            end = j + 1
            if (
                end < len(tokens)
                and glued(tokens, end)
                and tokens[end].lower in ("st", "nd", "rd", "th")
            ):
                end += 1
            end, year = self._optional_year(tokens, end)
            return Found(i, end, Kind.date, year, priority=9)
        return None

    def _clock(self, tokens: list[Token], i: int) -> Found | None:
        j = i + 1
        if j + 1 < len(tokens) and tokens[j].text == ":" and tokens[j + 1].text.isdigit():
            j += 2
        phrase = _match(tokens, j, self.clock)
        if phrase and (glued(tokens, j) or tokens[j].lower in ("am", "pm", "o'clock")):
            return Found(i, j + len(phrase), Kind.date, priority=9)
        return None

    def _year(self, tokens: list[Token], i: int) -> Found | None:
        year = float(tokens[i].text)
        j = i + 1
        # fiscal and academic years: 2018/19, 2017-18, 2021–2022
        if (
            j + 1 < len(tokens)
            and tokens[j].text in ("/", "-", "–")
            and glued(tokens, j)
            and (
                glued(tokens, j + 1)
                and tokens[j + 1].text.isdigit()
                and len(tokens[j + 1].text) in (2, 4)
            )
        ):
            return Found(i, j + 2, Kind.date, year, priority=9)
        if j < len(tokens) and glued(tokens, j) and tokens[j].text == "s":
            return Found(i, j + 1, Kind.date, year, priority=9)  # "1970s"
        if glued(tokens, j) and (
            phrase_at(tokens, j, ("'", "s")) or phrase_at(tokens, j, ("’", "s"))
        ):
            return Found(i, j + 2, Kind.date, year, priority=9)  # "1970's"
        if self._qualified(tokens, i) or (
            i > 0 and tokens[i - 1].text in self.lex.currency_symbols
        ):
            return None
        following = tokens[j] if j < len(tokens) else None
        if following is not None and (
            _match(tokens, j, self.percent_phrases) or following.lower in ("times", "per")
        ):
            return None
        previous = tokens[i - 1].lower if i > 0 else ""
        if previous in self.year_cues or previous.rstrip(".") in self.months:
            return Found(i, j, Kind.date, year, priority=9)
        if _looks_plural(following) or _match(tokens, j, self.measure_phrases):
            return None
        return Found(i, j, Kind.date, year, priority=9)

    def _qualified(self, tokens: list[Token], i: int) -> bool:
        return self._qualifier_before(tokens, i) is not None

    def _range(self, tokens: list[Token], i: int) -> Found | None:
        """'between 20 and 30', and 'four to six weeks' where only the upper figure carries
        the unit ('from 12 to 18' is a change, not a range)."""
        if tokens[i].lower == "between":
            first, joiner = i + 1, "and"
        elif i > 0 and tokens[i - 1].lower == "from":
            return None
        else:
            first, joiner = i, "to"
        inner = self._inner_claim(tokens, first)
        if inner is None or inner.end >= len(tokens) or tokens[inner.end].lower != joiner:
            return None
        upper = self._inner_claim(tokens, inner.end + 1)
        if joiner == "to" and (
            upper is None or inner.kind is not Kind.count or upper.kind is Kind.count
        ):
            return None
        if upper is None or upper.kind is Kind.date or inner.kind is Kind.date:
            return None
        kind = upper.kind if upper.kind is not None else inner.kind
        unit = upper.unit or inner.unit
        if inner.kind is Kind.count and kind in (Kind.percentage, Kind.money, Kind.quantity):
            inner = replace(inner, kind=kind, unit=unit)
        if kind is None or kind != inner.kind:
            return None
        return Found(
            first if joiner == "to" else i,
            upper.end,
            kind,
            None,
            unit,
            Qualifier.range,
            inner.value,
            upper.value,
            8,
        )

    def _inner_claim(self, tokens: list[Token], i: int) -> Found | None:
        for recogniser in (self._date, self._money, self._percentage, self._quantity, self._count):
            found = recogniser(tokens, i)
            if found is not None:
                return found
        return None

    def _money(self, tokens: list[Token], i: int) -> Found | None:
        symbol = _match(tokens, i, self.currency_symbol_phrases)
        if symbol:
            number = self._number_after_symbol(tokens, i + len(symbol))
            if number is None:
                return None
            unit = str(self.currency_symbols[symbol])
            return Found(i, number.end, Kind.money, number.value, unit, priority=7)
        number = self._number(tokens, i)
        if number is None or number.end >= len(tokens):
            return None
        word = tokens[number.end].lower
        if word in self.currency_words and (len(word) > 1 or glued(tokens, number.end)):
            unit = self.currency_words[word]
            if unit == "GBP_PENCE":
                unit = "pence"
            return Found(i, number.end + 1, Kind.money, number.value, unit, priority=7)
        return None

    def _number_after_symbol(self, tokens: list[Token], j: int) -> NumberRead | None:
        if j < len(tokens) and tokens[j].is_number:
            return self.numbers.read(tokens, j)
        return None

    def _percentage(self, tokens: list[Token], i: int) -> Found | None:
        number = self._number(tokens, i)
        if number is None:
            return None
        phrase = _match(tokens, number.end, self.percent_phrases)
        if phrase is None:
            return self._points(tokens, i, number)
        if phrase == ("pc",) and not glued(tokens, number.end):
            return None
        unit = str(self.percent[phrase])
        return Found(i, number.end + len(phrase), Kind.percentage, number.value, unit, priority=7)

    def _points(self, tokens: list[Token], i: int, number: NumberRead) -> Found | None:
        """'an eight-point lead', 'up 3 points': percentage points where the paragraph speaks
        in percentages."""
        j = number.end + 1 if phrase_at(tokens, number.end, ("-",)) else number.end
        if j >= len(tokens) or tokens[j].lower not in self.lex.percent_context_forms:
            return None
        if not self._percent_paragraph(tokens, i):
            return None
        unit = self.lex.percent_context_forms[tokens[j].lower]
        return Found(i, j + 1, Kind.percentage, number.value, unit, priority=7)

    def _percent_paragraph(self, tokens: list[Token], i: int) -> bool:
        text = self._text
        start = text.rfind("\n", 0, tokens[i].start) + 1
        end = text.find("\n", tokens[i].end)
        paragraph = text[start : end if end != -1 else len(text)]
        return bool(_PERCENT_WORDS.search(paragraph))

    def _fraction(self, tokens: list[Token], i: int) -> Found | None:
        return self._fraction_words(tokens, i) or self._fraction_rate(tokens, i)

    def _fraction_rate(self, tokens: list[Token], i: int) -> Found | None:
        """'four out of five', 'one in three', '1 in 4': rate phrasing, not two counts."""
        top = self._number(tokens, i)
        if top is None or top.value != int(top.value):
            return None
        joiner = _match(tokens, top.end, self.joiners)
        if joiner is None:
            return None
        bottom = self._number(tokens, top.end + len(joiner))
        if bottom is None or not (0 <= top.value <= bottom.value) or bottom.value < 2:
            return None
        if self._is_year(tokens, top.end + len(joiner)) and joiner == ("in",):
            return None
        round_whole = bottom.value <= 10 or bottom.value in (100, 1000, 10000) or top.value == 1
        if not round_whole:
            return None
        return Found(i, bottom.end, Kind.fraction, top.value / bottom.value, priority=6)

    def _fraction_words(self, tokens: list[Token], i: int) -> Found | None:
        """'a fifth', 'two-thirds', 'three quarters', 'half of'."""
        word = tokens[i].lower
        if word == "half":
            return self._half(tokens, i)
        if word in ("a", "one"):
            top_value, j = 1.0, i + 1
        else:
            top = self._number(tokens, i)
            if top is None:
                return None
            top_value, j = top.value, top.end
        if j < len(tokens) and tokens[j].text == "-" and glued(tokens, j):
            j += 1
        if j >= len(tokens) or tokens[j].lower not in self.lex.denominators:
            return None
        denominator_word = tokens[j].lower
        plural = denominator_word.endswith("s") and denominator_word != "halves"
        if (top_value == 1) == plural:
            return None
        if top_value == 1 and not self._fraction_context(tokens, i, j + 1):
            return None  # "a third term", "the fifth force": ordinals
        value = top_value / self.lex.denominators[denominator_word]
        return Found(i, j + 1, Kind.fraction, value, priority=6)

    def _fraction_context(self, tokens: list[Token], first: int, after: int) -> bool:
        if after >= len(tokens) or not tokens[after].is_word:
            return True
        if first > 0 and tokens[first - 1].lower == "by":
            return True  # "rose by a third"

        return tokens[after].lower in ("of", "as", "said", "say", "were", "are", "was", "is") or (
            self._qualified(tokens, first)
        )

    def _half(self, tokens: list[Token], i: int) -> Found | None:
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        before = tokens[i - 1].lower if i > 0 else ""
        if after in ("as", "-", "time", "an") or before in ("first", "second", "the", "and", "a"):
            return None
        if after in (
            "of",
            "the",
            "their",
            "its",
            "his",
            "her",
            "our",
            "all",
            "those",
            "these",
            "them",
        ) or (self._qualified(tokens, i) or not tokens[i + 1 : i + 2] or not tokens[i + 1].is_word):
            return Found(i, i + 1, Kind.fraction, 0.5, priority=6)
        return None

    def _ratio(self, tokens: list[Token], i: int) -> Found | None:
        word = tokens[i].lower
        if word in self.lex.change_verbs:
            return Found(i, i + 1, Kind.ratio, self.lex.change_verbs[word], priority=6)
        if word in self.lex.multiples:
            value = self.lex.multiples[word]
            if phrase_at(tokens, i + 1, ("as",)) and i + 2 < len(tokens) and tokens[i + 2].is_word:
                return Found(i, i + 3, Kind.ratio, value, priority=6)
            if word != "half" and phrase_at(tokens, i + 1, ("the",)):
                return Found(i, i + 1, Kind.ratio, value, priority=6)
            return None
        number = self._number(tokens, i)
        if number is None or not phrase_at(tokens, number.end, ("times",)):
            return None
        j = number.end + 1
        if j < len(tokens) and tokens[j].lower in self.lex.times_followers:
            end = j + 1
            if tokens[j].lower == "as" and end < len(tokens) and tokens[end].is_word:
                end += 1
            if tokens[j].lower == "the":
                end = j  # "twice the national rate": "the" confirms the multiple, the span stops
            return Found(i, end, Kind.ratio, number.value, priority=6)
        if (
            j < len(tokens)
            and tokens[j].is_word
            and (tokens[j].lower not in self.lex.times_frequency_followers)
        ):
            return Found(i, j, Kind.ratio, number.value, priority=6)  # "8.4 times earnings"
        return None

    def _quantity(self, tokens: list[Token], i: int) -> Found | None:
        if self._bare_age(tokens, i) or (i > 0 and tokens[i - 1].lower == "aged"):
            number = self._number(tokens, i)
            if number is not None:
                return Found(i, number.end, Kind.quantity, number.value, "year", priority=5)
        number = self._number(tokens, i)
        if number is None or number.end >= len(tokens):
            return None
        j = number.end
        if tokens[j].text == "-" and glued(tokens, j):
            j += 1
        phrase = _match(tokens, j, self.measure_phrases)
        if phrase:
            if (
                len(phrase[0]) <= 2
                and len(phrase) == 1
                and not glued(tokens, j)
                and tokens[j].text != "-"
            ):
                return (
                    None
                    if phrase[0] not in ("km", "mph", "kph", "kg", "ft", "cm", "mm")
                    else (
                        Found(
                            i,
                            j + 1,
                            Kind.quantity,
                            number.value,
                            str(self.measures[phrase]),
                            priority=5,
                        )
                    )
                )
            end = j + len(phrase)
            if end < len(tokens) and tokens[end].lower in self.measure_compounds:
                return None  # "6,150 season tickets": a count of tickets
            if phrase_at(tokens, end, ("-", "old")):
                end += 2
            unit = str(self.measures[phrase])
            return Found(i, end, Kind.quantity, number.value, unit, priority=5)
        if (
            tokens[j].is_word
            and tokens[j].text.islower()
            and unit_oracle.might_be_unit(tokens[j].text)
        ):
            unit_text = (
                f"{tokens[i].text} {tokens[j].text}"
                if tokens[i].is_number
                else f"1 {tokens[j].text}"
            )
            measured = unit_oracle.unit_name(unit_text)
            if measured:
                return Found(i, j + 1, Kind.quantity, number.value, measured, priority=5)
        return None

    def _bare_age(self, tokens: list[Token], i: int) -> bool:
        """'Margaret Olowe, 71, said': a person's age set off by commas after their name."""
        if i < 2 or i + 1 >= len(tokens) or not tokens[i].text.isdigit():
            return False
        name, comma, after = tokens[i - 2], tokens[i - 1], tokens[i + 1]
        return (
            comma.text == ","
            and name.is_word
            and name.text[0].isupper()
            and after.text in (",", ".")
            and 1 <= int(tokens[i].text) <= 120
        )

    def _vague(self, tokens: list[Token], i: int) -> Found | None:
        phrase = _match(tokens, i, self.vague_phrases)
        if phrase is None:
            return None
        entry = self.lex.vague[str(self.vague[phrase])]
        after = tokens[i + len(phrase)] if i + len(phrase) < len(tokens) else None
        margin = self._number(tokens, i + len(phrase) + 1)
        if entry.unit == "proportion" and after is not None and after.lower == "of" and margin:
            return None  # "a majority of four": a winning margin, not a share
        if entry.needs_of:
            before = tokens[i - 1].lower if i > 0 else ""
            if before in ("the", "at") or not (
                after is not None
                and (after.lower in ("of", *_PRONOUN_FOLLOWERS) or _looks_plural(after))
            ):
                return None
        return Found(
            i,
            i + len(phrase),
            Kind.vague,
            None,
            entry.unit,
            min=entry.min,
            max=entry.max,
            priority=4,
        )

    def _zero(self, tokens: list[Token], i: int) -> Found | None:
        word = tokens[i].lower
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is None:
            return None
        if word == "none" and after.lower in (
            "of",
            "were",
            "was",
            "have",
            "has",
            "had",
            "is",
            "are",
            "will",
            "would",
            "could",
        ):
            return Found(i, i + 1, Kind.count, 0.0, priority=3)
        if (
            word == "no"
            and after.is_word
            and after.lower not in self.lex.no_not_counts
            and (after.lower in self.lex.no_count_words or _looks_plural(after))
        ):
            return Found(i, i + 1, Kind.count, 0.0, priority=3)
        return None

    def _skip(self, tokens: list[Token], i: int) -> Found | None:
        """Names, codes, references and idioms that contain a number but claim nothing."""
        token = tokens[i]
        if token.lower in self.references:
            j = i + 1
            if j < len(tokens) and tokens[j].text in ("-", "–") and glued(tokens, j):
                j += 1
            if j < len(tokens) and (
                tokens[j].is_number
                or (
                    token.text[0].isupper()
                    and tokens[j].text[0].isupper()
                    and self.numbers.is_number_word(tokens[j].lower)
                )
            ):
                return Found(i, self._glued_run(tokens, j), None, priority=10)
        if (
            token.is_word
            and i + 1 < len(tokens)
            and tokens[i + 1].is_number
            and glued(tokens, i + 1)
        ):
            return Found(i, self._glued_run(tokens, i + 1), None, priority=10)
        if (
            len(token.text) == 1
            and token.text.isupper()
            and phrase_at(tokens, i + 1, ("-",))
            and (i + 2 < len(tokens) and tokens[i + 2].is_number and glued(tokens, i + 2))
        ):
            return Found(i, self._glued_run(tokens, i + 2), None, priority=10)  # "I-95"
        if token.text in self.service_numbers and any(
            t.lower in self.phone_words for t in tokens[max(0, i - 4) : i]
        ):
            return Found(i, i + 1, None, priority=10)  # "call police on 101"
        phrase = _match(tokens, i, self.one_idioms)
        if phrase is None:
            return None
        if phrase[:3] == ("one", "of", "the") and self._number(tokens, i + 3):
            return None  # "one of the 27": a count of one
        return Found(i, i + len(phrase), None, priority=10)

    def _glued_run(self, tokens: list[Token], j: int) -> int:
        end = j + 1
        while (
            end < len(tokens)
            and glued(tokens, end)
            and (tokens[end].is_number or tokens[end].is_word)
        ):
            end += 1
        return end

    def _count(self, tokens: list[Token], i: int) -> Found | None:
        number = self._number(tokens, i)
        if number is None:
            return None
        end = number.end
        if end < len(tokens) and glued(tokens, end) and tokens[end].is_word and tokens[i].is_number:
            return Found(i, self._glued_run(tokens, end), None, priority=0)  # "3AB", "4G"
        if (
            end < len(tokens)
            and tokens[end].lower in self.name_suffixes
            and i > 0
            and (tokens[i - 1].lower == "the")
        ):
            return Found(i, end + 1, None, priority=1)  # "the 46 bus"
        if (
            end + 1 < len(tokens)
            and tokens[end].text == "-"
            and glued(tokens, end)
            and glued(tokens, end + 1)
            and tokens[end + 1].lower in self.descriptor_nouns
        ):
            return Found(i, end + 2, None, priority=1)  # "a three-bedroom house": a kind of house
        if phrase_at(tokens, end, ("-", "strong")):
            end += 2
        if tokens[i].lower == "one" and number.end == i + 1 and self._one_is_pronoun(tokens, i):
            return None
        return Found(i, end, Kind.count, number.value, priority=1)

    def _one_is_pronoun(self, tokens: list[Token], i: int) -> bool:
        """'the one she chose', 'any one', 'that one': one standing for a noun, not a count.
        'the one conviction' keeps its count: a noun follows."""
        before = tokens[i - 1].lower if i > 0 else ""
        if before not in ("no", "any", "every", "each", "some", "the", "this", "that", "which"):
            return False
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before != "the" or after is None or not after.is_word or not after.text.islower():
            return True
        return after.lower in _PRONOUN_FOLLOWERS
