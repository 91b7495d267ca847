"""A share and a count tied by a name: 'puts Grace Okoro on 39 per cent' and 'about 360 of them
backed Ms Okoro'. Only when the name is unambiguous: exactly one percentage and exactly one
count of a whole stand right beside it in the whole article. A candidate with this year's and
last year's share, or a party with votes and seats, is left alone; so is a margin ('312 ahead of
Labour's ...')."""

from __future__ import annotations

import re
from collections import defaultdict

from claimcheck.link.document import Document
from claimcheck.link.shares import recent_share_whole, share_relation
from claimcheck.models import Claim, Kind

_NAME = re.compile(r"\b([A-Z][a-z]{3,})(?:['’]s)?\b")
_NOT_NAMES = frozenset(
    "January February March April June July August September October November December Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those There Their "
    "Council Borough County District Party".split()
)
_MARGIN = re.compile(r"^\s+(?:votes?\s+)?(?:ahead|behind|more|fewer|less|clear|short|points?)\b")


def find(doc: Document) -> None:
    shares: dict[str, list[Claim]] = defaultdict(list)
    counts: dict[str, list[Claim]] = defaultdict(list)
    for claim in doc.claims:
        if claim.kind is Kind.percentage and claim.unit == "per cent":
            for name in _names(doc.before(claim, 25)):
                shares[name].append(claim)
        elif claim.kind is Kind.count and claim.value and not _MARGIN.match(doc.after(claim, 20)):
            for name in _names(doc.before(claim, 25) + " " + doc.after(claim, 25)):
                counts[name].append(claim)
    linked = {r.roles.get("share") for r in doc.relations}
    for name, named_shares in shares.items():
        if len(named_shares) != 1 or len(counts.get(name, [])) != 1:
            continue
        share, count = named_shares[0], counts[name][0]
        if share.id in linked or share.sentence == count.sentence:
            continue
        whole = doc.whole_of(count) or recent_share_whole(doc, count)
        if whole is not None and whole.id != count.id:
            doc.add(share_relation(count, whole, share, f"the same name ({name})"))


def _names(text: str) -> set[str]:
    """Capitalised words that are not the first word of a sentence or a calendar word."""
    found = set()
    for match in _NAME.finditer(text):
        start = match.start()
        sentence_start = start == 0 or text[:start].rstrip().endswith((".", "!", "?", '"', "“"))
        if match.group(1) not in _NOT_NAMES and not sentence_start:
            found.add(match.group(1))
    return found
