"""Plain-text documents → normalized text.

Removes what the printer and EDGAR added and what no reader counts as content: ``<PAGE>`` markers,
form feeds, page numbers ("2", "- 2 -", "Page 2 of 6"), and EDGAR's dash escaping (a line that began
with "-" was sent as "- -…"). Keeps the layout otherwise (columns matter on cover pages).
"""

from __future__ import annotations

import re

__all__ = ["normalize_text"]

_PAGE_MARKER = re.compile(r"^[ \t]*</?PAGE>[ \t]*\d*[ \t]*$", re.IGNORECASE | re.MULTILINE)
_PAGE_NUMBER = re.compile(
    r"^[ \t]*(?:"
    r"\d{1,3}"  # 2
    r"|-[ \t]*\d{1,3}[ \t]*-"  # - 2 -
    r"|\(?[ \t]*[Pp]age[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?[ \t]*\)?"  # Page 2 of 6
    r"|[ivxIVX]{1,5}"  # roman page numbers of front matter
    r")[ \t]*$",
    re.MULTILINE,
)
_DASH_ESCAPE = re.compile(r"^- (?=-)", re.MULTILINE)
_TRAILING_WS = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANKS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    if "\f" in text:
        text = text.replace("\f", "\n")
    text = _PAGE_MARKER.sub("", text)
    text = _DASH_ESCAPE.sub("", text)
    text = _drop_page_numbers(text)
    text = _TRAILING_WS.sub("", text)
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip("\n")


def _drop_page_numbers(text: str) -> str:
    """Drop page-number lines. A bare number counts only next to a blank line or the document edge,
    so a number alone in a table column wrapped onto its own line is kept."""
    lines = text.split("\n")
    keep: list[str] = []
    n = len(lines)
    dropped_last = True  # the document edge counts as a break
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.fullmatch(line):
            before = dropped_last or not keep or not keep[-1].strip()
            after = i == n - 1 or not lines[i + 1].strip()
            if line.strip().lower().startswith(("page", "(page", "-")) or before or after:
                dropped_last = True
                continue
        dropped_last = False
        keep.append(line)
    return "\n".join(keep)
