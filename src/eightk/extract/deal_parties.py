"""Who a deal's parties are and what roles they take: the organizations an anchor names (before its verb,
and after "with", "between" or "among"), the issuer a bare press release's dateline names, and the roles
the votes of ``deal_roles``, a contract's labels and the complement of a two-sided deal give them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eightk.extract.deal_cues import _I, _OPENING_END, _WINDOW, _hangs_from
from eightk.extract.deal_dates import _DATELINE
from eightk.extract.deal_roles import COMPLEMENT, Votes
from eightk.extract.deal_terms import Terms
from eightk.extract.entities import REGISTRANT, Entities, Mention, entities
from eightk.extract.entity_names import LABEL_CAPS
from eightk.extract.text import Region
from eightk.model import Filing, Span


@dataclass(slots=True)
class _Deal:
    kind: str
    anchor: Span
    parties: list[int]  # org indices (REGISTRANT included) named by the anchor
    region: Region
    ents: Entities
    votes: Votes = field(default_factory=lambda: Votes({}))
    terms: Terms = field(default_factory=Terms)
    sents: list[tuple[int, str]] = field(default_factory=list)
    extra: list[_Deal] = field(default_factory=list)  # the same deal told again elsewhere
    n_subjects: int = 0  # how many of ``parties`` stand before the anchor's verb
    registrant: str | None = None  # the filer's name, for a registrant the text calls only "we"
    at: int = 0  # where the anchor starts in the region's body


# the buyer after a sale's "to" (lower-case words between: "to privately owned B & L Rentals, LLC")
_SOLD_TO = re.compile(
    r"\b(?:sale|sell|sells|sold|divest\w*|transfer(?:s|red)?)\b(?:[^.;]|\.(?=\S)){0,140}?\bto\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}$"
)
# "between A and B"; a title page's "A LICENSOR AND B LICENSEE"
_BETWEEN = re.compile(rf"\b(?:between|among)\b|(?-i:\b{LABEL_CAPS}\s+AND\b)", _I)
_JOINED_PARTIES = (  # "A (“A'”), and B", "A LICENSOR AND B" (a title page's labels)
    rf"(?:\s*\([^()]{{0,80}}\)|\s+{LABEL_CAPS})?\s*(?:,\s*(?:and\s+|&\s+)?|(?:and|&)\s+)(?:the\s+)?"
)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A deal sentence: where it starts in the body, its text, its entry match, and whether it is a
    contract's opening (whose parties run on to the recitals)."""

    start: int
    text: str
    entry: re.Match[str] | None
    opening: bool


def _anchor_parties(body: str, a: _Anchor, ents: Entities) -> tuple[list[int], int | None, int]:
    """The organizations an anchor names as parties, the sentence's subject, and how many of the parties
    (the first ones) stand before the verb. A contract's opening names its parties between "between"
    and the recitals, across the lines and semicolons it uses."""
    offset, sent = a.start, a.text
    end = offset + len(sent)
    if a.opening:  # from the opening's "THIS AGREEMENT", past a title page or an index before it
        offset = a.entry.start("this") if a.entry else offset
        stop = _OPENING_END.search(body, offset + 20, offset + 2500)
        end = stop.start() if stop else min(len(body), offset + 1500)
        sent = body[offset:end]
    ms = ents.between(offset, end)
    verb = 0 if a.opening or not a.entry else a.entry.start()  # an opening's match is in body offsets
    before = [m for m in ms if m.end <= offset + verb]
    out: list[int] = []
    subject = None
    if before:
        # 'B ("B'") announced': B's name, not its term; "A, the subsidiary of P (the "Registrant"), has
        # entered": A, not the parent its description names
        k = len(before) - 1
        while k and (before[k - 1].org == before[k].org or _hangs_from(body, before[k])):
            k -= 1
        subject = before[k].org
        out.append(subject)
        lead = sent[max(0, before[k].start - offset - 12) : before[k].start - offset]
        if k and re.search(r"\b(?:and|AND)\s+$", lead):  # "A and B announced", "CHEMBIO AND PRIONICS SIGN"
            j = k - 1  # "A, a subsidiary of P (“P'”), and B": A, not its parent
            while j > 0 and (before[j].org == before[j - 1].org or _hangs_from(body, before[j])):
                j -= 1
            out.insert(0, before[j].org)
    n_subjects = len(out)
    out += _counterparties(
        body, sent, offset, verb, [m for m in ms if m.start >= offset + verb], first=subject is None, ents=ents
    )
    return list(dict.fromkeys(out)), subject, n_subjects


def _counterparties(
    body: str, sent: str, offset: int, verb: int, after: list[Mention], *, first: bool, ents: Entities
) -> list[int]:
    """ "… with A and B", "… with A, B, and C", "… between A, a Delaware corporation, and B": the
    organizations after the verb that the agreement is made with (not "the merger with", "a subsidiary
    of", "on behalf of"). A name joined by a comma alone counts only when the list ends in "and"
    ("A, B, and C"); "A, B (“B'”)" names a division of A."""
    between = _BETWEEN.search(sent[verb:])
    with_ = re.search(r"\bwith\b", sent[verb:], _I)
    out: list[int] = []
    pending: list[int] = []
    last: Mention | None = None
    for m in after:
        gap = sent[max(0, m.start - offset - 30) : m.start - offset]
        lone = not between and not with_ and not out  # "… agreements to license … to X": the first one
        if re.search(r"\b(?:of|at|by|in|on\s+behalf\s+of)\s+(?:the\s+)?$|\b(?:its|our|their)\s+$", gap, _I) or (
            not lone and re.search(r"\b(?:to|from)\s+(?:the\s+)?$", gap, _I)
        ):
            continue
        link = body[last.end : m.start] if last is not None else ""
        joined = last is None or bool(re.fullmatch(_JOINED_PARTIES, link, _I))
        comma_only = last is not None and joined and not re.search(r"\b(?:and|AND)\b|&", link)
        if between and m.start >= offset + verb + between.start():
            take = joined or bool(
                re.search(r"(?:\b(?:and|AND|between|BETWEEN|among|AMONG)\b|\(\d\))[\s()\d:.]*(?:the\s+|THE\s+)?$", link)
            )  # the words just before the name join it, not an "and" of an address ("England and Wales")
        elif with_ and m.start >= offset + verb + with_.start():
            take = joined
        else:  # the first one; or the one a sale is made to ("the sale of certain assets … to privately owned X")
            sold_to = _SOLD_TO.search(sent, max(0, m.start - offset - 160), m.start - offset)
            take = bool((first or lone) and not out) or sold_to is not None
        if not take:
            continue
        defined = re.match(r"\s*\(\s*(?:the\s+)?[“\"]([^”\"]{1,60})[”\"]", body[m.end : m.end + 80])
        if comma_only and last is not None and defined and defined.group(1) in ents.orgs[last.org].aliases:
            continue  # "A, B Division (“A'”)": B is part of A's description
        if comma_only:
            pending.append(m.org)
        else:
            out += pending if last is not None else []
            pending = []
            out.append(m.org)
        last = m
    return out


_LABEL_AS = {"seller": "licensor", "buyer": "licensee", "licensor": "seller", "licensee": "buyer"}


def _party_roles(d: _Deal) -> dict[int, str]:
    """Roles for the deal's organizations: votes, then a contract's labels, then the complement of a
    two-sided deal, then ``partner``."""
    ents = d.ents
    involved = list(dict.fromkeys([*d.parties, *d.votes.counts]))
    out: dict[int, str] = {}
    for i in involved:
        label = ents.orgs[i].label if i != REGISTRANT else None
        if label in COMPLEMENT and (d.kind != "asset_purchase") != (label in ("licensor", "licensee")):
            # a licence whose parties are "Seller" and "Buyer": what the deal does; a label of the other kind
            # of deal is only a guess, and the wording's votes go first ("LICENSEE has assigned to LICENSOR")
            label = None if d.votes.role(i) is not None else _LABEL_AS[label]
        if label in COMPLEMENT:
            out[i] = label
        elif (r := d.votes.role(i)) is not None and (d.kind != "collaboration" or d.votes.counts[i][r] >= 2):
            out[i] = r
    if d.kind == "asset_purchase":
        out = {i: r for i, r in out.items() if r in ("buyer", "seller")}
    else:
        out = {i: r for i, r in out.items() if r in ("licensor", "licensee")}
    sides = [i for i in involved if i in (REGISTRANT, ents.registrant) or i in d.parties or i in out]
    if len(set(sides)) > 2:  # the anchor's own parties decide when others are mentioned too
        sides = [i for i in d.parties if i != REGISTRANT or REGISTRANT in d.votes.counts]
    if len(set(sides)) == 2:
        a, b = list(dict.fromkeys(sides))
        labelled = [i for i in (a, b) if i != REGISTRANT and ents.orgs[i].label in COMPLEMENT]
        taken = {r for i, r in out.items() if i not in (a, b)}  # a third party that holds the other role already
        if a in out and COMPLEMENT[out[a]] not in taken and (b not in out or (out[a] == out[b] and labelled == [a])):
            out[b] = COMPLEMENT[out[a]]
        elif b in out and COMPLEMENT[out[b]] not in taken and (a not in out or (out[a] == out[b] and labelled == [b])):
            out[a] = COMPLEMENT[out[b]]
    _group_complement(d, out)
    known = {out[i] for i in d.parties if i in out}
    if len(known) == 1 and (rest := [i for i in d.parties if i not in out]):
        (role,) = known  # "A (the Licensee), B and C": the parties not labelled are the other side
        for i in rest:
            out[i] = COMPLEMENT[role]
    return out


def _group_complement(d: _Deal, out: dict[int, str]) -> None:
    """ "We and Sanofi entered into a license agreement with A, B and C to obtain a license": when the
    parties on one side of the anchor's verb share a role and those on the other side have none, the
    other side takes its complement."""
    subjects, others = d.parties[: d.n_subjects], d.parties[d.n_subjects :]
    for one, two in ((subjects, others), (others, subjects)):
        roles_one = {out[i] for i in one if i in out}
        if len(roles_one) == 1 and two and not any(i in out for i in two):
            (role,) = roles_one
            for i in two:
                out[i] = COMPLEMENT[role]


def _issuer(filing: Filing, region: Region) -> str | None:
    """The company that issues a press release given on its own (no cover names the filer): the name its
    dateline opens with ("… October 6, 2004 — Gen-Probe (Nasdaq: GPRO) has signed"), which "the Company"
    and "we" then refer to. None for other documents or when the dateline names no organization."""
    if filing.document_kind != "press_release":
        return None
    body = region.body[:_WINDOW]
    line = _DATELINE.search(body, 0, 3000)
    if line is None:
        return None
    first = next((m for m in entities(body).mentions if m.start >= line.end()), None)
    if first is None or first.start - line.end() > 3 or first.org == REGISTRANT:
        return None
    return entities(body).orgs[first.org].name
