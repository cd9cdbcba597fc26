"""Dates a deal is told with: the document's own date (a filing's, a dateline's, a note's period), the
first day of the period a note covers, and the date a deal sentence gives its deal. A deal entered into long
before the document's date is an old deal recounted.
"""

from __future__ import annotations

import datetime as _dt
import re

from eightk.extract.deal_cues import _DATE, _I, _MONTHS, _WINDOW
from eightk.extract.text import Region


def _ref_date(region: Region) -> _dt.date | None:
    """The document's own date: the filing's, else the first full date near the top (a note's period,
    a press release's dateline)."""
    if region.ref is not None:
        return region.ref
    head = region.body[:1500]
    for m in _DATE.finditer(head):
        after = head[m.end() : m.end() + 12]
        if m.start() > 250 and not re.match(r"\s*(?:[-–—/(]|\(GLOBE|\(BUSINESS|/PRNewswire)", after):
            continue  # a date in the text is no document date; a dateline's or a note header's is
        if m.group(2):
            try:
                return _dt.date(int(m.group(3)), _MONTHS.index(m.group(1).lower()[:3]) + 1, int(m.group(2)))
            except ValueError:
                continue
    # a note without a dated header: the latest period it reports on ("During each of the six month periods
    # ended June 30, 2012 and 2011, we received …") dates it
    ends = [d for p in _ENDED.finditer(region.body[:_WINDOW]) if (d := _anchor_date(p.group(1))) is not None]
    return max(ends) if ends else None


_ENDED = re.compile(
    r"\b(?:months?|periods?|years?|quarters?|weeks?)\s+ended\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d)",
    _I,
)
_PERIOD = re.compile(r"\b(\d{1,2}|three|six|nine|twelve)\s+months?\s+ended\s*\|?\s*", _I)
_N_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}


def _period_start(region: Region) -> _dt.date | None:
    """The first day of the longest period a financial note's header covers ("12 Months Ended | Dec. 31,
    2012" → 2012-01-01; an interim period reaches three months further back, as a quarterly note also
    reports the deals of the months just before it); None when the text states no period. A deal the note
    tells that was entered into before that day is a deal of an earlier period, recounted."""
    head = region.body[:800]
    best: _dt.date | None = None
    for m in _PERIOD.finditer(head):
        n = _N_MONTHS.get(m.group(1).lower()) or int(m.group(1))
        end = _anchor_date(head[m.end() : m.end() + 40])
        if end is None or not 1 <= n <= 12:
            continue
        month = end.month - n + 1
        start = _dt.date(end.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        if n < 12:  # an interim note also tells the deals of the months just before its period
            start -= _dt.timedelta(days=92)
        best = start if best is None or start < best else best
    return best


def _under_older(sent: str, when: _dt.date) -> bool:
    """Whether a deal sentence is about an agreement of an earlier year ("… under the license agreement,
    dated as of December 30, 1997, …" in a sentence of 2012): what it enters into changes that one."""
    for m in re.finditer(r"\b(?:dated|effective)\s+(?:as\s+of\s+)?", sent, _I):
        then = _anchor_date(sent[m.end() : m.end() + 30])
        if then is not None and (when - then).days > 365:
            return True
    return False


def _anchor_date(sent: str, at: int | None = None) -> _dt.date | None:
    """The date a deal sentence gives its deal: the full date nearest ``at`` (the entry verb), else "in
    2019" near the verb; not a year that dates something else ("a company founded in 1998")."""
    dates = list(_DATE.finditer(sent))
    m = min(dates, key=lambda d: abs(d.start() - at)) if dates and at is not None else (dates[0] if dates else None)
    if m is None:
        for y in re.finditer(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", sent):
            lead = sent[max(0, y.start() - 14) : y.start() + 1]
            if re.search(r"\b(?:founded|formed|established|incorporated|organized|since)\s+$", lead):
                continue
            if at is None or abs(y.start() - at) <= 120:
                return _dt.date(int(y.group(1)), 12, 31)
        return None
    day = int(m.group(2)) if m.group(2) else 28
    try:
        return _dt.date(int(m.group(3)), _MONTHS.index(m.group(1).lower()[:3]) + 1, day)
    except ValueError:
        return None


# a press release's dateline: "SAN DIEGO, CA, October 6, 2004 — ", "August 25, 2008 (GlobeNewswire) -- "
_DATELINE = re.compile(
    r"\b(?:19|20)\d\d\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—]{1,2}|/PRNewswire[^/\n]{0,40}/\s*[-–—]*)\s*|"
    r"\((?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)(?:19|20)\d\d\)\s*(?:[-–—]{1,2}\s*)?"  # "Mystic, CT (August 11, 2008) X"
)
