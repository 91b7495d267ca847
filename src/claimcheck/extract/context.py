"""What a figure counts and what is said of it, read from the words around it.

This is the model-free reading: the noun phrase after the figure ("22 Norfolk police officers"),
or after "of" for shares ("3.4 per cent of reports"), and the verb group that follows. The
syntax stage (spaCy's parse) replaces it where the parse is available."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extract.segment import Token, tokenize
from claimcheck.models import Kind

_DETERMINERS = frozenset("the those these its their his her our all a an such".split())
_AUXILIARIES = frozenset(
    "was were is are be been has have had will would shall should can could may might must "
    "did do does remain remains remained stay stays stayed".split()
)
_FUNCTION_WORDS = (
    frozenset(
        "a an the of in on at to for from by with and or but nor so as than that which who whom "
        "whose this these those there their its his her our your my me him them they it he she we "
        "you i being not no none all any each every some more most less least many much few only "
        "just also still even around about nearly almost over under since until while when where "
        "after before between across among within without per cent percent out into onto".split()
    )
    | _AUXILIARIES
)
# Verbs that end a noun phrase but do not look like verbs by their ending.
_VERB_WORDS = frozenset(
    "led said says means meant made make makes took take takes got get gets saw see sees went "
    "go goes left leave leaves kept keep keeps came come comes became become becomes rose "
    "fell grew won lost paid pay pays spent spend spends threw sent gave told found sold bought "
    "built brought held ran began chose drove wrote spoke stood taught thought caught felt heard "
    "knew".split()
)
# Past tenses that cannot start what a figure counts: "1,128 left within the window".
# (Present forms such as "pay" or "means" can: "a £500 pay rise", "two means of transport".)
_PAST_VERBS = _VERB_WORDS - frozenset(
    "says means make makes take takes get gets see sees go goes leave leaves keep keeps come "
    "comes become becomes pay pays spend spends".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million".split()
)
_CLAUSE_ENDS = frozenset({"and", "but", "while", "whereas", "although", "though", "because"})
_SHARE_KINDS = frozenset({Kind.percentage, Kind.fraction, Kind.vague})


@dataclass(frozen=True, slots=True)
class Context:
    subject: str | None
    predicate: str | None


def read_context(sentence_text: str, claim_end: int, kind: Kind) -> Context:
    """Context for a claim ending at claim_end (an offset into sentence_text)."""
    if kind is Kind.date:
        return Context(None, None)
    tokens = tokenize(sentence_text[claim_end:])
    i = 0
    if tokens and tokens[0].lower == "of" and kind in _SHARE_KINDS:
        i = 1
        while i < len(tokens) and tokens[i].lower in _DETERMINERS:
            i += 1
    subject_tokens = _noun_phrase(tokens, i)
    j = _past_coordination(tokens, i + len(subject_tokens))
    predicate_tokens = _verb_group(tokens, j)
    return Context(
        _join(sentence_text, claim_end, subject_tokens),
        _join(sentence_text, claim_end, predicate_tokens),
    )


def _noun_phrase(tokens: list[Token], i: int) -> list[Token]:
    phrase: list[Token] = []
    while i < len(tokens) and len(phrase) < 5:
        token = tokens[i]
        if token.text in ("-", "'s", "’s") and phrase:
            phrase.append(token)
        elif token.is_word and token.lower not in _FUNCTION_WORDS:
            if phrase and (token.lower in _VERB_WORDS or _verb_like(token.lower)):
                break
            if not phrase and token.lower in _PAST_VERBS:
                break
            phrase.append(token)
        else:
            break
        i += 1
    while phrase and not phrase[-1].is_word:
        phrase.pop()
    return phrase


def _past_coordination(tokens: list[Token], j: int) -> int:
    """Past '... and five civilian staff' so that the verb group is the one they share."""
    while j + 1 < len(tokens) and tokens[j].lower in ("and", "or"):
        k = j + 1
        while k < len(tokens) and (tokens[k].is_number or tokens[k].lower in _NUMBER_WORDS):
            k += 1
        phrase = _noun_phrase(tokens, k)
        if not phrase:
            break
        j = k + len(phrase)
    return j


def _verb_like(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed")


def _verb_group(tokens: list[Token], i: int) -> list[Token]:
    """The clause's main verb group: from its first auxiliary ('have kept their jobs'), or, with
    none, from its last verb-like word, since an earlier one is usually a reduced relative
    ('21 individuals reported to the police ... remained in post')."""
    clause_end = i
    while (
        clause_end < len(tokens)
        and tokens[clause_end].text not in ',;:.!?()"“”'
        and (tokens[clause_end].lower not in _CLAUSE_ENDS)
    ):
        clause_end += 1
    clause = range(i, clause_end)
    auxiliaries = [k for k in clause if tokens[k].lower in _AUXILIARIES]
    verbs = [
        k
        for k in clause
        if tokens[k].lower in _VERB_WORDS
        or (_verb_like(tokens[k].lower) and not _after_determiner(tokens, k))
    ]
    if auxiliaries:
        start = auxiliaries[0]
    elif verbs:
        start = verbs[-1]
    else:
        return []
    group: list[Token] = []
    for token in tokens[start : min(clause_end, start + 7)]:
        if token.is_number:
            break
        group.append(token)
    return group


def _after_determiner(tokens: list[Token], k: int) -> bool:
    """'the permitted window': an -ed word after a determiner describes a noun."""
    return k > 0 and tokens[k - 1].lower in _DETERMINERS


def _join(text: str, offset: int, tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    return text[offset + tokens[0].start : offset + tokens[-1].end]
