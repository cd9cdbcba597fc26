"""Inline XBRL cover facts: the ``dei:`` tags of a cover page (2019 onward).

Returns each fact's text in document order with whether it is hidden (inside ``ix:header`` or a
``display:none`` element, which a reader never sees: there filers often put the SEC's conformed
name instead of the cover's).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from eightk.parse.html import strip_tags, unescape
from eightk.parse.text import fold

__all__ = ["Fact", "dei_facts"]


class Fact(NamedTuple):
    value: str
    hidden: bool


# An opening fact tag naming a dei: concept, in folded text; its closer is found with str.find so that
# unclosed tags cost one scan each, not a scan to the end of the document each.
_FACT_OPEN = re.compile(r"<ix:(nonnumeric|nonfraction)\b[^>]*?\bname\s*=\s*[\"']dei:(\w+)[\"'][^>]*>")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# Bounds that keep hostile markup linear: a cover fact's markup runs to a few hundred characters (468 at
# most in the corpus), and a cover has some dozens of facts (106 at most). Thousands of unclosed openers
# sharing one far closer would otherwise each be read to it.
MAX_FACT_MARKUP = 8192
MAX_FACTS = 1000
_WS = re.compile(r"\s+")


def dei_facts(markup: str) -> dict[str, list[Fact]]:
    """``{"EntityRegistrantName": [Fact("NVIDIA CORP", hidden=True)], "TradingSymbol": […], …}``."""
    facts: dict[str, list[Fact]] = {}
    low = fold(markup)
    hidden = _header_spans(low)
    closers: dict[str, int] = {}  # kind → the first closer after the last opener of that kind
    count = 0
    for m in _FACT_OPEN.finditer(low):
        close = closers.get(m.group(1), -2)
        if close == -1:  # nothing later closes this kind either
            continue
        if close < m.end():  # each closer is searched for once, however many openers share it
            close = closers[m.group(1)] = low.find("</ix:" + m.group(1), m.end())
            if close < 0:
                continue
        count += 1
        if count > MAX_FACTS:
            break
        raw = markup[m.end() : min(close, m.end() + MAX_FACT_MARKUP)]
        text = strip_tags(raw, " ") if "<" in raw else raw
        if "&" in text:
            text = unescape(text)
        value = _WS.sub(" ", text.replace("\xa0", " ")).strip()
        attrs = low[m.start() : m.end()]
        if not value and "fixed-true" not in attrs and "fixed-false" not in attrs:
            continue
        concept = markup[m.start(2) : m.end(2)]  # as written (dei names are case-sensitive)
        is_hidden = _in_spans(hidden, m.start()) or _in_hidden_element(markup, m.start())
        facts.setdefault(concept, []).append(Fact(value, is_hidden))
    return facts


def _header_spans(low: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while (start := low.find("<ix:header", pos)) >= 0:
        end = low.find("</ix:header", start)
        end = len(low) if end < 0 else end
        spans.append((start, end))
        pos = end + 1
    return spans


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, disjoint ``(start, end)`` pairs)."""
    i = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _in_hidden_element(markup: str, pos: int) -> bool:
    """Whether an element opened shortly before ``pos`` (and not closed) hides its content."""
    window = markup[max(0, pos - 600) : pos]
    if "display" not in window and "DISPLAY" not in window:
        return False
    hits = list(_DISPLAY_NONE.finditer(window))
    if not hits:
        return False
    m = hits[-1]
    tag_start = window.rfind("<", 0, m.start())
    name = re.match(r"<([a-zA-Z]+)", window[tag_start:])
    return bool(name) and f"</{name.group(1).lower()}" not in window[m.end() :].lower() if name else False
