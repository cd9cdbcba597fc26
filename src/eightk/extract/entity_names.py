"""What a name of an organization looks like: corporate suffixes, institution head words, the words that
start or end no name, role labels, and the records ``Org`` and ``Mention``; ``clean``-ing and accepting a
candidate name, and the short forms a text uses after a full name. Shared by the finders of ``entities``
and the defined terms of ``entity_terms``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from eightk.extract.given_names import GIVEN_NAMES
from eightk.model import Ticker

REGISTRANT = -1  # a mention of the registrant by pronoun or "the Company"
# a contract's role label in capitals, unbracketed on a title page: "X LICENSOR AND Y LICENSEE"
LABEL_CAPS = r"(?:LICENSOR|LICENSEE|SELLER|BUYER|PURCHASER)"

_CAP = r"(?:[A-Z][\w&.\-'’*]*|[a-z][A-Z][\w&.\-'’*]*|[0-9][\w\-]*[A-Za-z][\w\-]*|&)"  # a capitalized word ("eXIthera")
_JOIN = r"(?:of|and|de|del|la|for|the|du|des|van|von|zur|für)"
# between a name's words: spaces, or a line break; a plain-text filing's underline ("NUMERICAL\n--------\n
# TECHNOLOGIES, INC.") may sit between the lines
_SEP = r"(?:[ \t]{1,4}|[ \t]{0,4}\n(?:[ \t]{0,12}-{3,}[ \t]*\n)?[ \t]{0,12})"
_SUFFIX = (
    r"(?:Inc\.?|INC\.?|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp\.?|CORP\.?|Company|COMPANY|Co\.|CO\.|"
    r"Ltd\.?|LTD\.?|Limited|LIMITED|LLC|L\.L\.C\.|L\.P\.|LP|LLP|plc|PLC|P\.L\.C\.|AG|A\.G\.|N\.V\.|NV|B\.V\.|BV|"
    r"S\.A\.|SA|S\.p\.A\.|SpA|SPA|SE|GmbH|GMBH|K\.K\.|KK|SAS|S\.A\.S\.|AB|A/S|ASA|Oy|Pty\.?\s+Ltd\.?|PBC|"
    r"N\.A\.|Co\.,\s+Ltd\.?|Co\.\s+Ltd\.?|Ges\.\s?m\.\s?b\.\s?H\.|GesmbH|mbH)"
)
# "(Suzhou)" inside "Oxford University (Suzhou) Science & Technology Co., Ltd"; not a role label "(Licensor)"
_PAREN_WORD = (
    r"\((?!(?:the\s+)?(?:Licensor|Licensee|LICENSOR|LICENSEE|Buyer|Seller|Purchaser|Company)\))[A-Z][\w .&\-]{0,30}\)"
)
_SUFFIXED = re.compile(
    rf"(?:(?<=--)|(?<![\w&.\-'’*]))({_CAP}(?:{_SEP}(?:{_CAP}|{_JOIN}|{_PAREN_WORD})){{0,11}}"  # "WIRE)--Lescarden Inc."
    rf",?{_SEP}?(?<=[\s,]){_SUFFIX})(?![\w])"
    r"|(?<![\w&.\-])([a-z][a-z0-9\-]{2,20}[ \t]+(?:AG|GmbH|Inc\.|Ltd\.|LLC|N\.V\.|B\.V\.|S\.A\.|plc|SE|AB))(?![\w])"
)
_HEAD = (
    r"(?:University|UNIVERSITY|Foundation|FOUNDATION|Institute|INSTITUTE|College|COLLEGE|Center|CENTER|Centre|"
    r"Hospital|HOSPITAL|Trust|Partnership|PARTNERSHIP|Associates|ASSOCIATES|Syndicate|Council|Agency|Clinic|"
    r"Laboratories|Society|Trustees|Regents|Department\s+of\s+[A-Z][a-z]+|DEPARTMENT\s+OF\s+[A-Z]+)"
)
CORPORATE_SUFFIX = _SUFFIX  # "Inc.", "LLC", "N.V." …: a pattern, for other readers of names
COMPANY_HEAD = _HEAD  # "University", "Foundation", "Institute" …
_INSTITUTION = re.compile(
    rf"(?<![\w&.\-])((?:(?:The|THE){_SEP})?(?:{_CAP}{_SEP}(?:{_JOIN}{_SEP})?){{0,6}}{_HEAD}"
    rf"(?:[ \t]{{1,3}}{_JOIN}(?:[ \t]{{1,3}}(?:{_CAP}|{_JOIN})){{1,6}}"
    rf"|(?:[ \t](?!Research|Agreement)[A-Z][a-z]+){{0,2}})?)"
)
_OWNER_SLOT = re.compile(  # "exclusive rights to GPC Biotech’s satraplatin": the owner of what is licensed
    rf"\b(?:rights?|licen[cs]es?)\s+(?:to|for|under|of)\s+({_CAP}(?:[ \t]{{1,3}}{_CAP}){{0,3}})(?=[’']s\s)"
)
# the words every match of a pattern starts with: the pattern is tried only where one begins (headed_matches)
OWNER_SLOT_HEADS = ("right", "licen")
_ATTRIBUTIVE = re.compile(
    r"\)?\s*(?:technology|technologies|products?|platforms?|programs?|systems?|devices?|compounds?|assets|business|"
    r"patents?|trademarks?|brand|franchise|portfolio|molecules?|antibod(?:y|ies))\b"
)
_NOT_PARTY_TERM = re.compile(
    r"\b(?:Agreements?|AGREEMENTS?|Licen[cs]es?|LICEN[CS]ES?|Amendments?|AMENDMENT|Memorandum|Royalt(?:y|ies)|"
    r"Territory|TERRITORY|Transaction|Products?|PRODUCTS?|Technology|Patents?|PATENTS?|Field|Date|DATE|Program|"
    r"Assignment|Notes?|Shares|Stock|Closing|Effective|Term|Rights|Know-how|Compounds?|Parties|Party|Merger|"
    r"NYSE|Nasdaq|NASDAQ|the|The|an?)\b"
)
_PLACE_WORDS = frozenset(
    "delaware california new york nevada massachusetts england wales united kingdom states america usa germany "
    "japan france switzerland netherlands canada israel china ireland limited partnership corporation company "
    "liability a the of and".split()
)
_TICKER = re.compile(
    r"[ \t\n]{0,8}\([ \t\n]{0,3}"
    r"(?P<ex>NYSE|Nasdaq|NASDAQ|NasdaqGS|NasdaqGM|NYSE American|NYSE MKT|AMEX|OTC|OTCQB|OTCQX|TSX|TSXV|LSE|"
    r"SIX|Euronext|ASX|OTCBB|OTC-BB|OTC\s+BB|Pink|TSX-V)[ \t]{0,3}:[ \t]{0,3}[\"“]?(?P<sym>[A-Z][A-Z.\-]{0,6})[\"”]?"
    r"[ \t]{0,3}[;)]"
)
_BEFORE_TICKER = re.compile(rf"({_CAP}(?:[ \t]{{1,3}}(?:{_CAP}|{_JOIN})){{0,5}})[™®]?$")  # "SDIX™ (NASDAQ: SDIX)"
# the counterparty slot of an agreement, and the two sides of "between A and B"
_SLOT = re.compile(
    r"\b(?:(?:[Aa]greements?|[Aa]greements?\)|[Ll]icen[cs]e|collaboration|partnership|alliance|deal|arrangement|"
    r"settlement|contract|partnered|teamed(?:\s+up)?)(?:\s*\([^()]{0,80}\))?\s+"
    r"(?:with|between)|(?:granted|granting|grants|licensed\s+to|sold\s+to|assigned\s+to|paid|from)"
    r"(?=\s+(?:the\s+)?[A-Z][\w&.\-'’*]*(?:\s+[A-Z][\w&.\-'’*]*){0,4}[\s,.;(]+(?:an?|the|its|all|certain|to|"
    r"for|of|under|exclusive|worldwide|non-exclusive|rights?|\$|upfront|up-front|[(,.;])))\s+(?:the\s+)?"
    rf"({_CAP}(?:[ \t]{{1,3}}(?:{_CAP}|{_JOIN})){{0,5}})"
)
SLOT_HEADS = (
    "Agreement", "agreement", "License", "Licence", "license", "licence", "collaboration", "partner", "alliance",
    "deal", "arrangement", "settlement", "contract", "teamed", "grant", "sold", "assigned", "paid", "from",
)  # fmt: skip
_APPOSITIVE = re.compile(
    rf"(?<![\w&.\-])({_CAP}(?:[ \t]{{1,3}}(?:{_CAP}|{_JOIN})){{0,4}}),\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,4}}?"
    r"(?:company|corporation|firm|organi[sz]ation|institution|university|developer|leader|provider|manufacturer|"
    r"subsidiary|affiliate|partnership|entity|biotech|pharma)\b"
)
# where an appositive may end: tried only near these, since a scan from every capitalized word is slow
_APPOSITIVE_HEAD = re.compile(
    r"\b(?:company|corporation|firm|organi[sz]ation|institution|university|developer|leader|provider|manufacturer|"
    r"subsidiary|affiliate|partnership|entity|biotech|pharma)\b"
)
APPOSITIVE_HEAD_HEADS = (
    "company", "corporation", "firm", "organi", "institution", "university", "developer", "leader", "provider",
    "manufacturer", "subsidiary", "affiliate", "partnership", "entity", "biotech", "pharma",
)  # fmt: skip
_SUBJECT_SLOT = re.compile(
    rf"(?:(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*|\b(?:we|the\s+Company)\s+and\s+)({_CAP}(?:[ \t]{{1,3}}{_CAP}){{0,3}})[ \t]+"
    rf"(?:and\s+{_CAP}[ \t]+)?(?:today\s+)?"
    r"(?:announced|entered\s+into|signed|has\s+(?:signed|entered|licensed|granted|agreed)|gained|obtained|acquired)\b"
    r"(?=[^.]{0,120}\b(?:agreement|licen|collaborat|partnership|alliance|rights))",
    re.M,
)
# "Under the agreement, Sumitomo will pay …", "In return, Bayer will receive exclusive rights": a clause's
# subject that pays, is paid or takes rights is a company
_PAYER_SLOT = re.compile(
    rf"(?:(?:^|(?<=[.!?;]\s)|(?<=\n))[ \t]*|,[ \t]+)({_CAP}(?:[ \t]{{1,3}}{_CAP}){{0,3}})[ \t]+"
    r"(?:will|shall|has\s+agreed\s+to|agreed\s+to|is\s+obligated\s+to|also)[ \t]+"
    r"(?:pay|make|receive|be\s+eligible|be\s+entitled|obtain|gain|grant|have\s+(?:the\s+)?(?:exclusive|sole|worldwide))\b"
)
_PAYER_VERB = re.compile(
    r"\b(?:will|shall|agreed\s+to|obligated\s+to|also)[ \t]+(?:pay|make|receive|be|obtain|gain|grant|have)\b"
)
PAYER_VERB_HEADS = ("will", "shall", "agreed", "obligated", "also")
_SUBJECT_VERB = re.compile(
    r"\b(?:announced|entered\s+into|signed|has\s+(?:signed|entered|licensed|granted|agreed)|gained|obtained|acquired)\b"
)
SUBJECT_VERB_HEADS = ("announced", "entered", "signed", "has", "gained", "obtained", "acquired")
_NOT_NAME = re.compile(
    r"(?:The|This|Such|Each|Any|Its|Our|Their|Company|Registrant|Agreement|License|Licensee|Licensor|Party|Parties|"
    r"Seller|Buyer|Purchaser|Effective|Date|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Section|Article|Exhibit|Item|Note|Form|United|States|U\.S\.|Inc\.|Corp\.)$"
)
_LEAD = re.compile(
    r"^(?:(?:This|Our|Such|Each|Any|Under|In|On|As|If|For|With|And|By|From|Between|Among|To|At|Both|Pursuant|About|ABOUT|"
    r"Whereas|WHEREAS|" + LABEL_CAPS + r"\s+AND|AND|BETWEEN|AMONG|BY|By|Further|Additionally|Also|Accordingly|"
    r"Recitals?|RECITALS?|BACKGROUND|Background|Summary|SUMMARY|Overview|OVERVIEW|Introduction|INTRODUCTION|"
    r"(?:Registrant|REGISTRANT|Company|COMPANY)\s+(?:and|AND)|"  # "the Registrant and Eastman Kodak Co."
    r"(?:CEO|CFO|COO|President|Chairman|Officer|Director|Founder|Head)\s+of|"
    r"(?:Shares|Stock|Units)\s+of)(?:,)?\s+)+"  # a news line: "Shares of Acme (NASDAQ: ACME) jumped"
)
_JOINED = re.compile(
    "(?:"
    + "|".join(
        f"(?<={re.escape(w)})"
        for w in ("Inc.", "INC.", "Inc", "Ltd.", "LTD.", "LLC", "Corporation", "Corp.", "Corp", "Limited", "plc", "AG",
                  "Company", "Co.", "SA", "S.A.", "N.V.", "NV", "B.V.", "BV", "GmbH", "SE", "AB", "L.P.", "LP", "LLP",
                  "PLC", "CORPORATION", "LIMITED", "Incorporated", "A/S", "K.K.", "S.p.A.", "Pty Ltd", "Ges.m.b.H.",
                  "mbH")
    )
    + r")\s+(?:and|AND)\s+"
)  # fmt: skip
_CUT = re.compile(
    r"(?s)^.*\b(?:Agreement|AGREEMENT|License|LICENSE|Licence|LICENCE|Item|ITEM|Events|EVENTS|Reported|REPORTED|"
    r"Report|REPORT|Statements|STATEMENTS|Information|INFORMATION)\b[\s.:,)]*"
)
_ROLE_LABEL = {
    "licensee": "licensee", "licensor": "licensor", "sublicensee": "licensee", "sublicensor": "licensor",
    "buyer": "buyer", "purchaser": "buyer", "seller": "seller", "vendor": "seller", "assignee": "buyer",
    "assignor": "seller", "company": "company", "registrant": "company",
}  # fmt: skip
_GENERIC_WORDS = frozenset(
    "the a an and of for international pharmaceuticals pharmaceutical pharma therapeutics technologies technology "
    "holdings group research university medical systems sciences biosciences products services entertainment "
    "united states american national global new first general digital life health capital partners "
    "company corporation board trustees regents institute foundation center".split()
)
_PRONOUN = re.compile(
    r"\b(?:[Tt]he\s+[Cc]ompany(?![\w-])(?!,?\s+(?:that|which|who)\b)|[Tt]he\s+Registrant|[Ww]e|[Oo]ur|us)\b"
)
PRONOUN_HEADS = ("The", "the", "We", "we", "Our", "our", "us")


@dataclass(slots=True)
class Org:
    """One organization: ``name`` as first printed in full (whitespace squashed), ``start``/``end`` of
    that name in the text, ``aliases`` (defined terms and other spellings), ``label`` (the role its
    defined term states: licensor, licensee, buyer, seller, company; or None), ``ticker``."""

    name: str
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    label: str | None = None
    ticker: Ticker | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """``org`` (an index into ``Entities.orgs``, or ``REGISTRANT``) mentioned at text[start:end]."""

    org: int
    start: int
    end: int


def _squash(s: str) -> str:
    """Whitespace squashed and a plain-text underline between a name's lines dropped."""
    return " ".join(w for w in s.split() if not (len(w) >= 3 and w.strip("-") == ""))


# a headline's verb or preposition in capitals is never inside a name: "QUIDEL CORPORATION
# ANNOUNCES STRATEGIC BUSINESS PARTNERSHIP WITH CHURCH & DWIGHT CO., INC." names the company after it
_HEADLINE_WORD = re.compile(  # capitals only: a title-case headline's words are also names' words
    r"(?s)^.*(?<![\w&.\-'’])(?:ANNOUNCES|ANNOUNCE|SIGNS|ENTERS|INTO|WITH|TO|FROM|ACQUIRES|COMPLETES|LICENSES|"
    r"RECEIVES|SELLS|EXPANDS|EXTENDS|FORMS|AGREES)(?:\s+|$)"
)
# a contact block's person on the line before a company: "Paul Landers\nQuidel Corp."
_PERSON_LINE = re.compile(r"^([A-Z][a-z]+)(?:[ \t]+[A-Z]\.?)?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]*\n[ \t]*(?=\S)")


def _clean(name: str, start: int) -> tuple[str, int]:
    """Drop leading function words ("Under", "WHEREAS", "By and between"), a dateline's year
    ("2005--Chembio Diagnostics, Inc."), a headline's words before its last verb or preposition and a
    contact's name on the line before from a found name."""
    if cut := _CUT.match(name):
        name, start = name[cut.end() :], start + cut.end()
    if (cut := _HEADLINE_WORD.match(name)) and cut.end() < len(name):
        name, start = name[cut.end() :], start + cut.end()
    if (person := _PERSON_LINE.match(name)) and person.group(1) in GIVEN_NAMES:
        name, start = name[person.end() :], start + person.end()
    if year := re.match(r"\d{4}\s*(?:--|[-–—])\s*", name):
        name, start = name[year.end() :], start + year.end()
    if lead := _LEAD.match(name):
        return name[lead.end() :], start + lead.end()
    return name, start


def _acceptable(name: str) -> bool:
    words = re.findall(r"[A-Za-z0-9*]+", name)
    if not words or len(name) > 110:
        return False
    if re.fullmatch(r"(?:the\s+)?(?:company|corporation|registrant|licensee|licensor)", name.strip(), re.I):
        return False
    # ran across a sentence end ("… PAH. The Company"), not a suffix's own period ("Co. Ltd.")
    if re.search(r"[a-zA-Z]{2}\.\s+(?!(?:Ltd|LTD|Limited|LIMITED|LLC|Inc|INC|KG)\b)[A-Z]", name):
        return False
    if re.search(r"\b(?:The|THE|the)\s+(?:Company|COMPANY)$", name):
        return False
    if all(w.lower() in _PLACE_WORDS for w in words):  # "a Delaware Limited Partnership"
        return False
    return not all(w.lower() in _GENERIC_WORDS for w in words)


@functools.lru_cache(maxsize=4096)
def _short_forms(name: str) -> tuple[str, ...]:
    """'Gilead Sciences, Inc.' → ['Gilead Sciences', 'Gilead']: the forms a text uses after the first."""
    base = re.sub(rf",?\s*{_SUFFIX}$", "", name).strip(" ,")
    forms = [base] if base and base != name else []
    first = base.split()[0] if base.split() else ""
    if len(first) >= 3 and first.lower() not in _GENERIC_WORDS and first[0].isupper() and first != base:
        forms.append(first)
    return tuple(forms)
