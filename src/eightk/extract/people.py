"""Officer and director changes: Item 5.02, and old Item 6 / Item 5 texts that report them.

One event per person and action ("elected director" and "appointed Chief Executive Officer" are two);
a change of role is two events. Re-electing directors at an annual meeting (5.07) is not an event.
"""

from __future__ import annotations

import re

from eightk.extract.bare import bare_regions, release_company
from eightk.extract.officer_actions import actions_in, last_cue
from eightk.extract.officer_clauses import (
    not_a_departure,
    officer_regions,
    person_key,
)
from eightk.extract.officer_context import no_news, not_this_change, retired_by_headline
from eightk.extract.officer_cues import (
    lowercase_title,
    title_before,
    whole_title,
)
from eightk.extract.officer_dates import effective_date, release_day, succeeded_only
from eightk.extract.officer_evidence import add_appositive_officers
from eightk.extract.officer_follow import with_follow_ons, without_own_event
from eightk.extract.officer_names import CORPORATE_AFTER, Known, cue_person, sentence_names
from eightk.extract.officer_subjects import (
    appositive_role,
    joined_persons,
    singular_role,
    spelled_out,
    without_company,
    without_defined_term,
)
from eightk.extract.officer_titles import (
    before_next_name,
    served_next,
    served_title,
    title_after_appointee,
    trim_title,
)
from eightk.extract.persons import PersonEvidence, person_evidence
from eightk.extract.text import Region, sentences, span, squash
from eightk.model import FieldSource, Filing, OfficerChange

__all__ = ["officer_changes"]

_DIRECTOR = re.compile(r"\b(?:board\s+of\s+directors|the\s+board|director|directors)\b", re.I)
# a title's words; "interim" or "acting" before them belongs to it ("as interim Chief Executive Officer"), and
# before a title joined by "and" ("interim Chief Financial Officer and interim Principal Accounting Officer"); a
# dash between its parts ("Executive Vice President - Operations")
_TITLE_WORDS = (
    r"(?P<t>(?:(?:interim|acting|non-executive)\s+(?=[A-Z]))?"
    r"(?:(?:[A-Z][\w\-+]*+(?!['’]s\b)|and|of|&|\+|,|[-–](?=\s+[A-Z])|(?<=and\s)(?:interim|acting)(?=\s+[A-Z]))\s*){1,12})"
)
# the owner before a title: "Acme’s", "the company’s", "MICROS’"
_OWNER = r"(?:(?:[A-Z][\w.&\-]*|company|corporation)(?:['’]s|(?<=[sS])['’])\s+)?"
_BECOME = re.compile(r"^\s*(?:the\s+|its\s+|our\s+|a\s+)?(?:new\s+|next\s+|incoming\s+)?" + _OWNER + _TITLE_WORDS)
_TITLE = re.compile(
    r"\b(?:as(?!\s+of\b)|position\s+(?:as|of)|role\s+(?:as|of)|serve\s+as|title\s+of)\s+(?:the\s+|its\s+|our\s+|a\s+)?"
    r"(?:new\s+|next\s+|incoming\s+)?" + _OWNER + _TITLE_WORDS,
)


_GROUP_NOUN = re.compile(r"(?:(?:named|other|certain)\s+)?(?:executive\s+)?(?:officers|directors|executives)", re.I)
_AS = re.compile(r"(?:\s+(?:to\s+serve\s+)?as\b)?")
# a board seat said before any title: "as a member of the Board", "as a Class I director", "to the Board"
_SEAT = re.compile(
    r"(?:^\s*|\bas\s+)(?:an?\s+)?(?:(?:independent|non-executive|Class\s+[IV]+)\s+)?(?:member\s+of\s+(?:the|its|our)\s+"
    r"(?:Board|board)\b|director\b)"
)


# the title after a company's name and its defined term
_OWNER_FIRST = re.compile(r"\s*\([^()]{1,40}\)\s*" + _TITLE_WORDS)


def _role(sent: str, cue_end: int, become: bool = False, fallback: bool = True) -> tuple[str, int, int] | None:
    window = sent[cue_end : cue_end + 200]
    # a title said to be kept or held before ("who will continue to serve as CFO", "who currently serves
    # as President") is not the change: the next candidate is
    t = next(
        (c for c in (_BECOME if become else _TITLE).finditer(window) if not _kept(window[: c.start()][-45:])),
        None,
    )
    owner = _OWNER_FIRST.match(window, t.end()) if t and CORPORATE_AFTER.search(t.group("t").rstrip(" ,")) else None
    if t and owner:  # "as the Acme Corporation (the “Corporation”) Chief Accounting Officer": the title after
        t = owner
    seat = _SEAT.search(window, 0, t.end() + 12 if t else len(window))
    seat = seat if seat and (t is None or seat.start() <= t.start()) else None
    if seat:  # "resigned as a member of the Board … and as Chair of the Audit Committee", "as a Class I director"
        return "director", cue_end + seat.start(), cue_end + seat.end()
    if t:
        raw = re.sub(r"\s+(?:of|and|&)$", "", before_next_name(t.group("t")).rstrip(" ,&\n\t")).rstrip(" ,&\n\t")
        title = squash(raw)
        words = title.split()
        if (
            words
            and not (len(words) <= 3 and _DIRECTOR.fullmatch(title))
            and title.lower() not in ("member", "a member")
        ):
            if not re.match(r"(?:member|director)\b", title, re.I):
                return title, cue_end + t.start("t"), cue_end + t.start("t") + len(raw)
    low = lowercase_title(sent, _AS.match(sent, cue_end).end())  # type: ignore[union-attr]
    if low is not None:  # "will become Acme’s general counsel", "will no longer be an executive officer"
        return low
    d = _DIRECTOR.search(sent) if fallback else None
    if d:
        return "director", d.start(), d.end()
    return None


# a departure told of the person named before: "As of June 30, he will no longer be …" (future or a decision;
# a biography's "Before retiring in 2020, he was …" is not one)
_HE_SHE = re.compile(
    r"\s*(?:[^,.;]{0,40},\s+){0,2}(?:[Hh]e|[Ss]he)\s+(?:will|has\s+(?:decided|informed|notified|tendered|resigned)|"
    r"intends|plans)\b"
)
_LEAVING = re.compile(r"\b(?:cease[sd]?\s+to\s+serve|no\s+longer\s+serve|step\s+down|resign)\w*\b", re.I)
_OBJECT_PRONOUN = re.compile(r"\s+(?:him|her|them)\b")
_POSSESSIVE = re.compile(r"\b(?:his|her|their)\s+$", re.I)
# words before a title that is not the change: kept ("will continue to serve as CFO") or held before
# ("who currently serves as President", "previously served as")
_KEEPS = re.compile(r"\b(?:continue|remain|currently|previously|formerly|serves|served|has\s+been)s?\b", re.I)
_NEW_GOAL = re.compile(r"\bto\s+(?:succeed|serve|become|replace)\b[^,;]*$", re.I)


def _kept(before: str) -> bool:
    """Whether the words before an "as <title>" say it is kept or held ("who currently serves as"), not given:
    "appointed Jane Roe, currently President, to succeed Mr. Doe as CEO" gives the title after "to succeed"."""
    return bool(_KEEPS.search(before)) and not _NEW_GOAL.search(before)


_BECOME_CUE = re.compile(
    r"(?:become|promotion\s+to|promoted\s+to|(?:role|position|title|office)\s+of|^mov\w*\s+from\b.*\bto|move\s+to|changed\s+to)$",
    re.I,
)
# "He will cease to serve as …", "As a result, she will …"
_PRONOUN_START = re.compile(r"\s*(?:[A-Z][a-z]+(?:\s+[a-z]+){0,4},\s+)?(?:[Hh]e|[Ss]he|[Tt]hey|Mr\.|Ms\.|Mrs\.|Dr\.)\s")


def _role_said_next(region: Region, s: int, nxt: tuple[int, int]) -> tuple[str, int, int] | None:
    """A departure whose title comes in the next sentence, about the same person: "He will cease to
    serve as Executive Vice President, …", or in the one after a sentence still about them ("Dr. Roe
    informed the Board …. He has served as Chairman and Chief Executive Officer since 2001."). Offsets are
    relative to the departure's sentence start ``s``."""
    following = region.body[nxt[0] : nxt[1]]
    leaving = _LEAVING.search(following) if _PRONOUN_START.match(following) else None
    role = _role(following, leaving.start()) if leaving else served_next(following)  # "He has served as CFO since"
    if role is None and _PRONOUN_START.match(following):  # "Dr. Roe informed the Board …. He has served as …"
        role = served_next(region.body[nxt[1] : nxt[1] + 300])
        at = nxt[1]
    else:
        at = nxt[0]
    if role is None or role[0] == "director" and not _DIRECTOR.search(region.body[at + role[1] : at + role[2]]):
        return None
    return role[0], at - s + role[1], at - s + role[2]


_FROM_SUCH = re.compile(r"\s+from\s+(?:such|that|this|the\s+same)\s+(?:position|role|office)\b")
# "elected as Chairman of the Board, succeeding Jane Roe, who will be retiring from the Board": she leaves the
# title given
_SUCCEEDING = re.compile(r",\s+(?:succeeding|replacing)\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$")


def _title_given_before(sent: str, at: int) -> tuple[str, int, int] | None:
    """The last "as <Title>" of the sentence before offset ``at`` that is given there, not held ("has been
    elected as Chairman", not "who currently serves as CFO")."""
    given = [
        m
        for m in _TITLE.finditer(sent, max(0, at - 250), at)
        if _GIVEN.search(sent, 0, m.start()) or not _KEEPS.search(sent[max(0, m.start() - 45) : m.start()])
    ]
    return _role(sent[:at], given[-1].start(), fallback=False) if given else None


_GIVEN = re.compile(r"\b(?:elected|appointed|named|promoted)\s+$")


def _role_for(
    region: Region,
    s: int,
    sent: str,
    cue: re.Match[str],
    person: tuple[str, int, int],
    *,
    nxt: tuple[int, int] | None,
    leaving: bool,
) -> tuple[str, int, int] | None:
    """The title the change is about, offsets into ``sent``."""
    if leaving:  # "X, Senior Vice President, will retire", "resigned as CFO", or said in the next sentence
        said = _role(sent, cue.end(), fallback=False) if re.match(r"\s+as\s", sent[cue.end() :]) else None
        # "X, Chairman and CEO, will retire as CEO …, but will remain Chairman": the title said after the cue
        role = said or appositive_role(sent, person[2]) or served_title(sent, person[2])
        role = role or _role(sent, cue.end(), fallback=False)
        role = role or title_before(sent, person[1])
        if role is None and (_FROM_SUCH.match(sent, person[2]) or _SUCCEEDING.search(sent, 0, person[1])):
            role = _title_given_before(sent, person[1])  # "as CFO, … the departure of X from such position"
        if role is None and nxt is not None:
            role = _role_said_next(region, s, nxt)
        # "X, a member of the Board, will not stand for re-election", "resigned from the Board"
        board = _DIRECTOR.search(sent, max(0, person[2]), cue.end() + 60)
        return role or (("director", board.start(), board.end()) if board else None)
    # "will become CEO", "promotion to CEO", "assumed the role of CEO", "Jane Roe was named CFO": the title
    # follows the cue
    if _BECOME_CUE.search(cue.group(0)):
        return _role(sent, cue.end(), become=True)
    if cue.group(0).lower().startswith("succeed"):  # "will succeed Mr. Roe as CFO"; no title, no event here
        return _role(sent, cue.end(), fallback=False)
    right_after = title_after_appointee(sent, person[2]) if person[1] >= cue.end() else None
    if right_after:  # "elected Craig Roe President and Chief Executive Officer"
        return right_after
    role = _role(sent, cue.end())
    passive = cue.group(0).lower() in ("named", "appointed", "elected") and person[2] <= cue.start()
    if passive and (role is None or role[0] == "director"):
        role = _role(sent, cue.end(), become=True, fallback=False) or role
    return role


def _sentence_events(
    region: Region,
    s: int,
    e: int,
    seen: set[tuple[str, str]],
    *,
    nxt: tuple[int, int] | None = None,
    company: str = "",
    known: Known | None = None,
    people: PersonEvidence | None = None,
) -> list[OfficerChange]:
    sent = region.body[s:e]
    known = known if known is not None else {}
    last = known.get("")  # the person named before this sentence, for "appointed him"
    actions = actions_in(sent)
    names = sentence_names(sent, s, known, people, bare=bool(actions))  # (the names serve later sentences too)
    if not actions or no_news(sent):
        return []
    out: list[OfficerChange] = []
    for action, pattern in actions:
        for cue in pattern.finditer(sent):
            if not_this_change(sent, cue, region.ref):
                continue  # "named to his current position", "until his successor is appointed", "… in 2017"
            if _OBJECT_PRONOUN.match(sent, cue.end()) and not cue.group(0).lower().startswith("succeed"):
                # "… appointed X as CFO and designated her as …": X again, already reported; but "John Smith
                # has served as COO since 2018. The Board appointed him as President.": the one named before
                if out or names or last is None:
                    continue
                person: tuple[str, int, int] | None = (last[0], last[1] - s, last[2] - s)
            else:
                owner = _POSSESSIVE.search(sent, max(0, cue.start() - 8), cue.start())  # "until her retirement"
                person = cue_person(names, cue, owner, leaving=action in ("retired", "departed"))
                leaving = action in ("retired", "departed")
                if person is None and last and (_HE_SHE.match(sent) if leaving else _HE_GIVEN.match(sent)):
                    person = (last[0], last[1] - s, last[2] - s)  # "As of June 30, he will no longer be …"
            if person is None or (action in ("retired", "departed") and not_a_departure(sent, cue)):
                continue
            group = joined_persons(sent, names, person, cue) if person in names else [person]
            for i, who in enumerate(group):
                event = _person_event(region, (s, e), cue, action, who, seen=seen, ctx=(nxt, company, group, i, names))
                if event is None:  # "A will succeed long-time CEO B": A was reported before, B leaves
                    out.extend(without_own_event(region, (s, e), cue, who, names=names, seen=seen, known=known))
                    continue
                follow = {"names": names, "seen": seen, "known": known, "company": company}
                out.extend(with_follow_ons(region, (s, e), cue, event, who, **follow))  # type: ignore[arg-type]
    return out


def _whole_role(
    region: Region,
    sent: str,
    role: tuple[str, int, int] | None,
    *,
    cue: re.Match[str],
    person: tuple[str, int, int],
    group: list[tuple[str, int, int]],
    index: int,
    company: str,
) -> tuple[str, int, int] | None:
    """The title as the event gives it: a later joined person's own "as …" title, without the registrant
    and a defined term, kept whole, singular when several share it, abbreviations spelled out; never a
    group noun ("the following Executive Officers")."""
    if index and person[1] > cue.end():
        own = _role(sent, person[2], fallback=False) or title_after_appointee(sent, person[2])
        following = group[index + 1][1] if index + 1 < len(group) else len(sent)
        role = own if own and own[1] < following + 200 else role
    if role and any(role[1] <= g[1] < role[2] for g in group if g != person):
        # "A, B and C, each a member of the Board, resigned": the names after A are no part of A's title
        board = _DIRECTOR.search(sent, group[-1][2], cue.end() + 60)
        role = ("director", board.start(), board.end()) if board else None
    if len(group) > 1 and person[1] > cue.end() and (role is None or role[0] == "director"):
        role = title_after_appointee(sent, group[-1][2]) or role  # "named A, 47, and B, 59, Co-Presidents"
    if role is None:
        return None
    issuer = company or release_company(region)
    role = trim_title(sent, whole_title(sent, without_company(sent, role, company)), issuer)
    if len(group) > 1 or re.search(r"(?:Officer|President|Chair|Head)s$", role[0]):
        role = singular_role(role, sent)  # one person holds a title said in the plural ("Co-Chief … Officers")
    role = spelled_out(region.body, without_defined_term(role))
    return None if _GROUP_NOUN.fullmatch(role[0]) else role


# "He will be appointed to the Board of Directors at its next meeting": the one named before
_HE_GIVEN = re.compile(
    r"\s*(?:[Hh]e|[Ss]he)\s+(?:will\s+be|has\s+been|was|is)\s+(?:also\s+)?(?:appointed|named|elected)\b"
)
# "will as well assume the title of CEO of MRC", "was also appointed", "the additional role of": another post
_ALSO = re.compile(r"\b(?:as\s+well|also|additional)\b")
_AS_TITLE = re.compile(r"\s+as\s+(?:the\s+|its\s+)?[A-Z]")
_SEAT_CUE = re.compile(r"\s+to\s+(?:the|its|our)\s+(?:Company['’]s\s+)?[Bb]oard(?:\s+of\s+[Dd]irectors)?\b")


def _person_event(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    action: str,
    person: tuple[str, int, int],
    *,
    seen: set[tuple[str, str]],
    ctx: tuple[tuple[int, int] | None, str, list[tuple[str, int, int]], int, list[tuple[str, int, int]]],
) -> OfficerChange | None:
    """One person's change under the cue. ``ctx`` is the next sentence's bounds, the registrant's name,
    the people joined under the cue and this one's index among them (a later one's own "as …" title
    wins over the first's; a title shared by several is singular)."""
    s, e = bounds
    nxt, company, group, index, names = ctx
    sent = region.body[s:e]
    kind = "left" if action in ("retired", "departed") else action  # "is retiring … will step down": one
    key = person_key(person[0])
    more = _SEAT_CUE.match(sent, cue.end()) or _ALSO.search(sent, max(0, cue.start() - 20), cue.end() + 25)
    if (key, kind) in seen and (not more or kind == "left" and not _AS_TITLE.match(sent, cue.end())):
        # told before; but an appointee's board seat is a change of its own ("appointed to the Board"), and so is
        # another office left ("will retire as CEO … Mr. Wood also resigned as President")
        return None
    role = _role_for(region, s, sent, cue, person, nxt=nxt, leaving=kind == "left")
    if role is None and cue.group(0).lower().startswith("succeed"):
        return None  # "selected Jane Roe to succeed him": the title comes with another cue
    role = _whole_role(region, sent, role, cue=cue, person=person, group=group, index=index, company=company)
    if role and (key, role[0].lower()) in seen:
        return None  # "elected a director … and appointed him to the Audit Committee" is one change
    seen.add((key, kind))
    if role:
        seen.add((key, role[0].lower()))
    others = [  # another's clause; not the one succeeded ("to succeed Mr. Roe as CFO as of May 1")
        n[1] for n in names if n not in group and person_key(n[0]) != key and not succeeded_only(sent, n)
    ]
    date = effective_date(
        region, s, e, cue.start(), nxt, notice_from=person[2] if kind == "left" else None, others=others, own=person[1]
    )
    date = release_day(region, sent, cue, date)
    sources = [FieldSource("person", "text", span(region, s + person[1], s + person[2]))]
    sources.append(FieldSource("action", "text", span(region, s + cue.start(), s + cue.end())))
    if role:
        sources.append(FieldSource("role", "text", span(region, s + role[1], s + role[2])))
    if date:
        sources.append(FieldSource("effective", "text", span(region, date[1], date[2])))
    return OfficerChange(
        evidence=(span(region, s, e),),
        values=tuple(sources),
        person=squash(person[0]),
        role=role[0] if role else None,
        action=action,
        effective=date[0] if date else None,
    )


_EVIDENCE_WINDOW = 20_000  # an exhibit names the people it is about near its top (an employment agreement)


def officer_changes(filing: Filing, regions: list[Region]) -> list[OfficerChange]:
    """One ``OfficerChange`` per person and action in Item 5.02 (and old-era Item 5/8.01) texts; a
    person is only a name that the filing shows to be a person's (``persons.person_evidence``)."""
    events: list[OfficerChange] = []
    seen: set[tuple[str, str]] = set()
    regs = list(officer_regions(filing, bare_regions(regions)))
    if not regs:
        return events  # no item or release that tells of officers: no evidence to gather
    told_in = {r.doc for r in regs}  # the documents that tell of officers whole, the other exhibits' openings
    texts = (d.text if d.sequence in told_in else d.text[:_EVIDENCE_WINDOW] for d in filing.documents)
    people = person_evidence(texts, (s.name or "" for s in filing.signatures))
    for region in regs:
        add_appositive_officers(people, region.body)
        people.company_texts.append(region.body)  # a company's name is no person's
        spans = list(sentences(region))
        last = last_cue(region.body)
        known: Known = {}
        for i, (s, e) in enumerate(spans):
            if s > last:
                break  # no action word after here: nothing left to report (names only serve later cues)
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            told = _sentence_events(
                region, s, e, seen, nxt=nxt, company=filing.registrant.name or "", known=known, people=people
            )
            events.extend(retired_by_headline(region, event) for event in told)
    return events
