"""Licensing, collaboration and asset-purchase deals, and updates to deals signed earlier.

Read from 8-K items, exhibits, text printed after the signature, and bare documents (a press release,
an agreement, a 10-Q note given on its own). A deal starts at an *anchor*: a sentence that enters into
an agreement ("entered into", "signed", "announced", a contract's "This Agreement is made … between")
and names its kind (licence, collaboration, asset purchase). The sentences after it, up to the next
anchor, are the deal's: its terms (``deal_terms``) and the roles its grammar gives the parties
(``deal_roles``). Two anchors of different kinds or different counterparties are two deals; the same
deal told twice (an item and its press release) is one event citing both.

An anchor that amends, terminates, exercises an option under, or closes an agreement, or that tells of
a deal signed over a year before the document's own date, is no new deal: the first four become a
``deal_update`` event, as does a milestone paid or received under an earlier agreement.
"""

from __future__ import annotations

import functools
import re

from eightk.extract.deal_cues import (
    _AFTER_CLOSING,
    _AMENDMENT_ENTERED,
    _ANNOUNCED_BEFORE,
    _BOTH_PARTIES,
    _CLOSING_UPDATE,
    _DEFINITION,
    _GRANT_ANCHOR,
    _HABITUAL,
    _HYPOTHETICAL,
    _I,
    _IN_ADDITION_TO_DEAL,
    _ITEM_CODES,
    _MILESTONE_UPDATE,
    _ONLY_PARTNERSHIP,
    _OTHER_AGREEMENT,
    _PENDING,
    _PROPOSED,
    _SELF_REFERENCE,
    _SEPARATE,
    _STOP,
    _UNDER_THE_AGREEMENT,
    _WINDOW,
    _entry,
    _kinds,
    _opening_told,
    _recounts,
    _title_kind,
    _update_kind,
    quick_test,
)
from eightk.extract.deal_dates import _anchor_date, _period_start, _ref_date, _under_older
from eightk.extract.deal_events import _event, _fill, _names, _same_sides
from eightk.extract.deal_openings import _OPENING_REACH, opening_in
from eightk.extract.deal_parties import _Anchor, _anchor_parties, _Deal, _issuer
from eightk.extract.deal_roles import LICENSED_THING, roles
from eightk.extract.deal_terms import read_terms, title_exclusive
from eightk.extract.entities import REGISTRANT, Entities, entities
from eightk.extract.money import money_in
from eightk.extract.text import Region, sentences, span, squash
from eightk.model import DealUpdate, Event, FieldSource, Filing, Party
from eightk.parse.text import fold

__all__ = ["deals"]


# every grant anchor holds one of these
_GRANT_WORDS = ("grant", "licens", "gained", "obtained", "acquir", "receiv", "purchas", "bought")
# a recital's opening: "WHEREAS,", "(C)", "B."
_RECITAL = re.compile(r"\W*(?:WHEREAS|Whereas)\b|\s*\(?[A-H]\)\s*|\s*[A-H]\.\s+")
# "X has assigned to Y certain know-how and patent rights", "will assign and contribute … assets"
_ASSIGNED_TO = re.compile(
    r"\b(?:is|are|has\s+been|will\s+be)\s+acquiring\s+(?:certain|all|substantially\s+all)\s+(?:of\s+the\s+)?assets\s+of\b|"
    r"\b(?:assigned|assigns|assign|transferred|contribute[sd]?)\b(?:\s+and\s+\w+)?\s+(?:to\s+\S+\s+)?(?:[\w\-]+\s+){0,8}?"
    r"(?:patent\s+rights|patents|know-how|assets|intellectual\s+property)\b"
)


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n[\s|]*$")  # a blank line just before a sentence


class _Reader:
    """Reads one region sentence by sentence: anchors open deals (or updates), the sentences after an
    anchor feed its deal."""

    def __init__(self, region: Region, registrant: str | None) -> None:
        self.region = region
        self.body = region.body[:_WINDOW]
        self.registrant = registrant
        self.ref = _ref_date(region)
        self.period = _period_start(region)
        self.title_kind: str | None = None
        self.contract = False
        self.found: list[_Deal] = []
        self.updates: list[DealUpdate] = []
        self.current: list[_Deal] = []
        self.recounting = False  # the sentences after an old deal's anchor tell of that deal
        # an agreement whose kind one of the next two sentences tells: (anchor, its end, sentences left)
        self.pending: tuple[_Anchor, int, int] | None = None
        self._opening = opening_in(self.body)  # a contract's opening, if the document starts as one

    @functools.cached_property
    def ents(self) -> Entities:
        """The region's organizations, read when the first anchor or update needs them (most regions
        that pass the quick test tell of no deal)."""
        return entities(self.body, self.registrant)

    def read(self) -> tuple[list[_Deal], list[DealUpdate]]:
        r = self.region
        window = Region(r.doc, r.start, r.start + len(self.body), r.text, r.kind, r.code, r.ref)
        for s, e in sentences(window):
            self.sentence(s, e)
        return self.found, self.updates[:3]

    def _told_before(self, s: int, sent: str) -> bool:
        """The cases a sentence settles before anchors are looked for: a paragraph end, the end of a
        telling ("About X"), the closing of a deal announced before, the kind of a pending agreement.
        True when the sentence is dealt with."""
        if _PARAGRAPH_END.search(self.body, max(0, s - 12), s):
            self.recounting = False  # an old deal's telling ends with its paragraph
        if _STOP.match(sent):
            self.current = []
            return True
        if self.current and _ANNOUNCED_BEFORE.match(sent):
            self._closing(s, sent)  # "… has sold X to Y. As was announced on October 19, …": a closing
            return True
        told = _kinds(sent, None) if self.pending and not self.current else []
        if (
            self.pending
            and told
            and not _ONLY_PARTNERSHIP.search(sent)
            and not _HYPOTHETICAL.match(sent)
            and not _entry(sent)  # a sentence that enters an agreement of its own is its own anchor
        ):
            pending, self.pending = self.pending, None  # the next sentence tells what the agreement is
            self.anchor(pending[0], told, pending[1])
            self.feed(s, sent, None)
            return True
        return False

    def sentence(self, s: int, e: int) -> None:
        body, sent = self.body, self.body[s:e]
        if self._told_before(s, sent):
            return
        at = self._opening
        opening = at if at is not None and not self.found and s <= at.start("this") < s + _OPENING_REACH else None
        if opening:
            self.title_kind = _title_kind(body[: opening.end()])
            self.contract = True  # a contract's recitals tell of other agreements: they feed this one
        elif self._told_on(s, sent, e):
            return
        entry = opening or _entry(sent)
        if opening:  # a contract is the kind its title or its opening words name ("THIS LICENSE AGREEMENT")
            kinds = [self.title_kind] if self.title_kind else _kinds(body[s : opening.end()], None)
        else:
            kinds = _kinds(sent, self.title_kind) if entry else []
        if entry and not opening and self._not_entered(s, sent):
            entry, kinds = None, []
        if entry and self.current and (besides := _IN_ADDITION_TO_DEAL.match(sent)):
            kinds = self._set_apart(sent[besides.end() :])
        if _SEPARATE.match(sent):
            self.current = []  # "In a separate but related transaction, Y has also purchased from Z …": another deal
        if not kinds and (grant := self._grant(sent)):
            entry, kinds = grant
        if entry and not kinds and self.current and _OTHER_AGREEMENT.search(sent):
            named = {m.org for m in self.ents.between(s, e)} - {REGISTRANT}
            if named and not named & set(self.current[0].parties):
                self.current = []  # another agreement with someone else (a supply, a lease): the telling ends
                return
        if entry and not kinds and not self.current and _PENDING.search(sent):
            self.pending = (_Anchor(s, sent, entry, False), e, 2)  # "… entered into a strategic agreement"
        elif self.pending and self.pending[2] > 1 and not entry:
            self.pending = (*self.pending[:2], self.pending[2] - 1)  # its kind may come two sentences on
        else:
            self.pending = None
        if kinds:
            self.anchor(_Anchor(s, sent, entry, opening is not None), kinds, e)
        elif not self._update_told(s, sent, entry is not None):
            self.feed(s, sent, None)

    def _not_entered(self, s: int, sent: str) -> bool:
        """Whether a sentence with an entry verb enters no agreement: a condition ("If Saint-Gobain exercises
        …"), a habit, a non-binding letter or offer ("received a … non-binding letter of interest"), an
        executive's quote."""
        return bool(_HYPOTHETICAL.match(sent) or _HABITUAL.search(sent) or _PROPOSED.search(sent)) or self._quoted(
            s, sent
        )

    def _told_on(self, s: int, sent: str, e: int) -> bool:
        """A sentence of a contract, or one that speaks of the deal told above ("the Agreement", "Under the
        agreement, …"): it feeds that deal (or, a recital, tells the sale a licence goes with). True when so."""
        if not (
            self.contract
            or (self.found and _SELF_REFERENCE.search(sent))
            or ((self.current or self.found) and _UNDER_THE_AGREEMENT.match(sent))
        ):
            return False
        if not (self.contract and self._recited_sale(s, sent, e)):
            self.feed(s, sent, None)
        return True

    def _recited_sale(self, s: int, sent: str, e: int) -> bool:
        """A licence's recital that tells the sale of assets it goes with ("WHEREAS, Phoenix and Licensee have
        entered into an Asset Purchase Agreement", "LICENSEE has assigned to LICENSOR certain know-how and
        patent rights … in a separate Assignment Agreement"): a deal of its own, anchored here, while the
        licence stays the deal the contract tells. True when one was anchored."""
        if not self.found or any(d.kind == "asset_purchase" for d in self.found) or not _RECITAL.match(sent):
            return False
        if "asset_purchase" not in _kinds(sent, None) and not _ASSIGNED_TO.search(sent):
            return False
        licence = self.current
        self.anchor(_Anchor(s, sent, _entry(sent), False), ["asset_purchase"], e)
        self.current = licence
        return True

    def _set_apart(self, rest: str) -> list[str]:
        """ "In addition to the partnership, the companies have entered into a cross-license agreement …":
        the kinds of the agreement set apart (``rest``: the words after the comma); when it names one, the
        deal told so far ends and the sentence opens another."""
        kinds = _kinds(rest, self.title_kind)
        if kinds:
            self.current = []
        return kinds

    def _update_told(self, s: int, sent: str, entered: bool) -> bool:
        """A sentence that opens no deal but tells an update of an earlier one (a milestone reached, an
        amendment entered into, a closing): recorded, True; else False (it feeds the deal being told)."""
        kind = None
        if not self.current and ("ilestone" in sent or "ILESTONE" in sent) and _MILESTONE_UPDATE.search(sent):
            kind = "milestone"
        elif entered and not (self.current or self.found or self.updates) and self._amends(sent):
            kind = "amendment"
        elif not (self.current or self.found) and "losing" in sent.lower() and _CLOSING_UPDATE.search(sent):
            kind = "closing"
        if kind is None:
            return False
        self.updates.append(_update(self.region, self.ents, sent, s, kind))
        self.recounting = self.recounting or kind != "milestone"
        return True

    def _grant(self, sent: str) -> tuple[re.Match[str], list[str]] | None:
        """ "X granted Y an exclusive license …" tells a deal by itself (a licence); "acquired all rights to
        …" or "purchased the assets of the previous licensee" a sale. None while a deal is being told, an old
        one recounted, or a closing's aftermath described."""
        if self.current or self.recounting:
            return None
        low = sent.lower()
        if not any(w in low for w in _GRANT_WORDS) or _AFTER_CLOSING.search(sent):
            return None  # (the words: a cheap test before the patterns, which cost at every word)
        grant = _GRANT_ANCHOR.search(sent)
        if grant is None or (grant.group(0) == "licensed" and LICENSED_THING.match(sent, grant.end())):
            return None  # "sales of licensed products": an adjective
        bought = grant.group(0).startswith(("acqui", "purch")) and (
            not re.search(r"licen[cs]", sent, _I)
            or bool(re.search(r"\b(?:assets|royalty|milestone)\b", grant.group(0), _I))
        )
        return grant, ["asset_purchase" if bought else "license"]

    def _amends(self, sent: str) -> bool:
        """ "This amendment (“AMENDMENT”) is entered into as of …" in a document titled "Amendment #1 to
        License Agreement": an amendment of a deal's agreement, told without naming the kind again."""
        head = self.body[:600]
        return bool(_AMENDMENT_ENTERED.search(sent)) and bool(self.title_kind or _kinds(head, None))

    def _quoted(self, s: int, sent: str) -> bool:
        """Whether a sentence is said by someone ("“The expansion of our collaboration with X …,” said …"):
        a quotation comments on the deal the release announces; it opens none."""
        if self.found and sent.lstrip()[:1] in '“"':
            return True
        head = self.body[max(0, s - 800) : s]
        line = head[head.rfind("\n") + 1 :]  # straight quotes open and close within a paragraph's line
        return bool(self.found) and (head.rfind("“") > head.rfind("”") or line.count('"') % 2 == 1)

    def anchor(self, a: _Anchor, kinds: list[str], end: int) -> None:
        told = _opening_told(self.body, a.entry) if a.opening and a.entry else a.text
        update = _update_kind(told, self.region)
        if update is None and not a.opening and _MILESTONE_UPDATE.search(a.text):
            update = "milestone"  # "announced that Milestone 2 of the joint development program … has been achieved"
        when = _anchor_date(a.text, a.entry.start() if a.entry and not a.opening else None)
        if update is None and when is not None and not a.opening and _under_older(a.text, when):
            update = "amendment"  # "entered into a Memorandum … under the license agreement dated 1997"
        announced = a.entry is not None and not a.opening and a.entry.group(0).lower().startswith("announc")
        old = _recounts(a.text) or (
            when is not None
            and (
                (self.ref is not None and (self.ref - when).days > (14 if announced else 400))
                or (self.period is not None and when < self.period)
            )
        )  # "On August 28, 2007, A and B announced …" in a release of September 28: told before
        self.recounting = bool(update or old)
        if update or old:
            self.current = []
            if update:
                self.updates.append(_update(self.region, self.ents, a.text, a.start, update))
            return
        parties, subject, n_subjects = _anchor_parties(self.body, a, self.ents)
        filer = self.ents.registrant  # "The Agreement became effective on the execution of … agreements with X"
        if subject is None and not a.opening and filer is not None and len(parties) == 1 and filer not in parties:
            parties.append(filer)  # a deal with no subject and one counterparty: the filer's
        if not [p for p in parties if p != REGISTRANT] and self.found and _BOTH_PARTIES.search(a.text):
            parties = list(self.found[-1].parties)  # "the companies have entered into a cross-license": the same two
        if not [p for p in parties if p != REGISTRANT] and self.found and self.found[-1].kind in kinds:
            self.current = self.found[-1:]  # the deal told again without its names
            self.feed(a.start, a.text, subject)
            return
        self.current = [_Deal(k, span(self.region, a.start, end), parties, self.region, self.ents) for k in kinds]
        for d in self.current:
            d.n_subjects, d.registrant, d.at = n_subjects, self.registrant, a.start
            d.terms.sale = d.kind == "asset_purchase"
            d.votes.parties = set(parties)
        self.found += self.current
        if a.opening:
            for d in self.current:
                title_exclusive(self.body[: a.start + 200], d.terms)
        _feed(self.current[0], a.start, a.text, subject)
        for d in self.current[1:]:  # a second deal of the same sentence takes its roles, not its money
            roles(a.text, a.start, self.ents, kind=d.kind, votes=d.votes, main=subject)
        self.current = self.current[-1:]

    def _closing(self, s: int, sent: str) -> None:
        """The deals just opened were announced before: what this document tells is their closing."""
        for d in self.current:
            named = set(d.parties) - {REGISTRANT}
            self.found = [x for x in self.found if x is not d and not (x.kind == d.kind and named & set(x.parties))]
            at = d.at
            self.updates.append(_update(self.region, self.ents, self.body[at:s] + sent, at, "closing"))
        self.current = []
        self.recounting = True

    def feed(self, offset: int, sent: str, subject: int | None) -> None:
        """More of the deal being told; when the document tells two deals of different kinds (a licence and
        a sale of assets), a sentence that names only the other kind feeds that one."""
        targets = self.current
        if self.current and len({d.kind for d in self.found}) > 1:
            named = set(_kinds(sent, None)) or ({"license"} if re.search(r"\broyalt", sent, _I) else set())
            if named and not named & {d.kind for d in self.current}:
                targets = [d for d in self.found if d.kind in named][-1:] or self.current
        for d in targets:
            _feed(d, offset, sent, subject)


def _feed(d: _Deal, offset: int, sent: str, subject: int | None) -> None:
    d.sents.append((offset, sent))
    if not _DEFINITION.search(sent):  # a contract's definitions state no terms of the deal
        read_terms([(offset, sent)], d.terms)
    roles(sent, offset, d.ents, kind=d.kind, votes=d.votes, main=subject)


def _update(region: Region, ents: Entities, sent: str, offset: int, kind: str) -> DealUpdate:
    where = span(region, offset, offset + len(sent))
    values = [FieldSource("kind", "text", where)]
    parties = []
    for idx in dict.fromkeys(m.org for m in ents.between(offset, offset + len(sent)) if m.org != REGISTRANT):
        org = ents.orgs[idx]
        parties.append(Party(org.name, None, org.ticker))
        values.append(FieldSource(f"parties.{org.name}", "text", where))
    amount = None
    if mention := next(money_in(sent), None):
        amount = mention.money
        values.append(FieldSource("amount", "text", span(region, offset + mention.start, offset + mention.end)))
    agreement = None
    if m := re.search(r"\b((?:[A-Z][\w\-&]*\s+){0,5}(?:Agreement|AGREEMENT))\b", sent):
        agreement = squash(m.group(1))
        values.append(FieldSource("agreement", "text", span(region, offset + m.start(1), offset + m.end(1))))
    return DealUpdate(evidence=(where,), values=tuple(values), kind=kind, parties=tuple(parties), amount=amount,
                      agreement=agreement)  # fmt: skip


def deals(filing: Filing, regions: list[Region]) -> list[Event]:
    """Deal events (license, collaboration, asset_purchase) and deal_update events of a filing."""
    registrant = filing.registrant.name
    codes = set(filing.item_codes)
    if "2.02" in codes and codes <= {"2.02", "7.01", "9.01"}:
        return []  # an earnings release recounts partnerships and licences; it announces none
    drafts: list[_Deal] = []
    updates: list[DealUpdate] = []
    eight_k = (filing.form_type or "8-K").upper().startswith("8-K")
    for region in regions:
        if region.kind == "item" and eight_k and region.code not in _ITEM_CODES:
            continue  # a 6-K's or 10-Q's "Item 1." is a heading, not an 8-K item
        if not quick_test(fold(region.body[:_WINDOW])):
            continue
        found, ups = _Reader(region, registrant or _issuer(filing, region)).read()
        updates.extend(ups)
        for d in found:
            twin = next((x for x in drafts if x.kind == d.kind and _same_sides(_names(x), _names(d))), None)
            if twin is None:
                drafts.append(d)
            else:
                twin.extra.append(d)  # the same deal told again: its event fills the first's gaps (_fill)
    out: list[Event] = []
    for d in drafts:
        for other in d.extra:  # exclusive in one telling, co-exclusive or non-exclusive in another: neither
            theirs = other.terms.exclusive
            if theirs is not None and (d.terms.exclusive is None or theirs[0] != d.terms.exclusive[0]):
                d.terms.exclusive = theirs if d.terms.exclusive is None else (None, *theirs[1:])
        ev = _event(d)
        if not [p for p in ev.parties if p.name != registrant]:
            continue  # a deal names its counterparty; the filer alone is no deal
        for other in d.extra:  # the second telling adds its evidence and fills empty fields
            ev = _fill(ev, _event(other))
        out.append(ev)
    return out + list(updates)
