"""Dates as filers print them: "May 4, 2000", "MAY 4,2000", "4 May 2000", "05/04/2000", "2000-05-04",
"September 29 , 1995", "Sept. 3, 2004". ``find_date`` returns the first one in a string with its offsets."""

from __future__ import annotations

import datetime as _dt
import re

from eightk.parse.text import fold

__all__ = ["DATE_PATTERN", "dateline", "find_date", "parse_date"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    rf"\b(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<mo3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>(?:19|20)?\d\d)\b"
    r"|\b(?P<y4>(?:19|20)\d\d)-(?P<mo4>\d\d)-(?P<d4>\d\d)\b",
)  # matched against lower-cased text: case-sensitive patterns scan far faster than IGNORECASE ones


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _build(year: str, month: int, day: str) -> _dt.date | None:
    y = int(year)
    if y < 100:
        y += 1900 if y >= 70 else 2000
    try:
        return _dt.date(y, month, int(day))
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> _dt.date | None:
    g = m.groupdict()
    if g["m1"]:
        return _build(g["y1"], _month(g["m1"]), g["d1"])
    if g["m2"]:
        return _build(g["y2"], _month(g["m2"]), g["d2"])
    if g["mo3"]:
        return _build(g["y3"], int(g["mo3"]), g["d3"]) if 1 <= int(g["mo3"]) <= 12 else None
    return _build(g["y4"], int(g["mo4"]), g["d4"]) if 1 <= int(g["mo4"]) <= 12 else None


def find_date(text: str, start: int = 0, end: int | None = None) -> tuple[_dt.date, int, int] | None:
    """The first valid date in ``text[start:end]`` as ``(date, start, end)``."""
    stop = len(text) if end is None else min(end, len(text))
    window = text[start:stop]
    for m in DATE_PATTERN.finditer(fold(window)):
        d = _from_match(m)
        if d is not None:
            return d, start + m.start(), start + m.end()
    return None


# a date an event is told by ("effective August 20, 2010", "until", "since"): no dateline's
_EVENT_DATE = re.compile(
    r"\b(?:effective(?:\s+as\s+of)?|until|through|since|ended|ending|before|after|beginning|starting)[\s,]*$"
)


def dateline(text: str, end: int = 700) -> tuple[_dt.date, int, int] | None:
    """The first date in ``text[:end]`` that is no event's ("effective August 20, 2010"): a release's
    dateline ("ROCK HILL, S.C., Sept. 21, 2023 —"), as ``(date, start, end)``; None without one."""
    pos = 0
    while found := find_date(text, pos, end):
        if not _EVENT_DATE.search(fold(text[max(0, found[1] - 24) : found[1]])):
            return found
        pos = found[2]
    return None


def parse_date(text: str) -> _dt.date | None:
    """A date from a string that is (mostly) just a date; also EDGAR's YYYYMMDD."""
    s = text.strip()
    if re.fullmatch(r"(19|20)\d{6}", s):
        return _build(s[:4], int(s[4:6]), s[6:8]) if 1 <= int(s[4:6]) <= 12 else None
    found = find_date(s)
    return found[0] if found else None
