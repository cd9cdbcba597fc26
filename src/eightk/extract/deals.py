"""Licensing and collaboration deals, from items of any era and from press-release/agreement exhibits.

A region holds a deal when a sentence announces one ("exclusively licensed", "license agreement",
"collaboration and license agreement") and the region speaks of deal terms (exclusivity, payments,
royalties, rights). Terms are read sentence by sentence; the same deal told in the item and in the
press release becomes one event whose evidence cites both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eightk.extract.money import money_in
from eightk.extract.terms import other_terms
from eightk.extract.text import Region, companies, sentences, span, squash, ticker_after
from eightk.model import Deal, FieldSource, Filing, MilestonesSplit, Money, Party, Royalties, Span, Ticker
from eightk.parse.registrant import norm_name
from eightk.parse.text import fold

__all__ = ["deals"]

_I = re.IGNORECASE
_CUE = re.compile(
    r"\b(?:(?:exclusive(?:ly)?\s+|non-?exclusive\s+)?licen[cs]ed\b(?!\s+(?:under|by\s+the|to\s+practice))"
    r"|(?:exclusive\s+)?licen[cs](?:e|ing)\s+agreement|collaboration(?:\s+and\s+(?:option\s+and\s+)?licen[cs]e)?\s+agreement"
    r"|licen[cs]e\s+and\s+collaboration\s+agreement)",
)  # matched against folded (lower-case) text
_TERMS = re.compile(r"\b(?:exclusive|royalt|milestone|up-?front|worldwide|rights\s+to|licensee|licensor)", _I)
_LICENSED_BY = re.compile(
    r"(?P<a>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*)\s+(?:has\s+|have\s+|will\s+)?(?:exclusively\s+|non-exclusively\s+)?"
    r"(?:licensed|in-licensed|acquired\s+(?:an?\s+)?(?:exclusive\s+)?(?:worldwide\s+)?(?:license|rights))\s+(?:to\s+)?"
    r"(?P<b>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*)(?:'s|’s)",
)
_GRANTED = re.compile(
    r"(?P<a>(?:the\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*)\s+(?:has\s+|will\s+)?(?:granted|grants|grant)\s+(?:to\s+)?"
    r"(?P<b>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*)\s+(?:\(i\)\s+)?(?:an?\s+)?(?:co-exclusive\s+|exclusive\s+|non-exclusive\s+)?"
    r"(?:worldwide\s+)?(?:licen[cs]e|rights)",
)
_ALIAS = re.compile(r"\s*\(\s*(?:the\s+)?[“\"](?P<alias>[^”\"]{2,40})[,]?[”\"]")
_GROUP_ALIAS = re.compile(
    r"each\s+of\s+(?P<a>[\w .\-]+?)\s+and\s+(?P<b>[\w .\-]+?),[^)]{0,80}?[“\"](?P<alias>[^”\"]{2,40})[”\"]"
)
_SUBJECT = re.compile(  # "licensed" as a verb (lower case), not the defined term "Licensed Products"
    r"licen[cs]ed\s+(?:to\s+)?(?:[A-Z][\w\-]*(?:'s|’s)\s+)?(?P<s>(?:[\w\-()]+\s+){0,8}?"
    r"(?:[Tt]echnology|[Tt]echnologies|[Pp]latform|[Pp]atents?|[Cc]ompounds?|[Pp]rogram|[Aa]ntibod(?:y|ies)|[Mm]olecules?))\b"
    r"|(?:products?|therapeutics?|compositions?)\s+containing\s+"
    r"(?!(?:such|any|either|the|that|these|those|licensed|one|its|our|their)\b)(?P<c>[a-z][\w\-]{3,40})\b",
)
# A field of use belongs to a grant of rights ("licensed … for use with antibodies"), not to a plan of
# work ("development of Licensed Products for use in …"): "license" in lower case, "rights" or "field".
_GRANT = re.compile(r"\blicen[cs]\w*|\brights\b|\bfield\b")
_CO_EXCLUSIVE = re.compile(r"\bco-?exclusive\b", _I)
_FIELD = re.compile(r"\bfor\s+use\s+(?:with|in)\s+(?P<f>[^.;,]{3,100}?)(?=\s+such\s+as|,|;|\.|\s+and\s+)", _I)
_TERRITORY = re.compile(r"\b(world-?wide|global|worldwide)\b", _I)
_EXCLUSIVE = re.compile(r"\b(non-?exclusive|exclusive(?:ly)?)\b", _I)
_UPFRONT = re.compile(r"up-?\s?front|upfront|initial\s+payment|signing\s+fee|license\s+fee", _I)
_MILESTONE = re.compile(r"milestone", _I)
_ROYALTY = re.compile(r"royalt(?:y|ies)", _I)
_EQUITY = re.compile(
    r"equity\s+investment|purchase\s+(?:of\s+)?(?:[\d,]+\s+|\$[\d.,]+\s+\w+\s+(?:of|in)\s+)?(?:newly\s+issued\s+)?"
    r"(?:shares|common\s+stock)|stock\s+purchase",
    _I,
)
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*(?:%|percent)", _I)


_MAX_TERMS = 8


@dataclass(slots=True)
class _Draft:
    kind: str
    parties: list[Party] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)
    sources: list[FieldSource] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)

    terms: dict[str, str] = field(default_factory=dict)  # other terms: text → kind (extract.terms)
    co_exclusive: bool = False

    def add_term(self, kind: str, text: str, where: Span) -> None:
        if text not in self.terms and len(self.terms) < _MAX_TERMS:
            self.terms[text] = kind
            self.sources.append(FieldSource("other_terms", "text", where))
            if where not in self.evidence:
                self.evidence.append(where)

    def put(self, name: str, value: object, where: Span) -> None:
        if name not in self.values and value is not None:
            self.values[name] = value
            self.sources.append(FieldSource(name, "text", where))
            if where not in self.evidence:
                self.evidence.append(where)


def _parties(region: Region, registrant: str | None) -> list[tuple[Party, Span]]:
    found: dict[str, tuple[Party, Span]] = {}
    for name, start, end in companies(region):
        key = norm_name(name)
        tick = ticker_after(region, end)
        ticker: Ticker | None = tick[0] if tick else None
        stop = tick[2] if tick else end
        if key in found and (ticker is None or found[key][0].ticker is not None):
            continue
        found[key] = (Party(found[key][0].name if key in found else name, None, ticker), span(region, start, stop))
    return list(found.values())


def _aliases(text: str, parties: list[Party], registrant: str | None) -> dict[str, list[int]]:
    """Defined terms: 'Alnylam Pharmaceuticals, Inc. (the “Company”)' → the party; a group term
    ('each of Roche Basel and Genentech, … “Roche”') → every party it gathers."""
    out: dict[str, list[int]] = {}
    for i, p in enumerate(parties):
        for m in re.finditer(re.escape(p.name.split(",")[0]) + r"[^(]{0,12}", text):
            a = _ALIAS.match(text, m.end())
            if a:
                out.setdefault(a.group("alias").strip(" ,.").lower(), []).append(i)
    for g in _GROUP_ALIAS.finditer(text):
        members = [j for k in (g.group("a"), g.group("b")) for j in out.get(k.strip(' “”"').lower(), [])]
        if members:
            out[g.group("alias").lower()] = members
    reg = next((i for i, p in enumerate(parties) if registrant and norm_name(p.name) == norm_name(registrant)), None)
    if reg is not None:
        for word in ("company", "registrant"):
            out.setdefault(word, [reg])
    return out


def _match_party(short: str, parties: list[Party], aliases: dict[str, list[int]] | None = None) -> list[int]:
    s = short.lower().removeprefix("the ").strip()
    if aliases and s in aliases:
        return aliases[s]
    for i, p in enumerate(parties):
        if p.name.lower().startswith(s) or s.startswith(p.name.lower().split(",")[0]):
            return [i]
    return []


def _roles(text: str, parties: list[Party], registrant: str | None) -> list[Party]:
    roles: dict[int, str] = {}
    aliases = _aliases(text, parties, registrant)
    for pattern, first_role, second_role in (
        (_LICENSED_BY, "licensee", "licensor"),
        (_GRANTED, "licensor", "licensee"),
    ):
        for m in pattern.finditer(text):
            a = _match_party(m.group("a"), parties, aliases) or _match_party(m.group("a").split()[-1], parties, aliases)
            b = _match_party(m.group("b"), parties, aliases)
            if a and b and not set(a) & set(b):
                for i in a:
                    roles.setdefault(i, first_role)
                for i in b:
                    roles.setdefault(i, second_role)
    return [Party(p.name, roles.get(i, "partner"), p.ticker) for i, p in enumerate(parties)]


def _terms(region: Region, draft: _Draft) -> None:
    for s, e in sentences(region):
        sent = region.body[s:e]
        where = span(region, s, e)
        if "subject" not in draft.values and (m := _SUBJECT.search(sent)):
            g = "s" if m.group("s") else "c"  # "… products containing zilebesiran": the compound
            draft.put("subject", squash(m.group(g)), span(region, s + m.start(g), s + m.end(g)))
        if "field" not in draft.values and _GRANT.search(sent) and (m := _FIELD.search(sent)):
            draft.put("field", squash(m.group("f")), span(region, s + m.start("f"), s + m.end("f")))
        if (m := _TERRITORY.search(sent)) and re.search(r"rights|licen|territor", sent, _I):
            draft.put("territory", "worldwide", span(region, s + m.start(), s + m.end()))
        if _CO_EXCLUSIVE.search(sent):
            draft.co_exclusive = True  # co-exclusive here, exclusive there: neither true nor false
        elif m := _EXCLUSIVE.search(sent):
            draft.put("exclusive", not m.group(1).lower().startswith("non"), span(region, s + m.start(), s + m.end()))
        if _ROYALTY.search(sent):
            rates = [float(p) / 100 for p in _PERCENT.findall(sent)]
            royalties = Royalties(True, min(rates) if rates else None, max(rates) if rates else None)
            draft.put("royalties", royalties, where)
        for mention in money_in(sent):
            _money(region, s, sent, mention, draft)
        for kind, text, a, b in other_terms(sent):
            draft.add_term(kind, text, span(region, s + a, s + b))


def _money(region: Region, s: int, sent: str, mention: object, draft: _Draft) -> None:
    from eightk.extract.money import MoneyMention

    assert isinstance(mention, MoneyMention)
    near = sent[max(0, mention.start - 160) : mention.end + 150]
    where = span(region, s + mention.start, s + mention.end)
    money: Money = mention.high or mention.money
    before_at = max(0, mention.start - 60)
    before = sent[before_at : mention.start]
    if total := _TOTAL.search(before):
        said_at = before_at + total.start()  # where "total value of" / "valued at" begins
        part, reach = (_PART_OF_TOTAL, 40) if total.group("total") else (_PART_VALUED, 80)
        if not part.search(sent, max(0, said_at - reach), said_at):
            draft.put("total_value", money, where)
            return
    if _MILESTONE.search(near) and not _UPFRONT.search(sent[max(0, mention.start - 40) : mention.start]):
        kind = _milestone_kind(sent[mention.end : mention.end + 70], before)
        if kind is not None:  # "$25 million in development milestones": one part of a split
            draft.put(f"milestones_split.{kind}", money, where)
            return
        draft.put("milestones", money, where)
    elif _UPFRONT.search(near):
        draft.put("upfront", mention.money, where)
    elif _EQUITY.search(near):
        draft.put("equity", mention.money, where)


# "a total potential value of up to $365 million", "a deal valued at $1 billion": the whole deal, not a
# part of it ("milestone payments with an aggregate value of …", "shares … valued at $25 million")
_TOTAL = re.compile(
    r"(?P<total>(?:total|aggregate)\s+(?:potential\s+)?(?:deal\s+|transaction\s+|contract\s+)?value\s+(?:of\s+)?"
    r"(?:(?:up\s+to|approximately|about)\s+)?)$|\b(?:valued\s+at|worth)\s+(?:(?:up\s+to|approximately)\s+)?$",
    _I,
)
_PART_OF_TOTAL = re.compile(r"milestone|payments?\s+with", _I)  # "milestone payments with an aggregate value of"
_PART_VALUED = re.compile(r"shares|stock|equity|warrant", _I)  # "… shares of common stock, valued at"
_KINDS = {"development": "development", "clinical": "development", "regulatory": "regulatory",
          "approval": "regulatory", "sales": "sales", "commercial": "sales"}  # fmt: skip
_KIND_AFTER = re.compile(
    r"^\s*(?:in|of)?\s*(?:potential\s+|additional\s+)?(?P<k>[a-z]+)(?:-based|-related)?\s+milestone", _I
)
_KIND_BEFORE = re.compile(
    r"(?P<k>[a-z]+)(?:-based|-related)?\s+milestones?(?:\s+payments?)?\s+(?:of\s+)?(?:up\s+to\s+)?$", _I
)


def _milestone_kind(after: str, before: str) -> str | None:
    """The one kind of milestone an amount is tied to ("$25 million in development milestones",
    "sales milestones of up to $50 million"), or None: milestones in general, or a list of kinds
    ("development, regulatory and commercial milestone payments of up to $1.2 billion")."""
    m = _KIND_AFTER.match(after)
    text = after
    if m is None:
        m = _KIND_BEFORE.search(before)
        text = before
    if m is None or re.search(r"(?:,|\band|\bor)\s*$", text[: m.start("k")]):
        return None
    return _KINDS.get(m.group("k").lower())


def _draft(region: Region, cue: re.Match[str], registrant: str | None) -> _Draft | None:
    if not _TERMS.search(region.body[:6000]):
        return None
    kind = "collaboration" if "collaboration" in cue.group(0) else "license"
    found = _parties(region, registrant)
    if not found:
        return None
    draft = _Draft(kind)
    parties = _roles(region.body[:6000], [p for p, _ in found], registrant)
    draft.parties = parties
    for (_, where), final in zip(found, parties, strict=True):
        draft.sources.append(FieldSource(f"parties.{final.name}", "text", where))
    draft.evidence.append(span(region, cue.start(), cue.end()))
    _terms(region, draft)
    return draft


def _same(a: _Draft, b: _Draft) -> bool:
    names_a = {norm_name(p.name) for p in a.parties}
    names_b = {norm_name(p.name) for p in b.parties}
    return a.kind == b.kind and len(names_a & names_b) >= 2 or (a.kind == b.kind and names_a == names_b)


def deals(filing: Filing, regions: list[Region]) -> list[Deal]:
    drafts: list[_Draft] = []
    registrant = filing.registrant.name
    for region in regions:
        if region.kind == "item" and region.code not in ("1.01", "8.01", "7.01", "2.01", "1.02"):
            continue
        low = fold(region.body[:20000])
        # every cue holds "licen" or "collaboration": most regions are ruled out by a plain substring test
        cue = _CUE.search(low) if "licen" in low or "collaboration" in low else None
        if cue is None:
            continue
        draft = _draft(region, cue, registrant)
        if draft is None:
            continue
        twin = next((d for d in drafts if _same(d, draft)), None)
        if twin is None:
            drafts.append(draft)
            continue
        for name, value in draft.values.items():  # the second telling fills gaps and adds evidence
            src = next((s for s in draft.sources if s.field == name), None)
            if src is not None and src.span is not None:
                twin.put(name, value, src.span)
        twin.co_exclusive = twin.co_exclusive or draft.co_exclusive
        terms = [s for s in draft.sources if s.field == "other_terms"]
        for (text, kind), src in zip(draft.terms.items(), terms, strict=True):
            assert src.span is not None
            twin.add_term(kind, text, src.span)
        twin.evidence.extend(e for e in draft.evidence if e not in twin.evidence)
        twin.parties = [_with_ticker(p, draft.parties) for p in twin.parties]
    return [_event(d) for d in drafts]


def _with_ticker(party: Party, others: list[Party]) -> Party:
    if party.ticker is not None:
        return party
    twin = next((o for o in others if o.ticker and norm_name(o.name) == norm_name(party.name)), None)
    return Party(party.name, party.role, twin.ticker) if twin else party


def _event(d: _Draft) -> Deal:
    v = d.values
    return Deal(
        type=d.kind,
        evidence=tuple(d.evidence),
        values=tuple(d.sources),
        parties=tuple(d.parties),
        exclusive=None if d.co_exclusive else v.get("exclusive"),  # type: ignore[arg-type]
        territory=v.get("territory"),  # type: ignore[arg-type]
        subject=v.get("subject"),  # type: ignore[arg-type]
        field=v.get("field"),  # type: ignore[arg-type]
        upfront=v.get("upfront"),  # type: ignore[arg-type]
        milestones=v.get("milestones"),  # type: ignore[arg-type]
        royalties=v.get("royalties"),  # type: ignore[arg-type]
        equity=v.get("equity"),  # type: ignore[arg-type]
        milestones_split=_split(v),
        total_value=v.get("total_value"),  # type: ignore[arg-type]
        other_terms=tuple(d.terms),
    )


def _split(values: dict[str, object]) -> MilestonesSplit | None:
    parts = {k: values.get(f"milestones_split.{k}") for k in ("development", "regulatory", "sales")}
    if not any(parts.values()):
        return None
    return MilestonesSplit(**parts)  # type: ignore[arg-type]
