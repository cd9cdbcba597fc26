"""A contract's opening: "THIS AGREEMENT … between", a title page ("LICENSE AGREEMENT / between"), one that
labels its parties or a form that fills them in, found once near the top of a document (``opening_in``).
"""

from __future__ import annotations

import itertools
import re

from eightk.extract.entity_names import LABEL_CAPS

__all__ = ["opening_in"]

_CONTRACT_OPENING = re.compile(
    r"(?:^|\n|(?<=\s)(?=THIS\s)|(?<=\d,\s)(?=this\s+[A-Z]))\W*(?P<this>THIS|This|this|AGREEMENT)\s+"
    r"(?:[\w\-]+\s+){0,8}?(?:AGREEMENT|[Aa]greement|LICEN[CS]E|AMENDMENT|made)\b.{0,400}?\b(?:between|BETWEEN|among|AMONG|"
    r"(?<=entered\sinto\s)by)\b",
    re.S,
)
# a title page: "DEVELOPMENT AND LICENSE AGREEMENT / between / X (the "Licensor") / and / Y (the "Licensee")"
_TITLE_OPENING = re.compile(
    r"(?:^|\n)[ \t]*(?P<this>[A-Z][A-Z ,\-&]{2,80}?(?:AGREEMENT|LICEN[CS]E))[ \t]*\n[\s|]*"
    r"(?:by\s+and\s+)?(?:between|BETWEEN|among|AMONG)\b"
)
# a title page that labels its parties: "LICENSE AGREEMENT WRANGLER APPAREL CORP. LICENSOR AND CHAMBERS BELT
# COMPANY LICENSEE"
_LABELLED_TITLE = re.compile(
    r"(?P<this>\b[A-Z][A-Z \-&]{0,60}?(?:AGREEMENT|LICEN[CS]E))\s+(?:[A-Z][\w.,&'\-]*\s+){1,8}?"
    rf"{LABEL_CAPS}\s+AND\s+(?:[A-Z][\w.,&'\-]*\s+){{1,8}}?{LABEL_CAPS}\b"
)
# a form that fills in its parties: "TRADEMARK LICENSE AGREEMENT … A. Licensee: Auburn Hosiery Xxxxx, Inc."
_FORM_OPENING = re.compile(
    r"(?:^|\n)[ \t]*(?P<this>[A-Z][A-Z ,\-&]{2,60}?LICEN[CS]E\s+AGREEMENT)\b(?:[^:]{0,300}?)\n[ \t]*(?:[A-Z]\.[ \t]+)?"
    r"(?:Licensee|LICENSEE|Licensor|LICENSOR)[ \t]*:"
)
_OPENING_REACH = 1500  # how far into its first sentence a contract's opening may start (past a title page)


_OPENING_START = re.compile(r"\n|THIS|this")  # where a contract's opening may start (or the text's start)


def _contract_opening(body: str, end: int, pattern: re.Pattern[str] = _CONTRACT_OPENING) -> re.Match[str] | None:
    """``pattern.search(body, 0, end)``, the pattern (which the engine tries at every position) tried only
    where ``_OPENING_START`` finds it may start, in order: the same match, four times faster. For
    ``_CONTRACT_OPENING`` and ``_TITLE_OPENING``, which start at the text's start, a line's or a "THIS"."""
    starts = itertools.chain((0,), (c.start() for c in _OPENING_START.finditer(body, 0, end)))
    return next((m for at in starts if (m := pattern.match(body, at, end))), None)


def opening_in(body: str, limit: int = 4500) -> re.Match[str] | None:
    """A contract's opening ("THIS AGREEMENT … between", or a title page "… LICENSE AGREEMENT / between")
    among the first ``limit`` characters of a document, the earlier of the two kinds; searched once per
    document, not at every sentence. Title pages that label their parties, and forms, are looked for only
    where a label's word is printed (those patterns cost at every capital letter)."""
    head = body[: limit + 500]
    kinds = []
    if any(w in head for w in ("LICENSOR", "LICENSEE", "SELLER", "BUYER", "PURCHASER")):
        kinds.append(_LABELLED_TITLE)
    if any(w in head for w in ("icensee", "ICENSEE", "icensor", "ICENSOR")):
        kinds.append(_FORM_OPENING)
    end = limit + 500
    openings = (_contract_opening(body, end), _contract_opening(body, end, _TITLE_OPENING))
    found = [m for m in (*openings, *(p.search(body, 0, end) for p in kinds)) if m]
    found = [m for m in found if m.start("this") < limit]
    return min(found, key=lambda m: m.start("this")) if found else None
