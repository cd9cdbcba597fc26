"""Item headings of the primary document, under both numbering schemes.

A heading is a line that starts with "Item"/"Items" and a number ("ITEM 5.  OTHER EVENTS",
"Item 8.01 Other Events.", "ITEM 8.01." with the title on the next line, "Items 1 and 2.", a table cell
"Item 2.02<TAB>Results of …"), also with a token between the word and the number ("Item No. 2.",
"ITEM NO. 7", "Items Nos. 1 and 2", "Item - 5.02", "Item #5", "ITEM: 2.02"). A line whose number is followed by a
lower-case word ("Item 9.01 of this report …") is a wrapped cross-reference, not a heading. Each
item's span runs to the next heading or to the signature block; when a number repeats (a table of
contents), the occurrence with the most text wins.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from eightk.catalog import code_for, code_for_title, modern_scheme
from eightk.parse.text import at_line_start, fold

__all__ = ["Heading", "find_items"]

# Matched in folded (lower-case) text; the line-start test is done in Python (see find_items).
_HEADING = re.compile(
    r"items?[ \t]*(?:(?:nos?\.|nos?(?=[ \t])|number|#|-|\u2013|\u2014|:)[ \t]*)?(?P<nums>\d{1,2}(?:\.\d{1,2})?"
    r"(?:[ \t]*(?:,|and|&|\u2013|-)[ \t]*\d{1,2}(?:\.\d{1,2})?)*)"
    r"(?![\d])\.?(?P<rest>[^\n]*)"
)
_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
_TITLE_END = re.compile(r"\.(?:\s|$)|\t|(?<!\s)\s{3,}+(?=[A-Z])")  # a run of spaces is tried once
_NOT_APPLICABLE = re.compile(
    r"^(?:not\s+applicable|none|inapplicable|n/?a|no\s+(?:change|event|events|response\s+required)|"
    r"omitted|not\s+required)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Heading:
    number: str
    code: str | None
    title: str | None
    applicable: bool
    start: int
    end: int  # end of the item's text (next heading or the signature block)


def _accepts(rest: str) -> bool:
    r = rest.lstrip(" \t")
    if not r:
        return True
    if r[0] in ".:-\u2013\u2014(\t[":
        return True
    return r[0].isupper() or r[0].isdigit() or r[0] in "\"'\u201c"


def _title(text: str, rest: str, line_end: int) -> tuple[str | None, int]:
    """The title on the heading line, else on the next non-blank line; and where the body starts."""
    r = rest.strip(" \t.:-\u2013\u2014")
    if r:
        m = _TITLE_END.search(r)
        title = r[: m.start()] if m else r
        return title.strip(" .:") or None, line_end
    nxt = re.compile(r"\n[ \t]*\n?[ \t]*([^\n]+)").match(text, line_end)
    if nxt:
        cand = nxt.group(1).strip()
        if len(cand) <= 200 and (code_for_title(cand) is not None or cand.isupper()):
            return cand.strip(" .:") or None, nxt.end()
    return None, line_end


def _code(number: str, title: str | None, on: _dt.date | None) -> str | None:
    if "." not in number and modern_scheme(on) and title:
        by_title = code_for_title(title, on)
        if by_title:
            return by_title
    return code_for(number, on)


def _applicable(text: str, body_start: int, end: int) -> bool:
    """False when the body's first paragraph only says "None"/"Not applicable" and little follows
    (a running page header such as the company name may)."""
    body = text[body_start:end].strip()
    if not body:
        return True
    first, _, rest = body.partition("\n\n")
    first = first.strip().lstrip("-\u2013\u2014:. \t")
    if len(first) > 60 or len(rest.strip()) > 100:
        return True
    m = _NOT_APPLICABLE.match(first)
    return not (m and len(first[m.end() :].strip(" .;")) < 25)


def find_items(
    text: str, *, start: int = 0, end: int | None = None, on: _dt.date | None = None, low: str | None = None
) -> list[Heading]:
    """Item headings in ``text[start:end]``; ``on`` is the date that decides the numbering scheme;
    ``low`` is ``fold(text)`` when the caller has it."""
    stop = len(text) if end is None else end
    low = fold(text) if low is None else low
    raw: list[tuple[list[str], str | None, int, int]] = []  # numbers, title, heading start, body start
    for m in _HEADING.finditer(low, start, stop):
        rest = text[m.start("rest") : m.end("rest")]
        if not at_line_start(low, m.start(), " \t*\u2022") or not _accepts(rest):
            continue
        numbers = _NUMBER.findall(m.group("nums"))
        title, body_start = _title(text, rest, m.end())
        raw.append((numbers, title, m.start(), body_start))
    headings: list[Heading] = []
    for i, (numbers, title, h_start, body_start) in enumerate(raw):
        h_end = raw[i + 1][2] if i + 1 < len(raw) else stop
        h_end = _rstrip_end(text, h_start, h_end)
        applicable = _applicable(text, body_start, h_end)
        for number in numbers:
            headings.append(Heading(number, _code(number, title, on), title, applicable, h_start, h_end))
    return _dedupe(_without_list_labels(headings, on))


def _without_list_labels(headings: list[Heading], on: _dt.date | None) -> list[Heading]:
    """Under the modern scheme, a heading numbered without a dot ("Item 2. Advisory Vote to Approve
    Executive Compensation", a proposal under Item 5.07) among dotted ones is a list label unless its
    title names an item."""
    if not modern_scheme(on) or not any("." in h.number for h in headings):
        return headings
    return [h for h in headings if "." in h.number or (h.title and code_for_title(h.title, on))]


def _rstrip_end(text: str, floor: int, end: int) -> int:
    """``end`` moved back over trailing whitespace, not below ``floor``: without copying
    ``text[:end]`` (a copy per heading made 40,000 repeated headings quadratic)."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _dedupe(headings: list[Heading]) -> list[Heading]:
    best: dict[str, Heading] = {}
    for h in headings:
        kept = best.get(h.number)
        if kept is None or (h.end - h.start) > (kept.end - kept.start):
            best[h.number] = h
    chosen = {id(h) for h in best.values()}
    return [h for h in headings if id(h) in chosen]
