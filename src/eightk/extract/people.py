"""Officer and director changes: Item 5.02, and old Item 6 / Item 5 texts that report them.

One event per person and action ("elected director" and "appointed Chief Executive Officer" are two);
a change of role is two events. Re-electing directors at an annual meeting (5.07) is not an event.
"""

from __future__ import annotations

import datetime as _dt
import re

from eightk.extract.text import Region, dates_in, sentences, span, squash
from eightk.model import FieldSource, Filing, OfficerChange, Span

__all__ = ["officer_changes"]

_ACTIONS = (
    ("retired", re.compile(r"\bretir(?:e|ed|es|ing|ement)\b", re.I)),
    (
        "departed",
        re.compile(
            r"\b(?:resign(?:ed|ation|s|ing)?|step(?:ped|s|ping)?\s+down|depart(?:ed|ure|s|ing)?|will\s+leave|(?:is\s+)?leaving|"
            r"(?:will\s+)?cease[sd]?\s+to\s+(?:be|serve)|"
            r"separat(?:ion|ed)\s+from|not\s+(?:to\s+)?stand\s+for\s+re-?election|will\s+not\s+seek\s+re-?election|"
            r"terminat(?:ed|ion)\s+(?:of\s+)?(?:his|her|the)\s+employment|ceased?\s+to\s+serve)\b",
            re.I,
        ),
    ),
    ("elected", re.compile(r"\belected\b(?!\s+not)", re.I)),
    (
        "appointed",
        re.compile(r"\b(?:appointed|appoint|named|promoted|hired|designated|welcomed\s+back|will\s+become)\b", re.I),
    ),
)
_NAME = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?\b(?P<n>[A-Z][a-z]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-zA-Z’'\-]+)){1,3})\b")
_NOT_NAME_WORDS = set(
    """Board Directors Director Company Chief Executive Officer President Vice Senior Financial Operating Accounting
    Corporation Inc Committee Nominating Governance Audit Compensation Item Section Form Exhibit Securities Exchange
    Act Plan Agreement Annual Meeting Stockholders Shareholders General Counsel Secretary Treasurer Chair Chairman
    Lead Independent Technology Officers Worldwide Consumer Retail People Business Development Strategy Ventures
    January February March April May June July August September October November December United States The This
    On In As Effective Following Prior Under Pursuant Dear Equity Incentive Restricted Stock Units Award Amended
    Restated Current Report Commission Human Resources Global Group Operations Principal Interim Executive""".split()
)
_DIRECTOR = re.compile(r"\b(?:board\s+of\s+directors|the\s+board|director|directors)\b", re.I)
_TITLE_WORDS = r"(?P<t>(?:(?:[A-Z][\w\-+]*|and|of|&|,)\s*){1,12})"
_BECOME = re.compile(r"^\s*(?:the\s+|its\s+|our\s+|a\s+)?(?:Company['’]s\s+)?" + _TITLE_WORDS)
_TITLE = re.compile(
    r"\b(?:as(?!\s+of\b)|position\s+(?:as|of)|role\s+(?:as|of)|serve\s+as|title\s+of)\s+(?:the\s+|its\s+|our\s+|a\s+)?"
    r"(?:Company['’]s\s+|Corporation['’]s\s+)?(?P<t>(?:(?:[A-Z][\w\-+]*|and|of|&|,)\s*){1,12})",
)


_APPOSITIVE = re.compile(
    r",\s+(?:age\s+\d+,\s+)?(?P<t>[A-Z][^.;]{2,120}?),\s+(?:is|was|will|has|had|informed|notified|announced|resigned|retired)\b"
)
_OLD_NEWS = re.compile(r"^\s*As\s+previously\s+(?:reported|disclosed|announced)", re.I)
_EFFECTIVE = re.compile(r"\beffective\s+(?:as\s+of\s+|on\s+|from\s+)?", re.I)


def _names(sent: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _NAME.finditer(sent):
        name = re.sub(r"['’]s$", "", m.group("n"))
        words = [w.strip(".,") for w in name.split()]
        if any(w in _NOT_NAME_WORDS for w in words) or len(words) < 2:
            continue
        out.append((name, m.start("n"), m.start("n") + len(name)))
    return out


def _role(sent: str, cue_end: int, become: bool = False) -> tuple[str, int, int] | None:
    window = sent[cue_end : cue_end + 200]
    t = (_BECOME if become else _TITLE).search(window)
    if t:
        title = squash(t.group("t")).strip(" ,&")
        title = re.sub(r"\s+(?:of|and|&)$", "", title)
        words = title.split()
        if (
            words
            and not (len(words) <= 3 and _DIRECTOR.fullmatch(title))
            and title.lower() not in ("member", "a member")
        ):
            if not re.match(r"(?:member|director)\b", title, re.I):
                return title, cue_end + t.start("t"), cue_end + t.start("t") + len(t.group("t").rstrip(" ,"))
    d = _DIRECTOR.search(sent)
    if d:
        return "director", d.start(), d.end()
    return None


def _appositive_role(sent: str, name_end: int) -> tuple[str, int, int] | None:
    m = _APPOSITIVE.match(sent, name_end)
    if not m:
        return None
    return squash(m.group("t")), m.start("t"), m.end("t")


def _person(names: list[tuple[str, int, int]], cue_start: int, cue_end: int) -> tuple[str, int, int] | None:
    after = [n for n in names if 0 <= n[1] - cue_end <= 60]
    if after:
        return after[0]
    before = [n for n in names if n[2] <= cue_start]
    return before[-1] if before else None


def _effective(
    region: Region, s: int, e: int, cue: int, nxt: tuple[int, int] | None
) -> tuple[_dt.date, int, int] | None:
    """The effective date: one that follows "effective", else the date nearest the cue, else an
    "effective"/"on" date in the next sentence when this one only dates the announcement."""
    dates = list(dates_in(region, s, e))
    for d in dates:
        if _EFFECTIVE.search(region.body[max(s, d[1] - 25) : d[1]]):
            return d
    later = [d for d in dates if d[1] - s > cue]
    if later:
        return later[0]
    if nxt is not None:
        for d in dates_in(region, *nxt):
            if re.search(r"(?:effective|on)\s+(?:as\s+of\s+)?$", region.body[max(nxt[0], d[1] - 25) : d[1]], re.I):
                return d
    return min(dates, key=lambda d: abs(d[1] - s - cue)) if dates else None


def _sentence_events(
    region: Region, s: int, e: int, seen: set[tuple[str, str]], nxt: tuple[int, int] | None = None
) -> list[OfficerChange]:
    sent = region.body[s:e]
    names = _names(sent)
    if not names or _OLD_NEWS.match(sent) or re.search(r"\bannual\s+meeting\b.*\belected\b", sent, re.I | re.S):
        return []
    out = []
    for action, pattern in _ACTIONS:
        for cue in pattern.finditer(sent):
            person = _person(names, cue.start(), cue.end())
            if person is None or (person[0], action) in seen:
                continue
            if action in ("appointed", "elected"):
                role = _role(sent, cue.end(), become="become" in cue.group(0).lower())
            else:
                role = _appositive_role(sent, person[2]) or _role(sent, cue.end())
            if role and (person[0], role[0].lower()) in seen:
                continue  # "elected a director … and appointed him to the Audit Committee" is one change
            seen.add((person[0], action))
            if role:
                seen.add((person[0], role[0].lower()))
            date = _effective(region, s, e, cue.start(), nxt)
            sources = [FieldSource("person", "text", span(region, s + person[1], s + person[2]))]
            sources.append(FieldSource("action", "text", span(region, s + cue.start(), s + cue.end())))
            if role:
                sources.append(FieldSource("role", "text", span(region, s + role[1], s + role[2])))
            if date:
                sources.append(FieldSource("effective", "text", span(region, date[1], date[2])))
            evidence: tuple[Span, ...] = (span(region, s, e),)
            out.append(
                OfficerChange(
                    evidence=evidence,
                    values=tuple(sources),
                    person=squash(person[0]),
                    role=role[0] if role else None,
                    action=action,
                    effective=date[0] if date else None,
                )
            )
    return out


def officer_changes(filing: Filing, regions: list[Region]) -> list[OfficerChange]:
    events: list[OfficerChange] = []
    seen: set[tuple[str, str]] = set()
    for region in regions:
        if region.kind != "item":
            continue
        old_era_other_events = region.code in ("8.01",) and not any(it.number.count(".") for it in filing.items)
        if region.code != "5.02" and not old_era_other_events:
            continue
        spans = list(sentences(region))
        for i, (s, e) in enumerate(spans):
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            events.extend(_sentence_events(region, s, e, seen, nxt))
    return events
