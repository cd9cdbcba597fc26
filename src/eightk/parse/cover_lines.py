"""The lines of a cover page: the text with its folded copy (``Page``), a value with its span (``Found``),
and the line primitives every cover reader uses (the lines above a caption, a column of a space-aligned
line, a value's whitespace cleaned)."""

from __future__ import annotations

import re
from typing import NamedTuple

from eightk.parse.text import fold

__all__ = ["COVER_LIMIT", "RULE", "Found", "Page", "clean", "column", "line_bounds", "value_lines_before"]

COVER_LIMIT = 12000  # the cover never runs longer than this many characters


class Page(str):
    """The text, plus ``low``: its cover folded to lower case with the same offsets. Captions are
    searched case-sensitively in ``low`` (IGNORECASE patterns are many times slower in ``re``)."""

    low: str

    def __new__(cls, text: str) -> Page:
        page = super().__new__(cls, text)
        page.low = fold(text[:COVER_LIMIT])
        return page


class Found(NamedTuple):
    """A cover value and its span in the text (character offsets)."""

    value: str
    start: int
    end: int


RULE = re.compile(r"^[\s\-_=*.\u2014\u2013]*$")


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding ``pos``, without its newline."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def value_lines_before(text: str, pos: int, limit: int = 3) -> list[tuple[int, int]]:
    """Up to ``limit`` non-blank, non-rule lines before the line holding ``pos``; stops at a caption."""
    out: list[tuple[int, int]] = []
    start, _ = line_bounds(text, pos)
    before = text[start:pos].strip(" \t")
    if before and not before.startswith("("):
        return [(start, start + len(text[start:pos].rstrip(" \t(")))]
    cursor = start - 1
    while cursor > 0 and len(out) < limit:
        ls, le = line_bounds(text, cursor)
        line = text[ls:le]
        cursor = ls - 1
        if not line.strip() or RULE.match(line):
            if out:
                break
            continue
        if line.strip().startswith("(") or line.strip().endswith(")"):
            break
        out.append((ls, le))
    return list(reversed(out))


def clean(value: str) -> str:
    """A value with its whitespace runs made single spaces and stray punctuation trimmed."""
    return " ".join(value.replace("\t", " ").split()).strip(" ,;:")


def column(text: str, line: tuple[int, int], col: int, width: int) -> tuple[int, int]:
    """The part of a space-aligned line that sits over columns ``col``..``col+width`` (text layouts put
    several captioned values side by side)."""
    s, e = line
    segs = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+(?: \S+)*", text[s:e])]
    if len(segs) < 2 or "\t" in text[s:e]:
        return line

    def overlap(seg: tuple[int, int]) -> int:
        return min(seg[1] - s, col + width) - max(seg[0] - s, col)

    return max(segs, key=overlap)
