"""Acquisitions the item family (``families.acquisitions``) does not read: those of a bare document (a
user's file that is a press release, a 10-Q/10-K note or an Item section copied from a page, with no
8-K around it), and those of a whole filing told with cues the item family lacks.

``bare_acquisitions(filing, regions)`` reads, for a bare document:

- the text's own "Item 2.01/1.01/8.01" sections (``bare.bare_regions`` cuts them), as a filing's items;
- else the opening of the text (its first paragraphs, where a release or a note tells its transaction):
  the first sentence with an acquisition or sale cue whose verb says who buys whom (``acquirers.direction``:
  "A announced the closing of the previously announced acquisition of B", "the Company entered into a
  definitive agreement to sell its X business to an affiliate of A"); in a 10-Q/10-K note, every such
  sentence with its own target (a note may tell several divestitures). A business sold with no buyer
  named has buyer None; an amendment's text and a minority stake ("a 28% interest") give none;
- else, read the same way, an item section of another code that tells the transaction (an Item 3.02 on the
  shares issued: "the Company will acquire Carbon6 Technologies, Inc. … totaling approximately $210 million").

and, for a whole filing whose items give the item family no acquisition, the first sentence of Items
2.01/1.01/8.01 with a cue of ``_MORE_CUE`` ("closed its acquisition of", "will purchase all of", "to be
acquired by"), no word of a financing, and a direction; never one the deals family tells as a deal.

A bare text has no cover, so "the Company" is the company its opening names (``bare.release_company``).
A bare document's acquisition leaves the deals family's reading of the same text standing
(``extract_events`` drops a retold asset purchase only in whole filings).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re

from eightk.extract.acquirers import business_for_sale, direction
from eightk.extract.bare import bare_regions, release_company, release_date
from eightk.extract.deals import deals
from eightk.extract.entities import entities
from eightk.extract.families import (
    _ACQ_CONTEXT,
    _DEAL_TERMINATED,
    _acquisition,
    _stake_in_registrant,
    acq_cue,
    acquisitions,
    sale_cue,
)
from eightk.extract.gates import Cue
from eightk.extract.text import Region, dates_in, sentences, span
from eightk.model import Acquisition, FieldSource, Filing
from eightk.parse.registrant import norm_name

__all__ = ["bare_acquisitions"]

_OPENING = 3000  # characters: a release or note tells its transaction in its first paragraphs
_KINDS = ("press_release", "text", "financial_note")


def bare_acquisitions(filing: Filing, regions: list[Region]) -> list[Acquisition]:
    """The acquisition a bare document tells (see the module docstring), as a list of zero or one
    ``Acquisition``; [] for a whole filing or a contract, and when the deals family reads a deal with
    the same buyer or target (the deal tells the transaction)."""
    if filing.items:
        return _missed(filing, regions)
    if (filing.document_kind or "") not in _KINDS:
        return []
    cut = bare_regions(regions)
    found = acquisitions(filing, [r for r in cut if r.kind == "item"])
    if not found:  # the text's opening; else an item of another code that tells it ("Item 3.02 … will acquire")
        rest = [r for r in cut if r.kind == "document"] + [r for r in cut if r.kind == "item"]
        found = next((told for r in rest if (told := _opening(filing, r))), [])
    return found


# cues the item family does not take, each needing a verb that says who buys whom: "closed its acquisition
# of", "agreed to purchase", "will purchase all of", "a definitive agreement to sell", "to be acquired by",
# "a Stock Purchase Agreement … pursuant to which"
_MORE_CUE = re.compile(
    r"\b(?:closed|completed|consummated|finali[sz]ed)\s+(?:its|the|our|their)\s+(?:previously\s+announced\s+)?"
    r"(?:acquisition|purchase|sale|divestiture|disposition|merger)\b|\bannounced\s+(?:today\s+)?the\s+acquisition\s+of\b|\b(?:agreed|agrees|agreement)\s+to\s+(?:purchase|acquire|buy|sell)\b|"
    r"\bwill\s+(?:purchase|acquire)\b|\bto\s+be\s+acquired\s+by\b|\b(?:has|have|had)\s+divested\b|"
    # "would sell its X business to Y"
    r"\b(?:will|would|plans\s+to|is\s+to)\s+sell\s+(?:its|our|their)\b(?=[^.;]{0,120}\bto\s+[A-Z])|"
    r"\b(?:stock|share|equity|asset|membership\s+interests?|units?)\s+purchase\s+agreement\b",
    re.I,
)
# words of which every ``_MORE_CUE`` match holds one (``gates``: the pattern is tried at every word)
_MORE_WORDS = ("closed", "completed", "consummated", "finali", "announced", "agree", "purchase", "acquire",
               "divested", "sell")  # fmt: skip
_MORE_GATED = Cue(_MORE_CUE, _MORE_WORDS)
_JOINT_VENTURE = re.compile(
    r"\bjoint[\s-]+venture\s+agreement\b|\bto\s+form\s+(?:a|the)\s+(?:\w+\s+){0,3}?joint\s+venture", re.I
)
# a financing, not a company bought: underwriters "agreed to purchase" the issuer's shares or notes
_SECURITIES = re.compile(
    r"underwrit|\boffering\b|\bnotes\b|debentures|\bbonds\b|credit\s+agreement|\bloans?\b|warrants?\b|"
    r"private\s+placement|\bpreferred\s+(?:stock|shares|units)\b|repurchase|tender\s+offer|"
    r"(?:the\s+Company['’]s|its|our)\s+(?:\w+\s+)?(?:common|preferred)\s+(?:stock|shares)",
    re.I,
)


def _missed(filing: Filing, regions: list[Region]) -> list[Acquisition]:
    """A whole filing's acquisition in Items 2.01/1.01/8.01 (then in the opening of an EX-99 release of a
    filing that furnishes no results) that the item family's cues miss: the first sentence with one of the
    cues above, no word of a financing, joint venture or minority stake, and a direction."""
    items = [r for r in regions if r.kind == "item" and r.code in ("2.01", "1.01", "8.01")]
    if not items or acquisitions(filing, regions):
        return []
    registrant = filing.registrant.name
    codes = {r.code for r in regions if r.kind == "item"}
    releases = [  # an EX-99 release's opening, as the item family reads one, when no results are furnished
        dataclasses.replace(r, end=min(r.end, r.start + _OPENING))
        for r in regions
        if "2.02" not in codes and r.kind == "exhibit" and (r.code or "").upper().startswith("EX-99")
    ]
    for region in items + releases:
        ents = None
        for s, e in sentences(region):
            sent = region.body[s:e]
            cue = _MORE_GATED.search(sent)
            if cue is None or _SECURITIES.search(sent) or _DEAL_TERMINATED.search(sent) or _MINORITY.search(sent):
                continue
            if _JOINT_VENTURE.search(region.body, max(0, s - 400), e):
                continue  # a joint-venture agreement is no purchase of a company
            ents = ents or entities(region.body, registrant)
            sides = direction(ents, region.body, s, e, registrant)
            if sides is not None and not _stake_in_registrant(sides[1][0], registrant, sent):
                found = [_acquisition(filing, region, s, e, cue=cue, target=sides[1], buyer=sides[0])]
                return [] if _told_as_deal(filing, regions, found[0]) else found
    return []


_AMENDMENT = re.compile(r"^\W*(?:exhibit\s+[\d.]+\W+)?(?:first\s+|second\s+)?amendment\b", re.I)
# a stake short of control told as such: "acquired a 28% interest in B" (not "the remaining 33% interest")
_MINORITY = re.compile(
    r"(?<!remaining\s)(?<!outstanding\s)\b((?:[1-4]?\d|50)(?:\.\d+)?)\s*%\s+(?:equity\s+|ownership\s+|membership\s+)?"
    r"(?:interest|stake)\b",
    re.I,
)


def _opening(filing: Filing, region: Region) -> list[Acquisition]:
    """The acquisitions the region's opening tells: the first sentence with an acquisition or sale cue and
    a direction (every such sentence, each with its own target, in a 10-Q/10-K note, which may tell several
    divestitures). An amendment's text, a minority stake and, in a note, a deal completed more than a year
    before the note's period end (history) give none. A business sold with no buyer named has buyer None."""
    region = release_date(region)
    kind = filing.document_kind or ""
    if _AMENDMENT.search(region.body[:300]):
        return []
    company = release_company(region) or filing.registrant.name
    ents, out = None, list[Acquisition]()
    for s, e in sentences(region):
        if s > _OPENING or out and kind != "financial_note":
            break
        sent = region.body[s:e]
        cue = acq_cue(sent) or sale_cue(sent)
        if cue is not None and not _ACQ_CONTEXT.search(sent + " " + cue.group(0)):
            cue = None
        # a cue of its own context ("will purchase", "agreed to sell")
        cue = cue or _MORE_GATED.search(sent)
        if cue is None or _DEAL_TERMINATED.search(sent):
            continue
        if _MINORITY.search(sent):
            continue
        ents = ents or entities(region.body[: _OPENING + 2000], company)
        sides = direction(ents, region.body, s, e, company)
        if sides is None and (business := business_for_sale(region.body, s, e)):
            out.append(_closed_after(region, s, e, _acquisition(filing, region, s, e, cue=cue, target=business)))
        elif sides is not None and not _stake_in_registrant(sides[1][0], company, sent):
            told = _acquisition(filing, region, s, e, cue=cue, target=sides[1], buyer=sides[0])
            out.append(_closed_after(region, s, e, told))
    period = _note_period(region) if kind == "financial_note" else None
    out = [a for a in out if not (period and a.completed and (period - a.completed).days > 366)]  # history
    return [
        a for i, a in enumerate(out) if all(norm_name(a.target or "") != norm_name(b.target or "") for b in out[:i])
    ]


def _note_period(region: Region) -> _dt.date | None:
    """The period end a 10-Q/10-K note's header gives ("9 Months Ended | Sep. 30, 2012"), else None."""
    head = re.search(r"\bmonths\s+ended\b", region.body[:400], re.I)
    date = next(dates_in(region, head.end(), min(len(region.body), head.end() + 60)), None) if head else None
    return date[0] if date else None


# a sentence soon after says the deal signed closed at once: "The closing of the Transaction
# occurred simultaneously with the execution of the Purchase Agreement."
_CLOSED_AT_ONCE = re.compile(
    r"\s*(?P<c>The\s+(?:closing|consummation|completion)\s+of\s+the\s+(?:\w+\s+){0,2}?(?:transaction|sale|acquisition|"
    r"merger|divestiture)\s+(?:occurred|took\s+place)\s+(?:simultaneously|concurrently|contemporaneously)\s+with\s+the\s+"
    r"(?:execution|signing))",
    re.I,
)


def _closed_after(region: Region, s: int, e: int, acq: Acquisition) -> Acquisition:
    """``acq`` completed on the date its sentence gives, when one of the next sentences says it closed at
    signing."""
    closed = _CLOSED_AT_ONCE.search(region.body, e, e + 400)
    date = next(dates_in(region, s, e), None)
    if acq.status != "agreed" or closed is None or date is None:
        return acq
    values = [v for v in acq.values if v.field != "status"] + [
        FieldSource("status", "text", span(region, closed.start("c"), closed.end("c"))),
        FieldSource("completed", "text", span(region, date[1], date[2])),
    ]
    return dataclasses.replace(acq, status="completed", completed=date[0], values=tuple(values))


def _told_as_deal(filing: Filing, regions: list[Region], acq: Acquisition) -> bool:
    """The deals family reads the text as a deal (an asset purchase, a licence) with the acquisition's
    buyer or target as a party."""
    names = {norm_name(n) for n in (acq.buyer, acq.target) if n} - {""}
    return any(any(norm_name(p.name) in names for p in getattr(d, "parties", ())) for d in deals(filing, regions))
