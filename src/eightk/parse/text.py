"""Plain-text documents → normalized text.

Removes what the printer and EDGAR added and what no reader counts as content: ``<PAGE>`` markers,
form feeds, page numbers ("2", "- 2 -", "Page 2 of 6"), and EDGAR's dash escaping (a line that began
with "-" was sent as "- -…"). Keeps the layout otherwise (columns matter on cover pages).
"""

from __future__ import annotations

import re
from typing import AnyStr

__all__ = ["find_all", "normalize_text"]


def find_all(text: AnyStr, word: AnyStr) -> list[int]:
    """Start offsets of every occurrence of ``word`` (str or bytes): str.find scans faster than the
    regex engine looking for a literal (not so for words starting with the ubiquitous "<" in HTML)."""
    found = []
    i = text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


# Patterns start with a literal newline (the text is padded with one) so the regex engine can scan
# for it quickly instead of trying every position, as a MULTILINE "^" would.
_PAGE_MARKER = re.compile(r"\n[ \t]*+</?(?:PAGE|page|Page)>[ \t]*+\d*+[ \t]*+(?=\n)")
_PAGE_NUMBER = re.compile(
    r"\n[ \t]*+(?:"
    r"\d{1,3}"  # 2
    r"|-[ \t]*\d{1,3}[ \t]*-"  # - 2 -
    r"|\(?[ \t]*+[Pp]age[ \t]++\d{1,3}(?:[ \t]++of[ \t]++\d{1,3})?[ \t]*+\)?"  # Page 2 of 6
    r"|[ivxIVX]{1,5}"  # roman page numbers of front matter
    r")[ \t]*+(?=\n)",  # possessive runs of spaces: a long run is read once, not once per space
)
_DASH_ESCAPE = re.compile(r"\n- (?=-)")
_BLANK_RUNS = re.compile(r"\n\n\n+")


def normalize_text(text: str, *, strip_lines: bool = True) -> str:
    if "\f" in text:
        text = text.replace("\f", "\n")
    text = "\n" + text + "\n"
    if "<" in text:
        text = _PAGE_MARKER.sub("\n", text)
    if "\n- -" in text:
        text = _DASH_ESCAPE.sub("\n", text)
    text = _drop_page_numbers(text)
    if strip_lines:
        text = "\n".join([line.rstrip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def _drop_page_numbers(text: str) -> str:
    """Drop page-number lines. A bare number counts only next to a blank line, the document edge or
    another dropped line, so a number alone in a table column wrapped onto its own line is kept."""
    cuts: list[tuple[int, int]] = []
    last_end = -2
    for m in _PAGE_NUMBER.finditer(text):
        s, e = m.start(), m.end()  # s is the newline before the line; text[e] the newline after it
        line = m.group(0).strip().lower()
        prev_nl = text.rfind("\n", 0, s)
        before = last_end == s or not text[prev_nl + 1 : s].strip()
        nxt = text.find("\n", e + 1)
        after = e >= len(text) - 1 or not text[e + 1 : nxt if nxt >= 0 else len(text)].strip()
        if line.startswith(("page", "(page", "-")) or before or after:
            cuts.append((s + 1, min(len(text), e + 1)))
            last_end = e
    if not cuts:
        return text
    parts, pos = [], 0
    for s, e in cuts:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def fold(text: str) -> str:
    """Lower-cased text with the same length (so offsets match): case-sensitive regular expressions
    over it run many times faster than IGNORECASE ones over the original."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowers to two characters: fold character by character
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def at_line_start(text: str, pos: int, allowed: str = " \t") -> bool:
    """Whether only ``allowed`` characters stand between the start of the line and ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    return not text[start:pos].strip(allowed)
