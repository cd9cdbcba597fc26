"""Clauses around an officer change: which texts tell it (``officer_regions``), which cues are no news
(``not_a_departure``), a board seat named after the title (``board_seat_too``), a date named by its
defined term (``defined_date``) and one key for a person's name variants (``person_key``)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from eightk.extract.bare import is_bare_release
from eightk.extract.officer_subjects import appositive_role
from eightk.extract.text import Region, dates_in, span
from eightk.model import FieldSource, Filing, OfficerChange

__all__ = ["board_seat_too", "defined_date", "moved_from", "not_a_departure", "officer_regions", "person_key"]

# "effective as of October 14, 2024 (the “Effective Date”)" defines a date that a later sentence names
_DEFINED_DATE = r"\s*\(\s*(?:the\s+)?[“\"]{}[”\"]\s*\)"
_NAMED_DATE = re.compile(
    r"\b(?:effective\s+(?:as\s+of\s+|on\s+)?|following\s+|as\s+of\s+)the\s+(?P<t>(?:[A-Z]\w+\s+){0,2}(?:Date|Time))\b"
)


def defined_date(region: Region, s: int, e: int) -> tuple[_dt.date, int, int] | None:
    """The date a sentence names by a defined term ("effective as of the Effective Date"), where the region
    defines it: the date right before "(the “Effective Date”)"."""
    named = _NAMED_DATE.search(region.body, s, e)
    if named is None:
        return None
    term = re.compile(_DEFINED_DATE.format(re.escape(named.group("t"))))
    for d in dates_in(region, 0, len(region.body)):
        if term.match(region.body, d[2]):
            return d
    return None


# "if he resigns", "in the event of her resignation", "the previously announced retirement of", "following
# the termination of his employment" (a contract's terms), "upon my departure" (a speaker quoted): no news
_HYPOTHETICAL = re.compile(
    r"\b(?:if|in\s+the\s+event|should|unless|in\s+case)\b(?:[^.;]|\b(?:Mr|Ms|Mrs|Dr)\.){0,150}$", re.I
)
_ANNOUNCED_BEFORE = re.compile(
    r"\b(?:previously\s+(?:announced|disclosed|reported),?|following|upon|after|prior\s+to|in\s+connection\s+with)"
    r"\s+(?:the\s+|a\s+|any\s+|will\s+(?:be\s+)?|my\s+)?$",
    re.I,
)
# "came just a week after the company announced he would retire in August": a departure announced before
_ANNOUNCED_EARLIER = re.compile(
    r"\bafter\s+(?:the\s+company|it|[A-Z][\w&.\-]*)\s+(?:had\s+)?announced\s+(?:that\s+)?(?:he|she|they)\s+"
    r"(?:would|planned\s+to|intended\s+to)\s+$",
    re.I,
)
# "… as President and CEO of the Company and as a member of the Board": the seat is a change of its own
_AND_BOARD = re.compile(
    r"[^.;]{0,60}?(?:\band\s+(?:as\s+|become\s+)?|,\s+as\s+)(?:a\s+)?(?P<r>member\s+of\s+(?:the|its|our)\s+(?:Board|board)\b|director\b)"
    r"|[^.;]{0,60}?\band\s+(?:appointed|elected|named)\s+to\s+(?P<b>(?:the|its|our)\s+[Bb]oard(?:\s+of\s+[Dd]irectors)?)\b"
)


def not_a_departure(sent: str, cue: re.Match[str]) -> bool:
    """Whether a departure word tells no departure: a condition, news told before ("a week after the company
    announced he would retire"), a change put off ("agreed
    to delay his retirement"), a speaker's own ("for me to step down"), a caption ("Departure of Director"),
    history ("who had served … until his resignation"), or "retired" as an adjective before a former title
    ("Mr. Dunham, retired President and Chief Executive Officer of …"), or the adjective of others who leave
    ("thanked the four retiring members")."""
    before = sent[max(0, cue.start() - 150) : cue.start()]
    if cue.group(0).lower() == "retired" and _FORMER_TITLE.match(sent, cue.end()) and re.search(r",\s*$", before):
        return True
    if re.match(r"passed|died", cue.group(0), re.I) and _FORMER.search(before):
        return True  # "former Chief Executive Officer Jane Roe, who retired in 2015, has passed away": no post left
    if _CAPTION.match(sent, cue.start()):  # a caption: "Departure of Director\nOn July 9, Jane Roe resigned …"
        return True
    if _OTHERS_LEAVING.match(sent, cue.end()) and cue.group(0).lower().endswith("ing"):
        return True  # "Lane also thanked the four retiring members": others who leave, not the one named

    return bool(
        _HYPOTHETICAL.search(before)
        or _ANNOUNCED_BEFORE.search(before[-40:])
        or _ANNOUNCED_EARLIER.search(before[-80:])
        or _POSTPONED.search(before[-40:])
        or _FIRST_PERSON.search(before[-40:])
        or _SERVED_UNTIL.search(sent, max(0, cue.start() - 300), cue.start()) is not None
    )


# history in a relative clause: "X, who had served as a director … until his resignation from the Board on …"
_SERVED_UNTIL = re.compile(r"\bwho\s+had\s+(?:previously\s+)?served\b[^;]{0,250}\buntil\s+(?:his|her|their)\s+$")


_FORMER = re.compile(
    r"\b(?:former|retired)\s+(?:[A-Z][\w\-]*\s+){0,5}(?:Officer|President|Chairman|Chair|CEO|CFO|COO)\b"
)
# a departure word as the adjective of a group: "the four retiring members", "departing directors"
_OTHERS_LEAVING = re.compile(r"\s+(?:board\s+)?(?:members|directors|officers|executives|trustees)\b", re.I)
_CAPTION = re.compile(r"(?:Departure|Resignation|Retirement)s?\s+of\s+(?:an?\s+)?(?:Directors?|Officers?|Certain)\b")
# a speaker quoted on their own change ("the time is right for me to step down"): the name before is not theirs
_FIRST_PERSON = re.compile(
    r"(?<![\w’'])(?:I|me|[Ww]e|us)\s+(?:(?:will|would|to|am|have|had|shall|plan|intend|decided)\s+){1,3}$"
)


# "has agreed to delay his retirement beyond May 31": a change put off is no change now
_POSTPONED = re.compile(r"\b(?:delay|postpon|defer)\w*\s+(?:of\s+)?(?:his|her|their|the)\s+$", re.I)


_FORMER_TITLE = re.compile(
    r"\s+(?:[A-Z][\w\-]*\s+){0,6}?(?:President|Officer|Chairman|Chair|Director|Partner|Executive)\b"
)


def board_seat_too(region: Region, s: int, sent: str, event: OfficerChange) -> list[OfficerChange]:
    """The board seat named after an officer title under the same verb, as a ``director`` event."""
    role = next((v for v in event.values if v.field == "role"), None)
    if role is None or role.span is None or event.role == "director":
        return []
    end = role.span.end - region.start - s
    seat = _AND_BOARD.match(sent, end)
    if seat is None:
        return []
    part = "r" if seat.group("r") else "b"  # "… and appointed to the board"
    source = FieldSource("role", "text", span(region, s + seat.start(part), s + seat.end(part)))
    values = tuple(v for v in event.values if v.field != "role") + (source,)
    return [
        OfficerChange(
            evidence=event.evidence,
            values=values,
            person=event.person,
            role="director",
            action=event.action,
            effective=event.effective,
        )
    ]


_NOT_KEY = re.compile(r"[A-Z]\.|Jr\.?|Sr\.?|I{2,3}|,")  # an initial, a generation, a comma


def person_key(name: str) -> str:
    """One key for "James P. Gorman", "James Gorman" and "Jim Gorman": the surname and the given name's
    first letter, middle initials and "Jr." aside."""
    words = [w for w in name.replace(".", ". ").split() if not _NOT_KEY.fullmatch(w)]
    words = [w.strip(",") for w in words]
    return f"{words[0][0]} {words[-1]}".lower() if words else name.lower()


_RELEASE_WINDOW = 6000  # a press release announces its changes in its first paragraphs
# a release about an officer: an appointment or departure word near a title in its headline or lead
_OFFICER_NEWS = re.compile(
    r"(?is)\b(?:appoint|name[sd]\b|elect|promot|hire[sd]?\b|join(?:s|ed)?\b|resign|retire|step(?:s|ping)?\s+down|succeed|transition|"
    r"assum(?:e|es|ed|ing)\s+the\s+(?:role|position|title)|will\s+become|relieved|removed|"
    r"leav(?:es|ing)\b|depart|will\s+serve\s+as)(?:[^.]|(?<=\b[A-Z])\.|(?<=\bM[rs])\.|(?<=\bDr)\.){0,120}?\b(?:chief|president|chair|director|officer|CEO|CFO|COO|treasurer|"
    r"controller|counsel)"
)
# a headline that names the officer first: "PRESIDENT & CEO JANE ROE ANNOUNCES RESIGNATION"
_HEADLINE_NEWS = re.compile(
    r"(?i)\b(?:chief|president|chair\w*|CEO|CFO|COO)\b[^.\n]{0,60}?\b(?:resign|retire|step(?:s|ping)?\s+down)"
)
_HEADLINE_WINDOW = 400  # a release's headline is in its first lines
# a named person's own departure, told without a title: "announced that Jane Roe will retire from the company"
_PERSON_LEAVES = re.compile(
    r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+\s+(?:will|has\s+decided\s+to|plans\s+to|intends\s+to|is\s+expected\s+to|"
    # "Andrew Lewis has informed the Board of his intention to retire"
    r"(?:has\s+)?(?:informed|notified|advised)\s+the\s+(?:Board|Company)\s+(?:of\s+Directors\s+)?of\s+(?:his|her|their)\s+"
    r"(?:intention|decision|plans?)\s+to)\s+(?:retire|resign|step\s+down)\b"
)


def _lead_start(region: Region) -> int:
    """Where a bare release's lead begins: the line of its dateline, the first date with the lead going on
    after it ("BOSTON, March 3, 2022 -- Acme today …"), so that a headline ("… Named Interim Co-Chief
    Executive Officers") is not read as the lead's first sentence; 0 when no dateline is in its opening."""
    body = region.body
    for d in dates_in(region, 0, min(len(body), 700)):
        line_end = body.find("\n", d[2])
        if len(body[d[2] : line_end if line_end >= 0 else len(body)].strip()) >= 20:  # the lead goes on
            return body.rfind("\n", 0, d[1]) + 1
    return 0


def officer_regions(filing: Filing, regions: list[Region]) -> list[Region]:
    """Item 5.02 (old era: Item 5 / 8.01), then the opening of each EX-99 press release of a filing that
    has a 5.02 item: a release often names appointees the item leaves to it. A bare press release (a
    user's file with no 8-K around it) is read from its opening when it tells of an officer's change."""
    items = [
        r
        for r in regions
        if r.kind == "item"
        and (r.code == "5.02" or r.code == "8.01" and not any(it.number.count(".") for it in filing.items))
    ]
    bare = [
        replace(r, start=r.start + _lead_start(r), end=min(r.end, r.start + _RELEASE_WINDOW))
        for r in regions
        if is_bare_release(filing, r)
        and (
            _OFFICER_NEWS.search(r.body[:_RELEASE_WINDOW])
            or _HEADLINE_NEWS.search(r.body[:_HEADLINE_WINDOW])
            or _PERSON_LEAVES.search(r.body[:_RELEASE_WINDOW])
        )
    ]
    if not any(r.code == "5.02" for r in items):
        return items + bare
    releases = [
        replace(r, end=min(r.end, r.start + _RELEASE_WINDOW))
        for r in regions
        if r.kind == "exhibit" and (r.code or "").upper().startswith("EX-99")
    ]
    return items + releases


_MOVE_FROM = re.compile(
    r"mov\w*\s+from\s+(?:(?:his|her|their)\s+(?:current\s+)?(?:role|position)\s+(?:as|of)\s+)?(?:the\s+|its\s+)?(?P<r>.+?)\s+to\b"
)


def moved_from(
    region: Region,
    s: int,
    cue: re.Match[str],
    event: OfficerChange,
    who: tuple[str, int, int],
    *,
    seen: set[tuple[str, str]],
) -> list[OfficerChange]:
    """The role left in a move, as a ``departed`` event: "Jane Roe will move from Chief Financial Officer
    to Vice Chairman", "Jane Roe, Senior Vice President, Markets, will be transitioning to the role of …"."""
    words = cue.group(0)
    move = _MOVE_FROM.match(words)
    role: tuple[str, int, int] | None
    if move:
        role = (" ".join(move.group("r").split()), cue.start() + move.start("r"), cue.start() + move.end("r"))
    elif words.lower().startswith("transition"):
        role = appositive_role(cue.string, who[2])
    else:
        return []
    if role is None or (person_key(who[0]), "left") in seen:
        return []
    seen.add((person_key(who[0]), "left"))
    values = [v for v in event.values if v.field in ("person", "action", "effective")]
    values.append(FieldSource("role", "text", span(region, s + role[1], s + role[2])))
    return [replace(event, values=tuple(values), role=role[0], action="departed")]
