"""Other material agreements (Item 1.01): one ``Agreement`` per agreement an item says was entered into,
with its kind ("credit agreement", "revolving credit agreement amendment") and its counterparty."""

from __future__ import annotations

import dataclasses
import functools
import re

from eightk.extract.bare import bare_regions
from eightk.extract.entities import REGISTRANT, entities
from eightk.extract.families import _candidates, _items
from eightk.extract.text import Region, span, squash
from eightk.model import Agreement, FieldSource, Filing

__all__ = ["agreements"]

_I = re.IGNORECASE
_ENUMERATOR = r"\((?:i{1,3}|iv|v|[a-e]|\d)\)"
_AGREEMENT = re.compile(
    r"(?:(?:entered\s+into|entry\s+into|executed|signed|enter\s+into|issued\s+(?:under|pursuant\s+to))\s+"
    rf"(?P<first>{_ENUMERATOR}\s+)?|(?P<next>{_ENUMERATOR})\s+|"
    r"(?<!which\s)(?<!that\s)(?P<amended>(?-i:amended)(?:\s+and\s+restated)?)\s+(?=its\s|the\s|that\s+certain\s))"
    r"(?:an?\s+|the\s+|that\s+certain\s+|its\s+)?"
    r"(?P<t>(?:[\w\-]+\s+){0,7}?(?:agreement|amendment|indenture|facility|note(?!\s+purchase\s+agreement)))\b",
    _I,
)


# the roles of a financing's parties, the counterparty's first: the agent before an arranger or bookrunner
_ROLE_RANK = re.compile(
    r"(?:\s*\([^()]{1,40}\))?,?\s+(?:or\s+the\s+\w+,?\s+)?as\s+(?:the\s+)?(?:(?P<agent>administrative\s+agent|collateral\s+agent|agent|"
    r"trustee)|(?P<party>representatives?|underwriters?|lenders?|purchasers?|sellers?|buyers?)|"
    r"(?P<minor>(?:joint\s+)?(?:lead\s+)?(?:arrangers?|bookrunners?|book\s+runners?)|syndication\s+agent|"
    r"documentation\s+agent|co-\w+))",
    _I,
)
# "Citibank Europe plc, UK Branch": the branch is part of the name
CORPORATE_SUFFIX_END = re.compile(r"(?:Inc\.?|LLC|L\.P\.|LP|N\.A\.|Ltd\.?|plc|Corporation|Company|Bank)$")
_BRANCH = re.compile(r",\s+(?:(?:[A-Z][\w.&\-]*\s+){1,3}Branch\b|National\s+Association\b)")


# a name read across "and" from the registrant: "the Company and Halden Energy Partners LLC (“Halden”)"
_REGISTRANT_AND = re.compile(r"^(?:the\s+)?(?:Company|Registrant|Corporation)\s+and\s+", _I)


def _without_registrant(name: tuple[str, int, int]) -> tuple[str, int, int]:
    """The name without the registrant it was joined to by "and"."""
    m = _REGISTRANT_AND.match(name[0])
    return (name[0][m.end() :], name[1] + m.end(), name[2]) if m else name


# the name printed right before its role ("with Truist Bank, as administrative agent", "with Goldman Sachs & Co.
# LLC and Morgan Stanley & Co. LLC, as representatives"): capitalized words, "&", "Co.", a comma before a suffix
_NAMED_ROLE = re.compile(
    r"(?P<n>(?:[A-Z][\w.&\-’']*|&|of|and)(?:[ \t]+(?:[A-Z][\w.&\-’']*|&|of|and)|,[ \t]+(?=(?:Inc|N\.A|L\.P|Ltd)\b)"
    r"[\w.]+){0,14}),?\s+as\s+(?:the\s+)?(?:administrative\s+agent|collateral\s+agent|agent|trustee|representatives?)\b"
)
_FIRST_OF_TWO = re.compile(r"\s+and\s+(?=[A-Z])")


def _named_before_role(region: Region) -> tuple[str, int, int] | None:
    """The first name printed right before "as agent/trustee/representatives", when the company pattern
    found none there (a name with no corporate suffix, or two joined by "and"); the first of two."""
    for m in _NAMED_ROLE.finditer(region.body):
        name, start = m.group("n"), m.start("n")
        lead = re.match(r"^(?:(?:The|On|In|With|And|By|Among|Between|[A-Z][a-z]+day)\s+)+", name)
        if lead:
            name, start = name[lead.end() :], start + lead.end()
        two = _FIRST_OF_TWO.search(name)
        if two and CORPORATE_SUFFIX_END.search(name[: two.start()]):
            name = name[: two.start()]
        if len(name.split()) >= 2 and not re.match(r"(?:the\s+)?(?:Company|Registrant|Borrower)\b", name, _I):
            return squash(name), start, start + len(name)
    return None


def _counterparty(region: Region, registrant: str | None) -> tuple[str, int, int] | None:
    """``_named_party``, the first of two companies joined by "and" ("Jefferies LLC and BofA Securities,
    Inc., as sales agents")."""
    found = _named_party(region, registrant)
    if found is None:
        return None
    name, start, end = found
    two = _FIRST_OF_TWO.search(name)
    if two and CORPORATE_SUFFIX_END.search(name[: two.start()]) and CORPORATE_SUFFIX_END.search(name):
        raw = region.body[start:end]
        cut = _FIRST_OF_TWO.search(raw)
        if cut:
            return squash(raw[: cut.start()]), start, start + cut.start()
    return found


def _named_party(region: Region, registrant: str | None) -> tuple[str, int, int] | None:
    """The other party of a 1.01 agreement: the one named as agent or trustee, else as a party (lender,
    underwriter, purchaser), else after "with", else the first company that is no arranger or bookrunner;
    a branch after the name is kept ("Citibank Europe plc, UK Branch")."""
    names = [_with_branch(region.body, n) for n in _candidates(region, 0, len(region.body), registrant)]
    more = [_with_branch(region.body, n) for n in _entity_names(region, registrant, names)]
    names = sorted((_without_registrant(n) for n in names + more), key=lambda n: n[1])
    names = [n for n in names if not _own_subsidiary(region.body, n[2], registrant)]
    roles = {n: _ROLE_RANK.match(region.body, n[2]) for n in names}
    for group in ("agent", "party"):
        for n in names:
            role = roles[n]
            if role and role.group(group) and not (group == "agent" and role.group("minor")):
                return _first_of_pair(region.body, names, n)
    for name, a, b in names:  # "… with Goldman Sachs & Co. LLC"
        if re.search(r"\bwith\s+$", region.body[max(0, a - 6) : a], _I):
            return name, a, b
    for m in _WITH_DEFINED.finditer(region.body):  # "with OpenAI Group PBC (“OpenAI”)": a party defined
        if not _own_subsidiary(region.body, m.end("n"), registrant):
            return squash(m.group("n")), m.start("n"), m.end("n")
    named = _named_before_role(region)
    if named is not None:
        return named
    plain = [n for n in names if not ((r := roles[n]) is not None and r.group("minor"))]
    return plain[0] if plain else (names[0] if names else None)


def _first_of_pair(body: str, names: list[tuple[str, int, int]], n: tuple[str, int, int]) -> tuple[str, int, int]:
    """ "Goldman Sachs & Co. LLC and Morgan Stanley & Co. LLC, as representatives": a role after two names
    joined by "and" is both's; the first is the counterparty."""
    before = [m for m in names if m[2] <= n[1] and re.fullmatch(r",?\s+and\s+", body[m[2] : n[1]])]
    return before[-1] if before else n


# "Acme Sub LLC (“Acme Sub”), a wholly-owned subsidiary of the Company": the registrant's side
_SUBSIDIARY_OF = re.compile(
    r"(?:\s*\([^()]{1,60}\))?,?\s+(?:a|an|our|its)\s+(?:(?:direct|indirect|wholly[\s-]owned|majority[\s-]owned|"
    r"consolidated)\s+(?:and\s+)?)*subsidiary\s+of\s+(?P<of>[^,;.()]{2,40})",
    _I,
)


# "… (the “Letter Agreement”) with Beta Group PBC (“Beta”)": the name a party's defined term follows
_WITH_DEFINED = re.compile(
    r"\bwith\s+(?P<n>(?:[A-Z][\w.&\-]*,?\s+){0,5}[A-Z][\w.&\-]*)\s*\(\s*(?:the\s+)?[“\"][A-Z][^”\"]{0,30}[”\"]\s*\)"
)


def _own_subsidiary(body: str, end: int, registrant: str | None) -> bool:
    """True when the name ending at ``end`` is called a subsidiary of the registrant ("the Company",
    "us", or the registrant's name)."""
    m = _SUBSIDIARY_OF.match(body, end)
    if m is None:
        return False
    of = m.group("of").strip()
    first = re.split(r"[^a-z0-9]", (registrant or "").lower().strip())[0]
    return bool(re.match(r"(?:the\s+)?(?:company|registrant|corporation)\b|us\b", of, _I)) or (
        len(first) >= 3 and of.lower().startswith(first)
    )


def _entity_names(
    region: Region, registrant: str | None, found: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The entity layer's organizations in the region that the suffix pattern missed ("Quillon Securities
    LLC and Larkspur Capital Markets, Inc., as representatives"), as printed; never the registrant."""
    ents = entities(region.body, registrant)
    out: list[tuple[str, int, int]] = []
    for m in ents.between(0, len(region.body)):
        if m.org == REGISTRANT or any(a <= m.start < b or m.start <= a < m.end for _n, a, b in found + out):
            continue
        printed = squash(region.body[m.start : m.end])
        first = (registrant or "").lower().split()[:1]
        mine = bool(first) and printed.lower().split()[:1] == first  # the registrant, or its own subsidiary
        if printed == ents.orgs[m.org].name and not mine and not _VEHICLE_NAME.search(printed):
            out.append((printed, m.start, m.end))
    return out


_VEHICLE_NAME = re.compile(r"\b(?:Merger|Sub)\b", _I)


def _with_branch(body: str, name: tuple[str, int, int]) -> tuple[str, int, int]:
    branch = _BRANCH.match(body, name[2])
    if branch is None:
        return name
    return squash(body[name[1] : branch.end()]), name[1], branch.end()


def _paragraph(region: Region, pos: int) -> tuple[int, int]:
    start = region.body.rfind("\n\n", 0, pos)
    end = region.body.find("\n\n", pos)
    return (0 if start < 0 else start + 2), (len(region.body) if end < 0 else end)


def agreements(filing: Filing, regions: list[Region]) -> list[Agreement]:
    """One event per agreement a 1.01 item says was entered into (several when paragraphs tell of
    several), with the counterparty named in that paragraph, else in the item."""
    out = []
    for region in _agreement_regions(filing, regions):
        title_end = max(0, region.body.find("\n"))
        kinds: set[str] = set()
        # the item's counterparty, read only when a paragraph names none (reading it costs the entity layer
        # of the whole item, most often not needed when each agreement's paragraph names its party)
        whole = functools.cache(functools.partial(_counterparty, region, filing.registrant.name))
        listed = (-1, -1)  # the paragraph of "entered into (i) a … Agreement …, and (ii) a …"
        for m in _AGREEMENT.finditer(region.body, title_end):
            kind = squash(m.group("t")).lower()
            if m.group("first"):
                listed = _paragraph(region, m.start())
            elif m.group("next") and not listed[0] <= m.start() < listed[1]:
                continue  # "(i) Amendment No. 1 …, (ii) …": a history of the agreement, not new ones
            if "material definitive" in kind or kind in kinds or len(kinds) >= 3:
                continue
            a, b = _paragraph(region, m.start())
            if re.search(_ENUMERATOR, m.group(0)):  # "(i) a 364-Day Credit Agreement with …, and (ii) a …"
                later = re.compile(_ENUMERATOR + r"\s").search(region.body, m.end(), b)
                a, b = m.start(), later.start() if later else b
            sub = Region(region.doc, region.start + a, region.start + b, region.text, region.kind, region.code)
            local = _counterparty(sub, filing.registrant.name)
            if kinds and local is None:
                continue  # a later paragraph that names no party of its own: not a new agreement
            other = (local[0], a + local[1], a + local[2]) if local else whole()
            kinds.add(kind)
            out.append(_agreement(region, m, other, amended=bool(m.group("amended"))))
        if not kinds and whole() is not None:
            out.append(_agreement(region, None, whole()))
    return out or _contract(filing, regions)


# a contract's title line ("EXCLUSIVE SUPPLY AGREEMENT") and its parties ("… by and between A (“X”) and B")
_TITLE = re.compile(r"^[ \t|]*(?P<t>(?:[A-Z][A-Z\-&]*[ \t]+){0,6}AGREEMENT)[ \t]*$", re.M)
_BETWEEN = re.compile(r"\b(?:by\s+and\s+)?(?:between|among)\b", _I)
# "Acme Inc. (the “Company”)", "Acme Inc., a Delaware corporation (the “Company”)"
_AS_COMPANY = re.compile(
    r"\s*,?\s*(?:an?\s+[\w ]{0,40}?(?:corporation|company|partnership)\s*,?\s*)?"
    r"\(\s*(?:the\s+)?[“\"](?:Company|Registrant)[”\"]"
)
# no agreement of this family: an amendment, a merger (acquisitions), a licence or collaboration (deals)
_NOT_A_NEW_DEAL = re.compile(r"amend|merger|plan\s+of|letter|licen[cs]|collaborat|co-?promot|option", _I)


def _contract(filing: Filing, regions: list[Region]) -> list[Agreement]:
    """A user's file that is a contract itself (an EX-10): one agreement of the kind its title names, with
    the other party of "by and between A and B": the one not defined as "the Company", else the second
    named. An amendment, a merger agreement or a licence gives none (the acquisition and deal families
    read those)."""
    if filing.items or filing.document_kind != "agreement":
        return []
    for region in (r for r in regions if r.kind == "document"):
        head = region.body[:2500]
        title = _TITLE.search(head)
        between = _BETWEEN.search(head, title.end()) if title else None
        if title is None or between is None or _NOT_A_NEW_DEAL.search(title.group("t")):
            continue
        ents = entities(head, None)
        parties: list[tuple[str, int, int]] = []
        for m in ents.between(between.end(), min(len(head), between.end() + 600)):
            if m.org != REGISTRANT and all(ents.orgs[m.org].name != p[0] for p in parties):
                parties.append((ents.orgs[m.org].name, m.start, m.end))
        if len(parties) < 2:
            continue
        company = [p for p in parties[:2] if _AS_COMPANY.match(head, p[2])]
        other = next((p for p in parties[:2] if p not in company), None) if company else parties[1]
        if other is None:
            continue
        sources = [
            FieldSource("agreement_type", "text", span(region, title.start("t"), title.end("t"))),
            FieldSource("counterparty", "text", span(region, other[1], other[2])),
        ]
        return [
            Agreement(
                evidence=tuple(s.span for s in sources if s.span),
                values=tuple(sources),
                counterparty=other[0],
                agreement_type=squash(title.group("t")).lower(),
            )
        ]
    return []


# a bare section that opens by telling an agreement entered into: "On October 29, 2020, the Company entered
# into an Underwriting Agreement … with …" (an Item 1.01 section copied without its heading)
_ENTERED = re.compile(
    r"\b(?:entered\s+into|executed|signed)\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,6}?agreement\b[^.]{0,300}?\bwith\b", _I
)


def _agreement_regions(filing: Filing, regions: list[Region]) -> list[Region]:
    """The 1.01 items (a bare text's "Item 1.01" sections too); for a bare text with no item heading (not a
    release, a contract or a note), the text itself when its opening tells an agreement entered into."""
    cut = bare_regions(regions)
    items = list(_items(cut, "1.01"))
    if items:
        return _with_referenced(items, cut)
    if filing.items or filing.document_kind != "text":
        return items
    return [
        dataclasses.replace(r, kind="item", code="1.01")
        for r in regions
        if r.kind == "document" and (m := _ENTERED.search(r.body[:600])) and not _PERSONAL.search(m.group(0))
    ]


# "The information provided in Item 2.03 of this Current Report … is hereby incorporated into this Item 1.01
# by reference"
_INCORPORATED = re.compile(
    r"\bItem\s+(\d\.\d\d)\b(?:[^.]|\.(?=\d)){0,200}?\bincorporated\b(?:[^.]|\.(?=\d)){0,80}?\bby\s+reference", _I
)


def _with_referenced(items: list[Region], regions: list[Region]) -> list[Region]:
    """The 1.01 items, each followed by the items it incorporates by reference (the agreement told under
    Item 2.03), read as its text."""
    out: list[Region] = []
    for item in items:
        out.append(item)
        codes = {m.group(1) for m in _INCORPORATED.finditer(item.body[:1500])} - {"1.01", "9.01"}
        out.extend(dataclasses.replace(r, code="1.01") for r in _items(regions, *codes) if r not in out)
    return out


# an officer's own agreement, told in a 5.02 section: no material agreement of the company
_PERSONAL = re.compile(
    r"employment|separation|severance|consulting|retention|transition|offer\s+letter|letter\s+agreement|"
    r"compensation|indemnification|change\s+(?:in|of)\s+control|award|bonus|release|non-?compet",
    _I,
)


# "Amendment No. 11 to the Revolving Credit Agreement": the kind of agreement amended
_AMENDED = re.compile(
    r"\s+(?:No\.\s*\d+\s+)?(?:\([^()]{1,40}\)\s+)?to\s+(?:the\s+|its\s+|that\s+certain\s+)?"
    r"(?P<a>(?:[\w\-]+\s+){0,5}?(?:Agreement|Indenture))\b"
)


def _agreement(
    region: Region, m: re.Match[str] | None, other: tuple[str, int, int] | None, *, amended: bool = False
) -> Agreement:
    """The event of one agreement: its kind from the cue's words ("amended its Credit Agreement" is a
    "credit agreement amendment"), its counterparty ``other``."""
    sources = []
    kind = squash(m.group("t")).lower() if m else None
    if kind and amended and not kind.endswith("amendment"):
        kind = f"{kind} amendment"
    if m:
        end = m.end("t")
        what = _AMENDED.match(region.body, end) if kind == "amendment" else None
        if what:  # "amendment" alone says little: "revolving credit agreement amendment"
            kind = f"{squash(what.group('a')).lower()} amendment"
            end = what.end("a")
        sources.append(FieldSource("agreement_type", "text", span(region, m.start("t"), end)))
    if other:
        sources.append(FieldSource("counterparty", "text", span(region, other[1], other[2])))
    return Agreement(
        evidence=tuple(s.span for s in sources if s.span),
        values=tuple(sources),
        counterparty=other[0] if other else None,
        agreement_type=kind,
    )
