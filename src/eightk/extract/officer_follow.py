"""The changes one officer change implies: a board seat named after the title, the post left in a move
or an apposition, the one succeeded, the one a role is handed to (see ``officer_cues``)."""

from __future__ import annotations

import re

from eightk.extract.officer_clauses import board_seat_too, moved_from, person_key
from eightk.extract.officer_cues import (
    handed_to,
    left_previous,
    predecessor_left,
    remember_role,
    role_from_successor,
    succeeded_one,
)
from eightk.extract.officer_names import Known
from eightk.extract.text import Region
from eightk.model import OfficerChange

__all__ = ["MOVE", "with_follow_ons"]

MOVE = "\0move "  # a ``known`` key: a person moving to a new role whose old one is not said


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
    out = [event, *board_seat_too(region, s, sent, event)]
    left = moved_from(region, s, cue, event, who, seen=seen)
    out.extend(left)
    if not left and re.match(r"(?:transition|mov)", cue.group(0), re.I):
        known[MOVE + person_key(event.person or "")] = (who[0], s + who[1], s + who[2])
    if cue.group(0).lower().startswith("succeed"):  # "B will succeed Mr. A as CEO", A moving
        out.extend(predecessor_left(region, s, names=names, cue=cue, event=event, known=known))
    out.extend(left_previous(region, s, event=event, who=who, seen=seen, company=company))
    out.extend(succeeded_one(region, s, names=names, event=event, seen=seen, key_of=person_key))
    if event.action == "departed" and "transition" in cue.group(0).lower():
        key = person_key(event.person or "")
        out.extend(handed_to(region, s, names=names, event=event, seen=seen, key=key))
    return out
