"""The changes one officer change implies: a board seat named after the title, the post left in a move
or an apposition, the one succeeded, the one a role is handed to (see ``officer_cues``)."""

from __future__ import annotations

import re
from dataclasses import replace

from eightk.extract.officer_clauses import board_seat_too, moved_from, person_key
from eightk.extract.officer_cues import (
    handed_to,
    left_previous,
    predecessor_left,
    remember_role,
    role_from_successor,
    succeeded_one,
    title_before,
)
from eightk.extract.officer_dates import effective_date
from eightk.extract.officer_names import Known
from eightk.extract.text import Region, span
from eightk.model import FieldSource, OfficerChange

__all__ = [
    "LEFT",
    "MOVE",
    "succeeded_in_that_capacity",
    "succeeded_later",
    "succeeds_the_one_leaving",
    "with_follow_ons",
    "without_own_event",
]

MOVE = "\0move "  # a ``known`` key: a person moving to a new role whose old one is not said
LEFT = "\0left"  # a ``known`` key: the title of the last officer told to leave, with its offsets in the body


def with_follow_ons(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    event: OfficerChange,
    who: tuple[str, int, int],
    *,
    names: list[tuple[str, int, int]],
    seen: set[tuple[str, str]],
    known: Known,
    company: str,
) -> list[OfficerChange]:
    """The event and the changes it implies: a board seat named after the title, the post left in a move
    or an apposition, the one succeeded, the one a role is handed to."""
    s, e = bounds
    sent = region.body[s:e]
    event = role_from_successor(region, sent, names=names, who=who, event=event, known=known, key_of=person_key)
    remember_role(region, event, person_key(event.person or ""), known)
    role = next((v for v in event.values if v.field == "role"), None)
    if event.action in ("retired", "departed") and event.role and role and role.span:
        known[LEFT] = (event.role, role.span.start - region.start, role.span.end - region.start)
    out = [event, *board_seat_too(region, s, sent, event)]
    left = moved_from(region, s, cue, event, who, seen=seen)
    out.extend(left)
    if not left and re.match(r"(?:transition|mov)", cue.group(0), re.I):
        known[MOVE + person_key(event.person or "")] = (who[0], s + who[1], s + who[2])
    if cue.group(0).lower().startswith("succeed"):  # "B will succeed Mr. A as CEO", A moving
        moved = predecessor_left(region, s, names=names, cue=cue, event=event, known=known)
        out.extend(moved or _succeeded_named(region, s, cue, event, names=names, seen=seen))
    out.extend(left_previous(region, s, event=event, who=who, seen=seen, company=company))
    out.extend(succeeded_one(region, s, names=names, event=event, seen=seen, key_of=person_key))
    if event.action == "departed" and "transition" in cue.group(0).lower():
        key = person_key(event.person or "")
        out.extend(handed_to(region, s, names=names, event=event, seen=seen, key=key))
    return out


_FUTURE = re.compile(r"\b(?:will|to)\s+(?:\w+\s+)?$")


def _will(sent: str, cue: re.Match[str]) -> bool:
    """Whether the cue is said in the future ("will succeed", "to succeed"): a present "succeeds" tells no news."""
    return _FUTURE.search(sent[max(0, cue.start() - 25) : cue.start()]) is not None


def _succeeded(sent: str, cue: re.Match[str], names: list[tuple[str, int, int]]) -> tuple[str, int, int] | None:
    """The name right after "succeed" (past an adjective and a title at most): the one succeeded."""
    return next((n for n in names if n[1] >= cue.end() and _OBJECT_AFTER.fullmatch(sent, cue.end(), n[1])), None)


def _succeeded_named(
    region: Region,
    s: int,
    cue: re.Match[str],
    event: OfficerChange,
    *,
    names: list[tuple[str, int, int]],
    seen: set[tuple[str, str]],
) -> list[OfficerChange]:
    """The one an appointee "will succeed" as a title leaves it on the same date: "Ms. Jane Roe will succeed
    Mr. John Doe as Chief Executive Officer on April 1" (a present "succeeds" tells no news of the leaver)."""
    sent = region.body[s:]
    role = next((v for v in event.values if v.field == "role"), None)
    if event.action != "appointed" or role is None or event.role in (None, "director") or not _will(sent, cue):
        return []
    target = _succeeded(sent, cue, names)
    if target is None or target[0] == event.person or (person_key(target[0]), "left") in seen:
        return []
    seen.add((person_key(target[0]), "left"))
    values = [v for v in event.values if v.field in ("role", "action")]  # the date is the successor's
    values.append(FieldSource("person", "text", span(region, s + target[1], s + target[2])))
    person = " ".join(target[0].split())
    return [replace(event, values=tuple(values), person=person, action="departed", effective=None)]


_IN_THAT_CAPACITY = re.compile(r"\s+in\s+(?:that|this|the\s+same)\s+(?:capacity|role|position)\b")


def succeeded_in_that_capacity(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    who: tuple[str, int, int],
    *,
    names: list[tuple[str, int, int]],
    seen: set[tuple[str, str]],
) -> list[OfficerChange]:
    """ "current President and CEO John Doe … Jane Roe will succeed Mr. Doe in that capacity on January 1":
    Jane Roe is appointed, and John Doe leaves, the title printed before his name (the date is hers)."""
    s, e = bounds
    sent = region.body[s:e]
    if not cue.group(0).lower().startswith("succeed") or not _will(sent, cue) or who[2] > cue.start():
        return []
    target = _succeeded(sent, cue, names)
    if target is None or not _IN_THAT_CAPACITY.match(sent, target[2]):
        return []
    key, their = person_key(who[0]), person_key(target[0])
    mentions = [n for n in names if person_key(n[0]) == their and n[1] < cue.start()]
    title = next((t for n in mentions if (t := title_before(sent, n[1]))), None)
    if title is None or (key, "appointed") in seen or (their, "left") in seen:
        return []
    seen.update({(key, "appointed"), (their, "left")})
    date = effective_date(region, s, e, cue.start(), None, others=[])
    role = FieldSource("role", "text", span(region, s + title[1], s + title[2]))
    action = FieldSource("action", "text", span(region, s + cue.start(), s + cue.end()))
    out = []
    for person, did, when in ((who, "appointed", date), (target, "departed", None)):
        values = [FieldSource("person", "text", span(region, s + person[1], s + person[2])), action, role]
        if when:
            values.append(FieldSource("effective", "text", span(region, when[1], when[2])))
        out.append(
            OfficerChange(
                evidence=(span(region, s, e),),
                values=tuple(values),
                person=" ".join(person[0].split()),
                role=title[0],
                action=did,
                effective=when[0] if when else None,
            )
        )
    return out


# "Keane will officially succeed long-time CEO James P. Hackett in March 2014": the one succeeded follows
# the verb, after an adjective and a title at most
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:long-?time|current|outgoing|retiring|founding|longtime)\s+)?(?:(?:[A-Z][\w\-]*|CEO|CFO|COO)\s+){0,6}?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$"
)


def succeeded_later(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    who: tuple[str, int, int],
    *,
    names: list[tuple[str, int, int]],
    seen: set[tuple[str, str]],
) -> list[OfficerChange]:
    """The one an appointee already reported "will succeed" in a later sentence leaves: "… announces the
    appointment of A to Chief Executive Officer. A will officially succeed long-time CEO B in March 2014"
    makes B depart, with the title printed before B's name, else none."""
    s, e = bounds
    sent = region.body[s:e]
    if not cue.group(0).lower().startswith("succeed") or not _will(sent, cue) or who[2] > cue.start():
        return []  # "Khan succeeds Jeff Williams in the role of COO": a departure told before, not news
    if (person_key(who[0]), "appointed") not in seen:
        return []
    target = _succeeded(sent, cue, names)
    if target is None or (person_key(target[0]), "left") in seen:
        return []
    seen.add((person_key(target[0]), "left"))
    title = title_before(sent, target[1])
    date = effective_date(region, s, e, cue.start(), None, others=[])
    values = [FieldSource("person", "text", span(region, s + target[1], s + target[2]))]
    values.append(FieldSource("action", "text", span(region, s + cue.start(), s + cue.end())))
    if title:
        values.append(FieldSource("role", "text", span(region, s + title[1], s + title[2])))
    if date:
        values.append(FieldSource("effective", "text", span(region, date[1], date[2])))
    return [
        OfficerChange(
            evidence=(span(region, s, e),),
            values=tuple(values),
            person=" ".join(target[0].split()),
            role=title[0] if title else None,
            action="departed",
            effective=date[0] if date else None,
        )
    ]


_HIM = re.compile(r"\s+(?:him|her)\b")


def succeeds_the_one_leaving(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    who: tuple[str, int, int],
    *,
    known: Known,
    seen: set[tuple[str, str]],
) -> list[OfficerChange]:
    """The appointee chosen "to succeed him" takes the title of the officer just told to leave: "Chief
    Executive Officer John Roe will retire on June 30, and the Board has selected Jane Doe, currently Chief
    Operating Officer, to succeed him" makes Jane Doe appointed Chief Executive Officer."""
    s, e = bounds
    left = known.get(LEFT)
    key = person_key(who[0])
    if left is None or not cue.group(0).lower().startswith("succeed") or not _HIM.match(region.body, s + cue.end()):
        return []
    if who[2] > cue.start() or (key, "appointed") in seen or (key, "elected") in seen:
        return []
    surname = re.escape(who[0].split()[-1])
    told_next = re.compile(surname + r"\s+(?:was|has\s+been|will\s+be|is)\s+(?:appointed|named|elected|promoted)\b")
    if told_next.search(region.body, e, e + 400):
        return []  # "… to succeed him. Ms. Roe was appointed CTO effective March 2": told there
    seen.add((key, "appointed"))
    date = effective_date(region, s, e, cue.start(), None, others=[])
    values = [FieldSource("person", "text", span(region, s + who[1], s + who[2]))]
    values.append(FieldSource("action", "text", span(region, s + cue.start(), s + cue.end())))
    values.append(FieldSource("role", "text", span(region, left[1], left[2])))
    if date:
        values.append(FieldSource("effective", "text", span(region, date[1], date[2])))
    return [
        OfficerChange(
            evidence=(span(region, s, e),),
            values=tuple(values),
            person=" ".join(who[0].split()),
            role=left[0],
            action="appointed",
            effective=date[0] if date else None,
        )
    ]


def without_own_event(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    who: tuple[str, int, int],
    *,
    names: list[tuple[str, int, int]],
    seen: set[tuple[str, str]],
    known: Known,
) -> list[OfficerChange]:
    """The changes a "succeed" cue tells when it gives its subject no event of its own: the one succeeded
    leaves (``succeeded_later``), the appointee takes the leaver's title ("to succeed him":
    ``succeeds_the_one_leaving``) or the title printed before the one succeeded ("in that capacity":
    ``succeeded_in_that_capacity``)."""
    out = succeeded_later(region, bounds, cue, who, names=names, seen=seen)
    out.extend(succeeds_the_one_leaving(region, bounds, cue, who, known=known, seen=seen))
    out.extend(succeeded_in_that_capacity(region, bounds, cue, who, names=names, seen=seen))
    return out
