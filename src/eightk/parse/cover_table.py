"""Combined covers: several registrants in one table (utility holding companies and their subsidiaries).

    Commission      Registrant, State of Incorporation,      I.R.S. Employer
    File Number     Address and Telephone Number             Identification No.
    1-3526          The Southern Company                     58-0690070
                    (A Delaware Corporation)          (or without the brackets)
                    270 Peachtree Street, N.W.
                    Atlanta, Georgia 30303
                    (404) 506-5000

The record's registrant is the first row. In text filings a row is one line (file number, name, IRS
number) with the rest of the cell below it; in HTML each cell's lines come one after another (file
number, name, state, address, phone, IRS number) and the next row starts with the next file number.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eightk.parse.places import JURISDICTION_PATTERN, state_code

__all__ = ["read_registrant_table"]


class Cell(NamedTuple):
    value: str
    start: int
    end: int


_CAPTION = re.compile(
    r"registrant(?:\s+as\s+specified\s+in\s+its\s+charter)?\s*[,;]?\s*(?:and\s+)?"
    r"(?:its\s+)?state\s+(?:or\s+other\s+jurisdiction\s+)?of\s+incorporation"
)
_FILE_AT_START = re.compile(r"(?:\d{1,3}|333)-\d{3,6}(?![\d-])")
_IRS = re.compile(r"(?<![\d-])(\d{2})[ \t]?[-\u2013][ \t]?(\d{7})(?![\d-])")
_PHONE = re.compile(r"(?<!\d)\(?(\d{3})\)?[\s.\-\u2013]*+(\d{3})[\s.\-\u2013]*+(\d{4})(?!\d)")
_INCORPORATED = re.compile(
    r"^(\()?\s*(?:an?\s+([a-z][a-z .]{2,30}?)\s+(?:corporation|company|limited\s+liability\s+company|"
    r"limited\s+partnership|trust)|incorporated\s+in\s+(?:the\s+state\s+of\s+)?([a-z][a-z .]{2,30}?))\s*(?(1)\))$"
)
_CAPTION_WORDS = re.compile(r"identification|file\s+number|telephone\s+number|incorporation,", re.IGNORECASE)
_ROWS_WITHIN = 1500  # characters after the caption where the first row must start


def _lines(text: str, start: int, end: int) -> list[Cell]:
    """Non-blank lines of text[start:end], stripped, with their offsets; blank lines as empty cells."""
    out: list[Cell] = []
    pos = start
    for raw in text[start:end].split("\n"):
        s = pos + len(raw) - len(raw.lstrip())
        out.append(Cell(raw.strip(), s, s + len(raw.strip())))
        pos += len(raw) + 1
    return out


def read_registrant_table(text: str, low: str, end: int) -> dict[str, Cell] | None:
    """The first registrant of a combined cover, or None when the cover is not one. ``low`` is the
    cover folded to lower case with the same offsets."""
    cap = _CAPTION.search(low, 0, end)
    if cap is None:
        return None
    lines = _lines(text, cap.end(), min(end, cap.end() + _ROWS_WITHIN + 1000))
    first = next(
        (i for i, c in enumerate(lines) if _FILE_AT_START.match(c.value) and c.start - cap.end() < _ROWS_WITHIN),
        None,
    )
    if first is None:
        return None
    row = lines[first]
    number = _FILE_AT_START.match(row.value)
    assert number is not None
    out = {"file_number": Cell(number.group(0), row.start, row.start + number.end())}
    rest = row.value[number.end() :]
    block: list[Cell] = []
    if rest.strip():  # text layout: "1-3526   The Southern Company   58-0690070", the cell continues below
        offset = row.start + number.end() + (len(rest) - len(rest.lstrip()))
        block.append(Cell(rest.strip(), offset, offset + len(rest.strip())))
        for c in lines[first + 1 :]:
            if not c.value or _FILE_AT_START.match(c.value):
                break
            block.append(c)
    else:  # HTML layout: one cell line after another until the IRS number or the next file number
        for c in lines[first + 1 :]:
            if not c.value:
                continue
            if _FILE_AT_START.fullmatch(c.value) or len(block) >= 10:
                break
            block.append(c)
            if _IRS.fullmatch(c.value):
                break
    if not block:
        return None
    _read_block(block, out)
    return out if "name" in out else None


def _read_block(block: list[Cell], out: dict[str, Cell]) -> None:
    address: list[Cell] = []
    for i, c in enumerate(block):
        value = c.value
        irs = _IRS.search(value)
        if irs and "irs_number" not in out:
            out["irs_number"] = Cell(f"{irs.group(1)}-{irs.group(2)}", c.start + irs.start(), c.start + irs.end())
            value = value[: irs.start()].rstrip()
            if not value:
                continue
        if i == 0:
            if _CAPTION_WORDS.search(value) or not re.search(r"[A-Za-z]{2}", value):
                return
            out["name"] = Cell(value, c.start, c.start + len(value))
            continue
        inc = _INCORPORATED.match(value.lower())
        if inc and "state_of_incorporation" not in out:
            place = (inc.group(2) or inc.group(3)).strip(" .")
            if JURISDICTION_PATTERN.fullmatch(place):
                group = 2 if inc.group(2) else 3
                printed = " ".join(value[inc.start(group) : inc.end(group)].split())
                a, b = c.start + inc.start(group), c.start + inc.end(group)
                out["state_of_incorporation"] = Cell(state_code(printed) or printed, a, b)
            continue
        phone = _PHONE.search(value)
        if phone and "phone" not in out and (value.startswith("(") or "telephone" in value.lower() or i > 1):
            if not re.search(r"\d{5}$", value.rstrip()):  # not an address line ending in a ZIP code
                out["phone"] = Cell("".join(phone.groups()), c.start + phone.start(), c.start + phone.end())
                continue
        if "phone" not in out and len(address) < 4:
            address.append(Cell(value, c.start, c.start + len(value)))
    if address:
        out["address"] = Cell("\n".join(a.value for a in address), address[0].start, address[-1].end)
