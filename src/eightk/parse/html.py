"""HTML (including inline XBRL) → normalized text.

A regular-expression converter, not a DOM: it is fast, never fails on broken markup, and does what a
reader sees: block elements and table rows start new lines, table cells are separated by a tab, page
breaks become blank lines, hidden inline-XBRL headers, scripts and styles disappear, entities are
decoded and runs of spaces collapse. ``<pre>`` blocks keep their lines.
"""

from __future__ import annotations

import html as _html
import re

from eightk.parse.text import normalize_text

__all__ = ["html_to_text"]

_DROP = re.compile(
    r"<!--.*?-->"
    r"|<(script|style|head|title|ix:header)\b[^>]*>.*?</\1\s*>"
    r"|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*\?>",
    re.IGNORECASE | re.DOTALL,
)
_HIDDEN = re.compile(
    r"<(div|span|p|table)\b[^>]*display\s*:\s*none[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_PRE = re.compile(r"<pre\b[^>]*>(.*?)(?:</pre\s*>|$)", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_PAGE_BREAK = re.compile(r"<hr\b[^>]*>|<[a-z]+\b[^>]*page-break-(?:before|after)\s*:\s*always[^>]*>", re.IGNORECASE)
_BLOCK = re.compile(
    r"</?(?:p|div|br|tr|li|ul|ol|h[1-6]|table|thead|tbody|tfoot|center|blockquote|dl|dt|dd|section|"
    r"article|header|footer|caption|body|html|form)\b[^>]*>",
    re.IGNORECASE,
)
_CELL = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_CELL_RUN = re.compile(r"[ \t]*\t[ \t\t]*")
_LINE_EDGES = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_SPACES = re.compile(r" {2,}")
_ODD_SPACES = {
    "\xa0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\xad": "",
}
_ODD_TABLE = str.maketrans(_ODD_SPACES)


def html_to_text(markup: str) -> str:
    markup = _DROP.sub(" ", markup)
    if "display" in markup:
        markup = _HIDDEN.sub(" ", markup)
    parts: list[str] = []
    pos = 0
    for m in _PRE.finditer(markup):
        parts.append(_flow(markup[pos : m.start()]))
        parts.append("\n" + _inline(m.group(1)) + "\n")
        pos = m.end()
    parts.append(_flow(markup[pos:]))
    text = "".join(parts)
    text = _CELL_RUN.sub("\t", text)
    text = _LINE_EDGES.sub("", text)
    return normalize_text(text)


def _flow(markup: str) -> str:
    """Markup whose whitespace is insignificant."""
    markup = _SPACE.sub(" ", markup)
    markup = _PAGE_BREAK.sub("\n\n", markup)
    markup = _BLOCK.sub("\n", markup)
    markup = _CELL.sub("\t", markup)
    return _SPACES.sub(" ", _inline(markup))


def _inline(markup: str) -> str:
    text = _TAG.sub("", markup)
    if "&" in text:
        text = _html.unescape(text)
    return text.translate(_ODD_TABLE).replace("\t\n", "\n")
