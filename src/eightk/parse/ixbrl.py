"""Inline XBRL cover facts: the ``dei:`` tags of a cover page (2019 onward).

Returns each fact's text in document order with whether it is hidden (inside ``ix:header`` or a
``display:none`` element, which a reader never sees: there filers often put the SEC's conformed
name instead of the cover's).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eightk.parse.html import unescape
from eightk.parse.text import fold

__all__ = ["Fact", "dei_facts"]


class Fact(NamedTuple):
    value: str
    hidden: bool


# An opening fact tag naming a dei: concept, in folded text; its closer is found with str.find so that
# unclosed tags cost one scan each, not a scan to the end of the document each.
_FACT_OPEN = re.compile(r"<ix:(nonnumeric|nonfraction)\b[^>]*?\bname\s*=\s*[\"']dei:(\w+)[\"'][^>]*>")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")


def dei_facts(markup: str) -> dict[str, list[Fact]]:
    """``{"EntityRegistrantName": [Fact("NVIDIA CORP", hidden=True)], "TradingSymbol": […], …}``."""
    facts: dict[str, list[Fact]] = {}
    low = fold(markup)
    hidden = _header_spans(low)
    unclosed: set[str] = set()
    for m in _FACT_OPEN.finditer(low):
        if m.group(1) in unclosed:
            continue
        close = low.find("</ix:" + m.group(1), m.end())
        if close < 0:  # nothing later closes this kind either
            unclosed.add(m.group(1))
            continue
        raw = markup[m.end() : close]
        text = _TAG.sub(" ", raw) if "<" in raw else raw
        if "&" in text:
            text = unescape(text)
        value = _WS.sub(" ", text.replace("\xa0", " ")).strip()
        attrs = low[m.start() : m.end()]
        if not value and "fixed-true" not in attrs and "fixed-false" not in attrs:
            continue
        concept = markup[m.start(2) : m.end(2)]  # as written (dei names are case-sensitive)
        is_hidden = any(a <= m.start() < b for a, b in hidden) or _in_hidden_element(markup, m.start())
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
