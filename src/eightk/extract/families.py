"""Item families with one small reader each: auditor changes (4.01), acquisitions (2.01, agreed mergers
under 1.01/8.01, divestitures, press releases), bankruptcy (1.03) and delisting (3.01). Other material
agreements (1.01) are in ``agreements.py``, the buyer and target by the verb's direction in ``acquirers.py``.
Earnings releases live in ``earnings.py``."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from eightk.extract.acquirers import consideration, direction, status
from eightk.extract.acquisition_terms import closing_date
from eightk.extract.entities import Entities, entities
from eightk.extract.gates import Cue
from eightk.extract.text import COMPANY, Region, companies, dates_in, sentences, span, squash
from eightk.model import (
    Acquisition,
    AuditorChange,
    Bankruptcy,
    Delisting,
    FieldSource,
    Filing,
    Money,
    Span,
)
from eightk.parse.registrant import norm_name

__all__ = ["acquisitions", "auditor_changes", "bankruptcies", "delistings"]

_I = re.IGNORECASE


def _items(regions: list[Region], *codes: str) -> Iterator[Region]:
    return (r for r in regions if r.kind == "item" and r.code in codes)


def _others(region: Region, registrant: str | None) -> Iterator[tuple[str, int, int]]:
    mine = norm_name(registrant or "")
    for name, s, e in companies(region):
        if norm_name(name) and norm_name(name) != mine:
            yield name, s, e


# --- auditor changes ------------------------------------------------------------------------------

_FIRM = re.compile(
    r"(?<![A-Za-z])((?:[A-Z][\w&.\-'’]*|&)(?:[ \t]+(?:[A-Z][\w&.\-'’]*|&)){0,8},?[ \t]+"  # bounded: linear time
    r"(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|PC|CPA|CPAs|Inc\.|Ltd\.?|Chartered)(?:,?[ \t]+(?:P\.?C\.?|PC|LLC|CPAs?))?)"
)
_FORMER = re.compile(r"dismiss|resign|terminat|declin\w+\s+to\s+stand|replacing|former", _I)
_NEW = re.compile(r"engag|appoint|retain|new\s+(?:principal|independent)", _I)


def auditor_changes(filing: Filing, regions: list[Region]) -> list[AuditorChange]:
    out = []
    for region in _items(regions, "4.01"):
        body = region.body
        former = new = None
        sources: list[FieldSource] = []
        for s, e in sentences(region):
            sent = body[s:e]
            for m in _FIRM.finditer(sent):
                name = squash(m.group(1))
                before = sent[: m.start()]
                where = span(region, s + m.start(1), s + m.end(1))
                if former is None and (
                    re.search(r"replacing[^,]*$|former[^,]*$", before, _I)
                    or (_FORMER.search(sent) and not _NEW.search(before[-60:]))
                ):
                    if name != new:
                        former = name
                        sources.append(FieldSource("former", "text", where))
                elif new is None and _NEW.search(sent) and name != former:
                    new = name
                    sources.append(FieldSource("new", "text", where))
        if former is None and new is None:
            continue
        action, act = _auditor_action(body)
        if act:
            sources.append(FieldSource("action", "text", span(region, act.start(), act.end())))
        dis = re.search(r"(?:no|not\s+(?:had\s+)?any)\s+disagreements?|no\s+dispute", body, _I)
        disagreements = False if dis else None
        if dis:
            sources.append(FieldSource("disagreements", "text", span(region, dis.start(), dis.end())))
        evidence = tuple(dict.fromkeys(s.span for s in sources if s.span))
        out.append(
            AuditorChange(
                evidence=evidence,
                values=tuple(sources),
                former=former,
                new=new,
                action=action,
                disagreements=disagreements,
            )
        )
    return out


_ACTION = (
    ("dismissed", re.compile(r"\bdismiss\w*", _I)),
    ("resigned", re.compile(r"\bresign\w*", _I)),
    ("engaged", re.compile(r"\b(?:engag|retain)\w*", _I)),
)
_NEGATED = re.compile(r"\b(?:neither|not|never|nor)\s+(?:\w+\s+){0,2}$", _I)


def _auditor_action(body: str) -> tuple[str, re.Match[str] | None]:
    """Dismissed, else resigned, else engaged; a negated verb ("neither resigned nor …") does not count."""
    for action, pattern in _ACTION:
        for m in pattern.finditer(body):
            if not _NEGATED.search(body, max(0, m.start() - 40), m.start()):
                return action, m
    return "engaged", None


# --- acquisitions ---------------------------------------------------------------------------------

_ACQ_CUE = re.compile(
    r"\b(?:(?:complet\w+|closing\s+of)\s+(?:the|its|our)\s+(?:previously\s+announced\s+)?(?:acquisition|merger|purchase)|"
    r"acquired|"
    r"consummated|(?:agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement|definitive\s+agreement\s+to\s+acquire|"
    r"agreed\s+to\s+acquire|(?:to|will)\s+acquire|agreement\s+to\s+(?:purchase|acquire)|"
    r"(?:agreed|agrees|will)\s+to\s+(?:purchase|buy)\s+(?:all|substantially\s+all|a\s+majority)\s+of\s+the\s+"
    r"(?:issued\s+and\s+)?outstanding\s+(?:shares|equity|capital\s+stock|stock|membership\s+interests))|terminat\w+\s+(?:the\s+)?(?:\w+\s+){0,3}(?:agreement|transaction|acquisition))",
    _I,
)
# words of which every ``_ACQ_CUE`` match holds one: the pattern, tried at every word, is searched only in a
# sentence holding one (``gates``)
_ACQ_WORDS = ("complet", "closing", "acquire", "consummated", "merger", "purchase", "buy", "terminat")


def acq_cue(sent: str) -> re.Match[str] | None:
    """``_ACQ_CUE.search(sent)``, the pattern tried only when the sentence holds one of ``_ACQ_WORDS``."""
    return _ACQ_GATED.search(sent)


_ACQ_GATED = Cue(_ACQ_CUE, _ACQ_WORDS)
_TARGET_AFTER = re.compile(
    r"(?:acquisition\s+of|acquired|acquire|merger\s+(?:of\s+\w+\s+)?with|purchase(?:\s+of)?|merge\s+with)\s+", _I
)


def _status(region: Region, sent: str) -> str:
    return status(sent)  # acquirers.status: a deal still to close ("to be acquired by") is agreed


def _consideration(region: Region, start: int, end: int) -> tuple[Money, Span] | None:
    found = consideration(region.body, start, end)  # acquirers.consideration: the deal's stated price
    return (found[0], span(region, found[1], found[2])) if found else None


_DEAL_TERMINATED = re.compile(r"terminat\w*.*\b(?:merger|purchase|acquisition)\b", _I)
_SELLING = re.compile(
    r"\b(?:agreed|agreement)\s+to\s+sell\b|\bacquisition\s+of\s+the\s+(?:Company|Registrant)\b|"
    r"\b(?:Company|Registrant)\s+(?:will\s+)?(?:become|became)\s+a\s+(?:wholly[\s-]owned\s+)?subsidiary\b",
    _I,
)
_SALE_CUE = re.compile(
    r"\b(?:completed\s+the\s+)?(?:sale|divestiture|disposition)\s+of\b|\bsold\b|\b(?:agreement|agreed)\s+to\s+sell\b",
    _I,
)
_SALE_WORDS = ("sale", "divestiture", "disposition", "sold", "sell")  # every _SALE_CUE match holds one
_SALE_GATED = Cue(_SALE_CUE, _SALE_WORDS)


def sale_cue(sent: str) -> re.Match[str] | None:
    """``_SALE_CUE.search(sent)``, the pattern tried only when the sentence holds one of ``_SALE_WORDS``."""
    return _SALE_GATED.search(sent)


_ACQ_CONTEXT = re.compile(r"merger|acqui|purchase\s+agreement|agreement\s+to\s+(?:purchase|sell)", _I)


def _of_registrant(after: str, registrant: str | None) -> bool:
    """The object of the acquisition verb is the registrant itself ("acquired a majority interest in Acme")."""
    words = [w for w in re.findall(r"[A-Za-z][\w&'-]*", registrant or "") if w.lower() not in ("the", "a")]
    own = re.escape(words[0]) if words and len(words[0]) >= 3 else None
    pattern = r"^[^\w\n]*(?:\w+[^\w\n]+){0,5}?(?:the\s+(?:Company|Registrant)\b" + (rf"|{own}\b" if own else "") + ")"
    return re.search(pattern, after, _I) is not None


def _stake_in_registrant(target: str, registrant: str | None, sent: str) -> bool:
    """The registrant is what is bought, as a stake ("a majority interest in …"): a change in control."""
    mine = norm_name(registrant or "")
    same = bool(mine) and (norm_name(target) == mine or mine.startswith(norm_name(target) + " "))
    return same and re.search(r"\binterest\s+in\b|\bcontrol\b", sent, _I) is not None


_LAST: list[object] = [None, None, []]  # the last (filing, regions) read and its acquisitions


def acquisitions(filing: Filing, regions: list[Region]) -> list[Acquisition]:
    """The filing's acquisition, from Items 2.01/1.01/1.02/8.01 or an announcing release: [] or one
    ``Acquisition``. The bare-text family asks again for the same filing and regions: the answer of the
    last call is kept (by identity), so that reading is not done twice."""
    if _LAST[0] is filing and _LAST[1] is regions:
        return list(_LAST[2])  # type: ignore[call-overload]
    found = _read_acquisitions(filing, regions)
    _LAST[:] = [filing, regions, found]
    return list(found)


def _read_acquisitions(filing: Filing, regions: list[Region]) -> list[Acquisition]:
    registrant = filing.registrant.name
    for region in _items(regions, "2.01", "1.01", "1.02", "8.01"):  # 1.02: a terminated purchase agreement
        ents: Entities | None = None
        for s, e in sentences(region):
            sent = region.body[s:e]
            cue = acq_cue(sent) or (sale_cue(sent) if region.code in ("2.01", "1.01") else None)
            if not cue or (region.code != "2.01" and not _ACQ_CONTEXT.search(sent + " " + cue.group(0))):
                continue
            if region.code == "1.02" and not _DEAL_TERMINATED.search(cue.group(0)):
                continue  # a credit agreement ended at a closing is not an acquisition
            if ents is None:
                ents = entities(region.body, registrant)
            sides = direction(ents, region.body, s, e, registrant) if region.code != "1.02" else None
            if sides is not None and _stake_in_registrant(sides[1][0], registrant, sent):
                continue  # "X has acquired a majority interest in the Company": a change in control
            if sides is not None:  # "B to merge into A", "sold B to A": the verb says who buys
                return [_acquisition(filing, region, s, e, cue=cue, target=sides[1], buyer=sides[0])]
            if not acq_cue(sent) or _SELLING.search(sent):
                continue  # the registrant sells (a disposition), or is bought
            if _of_registrant(region.body[s + cue.end() : s + cue.end() + 60], registrant):
                continue  # someone acquired the registrant (a change in control), not its acquisition
            target = _target(region, s, e, registrant)
            if target is None:
                continue
            return [_acquisition(filing, region, s, e, cue=cue, target=target)]
    return _announced(filing, regions)


_RELEASE_OPENING = 4000  # a release announces its deal in its first paragraphs


def _announced(filing: Filing, regions: list[Region]) -> list[Acquisition]:
    """An acquisition told only in a press release (EX-99) of a filing with no earnings item: the first
    sentence of its opening whose verb says who buys whom ("A to acquire B", "B to merge into A")."""
    codes = {r.code for r in regions if r.kind == "item"}
    if "2.02" in codes or not codes & {"1.01", "2.01", "7.01", "8.01"}:
        return []
    for region in regions:
        if region.kind != "exhibit" or not (region.code or "").upper().startswith("EX-99"):
            continue
        ents: Entities | None = None
        for s, e in sentences(region):
            if s > _RELEASE_OPENING:
                break
            sent = region.body[s:e]
            cue = acq_cue(sent)
            if cue is None or not _ACQ_CONTEXT.search(sent) or _DEAL_TERMINATED.search(sent):
                continue
            ents = ents or entities(region.body[: _RELEASE_OPENING + 2000], filing.registrant.name)
            sides = direction(ents, region.body, s, e, filing.registrant.name)
            if sides is not None and not _stake_in_registrant(sides[1][0], filing.registrant.name, sent):
                return [_acquisition(filing, region, s, e, cue=cue, target=sides[1], buyer=sides[0])]
    return []


_JOINED = re.compile(r"(\w+)\s+and\s+")
# A seller is not the target: a name defined as one ("Parent Holdings, LLC (the “Seller”)"), or named in
# such a definition ("SVF Holdco (UK) Limited (together with SoftBank, the “Sellers”)" makes SoftBank one)
_SELLER = re.compile(r"\s*,?\s*\((?:together\s+with[^)]*,\s*)?(?:the\s+)?[“\"](?:Sellers?|Vendors?)[”\"]")
_SELLERS_WITH = re.compile(
    r"together\s+with\s+(?:the\s+)?([A-Z][\w&\-]*)[^)]*?,\s*(?:the\s+)?[“\"](?:Sellers?|Vendors?)[”\"]"
)
_VEHICLE = re.compile(r"\b(?:Acquisition|Merger|Sub)\b|\bsubsidiary", _I)


def _candidates(region: Region, start: int, end: int, registrant: str | None) -> list[tuple[str, int, int]]:
    """Companies in region[start:end] that are neither the registrant, its own subsidiaries (same first
    word), deal vehicles ("Merger Sub", "… Acquisition, Inc.") nor named as the sellers."""
    first = (registrant or "").split()[0].lower() if registrant else ""
    sub = Region(region.doc, region.start + start, region.start + end, region.text, region.kind, region.code)
    sellers = {m.group(1).lower() for m in _SELLERS_WITH.finditer(region.body)}
    out = []
    for name, a, b in _others(sub, registrant):
        joined = _JOINED.match(name)  # "Biogen and Reata Pharmaceuticals, Inc." after a defined "Biogen"
        if joined and f"“{joined.group(1)}”" in region.text:
            name, a = name[joined.end() :], a + joined.end()
        after = region.body[start + b : start + b + 80]
        if (
            name.split()[0].lower() == first
            or _VEHICLE.search(name)
            or _SELLER.match(after)
            or name.split()[0].lower() in sellers
            or re.match(r",?\s+(?:a|its)\s+(?:wholly\s+owned\s+)?subsidiary", after, _I)
        ):
            continue
        out.append((name, start + a, start + b))
    return out


def _target(region: Region, s: int, e: int, registrant: str | None) -> tuple[str, int, int] | None:
    names = _candidates(region, s, e, registrant)
    sent = region.body[s:e]
    for m in _TARGET_AFTER.finditer(sent):
        for name, a, b in names:
            if 0 <= a - (s + m.end()) <= 5:
                return name, a, b
    if names:
        return names[0]
    rest = _candidates(region, 0, len(region.body), registrant)
    return rest[0] if rest else None


def _acquisition(
    filing: Filing,
    region: Region,
    s: int,
    e: int,
    *,
    cue: re.Match[str],
    target: tuple[str, int, int],
    buyer: tuple[str, int, int] | None = None,
) -> Acquisition:
    """The acquisition told by region.body[s:e]; the buyer is ``buyer`` (from the verb's direction) when
    given and not the registrant, else the registrant as its cover names it."""
    sent = region.body[s:e]
    status = _status(region, sent)
    sources = [FieldSource("target", "text", span(region, target[1], target[2]))]
    sources.append(FieldSource("status", "text", span(region, s + cue.start(), s + cue.end())))
    completed: _dt.date | None = None
    if status == "completed":
        date = closing_date(region, s, e)  # acquisition_terms: not the date an agreement is "dated as of"
        if date is None:  # "On January 21, Acme completed the divestiture … . Beta acquired …": the one before
            date = next(reversed(list(dates_in(region, max(0, s - 400), s))), None)
        if date:
            completed = date[0]
            sources.append(FieldSource("completed", "text", span(region, date[1], date[2])))
    # a terminated deal's amounts are fees, prepayments and charges, not a price paid
    money = None if status == "terminated" else _consideration(region, s, min(len(region.body), e + 1500))
    if money:
        sources.append(FieldSource("consideration", "text", money[1]))
    named = next((p for p in filing.provenance if p.field == "name" and p.span is not None), None)
    mine = norm_name(filing.registrant.name or "")
    if buyer is not None and norm_name(buyer[0]) != mine:
        sources.append(FieldSource("buyer", "text", span(region, buyer[1], buyer[2])))
    elif named is not None:  # the buyer is the registrant, as its cover names it
        sources.append(FieldSource("buyer", named.source, named.span))
    return Acquisition(
        evidence=(span(region, s, e),) + ((money[1],) if money else ()),
        values=tuple(sources),
        buyer=buyer[0] if buyer is not None and norm_name(buyer[0]) != mine else filing.registrant.name,
        target=target[0],
        consideration=money[0] if money else None,
        status=status,
        completed=completed,
    )


# --- bankruptcy, delisting ----------------------------------------------------------------

_COURT = re.compile(
    r"United\s+States\s+Bankruptcy\s+Court\s+for\s+the\s+[A-Z][\w ]+?District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
)
_CHAPTER = re.compile(r"Chapter\s+(7|11|15)\b", _I)
_EXCHANGE = re.compile(
    r"New\s+York\s+Stock\s+Exchange|Nasdaq\s+(?:Global\s+Select\s+|Global\s+|Capital\s+)?(?:Stock\s+)?Market|NYSE\s+American|NYSE|Nasdaq",
    _I,
)


def bankruptcies(filing: Filing, regions: list[Region]) -> list[Bankruptcy]:
    out = []
    for region in _items(regions, "1.03"):
        court = _COURT.search(region.body)
        chapter = _CHAPTER.search(region.body)
        sources = [
            FieldSource(k, "text", span(region, m.start(), m.end()))
            for k, m in (("counterparty", court), ("agreement_type", chapter))
            if m
        ]
        out.append(Bankruptcy(
            evidence=tuple(s.span for s in sources if s.span) or (span(region, 0, min(200, len(region.body))),),
            values=tuple(sources),
            counterparty=squash(court.group(0)) if court else None,
            agreement_type=f"Chapter {chapter.group(1)} petition" if chapter else None,
        ))  # fmt: skip
    return out


def delistings(filing: Filing, regions: list[Region]) -> list[Delisting]:
    out = []
    for region in _items(regions, "3.01"):
        ex = _EXCHANGE.search(region.body)
        transfer = re.search(r"transfer\w*\s+(?:the\s+|its\s+)?(?:\w+\s+){0,4}?listing", region.body, _I)
        kind = "transfer of listing" if transfer else None
        sources = [FieldSource("counterparty", "text", span(region, ex.start(), ex.end()))] if ex else []
        if transfer:
            sources.append(FieldSource("agreement_type", "text", span(region, transfer.start(), transfer.end())))
        out.append(Delisting(
            evidence=tuple(s.span for s in sources if s.span) or (span(region, 0, min(200, len(region.body))),),
            values=tuple(sources),
            counterparty=squash(ex.group(0)) if ex else None,
            agreement_type=kind,
        ))  # fmt: skip
    return out


_ = COMPANY
