"""Exhibit index rows ("99.1  Press release dated May 4, 2000") and their link to attached documents.

Rows come from an "EXHIBIT INDEX" section when there is one, and from the exhibits list of Item 9.01
(old Item 7) otherwise; a number is a real exhibit number only when its integer part is one that
Regulation S-K Item 601 defines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eightk.parse.text import at_line_start, fold

__all__ = ["ExhibitRow", "find_exhibit_rows", "exhibit_key", "find_index_start"]

# Item 601 exhibit numbers (integer part).
_VALID = frozenset(list(range(1, 37)) + [95, 96, 97, 98, 99, 100, 101, 104])
_ROW_BODY = (
    r"(?P<indent>[ \t]*+)(?:(?:Exhibit|Ex\.?)[ \t]*+)?(?:No\.?[ \t]*+)?"
    r"(?P<num>\d{1,3}(?:\.\d{1,3}[A-Za-z]?)?(?:\s?\([a-z0-9]{1,3}\))?)\.?(?:[ \t]*[*\u2020+#]+)?"
    r"(?:[ \t]+|[ \t]*[-\u2013\u2014:][ \t]+|(?=\n|$))(?P<desc>[^\n]*)"
)
# Scanning form starts with a literal newline so the engine jumps from line to line.
_ROW_SCAN = re.compile(r"\n" + _ROW_BODY, re.IGNORECASE)
_ROW = re.compile(_ROW_BODY + r"$", re.IGNORECASE)
_INDEX = re.compile(
    r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|EXHIBITS\s+INDEX)\b", re.IGNORECASE | re.MULTILINE
)
_PAGE_COLUMN = re.compile(r"(?<!\s)\s{3,}\d{1,3}\s*$")  # tried from a run's first space only
INDEX_WINDOW = 5000


@dataclass(frozen=True, slots=True)
class ExhibitRow:
    number: str
    description: str | None
    start: int
    end: int


def exhibit_key(number: str) -> tuple[int, ...] | None:
    """ "99.1" → (99, 1); "EX-99.01" → (99, 1); "99" → (99,)."""
    m = re.search(r"(\d{1,3})(?:\.(\d{1,3}))?", number)
    if not m:
        return None
    return (int(m.group(1)),) if m.group(2) is None else (int(m.group(1)), int(m.group(2)))


def find_index_start(text: str, after: int = 0, low: str | None = None) -> int | None:
    low = fold(text) if low is None else low
    for m in _INDEX.finditer(low, after):
        if at_line_start(low, m.start()):
            return m.start()
    return None


def _clean(desc: str) -> str:
    desc = _PAGE_COLUMN.sub("", desc)
    return " ".join(desc.replace("\t", " ").split()).strip(" .;")


def find_exhibit_rows(text: str, start: int, end: int) -> list[ExhibitRow]:
    """Exhibit rows in ``text[start:end]``, descriptions joined across wrapped lines."""
    rows: list[ExhibitRow] = []
    for m in _ROW_SCAN.finditer(text, max(0, start - 1), end):
        key = exhibit_key(m.group("num"))
        if key is None or key[0] not in _VALID:
            continue
        desc = m.group("desc")
        if not desc.strip() and len(m.group("indent").expandtabs()) >= 16:
            continue  # a number alone in the middle of its line ("                 3.") is a page's number
        if re.match(r"\s*(?:of|to|and|in|is|was|hereto|filed|furnished)\b", desc, re.IGNORECASE):
            continue  # "99.1 to this report …" is prose, not a row
        row_end, desc = _continue(text, m.end(), end, desc, len(m.group("indent").expandtabs()))
        number = re.sub(r"\s+", "", m.group("num"))
        rows.append(ExhibitRow(number, _clean(desc) or None, m.start("num"), row_end))
    return _unique(rows)


def _continue(text: str, pos: int, end: int, desc: str, indent: int) -> tuple[int, str]:
    """Append wrapped description lines: indented deeper than the row, not blank, not a row."""
    row_end = pos
    if not desc.strip():  # number alone: the description is on the next non-blank line
        m = re.compile(r"\n[ \t]*\n?[ \t]*([^\n]+)").match(text, pos)
        if m and m.end() <= end and not _ROW.match(m.group(1)):
            return m.end(), m.group(1)
        return row_end, desc
    while row_end < end:
        nl = text.find("\n", row_end + 1)
        line = text[row_end + 1 : nl if nl >= 0 else end]
        stripped = line.strip()
        lead = len(line) - len(line.lstrip(" \t"))
        if not stripped or lead <= indent or lead < 4 or _ROW.match(line) and _valid(line):
            break
        desc += " " + stripped
        row_end = nl if nl >= 0 else end
    return row_end, desc


def _valid(line: str) -> bool:
    m = _ROW.match(line)
    key = exhibit_key(m.group("num")) if m else None
    return bool(key and key[0] in _VALID)


def _unique(rows: Sequence[ExhibitRow]) -> list[ExhibitRow]:
    seen: set[str] = set()
    out = []
    for r in rows:
        if r.number not in seen:
            seen.add(r.number)
            out.append(r)
    return out
