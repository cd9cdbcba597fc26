"""Inline XBRL cover facts: the ``dei:`` tags of a cover page (2019 onward).

Returns each fact's text in document order with whether it is hidden (inside ``ix:header`` or a
``display:none`` element, which a reader never sees: there filers often put the SEC's conformed
name instead of the cover's).
"""

from __future__ import annotations

import html as _html
import re
from typing import NamedTuple

__all__ = ["Fact", "dei_facts"]


class Fact(NamedTuple):
    value: str
    hidden: bool


_FACT = re.compile(
    r"<ix:(nonNumeric|nonFraction)\b([^>]*?)\bname\s*=\s*[\"']dei:(\w+)[\"']([^>]*)>(.*?)</ix:\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_HEADER = re.compile(r"<ix:header\b.*?(?:</ix:header\s*>|$)", re.IGNORECASE | re.DOTALL)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")


def dei_facts(markup: str) -> dict[str, list[Fact]]:
    """``{"EntityRegistrantName": [Fact("NVIDIA CORP", hidden=True)], "TradingSymbol": […], …}``."""
    facts: dict[str, list[Fact]] = {}
    hidden = [(h.start(), h.end()) for h in _HEADER.finditer(markup)]
    for m in _FACT.finditer(markup):
        raw = m.group(5)
        text = _TAG.sub(" ", raw) if "<" in raw else raw
        if "&" in text:
            text = _html.unescape(text)
        value = _WS.sub(" ", text.replace("\xa0", " ")).strip()
        attrs = m.group(2) + m.group(4)
        if not value and "fixed-true" not in attrs and "fixed-false" not in attrs:
            continue
        is_hidden = any(a <= m.start() < b for a, b in hidden) or _in_hidden_element(markup, m.start())
        facts.setdefault(m.group(3), []).append(Fact(value, is_hidden))
    return facts


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
