"""More of how an officer change is told: a title printed before the name ("Chief Financial Officer Jane
Roe will …"), a title in lower case ("will become general counsel"), a role handed over ("will transition
his role as COO to Jane Roe"), a date the sentence says is not a calendar date ("effective upon the
closing", "announced that she plans to retire"), and an officer title in apposition as evidence that a
name is a person's ("Jane Roe, previously Acme’s Chief Operating Officer,").

Offsets are into the sentence unless said otherwise; names are ``(name, start, end)`` tuples.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from eightk.extract.officer_titles import served_title
from eightk.extract.text import Region, span
from eightk.model import FieldSource, OfficerChange
from eightk.parse.registrant import norm_name

__all__ = [
    "HEAD",
    "handed_to",
    "left_previous",
    "lowercase_title",
    "no_calendar_date",
    "predecessor_left",
    "remember_role",
    "role_from_successor",
    "succeeded_one",
    "title_before",
    "whole_title",
]

# the head noun of an officer title: what a title ends with
HEAD = r"(?:Officer|President|Counsel|Controller|Treasurer|Secretary|Chairman|Chairwoman|Chairperson|Chair|CEO|CFO|COO)"
# "Chief Financial Officer Jane Roe", "President & Chief Executive Jane Roe": capitalized title words ending
# in a head noun, right before the name
_ONE_TITLE = (
    r"(?:(?:Senior|Executive|Corporate|Group|Chief|Vice|General|Principal|Interim|Co-)\s*)*"
    r"(?:[A-Z][\w\-&]*\s+(?:&\s+)?){0,4}?(?:" + HEAD + r"|Chief\s+Executive)"
)
# "its Chairman, President and Chief Executive Officer, Jane Roe": a list of three or more titles, with commas
_TITLE_LIST = r"(?:" + HEAD + r",\s+){1,3}" + HEAD + r"\s+and\s+" + _ONE_TITLE
# "said chief executive Archie Bethel had decided to retire": a news story's lower-case title
_LOWER_BEFORE = (
    r"(?:interim\s+|acting\s+)?(?:chief\s+(?:executive|financial|operating|technology|accounting|medical|commercial)"
    r"(?:\s+officer)?|chair(?:man|woman|person)?|(?:finance|managing)\s+director|general\s+counsel)"
)
_TITLE_BEFORE = re.compile(r"(?:^|[\s,(])(?P<t>" + _TITLE_LIST + "|" + _ONE_TITLE + "|" + _LOWER_BEFORE + r"),?\s+$")


def title_before(sent: str, name_start: int) -> tuple[str, int, int] | None:
    """The title printed right before a name ("announced that Chief Financial Officer Luca Roe will …")."""
    m = _TITLE_BEFORE.search(sent, max(0, name_start - 80), name_start)
    if m is None:
        return None
    return " ".join(m.group("t").split()), m.start("t"), m.start("t") + len(m.group("t"))


# the words that end a field after "vice president of": "of finance since 2019", "of sales and …"
_NOT_FIELD = r"(?:since|from|until|at|in|on|effective|with|to|for|of|who|and|where|when|by|as|or|is|was|will)"
_LOWER_TITLE = re.compile(
    r"\s*(?:its\s+|our\s+|an?\s+|(?:the\s+)?(?:[A-Z][\w.&\-]*\s+){0,2}?[A-Z][\w.&\-]*['’]s\s+|the\s+)?"
    r"(?P<t>(?:interim\s+|acting\s+)?(?:(?:senior|executive|corporate)\s+)*(?:vice\s+president(?:\s+and\s+(?:general\s+counsel|controller)"
    # "vice president of corporate development", "vice president of finance": its field, one or two words
    r"|\s+(?:of|for)\s+(?!the\b|its\b|our\b|an?\b)[a-z]+(?:\s+(?!" + _NOT_FIELD + r"\b)[a-z]+)?)?|"
    r"principal\s+(?:executive|financial|accounting|operating)\s+officer"
    r"(?:\s+and\s+principal\s+(?:executive|financial|accounting|operating)\s+officer)?|"
    r"general\s+counsel|chief\s+[a-z]+(?:\s+(?:and\s+)?[a-z]+)?\s+officer|executive\s+officer|controller|treasurer|"
    r"corporate\s+secretary|president(?:\s+and\s+chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer)?|"
    r"chair(?:man|woman|person)?(?:\s+of\s+the\s+board)?))\b"
)


def lowercase_title(sent: str, at: int) -> tuple[str, int, int] | None:
    """A title printed in lower case right at ``at`` ("will become Apple’s general counsel on …", "will no
    longer be an executive officer")."""
    m = _LOWER_TITLE.match(sent, at)
    if m is None:
        return None
    return " ".join(m.group("t").split()), m.start("t"), m.end("t")


# after a role given up: "… to Jane Roe" names who takes it ("will transition his role as COO later this
# month to Jane Roe")
_TO_NAME = re.compile(r"[^.;]{0,60}?\bto\s+$")


def handed_to(
    region: Region,
    s: int,
    *,
    names: list[tuple[str, int, int]],
    event: OfficerChange,
    seen: set[tuple[str, str]],
    key: str,
) -> list[OfficerChange]:
    """The person a departing officer hands the role to, as an ``appointed`` event with the same role
    and date: "Jane Roe will transition her role as Chief Operating Officer later this month to John
    Doe". ``key`` is ``officer_clauses.person_key``; ``seen`` is shared with the family."""
    role = next((v for v in event.values if v.field == "role"), None)
    if role is None or role.span is None or event.role is None:
        return []
    end = role.span.end - region.start - s
    sent = region.body[s:]
    taker = next((n for n in names if n[1] > end and _TO_NAME.fullmatch(sent[end : n[1]])), None)
    if taker is None or (key, "appointed") in seen:
        return []
    seen.add((key, "appointed"))
    values = [v for v in event.values if v.field not in ("person", "action")]
    values.append(FieldSource("person", "text", span(region, s + taker[1], s + taker[2])))
    values.append(FieldSource("action", "text", span(region, s + end, s + taker[1])))
    return [replace(event, values=tuple(values), person=" ".join(taker[0].split()), action="appointed")]


# "effective upon the closing", "effective at 12:01 a.m. one business day after …", "effective immediately
# following the Effective Time": the change is dated by an event, not a calendar date
_EFFECTIVE_EVENT = re.compile(
    r"\beffective\s+(?:at\s+|upon\s+(?!(?:its\s+|her\s+|his\s+)?(?:delivery|receipt|tender)\b)|following\s+|"
    r"as\s+of\s+the\s+(?:closing|completion|consummation|time|"
    r"effective\s+time)|(?:as\s+of\s+)?immediately\s+(?:after|following|prior\s+to|before|upon))",
    re.I,
)
_AT_ONCE = re.compile(
    r"\beffective\s+(?:immediately\b(?!\s+(?:after|following|prior|before|upon))|upon\s+(?:its\s+|her\s+|his\s+)?"
    r"(?:delivery|receipt|tender)\b)",
    re.I,
)
# "On May 1, Acme announced that Jane Roe plans to retire in the first quarter": the date is the
# announcement's, and the change is still to come at a time the sentence does not date
_ANNOUNCED = re.compile(r"\b(?:announced|disclosed|said|stated)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|plans?\s+to|intends?\s+to|expects?\s+to|is\s+expected\s+to|would|(?:has\s+|have\s+)?decided\s+to)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)


def no_calendar_date(sent: str, cue: int, date_end: int | None) -> bool:
    """True when the sentence dates the change by an event ("effective upon …") or when its one date
    (ending at ``date_end``, before the cue) is the announcement of a change still to come."""
    if _EFFECTIVE_EVENT.search(sent):
        return True
    if date_end is None or date_end > cue or _AT_ONCE.search(sent):
        return False  # "announced that … will be transitioning …, effective immediately": the announcement's date
    between = sent[date_end:cue]
    return bool(_ANNOUNCED.search(between)) and bool(_FUTURE.search(sent[max(date_end, cue - 40) : cue]))


# "appointed Jane Roe, previously Acme’s Chief Operating Officer, to the new role of …": the post left
_PREVIOUSLY = re.compile(
    r",\s+(?:previously|formerly)\s+(?:serving\s+as\s+)?"
    r"(?P<own>(?:the\s+)?(?:[A-Z][\w.&\-]*\s+){0,3}?[A-Z][\w.&\-]*)['’]s\s+"
    r"(?P<t>[A-Z][^,;()]{2,80}?)\s*,"
)


def left_previous(
    region: Region,
    s: int,
    *,
    event: OfficerChange,
    who: tuple[str, int, int],
    seen: set[tuple[str, str]],
    company: str,
) -> list[OfficerChange]:
    """The post an appointee leaves, told in apposition as the registrant's ("Jane Roe, previously Acme’s
    Chief Operating Officer, to the new role of …"), as a ``departed`` event dated as the appointment. A
    post at another company ("previously Beta Corp’s CFO") is no change here."""
    if event.action not in ("appointed", "elected"):
        return []
    m = _PREVIOUSLY.match(region.body, s + who[2])
    if m is None:
        return []
    owner, core = norm_name(m.group("own")), norm_name(company)
    ours = re.fullmatch(r"(?:the\s+)?Company", m.group("own"), re.I) is not None
    if not ours and not (len(owner) >= 3 and core.startswith(owner)):
        return []
    key = " ".join((event.person or "").lower().split())
    if (key, "previous") in seen:
        return []
    seen.add((key, "previous"))
    values = [v for v in event.values if v.field in ("person", "effective")]
    end = _left_part(m.group("t"), event.role or "")  # a post kept in the new title is not left
    values.append(FieldSource("role", "text", span(region, m.start("t"), m.start("t") + end)))
    values.append(FieldSource("action", "text", span(region, m.start(), m.start("own"))))
    return [replace(event, values=tuple(values), role=" ".join(m.group("t")[:end].split()), action="departed")]


def _left_part(old: str, new: str) -> int:
    """How much of the old title (its length, or the length of its first part) is left: "Chief Operating
    Officer and Executive Vice President" moving to "Chief Technology Officer and Executive Vice President"
    leaves "Chief Operating Officer" (the Executive Vice President post is kept)."""
    parts = re.split(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", old)
    kept = {" ".join(p.lower().split()) for p in re.split(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", new)}
    if len(parts) < 2 or not parts[0] or " ".join(parts[0].lower().split()) in kept:
        return len(old)
    if all(" ".join(p.lower().split()) in kept for p in parts[1:]):
        return old.index(parts[0]) + len(parts[0])
    return len(old)


# what a title keeps after it: "Chairman of the Board", "Controller (Principal Accounting Officer)"
_OF_THE_BOARD = re.compile(r"\s+of\s+the\s+Board\b")
_AND_TITLE = re.compile(r"\s+and\s+(?:[A-Z][\w\-]*\s+){0,4}?" + HEAD + r"\b")
_COMMA_TITLE = re.compile(r",\s+(?:[A-Z][\w\-]*\s+){0,4}?" + HEAD + r"\b")
_DESIGNATION = re.compile(r"\s*\((?:[Pp]rincipal\s+\w+\s+[Oo]fficer|[Ii]nterim|[Aa]cting)\)")
_ON_THE_BOARD = re.compile(
    r"\s+on\s+the\s+Board(?:\s+of\s+Directors)?(?:\s*\([^()]*\))?(?:\s+of\s+(?:the\s+)?Company)?$"
)


def whole_title(sent: str, role: tuple[str, int, int]) -> tuple[str, int, int]:
    """The title with what belongs to it after its capitalized words: "of the Board" after a chair (and the
    titles listed after it: "Chairman of the Board, President and Chief Executive Officer"), an
    officer designation in parentheses ("(Principal Accounting Officer)", "(interim)"); "director on the
    Board of Directors" is "director"."""
    title, start, end = role
    if re.search(r"\bChair(?:man|woman|person)?$", title) and (m := _OF_THE_BOARD.match(sent, end)):
        title, end = title + " " + " ".join(m.group(0).split()), m.end()
        while more := _COMMA_TITLE.match(sent, end):  # "Chairman of the Board, President, Chief Executive Officer"
            title, end = title + ", " + " ".join(more.group(0)[1:].split()), more.end()
        if more := _AND_TITLE.match(sent, end):  # "Chairman of the Board and Chief Executive Officer"
            title, end = title + " " + " ".join(more.group(0).split()), more.end()
    if m := _DESIGNATION.match(sent, end):
        title, end = f"{title} {m.group(0).strip()}", m.end()
    if cut := _ON_THE_BOARD.search(title):  # (a defined term after it goes too)
        title = title[: cut.start()]
    return title, start, end


def predecessor_left(
    region: Region,
    s: int,
    *,
    names: list[tuple[str, int, int]],
    cue: re.Match[str],
    event: OfficerChange,
    known: dict[str, tuple[str, int, int]],
) -> list[OfficerChange]:
    """The post a moving officer leaves, told by the successor: "A plans to transition to the role of
    Executive Chair. B will succeed Mr. A as Chief Executive Officer" makes A leave Chief Executive Officer.
    Only for one whom the text moved to a new role without saying the old one (``known`` holds them
    under "\\0move " and their ``person_key``)."""
    role = next((v for v in event.values if v.field == "role"), None)
    ahead = next((n for n in names if 0 <= n[1] - cue.end() <= 12), None)
    if role is None or event.role is None or ahead is None:
        return []
    words = [w for w in ahead[0].replace(".", ". ").split() if len(w) > 2]
    key = f"{ahead[0][0]} {words[-1]}".lower() if words else ""
    moving = known.pop("\0move " + key, None)
    if moving is None:
        return []
    values = [v for v in event.values if v.field in ("role", "effective")]
    values.append(FieldSource("person", "text", span(region, s + ahead[1], s + ahead[2])))
    values.append(FieldSource("action", "text", span(region, s + cue.start(), s + cue.end())))
    return [replace(event, values=tuple(values), person=" ".join(moving[0].split()), action="departed")]


_ROLE = "\0role "  # a ``known`` key: the title a person was just given, for the one they succeed
_SUCCEEDS = re.compile(
    r"\s+(?:succeeds|succeeded|will\s+succeed|is\s+succeeding|to\s+succeed)\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$"
)


def remember_role(region: Region, event: OfficerChange, key: str, known: dict[str, tuple[str, int, int]]) -> None:
    """Keeps the officer title an appointee was given (``key`` is ``officer_clauses.person_key``), with
    its offsets in ``region.body``, for ``role_from_successor``."""
    role = next((v for v in event.values if v.field == "role"), None)
    if event.action in ("appointed", "elected") and event.role and event.role != "director" and role and role.span:
        known[_ROLE + key] = (event.role, role.span.start - region.start, role.span.end - region.start)


def role_from_successor(
    region: Region,
    sent: str,
    *,
    names: list[tuple[str, int, int]],
    who: tuple[str, int, int],
    event: OfficerChange,
    known: dict[str, tuple[str, int, int]],
    key_of: Callable[[str], str],
) -> OfficerChange:
    """A departure told without its title takes the title of the one who succeeds the person ("The Board
    appointed Jane Roe as CFO. Ms. Roe succeeds John Doe, who retired.")."""
    if event.action not in ("retired", "departed") or event.role is not None:
        return event
    for n in names:
        stored = known.get(_ROLE + key_of(n[0])) if n[2] <= who[1] else None
        if stored and n[0] != who[0] and _SUCCEEDS.search(sent[n[2] : who[1]]) and who[1] - n[2] < 40:
            source = FieldSource("role", "text", span(region, stored[1], stored[2]))
            return replace(event, values=(*event.values, source), role=stored[0])
    return event


_SUCCEEDING = re.compile(r",?\s+(?:succeeding|replacing)\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$")


def succeeded_one(
    region: Region,
    s: int,
    *,
    names: list[tuple[str, int, int]],
    event: OfficerChange,
    seen: set[tuple[str, str]],
    key_of: Callable[[str], str],
) -> list[OfficerChange]:
    """The one an appointee succeeds in the same sentence ("elected Jane Roe as Chair of the Board,
    succeeding John Doe, who will continue to serve as a director", "named X as its new acting chief
    executive, replacing Y") leaves that title, on the same date."""
    role = next((v for v in event.values if v.field == "role"), None)
    if event.action not in ("appointed", "elected") or role is None or role.span is None or event.role == "director":
        return []
    sent = region.body[s:]
    for n in names:
        cue = _SUCCEEDING.search(sent, max(0, n[1] - 40), n[1])
        if n[0] != event.person and n[1] > role.span.end - region.start - s and cue:
            key = key_of(n[0])
            if (key, "left") in seen:
                return []
            seen.add((key, "left"))
            values = [v for v in event.values if v.field in ("role", "effective")]
            held = served_title(sent, n[2])  # "succeeding John Doe, who has served as interim CFO since March"
            if held:
                values = [v for v in values if v.field != "role"]
                values.append(FieldSource("role", "text", span(region, s + held[1], s + held[2])))
                event = replace(event, role=held[0])
            values.append(FieldSource("person", "text", span(region, s + n[1], s + n[2])))
            word = re.search(r"succeeding|replacing", cue.group(0))
            at = cue.start() + (word.start() if word else 0)
            values.append(FieldSource("action", "text", span(region, s + at, s + at + 10)))
            return [replace(event, values=tuple(values), person=" ".join(n[0].split()), action="departed")]
    return []
