"""The date an officer change takes effect, read from its sentence (and the next one).

Offsets: ``s``/``e`` bound the sentence in ``region.body``; ``cue`` is the change's cue, relative to ``s``.
"""

from __future__ import annotations

import datetime as _dt
import re

from eightk.extract.officer_clauses import defined_date
from eightk.extract.officer_cues import no_calendar_date
from eightk.extract.text import Region, dates_in

__all__ = ["effective_date", "release_day", "succeeded_only"]

_EFFECTIVE = re.compile(r"\beffective\s+(?:as\s+of\s+|on\s+|from\s+)?", re.I)
# In the sentence after the change: "effective as of July 31", "will retire on June 30" (not "vesting on"),
# "His last day with the Company will be August 2".
_EFFECTIVE_BEFORE = re.compile(
    r"(?:\beffective(?:\s+as\s+of|\s+on|\s+from)?|\b(?:retire|resign|depart|leave|step\s+down|join|start|"
    r"commence)\w*\b[^.;\d]{0,90}?\b(?:on|as\s+of|from)|"
    r"\blast\s+day\b[^.;\d]{0,60}?\b(?:will\s+be|is|was))\s+$",
    re.I,
)
# Telling, not leaving: "informed the Board of his decision to retire". A tendered resignation takes
# effect when delivered, so "tendered" and "submitted" are not here.
_UPON_ON = re.compile(
    r"\beffective\s+(?:upon|following|on\s+the\s+date\s+of)\b(?:[^.;]|(?<=\b[A-Z])\.){0,200}?\bon\s+$", re.I
)
# a fiscal period's end is no change's date: "following the filing of its Form 10-Q for the quarter ended June 30"
# nor is a contract's term: "the term of his employment agreement was extended to September 30, 2028"
_PERIOD_END = re.compile(
    r"\b(?:(?:quarter|year|period|months|weeks)\s+end(?:ed|ing)|(?:extended|renewed|expires?|expiring)\s+(?:to|on|through|until))\s+$",
    re.I,
)
# a date in a relative clause of history before the change: "X, who had served as a director … until his
# resignation from the Board on December 31, 2013, is expected to succeed …"
_HISTORY = re.compile(r"\bwho\s+had\s+(?:previously\s+)?served\b[^;]{0,250}$")
# the change's own words, then "effective upon/following <an event>" with no date between
_BY_EVENT = re.compile(
    r"\w+[^.;\d]{0,80}?,\s+effective\s+(?:upon|following|at\s+the\s+(?:close|conclusion|completion))\s+(?:the|his|her|its)\b",
    re.I,
)
_TO_BE_HELD = re.compile(r"\b(?:scheduled\s+to\s+be|to\s+be)\s+held\s+on\s+$", re.I)
# a time cut off from its date by the sentence splitter: "effective at 5:00 p.m." + "Eastern Time on March 31, 2022."
_AT_TIME = re.compile(r"\beffective\s+(?:as\s+of\s+)?at\s+\d{1,2}(?::\d\d)?\s*[ap]\.m\.\s*$", re.I)
_TIME_ON = re.compile(r"\s*(?:[A-Z][a-z]+\s+){0,3}Time,?\s+on\s+")
_NOTICE = re.compile(r"\b(?:informed|notified|advised|told)\b", re.I)
# at once, or on the day told: "informed the Company of her resignation from the Board as of the same date"
_IMMEDIATELY = re.compile(
    r"\b(?:effective\s+)?immediately\b|\b(?:as\s+of|effective(?:\s+as\s+of|\s+on)?)\s+(?:the\s+same|that|such)\s+(?:date|day)\b",
    re.I,
)


def _theirs(region: Region, s: int, date: tuple[_dt.date, int, int], other: int, own: int | None) -> bool:
    """An "effective" date between another person's name and this one's is the other's: "Jane Roe will
    retire effective June 30, and John Doe will succeed her on July 1" (offsets relative to ``s``)."""
    at = date[1] - s
    return own is not None and other < at < own and bool(_EFFECTIVE.search(region.body[max(s, date[1] - 25) : date[1]]))


def effective_date(
    region: Region,
    s: int,
    e: int,
    cue: int,
    nxt: tuple[int, int] | None,
    *,
    notice_from: int | None = None,
    others: list[int] | None = None,
    own: int | None = None,
) -> tuple[_dt.date, int, int] | None:
    """The effective date: one that follows "effective", else a defined date the sentence names ("the
    Effective Date"), else the date nearest the cue, else an "effective"/"on" date in the next sentence
    when this one only dates the announcement. A date after another person's name that follows the cue
    (``others``: where their names start, relative to ``s``) is that person's ("appointed Jane Roe,
    replacing John Doe, who resigned effective April 30"), and so is one between another's name and this
    one's (``own``: "Jane Roe will retire effective June 30, and John Doe will succeed her on July 1")."""
    every = [
        d
        for d in dates_in(region, s, e)
        if not _PERIOD_END.search(region.body, max(s, d[1] - 40), d[1])
        and not (d[1] - s < cue and _HISTORY.search(region.body, max(s, d[1] - 300), d[1]))
    ]
    dates = [d for d in every if not any(cue < o < d[1] - s or _theirs(region, s, d, o, own) for o in others or ())]
    for d in dates:
        if _EFFECTIVE.search(region.body[max(s, d[1] - 25) : d[1]]):
            return d
    defined = defined_date(region, s, e)
    if defined is not None:
        return defined
    for d in every:  # "effective upon the previously announced retirement of Jane Roe … on May 3, 2025"
        held = _TO_BE_HELD.search(region.body, max(s, d[1] - 40), d[1])  # a meeting's planned day
        if _UPON_ON.search(region.body, max(s, d[1] - 230), d[1]) and not held:
            return d
    if _BY_EVENT.match(region.body, s + cue):
        return None  # "notifying of his pending retirement …, effective upon the completion of his term": an event
    later = [d for d in dates if d[1] - s > cue]
    if later:
        return later[0]
    told_next = _next_sentence_date(region, (s, e), nxt)
    if told_next is not None:
        return told_next
    near = min(dates, key=lambda d: abs(d[1] - s - cue)) if dates else None
    if no_calendar_date(region.body[s:e], cue, near[2] - s if near else None):
        return None  # "effective upon the closing"; "On May 1, Acme announced that she plans to retire"
    told = notice_from is not None and _NOTICE.search(region.body, s + notice_from, s + cue)
    if told and not _IMMEDIATELY.search(region.body, s, nxt[1] if nxt else e):
        return None  # "On May 1, X informed the Company of her decision to retire": when she told, not when
    return min(dates, key=lambda d: abs(d[1] - s - cue)) if dates else None


def _next_sentence_date(
    region: Region, bounds: tuple[int, int], nxt: tuple[int, int] | None
) -> tuple[_dt.date, int, int] | None:
    """A date the next sentence gives the change: after "effective"/"will retire on"/"last day … will be",
    or the date a time of this sentence was cut from ("… effective at 5:00 p.m." | "Eastern Time on May 1")."""
    if nxt is None:
        return None
    at_time = _AT_TIME.search(region.body, *bounds) is not None
    for d in dates_in(region, *nxt):
        if _EFFECTIVE_BEFORE.search(region.body[max(nxt[0], d[1] - 120) : d[1]]):
            return d
        if at_time and _TIME_ON.fullmatch(region.body, nxt[0], d[1]):
            return d
    return None


_SUCCEEDED = re.compile(r"\bsucceed\w*\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$", re.I)


def succeeded_only(sent: str, name: tuple[str, int, int]) -> bool:
    """The name (offsets into ``sent``) is only the one succeeded, with no clause of its own: a date after
    it is the successor's ("to succeed Mr. Roe as CFO as of May 1"; not "succeeding John Roe, who
    resigned effective April 30")."""
    before = _SUCCEEDED.search(sent, max(0, name[1] - 30), name[1])
    return bool(before) and not re.match(r"\s*,\s*who\b", sent[name[2] :])


# "has resigned, effective immediately": at once, on the release's day (not a date told later in the sentence)
# "Effective immediately, the board has named Rob Johnson …": the sentence opens with it
_AT_ONCE_FIRST = re.compile(r"\s*Effective\s+immediately\s*,", re.I)
_AT_ONCE_AFTER = re.compile(r"[\s,]*effective\s+(?:immediately|today)\b(?!\s+(?:after|following|prior|before|upon))")


def release_day(
    region: Region, sent: str, cue: re.Match[str], date: tuple[_dt.date, int, int] | None
) -> tuple[_dt.date, int, int] | None:
    """The release's dateline date (the first date of its opening) for a change a release says takes effect
    at once ("has resigned, effective immediately"), and for an undated "has been promoted" in a filing's
    release (the report's day); a bare release (a user's file, no report around it) dates only a change it
    says takes effect today. In an item, an undated change "effective immediately" takes the date the
    previous sentence opens with ("On November 8, 2006, …"). ``date`` (the sentence's own) otherwise; ``cue``
    is into ``sent``."""
    if region.kind == "item" and date is None and _AT_ONCE_AFTER.search(sent, cue.end()):
        return _told_on(region, region.body.find(sent))  # "… Mr. Wood also resigned as President effective immediately"
    if region.kind not in ("exhibit", "document"):
        return date
    done = region.kind == "exhibit" and re.search(
        r"\b(?:has|have)\s+(?:been\s+)?$", sent[max(0, cue.start() - 20) : cue.start()]
    )
    at_once = _AT_ONCE_AFTER.match(sent, cue.end()) or date is None and _AT_ONCE_FIRST.match(sent)
    if at_once or date is None and (done or re.search(r"\beffective\s+today\b", sent)):
        return next(dates_in(region, 0, min(len(region.body), 600)), date)
    return date


_ON_DATE = re.compile(r"(?:^|(?<=[.\n]))\s*On\s+$")


def _told_on(region: Region, s: int) -> tuple[_dt.date, int, int] | None:
    """The date an item's previous sentence opens with ("On November 8, 2006, Acme received notice …"), for a
    change the next sentence says took effect at once; None when none opens within the paragraph before."""
    if s < 0:
        return None
    start = max(0, s - 400)
    told = [d for d in dates_in(region, start, s) if _ON_DATE.search(region.body, max(start, d[1] - 6), d[1])]
    return told[-1] if told else None
