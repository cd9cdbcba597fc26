"""The entity layer: organizations, their defined terms and every place the text mentions them.

``entities(text, registrant)`` reads one stretch of normalized text and returns an ``Entities``:

- ``orgs``: the organizations named, each once, with the span of its first full name, its defined terms
  ("AVEO", "Licensee", "UCLB"), the role a contract's label gives it ("Licensee" → licensee) and its
  ticker ("(NASDAQ: GILD)");
- ``mentions``: every mention in text order, as ``Mention(org, start, end)``, where ``org`` is an index
  into ``orgs`` or ``REGISTRANT`` for "the Company", "we", "our" and "us" when no organization of the
  text took "Company" as its defined term.

Organizations are found by several kinds of evidence, none of them capitalization alone:
a corporate suffix in any case and across a line break ("Brilliant Digital Entertainment,\\nInc."),
an institution's head word ("University of …", "… Research Foundation", "Department of Energy"), a
defined term in parentheses that names what precedes it ('Eurolink ("Licensee")'), an exchange ticker
('Gilead Sciences, Inc. (NASDAQ: GILD)'), and the counterparty slot of an agreement ("an asset purchase
agreement with Harrow"). Short forms ("Gilead" for "Gilead Sciences, Inc.") are mentions of the full name.
Every pattern is bounded (word counts, gaps), so time grows linearly with the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from eightk.model import Ticker
from eightk.parse.registrant import norm_name

__all__ = ["COMPANY_HEAD", "CORPORATE_SUFFIX", "REGISTRANT", "Entities", "Mention", "Org", "entities"]

REGISTRANT = -1  # a mention of the registrant by pronoun or "the Company"

_CAP = r"(?:[A-Z][\w&.\-'’*]*|[a-z][A-Z][\w&.\-'’*]*|[0-9][\w\-]*[A-Za-z][\w\-]*|&)"  # a capitalized word ("eXIthera")
_JOIN = r"(?:of|and|de|del|la|for|the|du|des|van|von|zur|für)"
_SEP = r"(?:[ \t]{1,4}|[ \t]{0,4}\n[ \t]{0,12})"
_SUFFIX = (
    r"(?:Inc\.?|INC\.?|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp\.?|CORP\.?|Company|COMPANY|Co\.|CO\.|"
    r"Ltd\.?|LTD\.?|Limited|LIMITED|LLC|L\.L\.C\.|L\.P\.|LP|LLP|plc|PLC|P\.L\.C\.|AG|A\.G\.|N\.V\.|NV|B\.V\.|BV|"
    r"S\.A\.|SA|S\.p\.A\.|SpA|SPA|SE|GmbH|GMBH|K\.K\.|KK|SAS|S\.A\.S\.|AB|A/S|ASA|Oy|Pty\.?\s+Ltd\.?|PBC|"
    r"N\.A\.|Co\.,\s+Ltd\.?|Co\.\s+Ltd\.?)"
)
# "(Suzhou)" inside "Oxford University (Suzhou) Science & Technology Co., Ltd"; not a role label "(Licensor)"
_PAREN_WORD = (
    r"\((?!(?:the\s+)?(?:Licensor|Licensee|LICENSOR|LICENSEE|Buyer|Seller|Purchaser|Company)\))[A-Z][\w .&\-]{0,30}\)"
)
_SUFFIXED = re.compile(
    rf"(?<![\w&.\-'’*])({_CAP}(?:{_SEP}(?:{_CAP}|{_JOIN}|{_PAREN_WORD})){{0,11}}"
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
# '("AVEO")', '(the “Licensee”)', '(hereinafter, “PALOMAR”, as …)', '(herein known as "AMI")',
# '(hereinafter referred to as DVA)', '(hereinafter called "LICENSOR")'
_DEFINED = re.compile(
    r"\(\s*(?:(?:together\s+with[^()]{0,120}?|collectively\s+(?:with[^()]{0,80}?)?|individually\s+and\s+collectively\s+)?"
    r"(?:referred\s+to\s+(?:in\s+this\s+\w+\s+|herein(?:after)?\s+)?)?(?:as\s+)?)?(?:the\s+|hereinafter,?\s+(?:referred\s+to\s+as\s+|called\s+)?|herein\s+(?:known\s+as|called)\s+)?"
    r"(?:[“\"]\s*(?P<q>[^”\"()]{1,60}?)\s*[,]?[”\"“]|(?<=as\s|ed\s)(?P<u>[A-Z][A-Z0-9&\-]{1,20})\)|"
    r"(?P<q2>[A-Z][^“”\"()]{0,40}?)[”\"]\s*\))"  # an opening quote lost: '(OUI”)', '(the Licensee”)'
)
_BARE_LABEL = re.compile(
    r"[ \t]?\(\s*(?:the\s+)?(Licensee|Licensor|LICENSEE|LICENSOR|Buyer|Seller|Purchaser|BUYER|SELLER|PURCHASER|"
    r"Assignee|Assignor|ASSIGNEE|ASSIGNOR)\s*\)"
)
_OR_LABEL = re.compile(r"\s*(?:or|and)\s+(?:the\s+)?[“\"](\w+)[”\"]")
# "(CRT / Licensor)", "(Licensee / RPT)": a short name and a role label, unquoted, in one parenthesis
_SLASH_DEFINED = re.compile(r"\(\s*(?P<a>[A-Z][\w&\-]{1,20})\s*/\s*(?P<b>[A-Z][\w&\-]{1,20})\s*\)")
# a defined term that names an agreement, a territory or a deal, not a party
# "Chongqing Jingdong Junzhuo Pharmaceutical Co., Ltd., or CJ." — a defined term without parentheses
_OR_DEFINED = re.compile(r"(?<=[.,])\s+or\s+(?:the\s+)?[“\"]?(?P<u>[A-Z][A-Za-z0-9&\-]{1,12})[”\"]?(?=[,.;)])")
_OWNER_SLOT = re.compile(  # "exclusive rights to GPC Biotech’s satraplatin": the owner of what is licensed
    rf"\b(?:rights?|licen[cs]es?)\s+(?:to|for|under|of)\s+({_CAP}(?:[ \t]{{1,3}}{_CAP}){{0,3}})(?=[’']s\s)"
)
_ATTRIBUTIVE = re.compile(
    r"\)?\s*(?:technology|technologies|products?|platforms?|programs?|systems?|devices?|compounds?|assets|business|"
    r"patents?|trademarks?|brand|franchise|portfolio|molecules?|antibod(?:y|ies))\b"
)
_SHORT_WORD = re.compile(r"[ \t]?\(([A-Z][a-z][\w&\-]{1,30})\)")
_ACRONYM = re.compile(r"[ \t]?\(([A-Z][A-Z0-9&]{1,7}|[A-Z][A-Za-z0-9&]+(?:[ \t][A-Z][A-Za-z0-9&]+){1,2})\)")
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
_SUBJECT_VERB = re.compile(
    r"\b(?:announced|entered\s+into|signed|has\s+(?:signed|entered|licensed|granted|agreed)|gained|obtained|acquired)\b"
)
_NOT_NAME = re.compile(
    r"(?:The|This|Such|Each|Any|Its|Our|Their|Company|Registrant|Agreement|License|Licensee|Licensor|Party|Parties|"
    r"Seller|Buyer|Purchaser|Effective|Date|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Section|Article|Exhibit|Item|Note|Form|United|States|U\.S\.|Inc\.|Corp\.)$"
)
_LEAD = re.compile(
    r"^(?:(?:This|Our|Such|Each|Any|Under|In|On|As|If|For|With|And|By|From|Between|Among|To|At|Both|Pursuant|About|ABOUT|"
    r"Whereas|WHEREAS|AND|BETWEEN|AMONG|BY|By|Further|Additionally|Also|Accordingly|Recitals?|RECITALS?|BACKGROUND|Background|"
    r"(?:Registrant|REGISTRANT|Company|COMPANY)\s+(?:and|AND)|"  # "the Registrant and Eastman Kodak Co."
    r"(?:CEO|CFO|COO|President|Chairman|Officer|Director|Founder|Head)\s+of)(?:,)?\s+)+"
)
_JOINED = re.compile(
    "(?:"
    + "|".join(
        f"(?<={re.escape(w)})"
        for w in ("Inc.", "INC.", "Inc", "Ltd.", "LTD.", "LLC", "Corporation", "Corp.", "Corp", "Limited", "plc", "AG",
                  "Company", "Co.", "SA", "S.A.", "N.V.", "NV", "B.V.", "BV", "GmbH", "SE", "AB", "L.P.", "LP", "LLP",
                  "PLC", "CORPORATION", "LIMITED", "Incorporated", "A/S", "K.K.", "S.p.A.", "Pty Ltd")
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


_GROUP = re.compile(  # '(“Genentech,” each of Roche Basel and Genentech, individually and collectively, “Roche”)'
    r"\beach\s+of\s+(?P<a>[^,()“”\"]{2,60}?)\s+and\s+(?P<b>[^,()“”\"]{2,60}?),[^()“”\"]{0,80}?[“\"](?P<alias>[^”\"]{2,40})[”\"]"
)


@dataclass(slots=True)
class Entities:
    """The organizations of a text and their mentions in order (see the module docstring)."""

    orgs: list[Org]
    mentions: list[Mention]
    registrant: int | None = None  # the org that is the registrant, when the text names it

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside text[start:end], in order."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]


def _squash(s: str) -> str:
    return " ".join(s.split())


def _clean(name: str, start: int) -> tuple[str, int]:
    """Drop leading function words ("Under", "WHEREAS", "By and between") and a dateline's year
    ("2005--Chembio Diagnostics, Inc.") from a found name."""
    if cut := _CUT.match(name):
        name, start = name[cut.end() :], start + cut.end()
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


_SENTENCE_END = re.compile(  # a suffix that ends a sentence: "… with B Corp. B Corp. is the owner"
    r"\b(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|L\.P|N\.V|B\.V|S\.A|A\.G|K\.K|L\.L\.C|P\.L\.C|S\.p\.A)\.(?=\s+[A-Z])(?!\s+(?:Ltd|LTD|Limited|LIMITED|LLC|Inc|INC|KG)\b)"
)
_SUFFIX_WORD = re.compile(rf"{_SUFFIX}(?![\w])")  # preceded by a space or comma: checked in _windowed
_HEAD_WORD = re.compile(_HEAD)
_REACH = 240  # a name's words before its suffix or head word fit in this many characters


def _windowed(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of ``pattern`` that hold a ``trigger`` (a suffix, an institution's head word), tried only
    near each trigger: time stays linear on long runs of capitalized words or spaces that hold none."""
    out: list[re.Match[str]] = []
    for t in trigger.finditer(text):
        if out and out[-1].end() >= t.end():
            continue
        if trigger is _SUFFIX_WORD and (
            not t.start()
            or text[t.start() - 1] not in " \t\n,"
            or text[max(0, t.start() - 4) : t.start()] in ("the ", "The ")
        ):
            continue  # "the Company" is no name
        lo = max(0, t.start() - _REACH, out[-1].end() if out else 0)
        for m in pattern.finditer(text, lo, min(len(text), t.end() + _REACH)):
            if m.start() <= t.start() and m.end() >= t.end():
                out.append(m)
                break
    return out


def _found(text: str) -> list[tuple[str, int, int]]:
    """Names with their offsets, from suffixes, institutions, tickers and name slots (may overlap)."""
    out: list[tuple[str, int, int]] = []
    for pattern, trigger in ((_SUFFIXED, _SUFFIX_WORD), (_INSTITUTION, _HEAD_WORD)):
        for m in _windowed(pattern, trigger, text):
            g = 1 if m.group(1) else 2
            name, start = _clean(m.group(g), m.start(g))
            if pattern is _INSTITUTION and (marker := re.match(r"[A-Z0-9]\.\s+(?=[A-Z][a-z])", name)):
                name, start = name[marker.end() :], start + marker.end()  # a list marker "A."
            name = re.sub(r"\s*\([A-Z][A-Z0-9&]{1,7}\)$", "", name.rstrip(" ,\n\t"))  # "… Foundation (PSRF)"
            words = name.split()
            if len(words) >= 4 and len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2 :]:
                name = " ".join(words[: len(words) // 2])  # "About Toshiba Corporation" over "Toshiba Corporation is"
            parts = _JOINED.split(name)
            if pattern is _SUFFIXED and len(parts) == 1 and (end := _SENTENCE_END.search(name)):
                parts = [name[: end.end()], name[end.end() :].lstrip()]  # two names, one a sentence's last
            left, sep, right = name.partition(" and ")
            if len(parts) == 1 and sep and _HEAD_WORD.search(left) and not _HEAD_WORD.search(right):
                parts = [left, right]  # "X University Medical Center and Y BV": an institution and a company
            for part in parts:  # "X Inc. and Y Inc.": two names
                at = start + name.find(part)
                if _acceptable(part):
                    out.append((part, at, at + len(part)))
    for m in _TICKER.finditer(text):
        b = _BEFORE_TICKER.search(text, max(0, m.start() - 80), m.start())
        if b:
            name, start = _clean(b.group(1), b.start(1))
            if _acceptable(name):
                out.append((name, start, start + len(name)))
    out += _slotted(text)
    return out


def _slotted(text: str) -> list[tuple[str, int, int]]:
    """Names without a suffix, from the places only a company stands: "X, a biopharmaceutical company",
    "X announced a … agreement", "an agreement with X", "granted X"."""
    out: list[tuple[str, int, int]] = []
    for pattern in (_APPOSITIVE, _SUBJECT_SLOT, _PAYER_SLOT, _SLOT, _OWNER_SLOT):
        trigger = {_APPOSITIVE: _APPOSITIVE_HEAD, _SUBJECT_SLOT: _SUBJECT_VERB, _PAYER_SLOT: _PAYER_VERB}.get(pattern)
        found = _windowed(pattern, trigger, text) if trigger is not None else pattern.finditer(text)
        for m in found:
            name, start = _clean(m.group(1), m.start(1))
            name = re.sub(r"[\s,.;:]+$", "", name)
            while name and (_NOT_NAME.search(name.split()[-1]) or re.fullmatch(_JOIN, name.split()[-1])):
                name = " ".join(name.split()[:-1])  # "… with Harrow Effective …"
            if end := re.search(r"[a-z]{2}\.\s", name + " "):  # "from Gloria. The upfront …": a sentence ends it
                name = name[: end.start() + 2]
            name = re.sub(r"[\s,.;:]+$", "", name)
            for part in re.split(r"\s+and\s+", name):  # "JT and Torii": two names in a slot
                at = start + name.find(part)
                ok = part and _acceptable(part) and not _NOT_NAME.match(part.split()[0])
                if ok and not _NOT_PARTY_TERM.search(part):
                    out.append((part, at, at + len(part)))
    return out


@functools.lru_cache(maxsize=4096)
def _short_forms(name: str) -> tuple[str, ...]:
    """'Gilead Sciences, Inc.' → ['Gilead Sciences', 'Gilead']: the forms a text uses after the first."""
    base = re.sub(rf",?\s*{_SUFFIX}$", "", name).strip(" ,")
    forms = [base] if base and base != name else []
    first = base.split()[0] if base.split() else ""
    if len(first) >= 3 and first.lower() not in _GENERIC_WORDS and first[0].isupper() and first != base:
        forms.append(first)
    return tuple(forms)


def _definitions(text: str, occ: list[Org]) -> None:
    """Attach each parenthesized defined term to the organization it names (the nearest name ending
    before it, within a short reach), or make one from the capitalized words right before it."""
    for o in list(occ):  # "Bristol-Myers Squibb Company (BMS)": an acronym right after the name
        if (bare := _BARE_LABEL.match(text, o.end)) and o.label is None:  # "Virtuel Medical Devices, Inc. (Licensee)"
            o.label = _ROLE_LABEL[bare.group(1).lower()]
            continue
        if (acro := _ACRONYM.match(text, o.end)) and acro.group(1) not in o.aliases:
            short = acro.group(1)  # "(BMS)", "(NW Medical)"; not "(Licensee)", "(United States)"
            if " " not in short or (short.lower() not in _ROLE_LABEL and not _NOT_PARTY_TERM.search(short)
                                    and not all(w.lower() in _PLACE_WORDS for w in short.split())):
                o.aliases.append(short)
        elif (word := _SHORT_WORD.match(text, o.end)) and word.group(1) in set(o.name.split()) - set(o.aliases):
            o.aliases.append(word.group(1))  # "Harbin Gloria Pharmaceuticals Co., Ltd. (Gloria)": a word of the name
    since = 0  # where the phrase a definition closes begins: after the previous definition
    found = [*_DEFINED.finditer(text), *_OR_DEFINED.finditer(text), *_SLASH_DEFINED.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        alias, label = _term_of(m)
        if label is None and (more := _OR_LABEL.match(text, m.end())):  # '(… as “WVURC” or “Licensor”)'
            label = _ROLE_LABEL.get(more.group(1).lower())
        begin, since = max(since, m.start() - 260), m.end()
        if not alias or len(alias.split()) > 6 or (label is None and _NOT_PARTY_TERM.search(alias)):
            continue
        owner = _owner(text, occ, begin, m.start(), alias)
        if owner is None:
            window = text[max(0, m.start() - 80) : m.start()]
            b = re.search(rf"({_CAP}(?:{_SEP}(?:{_CAP}|{_JOIN})){{0,5}})[\s,\-–—]*(?:or\s+order\s*)?$", window)
            if not b or not _acceptable(
                b.group(1)
            ):  # else the phrase's first words: "and FUTURE MEDIA, a … corporation"
                window = text[begin : m.start()]
                b = re.search(
                    rf"(?:\band|\bbetween|\bBETWEEN|\bAND)\s+({_CAP}(?:[ \t]{{1,3}}(?:{_CAP}|{_JOIN})){{0,5}})\s*[,(]",
                    window,
                )
            if not b:
                continue
            name, start = _clean(b.group(1), m.start() - len(window) + b.start(1))
            if (
                not _acceptable(name)
                or _ATTRIBUTIVE.match(text, m.end())  # "the High Intensity Focused Ultrasound (“HIFU”) technology"
                or _NOT_NAME.match(name.split()[0])
                or _NOT_PARTY_TERM.search(name)
                or alias.lower() == name.lower()
                or (label is None and not _names_it(alias, name))
            ):
                continue
            occ.append(Org(_squash(name), start, start + len(name)))
            owner = len(occ) - 1
        org = occ[owner]
        if label and org.label is None:
            org.label = label
        if alias not in org.aliases and alias != org.name:
            org.aliases.append(alias)


# what a definition does not reach back across: a quote, a sentence end (not an address's "No. 5" or
# "St. Louis"), a blank line
_BREAK = re.compile(
    r"[“\"]|[a-z]\.(?<!\bNo\.)(?<!\bSt\.)(?<!\bAve\.)(?<!\bBlvd\.)(?<!\bSte\.)(?<!\bRd\.)(?<!\bDr\.)(?<!\bFl\.)"
    r"(?<!\bMt\.)(?<!\bFt\.)(?<!\bPkwy\.)(?<!\bHwy\.)\s+[A-Z]|\n\s*\n"
)


def _owner(text: str, occ: list[Org], begin: int, at: int, alias: str = "") -> int | None:
    """The organization a definition ``alias`` at ``at`` names: the nearest name it abbreviates ("USHIFU,
    LLC (“USHIFU”)"), else the last name the phrase opens with "and" or "between" ("between A, …, at B
    Street, and C ("C'")" names C), else the first name of its phrase ("X, a company …, whose office is at
    Y ("X'")" names X)."""
    cands = [
        i
        for i, o in enumerate(occ)
        if begin <= o.start
        and o.end <= at
        and not _BREAK.search(text, o.end, at)
    ]
    if not cands:
        return None
    named = [i for i in cands if alias and _names_it(alias, occ[i].name)]
    if named:  # "the sale to USHIFU, LLC (“USHIFU”)": the name the term abbreviates
        return max(named, key=lambda i: occ[i].start)
    led = [
        i
        for i in cands
        if re.search(r"(?:\band|\bAND|\bbetween|\bBETWEEN)\s+$", text[max(0, occ[i].start - 9) : occ[i].start])
    ]
    return max(led, key=lambda i: occ[i].start) if led else min(cands, key=lambda i: occ[i].start)


def _term_of(m: re.Match[str]) -> tuple[str, str | None]:
    """A definition's term and the role label it gives, if any: "Licensee" gives ("Licensee", "licensee"),
    "CRT / Licensor" gives ("CRT", "licensor")."""
    groups = m.groupdict()
    if "a" in groups:
        a, b = groups["a"], groups["b"]
        la, lb = _ROLE_LABEL.get(a.lower()), _ROLE_LABEL.get(b.lower())
        return (b, la) if la and not lb else (a, lb) if lb and not la else ("", None)
    alias = _squash(groups.get("q") or groups.get("q2") or groups.get("u") or "").strip(" ,.")
    side = re.fullmatch(r"(\w+)\s+(?:parent|guarantor|affiliate|holdco|holdings)", alias.lower())
    return alias, _ROLE_LABEL.get(side.group(1) if side else alias.lower())  # "Licensee Parent": its side


def _names_it(alias: str, name: str) -> bool:
    """Whether a defined term is a short name for ``name``: its words are among the name's ("Titan" for
    "TITAN SPORTS"), or its letters are the name's initials ("DVA"). "Uber Eats India" does not name "India"."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", name.lower())]
    short = [w for w in re.findall(r"[A-Za-z0-9]+", alias.lower())]
    if short and all(w in words for w in short):
        return True
    letters = alias.replace(".", "").replace(" ", "").lower()
    return len(letters) >= 2 and all(c in "".join(w[0] for w in words) for c in letters)


def _dedupe(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Non-overlapping occurrences, the longer one first where two overlap. The kept spans never overlap,
    so each candidate is checked against its two neighbours by start (bisect), not against every one."""
    kept: list[tuple[int, int, str]] = []  # (start, end, name), sorted by start
    for f in sorted(found, key=lambda f: (-(f[2] - f[1]), f[1])):
        name, a, b = f
        i = bisect.bisect_left(kept, (a,))
        if (i and kept[i - 1][1] > a) or (i < len(kept) and kept[i][0] < b):
            continue
        kept.insert(i, (a, b, name))
    return [(name, a, b) for a, b, name in kept]


@functools.lru_cache(maxsize=16)
def entities(text: str, registrant: str | None = None) -> Entities:
    """Organizations and their mentions in ``text`` (see the module docstring). ``registrant`` is the
    filer's name when known: the organization of that name is ``Entities.registrant``. The families read
    the same regions, so results are cached: callers must not change what they get back."""
    occ = [Org(_squash(n), s, e) for n, s, e in _dedupe(_found(text)) if norm_name(n)]
    occ = _trade_names(text, occ)
    _definitions(text, occ)
    _tickers(text, occ)
    occ.sort(key=lambda o: o.start)
    _split_joined(occ)
    return _mentions(text, _merge(occ), registrant)


_DBA = re.compile(r"\s*,?\s*(?:d/b/a|dba|doing\s+business\s+as|also\s+known\s+as|a/k/a)\s+(?:the\s+)?", re.I)


def _trade_names(text: str, occ: list[Org]) -> list[Org]:
    """ "The General Hospital Corporation, d/b/a Massachusetts General Hospital": the trade name is the
    same organization (an alias of the first), not a second party."""
    occ = sorted(occ, key=lambda o: o.start)
    out: list[Org] = []
    for o in occ:
        prev = out[-1] if out else None
        if prev is not None and prev.end <= o.start and _DBA.fullmatch(text, prev.end, o.start):
            if o.name not in prev.aliases:
                prev.aliases.append(o.name)
            continue
        out.append(o)
    return out


def _split_joined(occ: list[Org]) -> None:
    """'Displays and Atmel Corporation' where "Displays" is another company's defined term: the name is
    the part after "and"."""
    terms = {a for o in occ for a in o.aliases}
    terms |= {f for o in occ if " and " not in o.name for f in _short_forms(o.name)}
    for o in occ:
        head, sep, rest = o.name.partition(" and ")
        if sep and head in terms and rest:  # also "Matritech and Inverness Medical Innovations, Inc."
            o.start, o.name = o.start + len(head) + len(sep), rest


def _tickers(text: str, orgs: list[Org]) -> None:
    for o in orgs:
        t = _TICKER.match(text, o.end)
        if t and o.ticker is None:
            ex = "Nasdaq" if t.group("ex").upper().startswith("NASDAQ") else t.group("ex")
            o.ticker = Ticker(ex, t.group("sym"))


def _same_company(o: Org, p: Org) -> bool:
    key = norm_name(o.name)
    return bool(key) and (
        key == norm_name(p.name)
        or o.name in p.aliases
        or o.name in _short_forms(p.name)
        or p.name in _short_forms(o.name)
        or (o.name.isupper() and o.name in [f.upper() for f in _short_forms(p.name)])  # "CHEMBIO"
        # "Stanford EB-101" (a slot's guess, no suffix) after "(“Stanford”)"; "Uber India Systems Private
        # Limited" is a company of its own, not "Uber"
        or (not _SUFFIX_WORD.search(o.name) and any(a in _short_forms(o.name) for a in p.aliases))
    )


def _merge(orgs: list[Org]) -> list[Org]:
    """One org per company: a later org whose name is a short form or alias of an earlier one joins it."""
    out: list[Org] = []
    for o in orgs:
        twin = next((p for p in out if _same_company(o, p)), None)
        if twin is None:
            out.append(o)
            continue
        for a in [o.name, *o.aliases]:
            if a not in twin.aliases and a != twin.name:
                twin.aliases.append(a)
        twin.label = twin.label or o.label
        twin.ticker = twin.ticker or o.ticker
    return out


def _wordish(c: str) -> bool:
    return c.isalnum() or c in "_&"


def _spaced_end(text: str, at: int, words: list[str]) -> int:
    """Where ``words`` end when they stand at ``at`` separated by any run of white space, else -1."""
    j = at
    for k, w in enumerate(words):
        if k:
            start = j
            while j < len(text) and text[j].isspace():
                j += 1
            if j == start:
                return -1
        if not text.startswith(w, j):
            return -1
        j += len(w)
    return j


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as whole words (a space in it matches any run of white space,
    a line break included). Found with str.find: one alternation of every form, compiled per text, cost
    more than the search."""
    head = form.split(" ", 1)[0]
    i = text.find(head)
    while i >= 0:
        if i == 0 or not _wordish(text[i - 1]):
            j = i + len(form) if head == form else _spaced_end(text, i, form.split(" "))
            if j > 0 and (j == len(text) or not _wordish(text[j])):
                yield i, j
        i = text.find(head, i + 1)


_HEAD_FORM = re.compile(r"\b(Foundation|University|Institute|Trust|Hospital|College|Agency|Council|Society)$")


def _head_forms(orgs: list[Org]) -> dict[str, int]:
    """ "Foundation" for the one organization of the text named "… Foundation" (read in "the Foundation")."""
    heads: dict[str, list[int]] = {}
    for i, o in enumerate(orgs):
        if h := _HEAD_FORM.search(o.name):
            heads.setdefault(h.group(1), []).append(i)
    return {h: which[0] for h, which in heads.items() if len(which) == 1}


def _label_forms(orgs: list[Org]) -> dict[str, int]:
    """ "Licensee", "the Licensor", "LICENSEE": a contract's role label names the one organization it was
    given to (none when two share a label)."""
    holders: dict[str, list[int]] = {}
    for i, o in enumerate(orgs):
        if o.label in ("licensee", "licensor", "buyer", "seller"):
            holders.setdefault(o.label, []).append(i)
    out: dict[str, int] = {}
    for label, which in holders.items():
        if len(which) == 1:
            for word in {k for k, v in _ROLE_LABEL.items() if v == label}:
                out[word.capitalize()] = out[word.upper()] = which[0]
    return out


def _mentions(text: str, orgs: list[Org], registrant: str | None) -> Entities:
    forms: dict[str, int] = {}
    reg_org: int | None = None
    reg_key = norm_name(registrant) if registrant else None
    for i, o in enumerate(orgs):
        if o.label == "company" or (reg_key and norm_name(o.name) == reg_key):
            reg_org = i if reg_org is None else reg_org
        for f in [o.name, *o.aliases, *_short_forms(o.name)]:
            if f.lower() in ("company", "registrant") or len(f) < 2:
                continue
            forms.setdefault(f, i)
            if f in _short_forms(o.name) and " " not in f:
                forms.setdefault(f.upper(), i)  # "ONO" for Ono Pharmaceutical Co Ltd
    for h, i in _head_forms(orgs).items():
        forms.setdefault(h, i)
    for word, i in _label_forms(orgs).items():
        forms.setdefault(word, i)
    found: list[Mention] = []
    candidates = sorted(
        ((a, b, i) for f, i in forms.items() for a, b in _occurrences(text, f)), key=lambda c: (c[0], c[0] - c[1])
    )
    last_end = -1
    for a, b, i in candidates:  # leftmost first, the longest form where two start together
        if a >= last_end:
            found.append(Mention(i, a, b))
            last_end = b
    for g in _GROUP.finditer(text):  # a group term names every member at once
        members = [i for part in (g.group("a"), g.group("b")) for f, i in forms.items() if _squash(part) == _squash(f)]
        if len(set(members)) < 2:
            continue
        for m in re.finditer(rf"(?<![\w&]){re.escape(g.group('alias'))}(?![\w&])", text):
            found = [x for x in found if not (x.start == m.start() and x.end == m.end())]
            found += [Mention(i, m.start(), m.end()) for i in dict.fromkeys(members)]
    taken = sorted((m.start, m.end) for m in found)
    starts = [a for a, _ in taken]
    for m in _PRONOUN.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][0] <= m.start() < taken[k][1]:
            continue
        found.append(Mention(REGISTRANT if reg_org is None else reg_org, m.start(), m.end()))
    found.sort(key=lambda m: m.start)
    return Entities(orgs, found, reg_org)
