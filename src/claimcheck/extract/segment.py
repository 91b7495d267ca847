"""Tokens and sentences with exact character offsets, by rule: no model needed, so every later
stage can point back into the original text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimcheck.models import Sentence

_TOKEN = re.compile(
    r"""
      \d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])   # 1,319  10,000.5
    | \d+(?:\.\d+)?                          # 27  3.4  2018
    | [^\W\d_]+(?:['’][^\W\d_]+)*            # words, with inner apostrophes
    | \S                                     # any other single character
    """,
    re.VERBOSE,
)

# A sentence ends at . ! ? (with closing quotes or brackets) followed by space, unless the word
# before the full stop is a known abbreviation.
_SENTENCE_END = re.compile(r"""[.!?]+['"’”)\]]*(?=\s)""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof sir rev gen col lt sgt insp supt no nos vs etc approx fig e.g i.e "
    "inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str  # computed once: the scanner compares lower-case forms millions of times

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, m.group().lower())
        for m in _TOKEN.finditer(text)
    ]


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs (line breaks) first, then sentence punctuation inside each paragraph."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n\u2029]+", text):
        start = para.start()
        for end_match in _SENTENCE_END.finditer(para.group()):
            end = para.start() + end_match.end()
            if _is_abbreviation(text, para.start() + end_match.start()):
                continue
            _add(sentences, text, start, end)
            start = end
        _add(sentences, text, start, para.end())
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    return word is not None and word.group(1).lower() in _ABBREVIATIONS


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end]))


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    # bisect by key, not over a list of starts made afresh: this runs once per claim, and
    # building that list each time cost claims x sentences
    return max(0, bisect.bisect_right(sentences, offset, key=_start) - 1)


def _start(sentence: Sentence) -> int:
    return sentence.start
