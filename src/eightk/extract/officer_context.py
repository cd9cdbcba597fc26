"""Cues that tell of no change of this filing: a post held now or before ("named to his current position"),
a successor not yet named ("until his successor is appointed"), a change dated years before the document
("succeeded John Roe as CEO in 2017"), and a committee seat of a sitting director; and a departure told as
a succession that the release's headline calls a retirement."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from eightk.extract.text import Region, span
from eightk.model import FieldSource, OfficerChange

__all__ = [
    "background_cue",
    "committee_only",
    "history_cue",
    "no_news",
    "not_this_change",
    "retired_by_headline",
    "successor_to_come",
]


# "before being named to his current position", "was appointed to her prior role in 2019": background
_BACKGROUND = re.compile(
    r"\s+(?:to\s+|as\s+)?(?:his|her|their)\s+(?:current|present|prior|previous|then)\s+(?:role|position|title|office)",
    re.I,
)


# "will continue to serve until his successor is appointed", "until a new CEO is appointed": the successor's,
# who is nobody yet
_SUCCESSOR_TO_COME = re.compile(
    r"(?:\bsuccessors?|\buntil\s+(?:a|the)\s+(?:new|permanent|successor)\s+(?:[A-Z][\w\-]*\s+){0,4}?[A-Z][\w\-]*)\s+"
    r"(?:is|are|has\s+been|have\s+been|will\s+be|shall\s+be)\s+(?:duly\s+)?$",
    re.I,
)


def successor_to_come(sent: str, cue_start: int) -> bool:
    """True when the cue is about a successor not yet named ("until his successor is appointed", "until a new
    CEO is appointed")."""
    return _SUCCESSOR_TO_COME.search(sent, max(0, cue_start - 70), cue_start) is not None


# a change told as history: a past verb and an earlier year after it ("succeeded John Roe as CEO in 2017")
_PAST_CUE = re.compile(
    r"(?:succeeded|(?:was|were)\s+(?:appointed|named|elected|promoted)|became|retired|resigned)$", re.I
)
_MONTH_NAMES = "January February March April May June July August September October November December".split()
_EARLIER_YEAR = re.compile(
    r"[^.;]{0,80}?\b(?:in|since|during)\s+(?:(?P<m>" + "|".join(_MONTH_NAMES) + r")\s+)?(?P<y>(?:19|20)\d\d)\b"
)


def history_cue(sent: str, cue: re.Match[str], ref: _dt.date | None) -> bool:
    """True when a past-tense cue is dated by a year before the document's ("Mr. Lowe succeeded Anton Reyes
    as Chief Executive Officer in 2017"), or by a month two or more before its date ("who resigned from the
    Board in December 2022" in a text of February 2023): a biography, not this filing's change."""
    if ref is None or not _PAST_CUE.search(sent[max(0, cue.start() - 5) : cue.end()]):
        return False
    when = _EARLIER_YEAR.match(sent, cue.end())
    if when is None:
        return False
    year = int(when.group("y"))
    if when.group("m") is None:
        return year < ref.year
    months = (ref.year - year) * 12 + ref.month - (_MONTH_NAMES.index(when.group("m")) + 1)
    return months >= 2


def not_this_change(sent: str, cue: re.Match[str], ref: _dt.date | None) -> bool:
    """True when the cue tells of a post held now or before, of a successor not yet named, or of a change
    dated years before the document (``background_cue``, ``successor_to_come``, ``history_cue``), or of an
    honour ("named one of the Top 50 CEOs")."""
    return (
        background_cue(sent, cue.end())
        or successor_to_come(sent, cue.start())
        or history_cue(sent, cue, ref)
        or committee_only(sent, cue)
        or _HONOUR.match(sent, cue.end()) is not None
    )


# "has been named one of the Top 50 CEOs", "was named to Fortune’s list": an honour, not a post
_HONOUR = re.compile(
    r"\s+(?:as\s+)?(?:one\s+of|among|a\s+finalist|the\s+winner|to\s+(?:the\s+)?[^.;]{0,40}?\blist\b)", re.I
)


# "appointed Jane Roe, an existing director, to the Compensation Committee": a seat on a committee only
_TO_COMMITTEE = re.compile(
    r"\bto\s+(?:serve\s+on\s+)?(?:the|its|our)\s+(?:[A-Z][\w&,\-]*\s+(?:and\s+)?){1,5}Committee\b"
)
_NOT_COMMITTEE_ONLY = re.compile(
    r"\bBoard\s+of\s+Directors\b|\bto\s+the\s+Board\b|\bdirector\b(?!s)|\bOfficer\b|\bPresident\b|\bChair", re.I
)


def committee_only(sent: str, cue: re.Match[str]) -> bool:
    """True when an appointment's only post is a committee seat of someone already on the Board."""
    if not cue.group(0).lower().startswith(("appoint", "named", "elect")):
        return False
    rest = sent[cue.end() :]
    committee = _TO_COMMITTEE.search(rest)
    if committee is None:
        return False
    before = re.sub(
        r"\b(?:an\s+)?(?:existing|current|incumbent)\s+(?:independent\s+)?director\b", "", rest[: committee.start()]
    )
    return not _NOT_COMMITTEE_ONLY.search(before)


def background_cue(sent: str, cue_end: int) -> bool:
    """True when the cue is about a post held now or before ("named to his current position in 2013")."""
    return _BACKGROUND.match(sent, cue_end) is not None


_OLD_NEWS = re.compile(r"^\s*As\s+previously\s+(?:reported|disclosed|announced)", re.I)
# directors (re-)elected at an annual meeting are no change; "following the Annual Meeting …, the Board increased
# the size of the Board … and elected A and B" tells new directors
_REELECTED = re.compile(
    r"(?<!following\s)(?<!following\sthe\s)(?<!after\sthe\s)(?<!following\sits\s)(?<!following\sour\s)"
    r"(?<!after\sits\s)(?<!after\sour\s)\bannual\s+meeting\b.*\belected\b",
    re.I | re.S,
)


def no_news(sent: str) -> bool:
    """True for a sentence that tells no change of this filing: news told before ("As previously reported,
    …") or directors (re-)elected at an annual meeting."""
    if _OLD_NEWS.match(sent):
        return True
    # (``_REELECTED``, with its look-behinds, costs at every position: tried only when both its words are in)
    low = sent.lower()
    return "annual" in low and "elected" in low and _REELECTED.search(sent) is not None


_HEAD_WINDOW = 600  # the headline and sub-headlines before a release's lead
_GENERATION = ("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV")


def retired_by_headline(region: Region, event: OfficerChange) -> OfficerChange:
    """A departure the lead tells only as a succession ("will succeed Mike McInnes on April 5, 2019") whose
    headline or bullet above the lead calls it a retirement ("• Mike McInnes announces retirement as CEO"):
    ``retired``, its action cited from the headline. Any other event is returned as it is."""
    release = region.kind in ("document", "exhibit") and region.start > 0  # a lead, its headline above it
    if event.action != "departed" or not release or not event.person:
        return event
    words = [w for w in event.person.replace(",", " ").split() if w not in _GENERATION]
    if len(words) < 2:
        return event
    first = max(0, region.start - _HEAD_WINDOW)
    head, surname = region.text[first : region.start], re.escape(words[-1])
    told = re.search(rf"\b{surname}\b[^.\n]{{0,40}}?\b(?P<a>retire(?:ment|s|d)?)\b", head)
    if told is None:
        return event
    at = first - region.start  # the headline's offsets, relative to the region (before its start)
    cited = FieldSource("action", "text", span(region, at + told.start("a"), at + told.end("a")))
    values = tuple(v for v in event.values if v.field != "action") + (cited,)
    role = _AS_TITLE.match(head, told.end("a")) if event.role is None else None  # "retirement as CEO"
    if role is None:
        return replace(event, action="retired", values=values)
    values += (FieldSource("role", "text", span(region, at + role.start("r"), at + role.end("r"))),)
    return replace(event, action="retired", values=values, role=role.group("r"))


# the title after "retirement as": capitalized words, joined by "and", "of" or "&"
_AS_TITLE = re.compile(r"\s+as\s+(?P<r>[A-Z][\w\-&]*(?:\s+(?:and|of|&)\s+[A-Z][\w\-&]*|\s+[A-Z][\w\-&]*)*)")
