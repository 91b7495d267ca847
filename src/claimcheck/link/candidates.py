"""Candidate relations by arithmetic role: for every figure that can be checked, the relations it
could take part in with the figures around it, each with the features the scorer reads.

Where a figure looks (its window): its own sentence, the earlier sentences of its paragraph and
the next one, the paragraph before, and the headline. Shares take (part, whole) pairs of one kind
and unit; totals take runs of parts; shares of one whole take runs that should make 100; a
figure said twice takes the same figure, or one a typing slip away, anywhere in the article.
Every list is capped per figure, so the cost grows with the article's length, not its square.

No arithmetic decides here: the features are read from the words and positions only. Whether a
candidate's figures agree is the checks' business, and the decision weighs the two."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from claimcheck.link.document import Document, head_noun
from claimcheck.link.typos import typos, written_value
from claimcheck.models import Claim, Kind, Relation, RelationType

COUNTLIKE = frozenset({Kind.count, Kind.money, Kind.quantity})
SHARE_TYPES = {Kind.percentage: RelationType.percentage_of, Kind.fraction: RelationType.fraction_of}
SHARE_KINDS = frozenset(SHARE_TYPES)
NEAREST = 6  # figures considered on each side for a role
LONGEST_RUN = 6  # parts in one list
RESTATED_WITHIN = 3  # earlier statements a figure is compared with

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Words that say a figure moved, or is compared: one list for every reader here.
_MOVED = (
    r"up|down|rise|rises|rose|risen|fall|falls|fell|fallen|increase[ds]?|decrease[ds]?|"
    r"drop(?:ped|s)?|grew|grown|growth|jump(?:ed|s)?|climb(?:ed|s)?|cut|cuts|slump(?:ed)?|"
    r"surge[ds]?|gain(?:ed|s)?|lost|loss|higher|lower|more|fewer|less"
)
# near a share, these make it a change or a comparison rather than a share of a whole
_CHANGE_WORDS = re.compile(rf"\b(?:{_MOVED}|than|from|compared)\b", re.I)
_PARTITIVE = re.compile(r"^\W*(?:[a-z][\w'’-]*\s+){0,2}?(?:of|out of|among|from)\b", re.I)
_FRONTED = re.compile(r"\b(?:of|among)\s+(?:the|those|them|these|that|this|all|its|their)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(?:of (?:whom|which|those|them|these|that|this)|among them|the (?:remaining|rest|other)|"
    r"leaving|including|in all|in total|altogether|combined|between them|overall|a total of|"
    r"made up of|comprising|split|broken down)\b",
    re.I,
)
_TOTAL_WORDS = re.compile(
    r"\b(?:total|in all|altogether|combined|between them|overall|all told|sum|aggregate|whole)\b",
    re.I,
)
_APPOSITION = re.compile(
    r"^\s*(?:,|\(|–|-|—)?\s*(?:or|which is|which was|that is|equal to|representing|amounting to|"
    r"accounting for|some|about|around|nearly|almost|just)?\s*(?:,|\()?\s*$",
    re.I,
)
_LIST_GAP = re.compile(r"^[^.;:!?]{0,60}$")
_COMPARED = re.compile(
    r"\b(?:from|than|compared with|compared to|against|versus|vs|a year earlier|last year|"
    r"previously|the previous|before)\b",
    re.I,
)


@dataclass(frozen=True)
class Candidate:
    relation: Relation
    features: dict[str, float]


class Layout:
    """Which paragraph each sentence is in, and where each figure sits among the figures."""

    def __init__(self, doc: Document) -> None:
        breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(doc.text)]
        self.paragraph = [bisect.bisect_left(breaks, s.start) for s in doc.sentences]
        self.by_sentence: dict[int, list[Claim]] = defaultdict(list)
        # figures other than dates before each position, so 'how many between' is a subtraction
        self.figures_before = [0]
        for claim in doc.claims:
            self.by_sentence[claim.sentence].append(claim)
            self.figures_before.append(self.figures_before[-1] + (claim.kind is not Kind.date))

    def window(self, claim: Claim) -> list[int]:
        """The sentences a figure's relations may reach: its sentence, up to three before it in
        its paragraph or the paragraph before, the next in its paragraph, and the headline."""
        here = claim.sentence
        paragraph = self.paragraph[here]
        sentences = [
            s
            for s in range(max(0, here - 3), min(len(self.paragraph), here + 2))
            if paragraph - 1 <= self.paragraph[s] <= paragraph
            and (s <= here or self.paragraph[s] == paragraph)
        ]
        return sorted({0, *sentences})

    def near(self, claim: Claim, kinds: frozenset[Kind]) -> list[Claim]:
        """Figures of these kinds in the claim's window, nearest first, at most NEAREST a side."""
        found = [
            other
            for s in self.window(claim)
            for other in self.by_sentence.get(s, [])
            if other.id != claim.id and other.kind in kinds and other.value is not None
        ]
        before = sorted((c for c in found if c.start < claim.start), key=lambda c: -c.start)
        after = sorted((c for c in found if c.start > claim.start), key=lambda c: c.start)
        return before[:NEAREST] + after[:NEAREST]


def _same_measure(a: Claim, b: Claim) -> bool:
    """Counts with counts, pounds with pounds, tonnes with tonnes."""
    return a.kind is b.kind and (a.unit or "") == (b.unit or "")


def share_candidates(doc: Document, layout: Layout) -> Iterator[Relation]:
    """A percentage or fraction with every (part, whole) pair of one measure around it. Which
    of the two is the part goes by size: a share of a larger figure is under 100 per cent."""
    for share in doc.claims:
        kind = SHARE_TYPES.get(share.kind)
        if kind is None or share.value is None or share.unit == "percentage point":
            continue
        near = layout.near(share, COUNTLIKE)
        for i, a in enumerate(near):
            for b in near[i + 1 :]:
                if not _same_measure(a, b) or a.value == b.value:
                    continue
                part, whole = (a, b) if (a.value or 0) < (b.value or 0) else (b, a)
                yield Relation(
                    type=kind,
                    roles={"part": part.id, "whole": whole.id, "share": share.id},
                    cue="candidate",
                )


def part_candidates(doc: Document, layout: Layout) -> Iterator[Relation]:
    """Every ordered pair of one measure near each other: is the first a part of the second?
    The order comes from the words, so a part written larger than its whole is still found."""
    for part in doc.claims:
        if part.kind not in COUNTLIKE or part.value is None:
            continue
        for whole in layout.near(part, COUNTLIKE):
            if _same_measure(part, whole) and whole.value != part.value:  # equal: said again
                yield Relation(
                    type=RelationType.part_le_whole,
                    roles={"whole": whole.id},
                    parts=[part.id],
                    cue="candidate",
                )


def _runs(claims: list[Claim], doc: Document) -> Iterator[list[Claim]]:
    """Consecutive figures of one measure written as a list (no sentence end between two)."""
    for start in range(len(claims)):
        run = [claims[start]]
        for nxt in claims[start + 1 : start + LONGEST_RUN]:
            if not _same_measure(run[-1], nxt) or not _LIST_GAP.match(doc.between(run[-1], nxt)):
                break
            run.append(nxt)
            if len(run) >= 2:
                yield list(run)


def sum_candidates(doc: Document, layout: Layout) -> Iterator[Relation]:
    """Runs of parts with a total of the same measure in the window; runs of three or more
    percentages that should make 100."""
    for total in doc.claims:
        if total.kind not in COUNTLIKE or total.value is None:
            continue
        near = sorted(
            (c for c in layout.near(total, COUNTLIKE) if _same_measure(c, total)),
            key=lambda c: c.start,
        )
        for run in [*_runs(near, doc), *_told_in_turn(doc, layout, total)]:
            if not (run[0].start < total.start < run[-1].start):
                yield Relation(
                    type=RelationType.sum,
                    roles={"total": total.id},
                    parts=[c.id for c in run],
                    cue="candidate",
                )
    percentages = [
        c
        for c in doc.claims
        if c.kind is Kind.percentage and c.value is not None and c.unit != "percentage point"
    ]
    for run in _whole_lists(percentages, doc):
        if len(run) >= 3:
            yield Relation(type=RelationType.sum, parts=[c.id for c in run], cue="candidate")


_MARGIN_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:ahead|behind|more|fewer|less|short|clear)\b", re.I
)
MOST_PARTS = 8


def _told_in_turn(doc: Document, layout: Layout, total: Claim) -> Iterator[list[Claim]]:
    """Parts told sentence by sentence, with other figures between ('took 1,845 votes, ...
    finishing 312 ahead of Tom Ashworth on 1,533. Helen Wragg came third with 687.'): every exact
    figure of the total's measure in one to four neighbouring sentences (three each way, its
    paragraph and those beside it), leaving
    out the total, the old side of a change ('from $6.93 billion') and margins ('312 ahead')."""
    here, paragraph = total.sentence, layout.paragraph[total.sentence]
    sentences = [
        s
        for s in range(max(1, here - 3), min(len(layout.paragraph), here + 4))
        if paragraph - 1 <= layout.paragraph[s] <= paragraph + 1
    ]
    for i, first in enumerate(sentences):
        for last in sentences[i : i + 4]:
            if last - first > 3:
                break
            parts = [
                c
                for s in range(first, last + 1)
                for c in layout.by_sentence.get(s, [])
                if c.id != total.id
                and c.value is not None
                and c.qualifier.value == "exact"
                and _same_measure(c, total)
                and not doc.said_as_earlier(c)
                and not _MARGIN_AFTER.match(doc.after(c, 20))
            ]
            if 2 <= len(parts) <= MOST_PARTS:
                yield parts


def _whole_lists(claims: list[Claim], doc: Document) -> Iterator[list[Claim]]:
    """Figures written as one list, each list whole: shares can only make 100 together."""
    run: list[Claim] = []
    for claim in claims:
        if run and _LIST_GAP.match(doc.between(run[-1], claim)) and _same_measure(run[-1], claim):
            run.append(claim)
            continue
        if run:
            yield run
        run = [claim]
    if run:
        yield run


# a figure that is itself a change: 'up 21 per cent', 'a fall of 30', 'by 12'
_CHANGE_NEAR = re.compile(rf"\b(?:{_MOVED}|by)\b", re.I)
_COMPARABLE = COUNTLIKE | {Kind.percentage}


def change_candidates(doc: Document, layout: Layout) -> Iterator[Relation]:
    """A figure said as a change ('up 21 per cent', 'a fall of 30', '5 percentage points') with
    every (old, new) pair of one measure around it. The words say which is old ('from', 'than',
    'a year earlier'); where they do not, both orders are proposed."""
    for change in doc.claims:
        if change.value is None or change.kind not in _COMPARABLE | {Kind.fraction}:
            continue
        if not _CHANGE_NEAR.search(_around(doc, change, 25)):
            continue
        if change.unit == "percentage point":
            kinds = frozenset({Kind.percentage})
        elif change.kind in (Kind.percentage, Kind.fraction):
            kinds = _COMPARABLE
        else:
            kinds = frozenset({change.kind})
        near = [c for c in layout.near(change, kinds) if c.unit != "percentage point"]
        for i, a in enumerate(near):
            for b in near[i + 1 :]:
                if not _same_measure(a, b) or a.value == b.value:
                    continue
                if change.kind not in (Kind.percentage, Kind.fraction) and not _same_measure(
                    a, change
                ):
                    continue
                marked = [c for c in (a, b) if doc.said_as_earlier(c)]
                orders = (
                    [(marked[0], b if marked[0] is a else a)]
                    if len(marked) == 1
                    else [
                        (a, b),
                        (b, a),
                    ]
                )
                for old, new in orders:
                    yield Relation(
                        type=RelationType.difference,
                        roles={"old": old.id, "new": new.id, "change": change.id},
                        cue="candidate",
                    )


def comparative_candidates(doc: Document, layout: Layout) -> Iterator[Relation]:
    """'twice as high', 'half as likely', 'doubled' with every pair of one measure around it;
    which is the subject goes by size, as the comparative says more or less than one."""
    for comparative in doc.claims:
        if comparative.kind is not Kind.ratio or not comparative.value:
            continue
        near = layout.near(comparative, _COMPARABLE | {Kind.fraction})
        for i, a in enumerate(near):
            for b in near[i + 1 :]:
                if not (_same_measure(a, b) or {a.kind, b.kind} <= SHARE_KINDS):
                    continue
                if not a.value or not b.value or a.value == b.value:
                    continue
                larger, smaller = (a, b) if a.value > b.value else (b, a)
                subject, other = (larger, smaller) if comparative.value >= 1 else (smaller, larger)
                yield Relation(
                    type=RelationType.ratio,
                    roles={"subject": subject.id, "other": other.id, "comparative": comparative.id},
                    cue="candidate",
                )


def bound_candidates(doc: Document, layout: Layout) -> Iterator[Relation]:
    """A vague or bounded figure ('dozens', 'more than 1,300', 'about 360') with each exact
    figure of one measure around it that it could describe."""
    for bound in doc.claims:
        vague = bound.kind is Kind.vague and bound.unit != "proportion"
        bounded = bound.kind in COUNTLIKE and bound.qualifier.value != "exact"
        if not (vague or bounded):
            continue
        for count in layout.near(bound, COUNTLIKE):
            if count.qualifier.value != "exact" or not (vague or _same_measure(bound, count)):
                continue
            yield Relation(
                type=RelationType.vague_bound,
                roles={"bound": bound.id, "count": count.id},
                cue="candidate",
            )


def restatement_candidates(doc: Document) -> Iterator[Relation]:
    """The same figure again, or one a typing slip away, of the same kind and unit, in another
    sentence: looked up by value, so this is linear in the number of figures."""
    by_value: dict[tuple[Kind, str, float], list[Claim]] = defaultdict(list)
    for claim in doc.claims:
        if claim.value is None or claim.kind not in COUNTLIKE | {Kind.percentage}:
            continue
        if claim.value < 10 and claim.kind is not Kind.percentage:
            continue  # small counts coincide too often to be the same figure
        key = (claim.kind, claim.unit or "", claim.value)
        earlier = list(by_value[key])
        scale = claim.value / written_value(claim.text)
        for typo in typos(claim.text):
            earlier += by_value.get((claim.kind, claim.unit or "", typo.value * scale), [])
        earlier = [c for c in earlier if c.sentence != claim.sentence]
        for first in sorted(earlier, key=lambda c: -c.start)[:RESTATED_WITHIN]:
            yield Relation(
                type=RelationType.restatement,
                roles={"first": first.id, "again": claim.id},
                cue="candidate",
            )
        by_value[key].append(claim)
        del by_value[key][: -2 * RESTATED_WITHIN]  # only the latest can be chosen


def generate(doc: Document, cue_relations: Iterable[Relation]) -> list[Relation]:
    """Every candidate once: the cues' relations first (they keep their roles), then the
    generated ones that add a new set of figures."""
    layout = Layout(doc)
    seen: set[tuple[str, frozenset[str]]] = set()
    out = []
    streams: list[Iterable[Relation]] = [
        cue_relations,
        share_candidates(doc, layout),
        sum_candidates(doc, layout),
        part_candidates(doc, layout),
        change_candidates(doc, layout),
        comparative_candidates(doc, layout),
        bound_candidates(doc, layout),
        restatement_candidates(doc),
    ]
    for stream in streams:
        for relation in stream:
            key = (_family(relation.type), frozenset(relation.claims))
            if key not in seen:
                seen.add(key)
                out.append(relation)
    return out


def _family(kind: RelationType) -> str:
    return "share" if kind in (RelationType.percentage_of, RelationType.fraction_of) else kind.value


# -- features ------------------------------------------------------------------------------


def features(doc: Document, layout: Layout, relation: Relation, cue: bool) -> dict[str, float]:
    """What the words and positions say about one candidate. Names are stable: the shipped
    model's weights are keyed by them."""
    claims = sorted((doc.by_id[c] for c in relation.claims), key=lambda c: c.start)
    kind = relation.type.value
    f: dict[str, float] = {f"type={kind}": 1.0}
    if cue:
        f["cue"] = 1.0
        f[f"cue&type={kind}"] = 1.0
        f[f"cue={relation.cue}"] = 1.0
    sentences = [c.sentence for c in claims]
    span = max(sentences) - min(sentences)
    f[f"sentences_apart={min(span, 3)}"] = 1.0
    f[f"{kind}&sentences_apart={min(span, 2)}"] = 1.0
    paragraphs = {layout.paragraph[s] for s in sentences}
    if len(paragraphs) > 1:
        f["paragraphs_apart"] = 1.0
    if 0 in sentences:
        f["headline"] = 1.0
    first, last = claims[0], claims[-1]
    inner = claims[1:-1]  # the candidate's own figures between its first and last
    between = (
        layout.figures_before[doc.position[last.id]]
        - layout.figures_before[doc.position[first.id] + 1]
        - sum(c.kind is not Kind.date for c in inner)
    )
    f["figures_between"] = math.log1p(between)
    f["chars_apart"] = math.log1p(last.start - first.end) / 5
    heads = [head_noun(c) for c in claims]
    named = [h for h in heads if h]
    if len(named) >= 2 and len(set(named)) == 1:
        f["same_noun"] = 1.0
    elif len(named) >= 2:
        f["different_nouns"] = 1.0
    if any(c.kind is Kind.money for c in claims):
        f["money"] = 1.0
    if any(c.kind is Kind.quantity for c in claims):
        f["quantity"] = 1.0
    _TYPE_FEATURES[relation.type](doc, relation, f)
    return f


def _around(doc: Document, claim: Claim, chars: int = 30) -> str:
    return f"{doc.before(claim, chars)} {doc.after(claim, chars)}"


def _ordered_gap(doc: Document, a: Claim, b: Claim) -> str:
    return doc.between(a, b) if a.start < b.start else doc.between(b, a)


def _share_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    roles = relation.roles
    part_id = roles.get("part") or roles.get("excluded")  # 'the rest' reads against its whole
    if part_id is None or "whole" not in roles or "share" not in roles:
        return
    part, whole, share = doc.by_id[part_id], doc.by_id[roles["whole"]], doc.by_id[roles["share"]]
    gap = doc.between(part, share)
    if part.start < share.start and _APPOSITION.match(gap):
        f["share_beside_part"] = 1.0
    elif part.start < share.start and len(gap) < 40:
        f["share_near_part"] = 1.0
    if share.sentence in (part.sentence, whole.sentence):
        f["share_with_a_figure"] = 1.0
    if share.sentence == part.sentence == whole.sentence:
        f["share_part_whole_one_sentence"] = 1.0
    if _CHANGE_WORDS.search(_around(doc, share, 25)):
        f["share_said_as_change"] = 1.0
    if doc.after(share, 6).lstrip().lower().startswith("of"):
        f["share_of_something"] = 1.0
    if whole.start < part.start:
        f["whole_first"] = 1.0
    if part.start < whole.start and _PARTITIVE.match(doc.between(part, whole)):
        f["part_of_whole_words"] = 1.0
    if _FRONTED.search(doc.before(part, 50)) or _BACK_REFERENCE.search(doc.before(part, 50)):
        f["part_back_reference"] = 1.0
    if head_noun(share) and head_noun(share) == head_noun(whole):
        f["share_names_whole"] = 1.0
    if part.qualifier.value != "exact" or whole.qualifier.value != "exact":
        f["approximate_figure"] = 1.0
    if share.qualifier.value != "exact":
        f["approximate_share"] = 1.0


def _part_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    if not relation.parts or "whole" not in relation.roles:
        return
    part, whole = doc.by_id[relation.parts[0]], doc.by_id[relation.roles["whole"]]
    if part.start < whole.start:
        gap = doc.between(part, whole)
        if _PARTITIVE.match(gap):
            f["part_of_whole_words"] = 1.0
        if _COMPARED.search(gap):
            f["compared_between"] = 1.0
    else:
        gap = doc.between(whole, part)
        f["whole_first"] = 1.0
        if _BACK_REFERENCE.search(gap[-60:]) or _FRONTED.search(doc.before(part, 50)):
            f["part_back_reference"] = 1.0
        if _COMPARED.search(gap):
            f["compared_between"] = 1.0
    if _COMPARED.search(_around(doc, part, 20)) or _COMPARED.search(_around(doc, whole, 20)):
        f["compared_near"] = 1.0
    # '$18.74 billion from $16.44 billion': the old side of a change is no whole of the new
    if doc.said_as_earlier(whole):
        f["whole_said_earlier"] = 1.0
    if doc.said_as_earlier(part):
        f["part_said_earlier"] = 1.0


def _sum_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    parts = [doc.by_id[p] for p in relation.parts]
    if len(parts) < 2:
        return
    f[f"parts={min(len(parts), 5)}"] = 1.0
    if len({p.sentence for p in parts}) == 1:
        f["parts_one_sentence"] = 1.0
    elif len({p.sentence for p in parts}) == len(parts):
        f["a_part_a_sentence"] = 1.0
    last_gap = doc.between(parts[-2], parts[-1])
    if re.search(r"\band\b", last_gap):
        f["list_ends_with_and"] = 1.0
    if "total" not in relation.roles:
        f["shares_to_hundred"] = 1.0
        return
    total = doc.by_id[relation.roles["total"]]
    if total.start < parts[0].start:
        f["total_first"] = 1.0
        gap = doc.between(total, parts[0])
    else:
        gap = doc.between(parts[-1], total)
    if total.sentence in {p.sentence for p in parts}:
        f["total_with_parts"] = 1.0
    if _TOTAL_WORDS.search(_around(doc, total, 25)) or _BACK_REFERENCE.search(gap[-60:]):
        f["total_words"] = 1.0
    if _COMPARED.search(gap):
        f["compared_between"] = 1.0
    previous = doc.claims[doc.position[parts[0].id] - 1] if doc.position[parts[0].id] else None
    following = doc.next_claim(parts[-1])
    for neighbour, gap_text in (
        (previous, doc.between(previous, parts[0]) if previous else ""),
        (following, doc.between(parts[-1], following) if following else ""),
    ):
        if (
            neighbour is not None
            and neighbour.id != total.id
            and _same_measure(neighbour, parts[0])
            and _LIST_GAP.match(gap_text)
        ):
            f["list_goes_on"] = 1.0


def _restatement_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    if "first" not in relation.roles or "again" not in relation.roles:
        return
    first, again = doc.by_id[relation.roles["first"]], doc.by_id[relation.roles["again"]]
    if _COMPARED.search(_around(doc, first, 25)) or _COMPARED.search(_around(doc, again, 25)):
        f["compared_near"] = 1.0
    if doc.before(again, 8).lower().rstrip().endswith(("the", "those", "these", "that")):
        f["again_definite"] = 1.0
    shared = doc.content_words_near(first, 60, 40) & doc.content_words_near(again, 60, 40)
    f["shared_words"] = math.log1p(len(shared))


def _change_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    roles = relation.roles
    if not {"old", "new", "change"} <= roles.keys():
        return
    old, new, change = (doc.by_id[roles[r]] for r in ("old", "new", "change"))
    if doc.said_as_earlier(old):
        f["old_said_earlier"] = 1.0
    if doc.said_as_earlier(new):
        f["new_said_earlier"] = 1.0
    if change.sentence in (old.sentence, new.sentence):
        f["change_with_a_figure"] = 1.0
    if change.sentence == old.sentence == new.sentence:
        f["change_old_new_one_sentence"] = 1.0
    if change.unit == "percentage point":
        f["change_in_points"] = 1.0
    if old.kind is Kind.percentage:
        f["change_of_percentages"] = 1.0
    gap = _ordered_gap(doc, new, change)
    if len(gap) < 40:
        f["change_beside_new"] = 1.0


def _comparative_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    roles = relation.roles
    if not {"subject", "other", "comparative"} <= roles.keys():
        return
    subject, other, comparative = (doc.by_id[roles[r]] for r in ("subject", "other", "comparative"))
    if comparative.sentence in (subject.sentence, other.sentence):
        f["comparative_with_a_figure"] = 1.0
    if comparative.sentence == subject.sentence == other.sentence:
        f["comparative_one_sentence"] = 1.0
    if doc.said_as_earlier(other) or doc.said_as_earlier(subject):
        f["compared_figure_marked"] = 1.0


def _bound_features(doc: Document, relation: Relation, f: dict[str, float]) -> None:
    roles = relation.roles
    if not {"bound", "count"} <= roles.keys():
        return
    bound, count = doc.by_id[roles["bound"]], doc.by_id[roles["count"]]
    if bound.kind is Kind.vague:
        f["vague_word"] = 1.0
    if bound.sentence == 0 or count.sentence == 0:
        f["bound_in_headline"] = 1.0
    if bound.sentence == count.sentence:
        f["bound_with_count"] = 1.0


_TYPE_FEATURES: dict[RelationType, Callable[[Document, Relation, dict[str, float]], None]] = {
    RelationType.percentage_of: _share_features,
    RelationType.fraction_of: _share_features,
    RelationType.part_le_whole: _part_features,
    RelationType.sum: _sum_features,
    RelationType.restatement: _restatement_features,
    RelationType.difference: _change_features,
    RelationType.ratio: _comparative_features,
    RelationType.vague_bound: _bound_features,
}
