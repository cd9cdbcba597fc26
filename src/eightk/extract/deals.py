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

import dataclasses
import datetime as _dt
import functools
import re
from dataclasses import dataclass, field

from eightk.extract.deal_roles import COMPLEMENT, LICENSED_THING, Votes, roles
from eightk.extract.deal_terms import Terms, milestones_total, read_terms, title_exclusive
from eightk.extract.entities import REGISTRANT, Entities, Mention, entities
from eightk.extract.money import money_in
from eightk.extract.terms import other_terms
from eightk.extract.text import Region, sentences, span, squash
from eightk.model import Deal, DealUpdate, Event, FieldSource, Filing, MilestonesSplit, Money, Party, Royalties, Span
from eightk.parse.registrant import norm_name
from eightk.parse.text import fold

__all__ = ["deals"]

_I = re.IGNORECASE
_WINDOW = 12_000  # deals are told near the top of a document
_ITEM_CODES = ("1.01", "1.02", "2.01", "7.01", "8.01")
_QUICK = re.compile(
    r"licen[cs]|collaborat|develop\w*\s+and\s+(?:market|commerciali)|purchase\s+agreement|assignment|co-develop|"
    r"partnership|alliance|jointly|joint\s+develop|divestiture|transfer\s+to\s|"
    r"(?:sold|sell|sale\s+(?:to|of))\s+(?:[\w\-,.’']+\s+){0,8}?(?:assets|rights|product\s+lines?|subsidiary|division|royalties|royalty)\b|"
    r"(?:acquired|purchased|acquisition\s+of|purchase\s+of)\s+(?:[\w\-]+\s+){0,5}?assets\s+(?:of|from)\b|"
    r"(?:acquir\w*|purchas\w*|bought)\s+(?:an?\s+|the\s+|certain\s+)?(?:[\w\-]+\s+){0,2}?(?:royalty|milestone)(?:\s+and\s+(?:royalty|milestone))?\s+(?:streams?|interests?|obligations?|rights?|payments?)\b"
)
_KIND = (
    ("asset_purchase", re.compile(
        r"asset\s+(?:and\s+\w+\s+)?purchase|purchase\s+and\s+sale|(?:trademark|patent)\s+(?:\w+\s+)?assignment|"
        r"(?:asset|product)\s+(?:sale|transfer)\s+agreement|"
        r"to\s+sell\s+(?:its|our)\s+(?:[\w\-.,]+\s+){1,6}?(?:subsidiary|division|business\s+unit)\s+(?:and\s+[^.;]{0,80}?assets\s+)?(?:[^.;]{0,40}?)to\s+(?=[A-Z])|(?:acquisition|purchase)\s+of\s+(?:the\s+|certain\s+)?(?:[\w\-]+\s+){0,3}?assets\s+(?:of|from)\b|to\s+(?:sell|acquire)\s+(?:all\s+|certain\s+)?(?:of\s+)?"
        r"(?:its\s+|our\s+|the\s+)?(?:[\w\-]+\s+){0,3}?(?:right,\s+title|assets|rights\s+to|product\s+line|business)|"
        r"\bdivestiture\s+of\s+(?:[\w®\-,]+\s+){1,12}?to\s+(?=[A-Z])|"  # "the divestiture of Primsol® … to Allegis"
        r"\b(?:transfer|sell|assign)\s+to\s+(?:[\w\-]+\s+){1,4}?(?:all\s+|substantially\s+all\s+)?(?:of\s+)?"
        # "will transfer to Relief all of the assets"
        r"(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w\-]+\s+){0,5}?assets\b|"
        r"\b(?:sold|sells|sale\s+(?:to\s+[^.;]{1,60}?\s+)?of)\s+(?:(?:all|substantially|certain|of|the|its|our)\s+){0,4}"
        # "has sold assets", "the sale to X of all of the rights to", "the sale of its OP-1 product family"
        r"(?:[\w\-]+\s+){0,3}?(?:assets|rights\s+to|product\s+(?:lines?|family|families|portfolio))\b|"
        r"to\s+acquire\s+substantially\s+all\s+(?:of\s+)?the\s+assets\s+of\b|"
        r"\b(?:sell|sale\s+of|sold|monetiz\w+)\s+(?:[\w\-’']+\s+){0,6}?(?:its|our|their|future|remaining|[\w\-]+[’']s)\s+"
        r"(?:[\w\-]+\s+){0,2}?(?:royalties|royalty\s+(?:streams?|interests?|rights?))\b|"
        # "to sell … the Company’s remaining future royalties"
        r"\broyalty\s+(?:sale|purchase|monetization)\s+agreement",
        _I)),
    ("collaboration", re.compile(
        r"collaborat\w*|co-?develop\w*|co-?promot\w*|(?<!limited\s)partnership(?!\s+law)|strategic\s+alliance|"
        r"jointly\s+develop|"
        r"joint\s+development", _I)),
    ("license", re.compile(
        r"licen[cs](?:e|ing|ed)\b|sublicen[cs]e|licen[cs]ing|"
        r"agreement\s+(?:for|to)\s+(?:the\s+)?develop\w*\s+and\s+(?:market|commerciali[sz])\w*", _I)),
)  # fmt: skip
_ENTRY = re.compile(
    r"\b(?:entered\s+into|enters?\s+into|entering\s+into|signed|executed|(?:has|have)\s+agreed|concluded|"
    r"(?<!recently\s)(?<!previously\s)announc(?:ed|es|e|ing)(?!\s+(?:it\s+(?:was|is|would)|plans?|an?\s+intent|that\s+it\s+is\s+exploring))|"
    r"(?:is|was)\s+(?:made|entered)|made\s+(?:and\s+entered\s+)?(?:as\s+of|this|effective|between)|is\s+between|"
    r"(?:have|has)\s+(?:exclusively\s+)?licensed|today\s+announced|(?:execution|signing)\s+of(?=[^.;]{0,60}\bagreements?\s+with\b)|signs?|"
    r"(?:has|have)\s+(?:formed|established|acquired|in-licensed|out-licensed)|agreed\s+to\s+(?:license|acquire|sell|grant)|"
    r"(?:formed|established|launched)\s+(?:an?\s+)?(?:\w+\s+){0,3}(?:collaboration|partnership|alliance))\b",
    _I,
)
# rarer entries, tried only when a sentence holds one of their words (a long alternation costs at every word)
_ENTRY_WORDS = ("sold", "sale", "reach", "entered", "collaborate", "co-", "codevelop", "copromote", "partner", "team",
                "inked", "finali")
_ENTRY_MORE = re.compile(
    r"\b(?:(?<!previously\s)(?:sold|has\s+sold|completed\s+the\s+sale\s+of)\s+(?:[\w\-]+\s+){0,6}?(?:assets|product\s+lines?)"
    r"(?=[^.;]{0,200}\b(?:to|with)\s+[A-Z])|"
    r"reach(?:ed|es)\s+(?:an?\s+)?(?:definitive\s+|final\s+)?agreement|entered\s+(?:an?|the)\s+(?=(?:[\w\-]+\s+){0,5}agreement)|"
    r"(?:agreed|agree|will|to)\s+(?:to\s+)?(?:collaborate|co-?develop|co-?promote|partner)\b(?!\s+(?:on|in)\s+(?:future|additional))|"
    r"(?:partnered|partners|teamed(?:\s+up)?|teams(?:\s+up)?)\s+with|inked|finali[sz]ed)\b",
    _I,
)


def _entry(sent: str) -> re.Match[str] | None:
    """The verb that enters a deal in a sentence ("entered into", "signed", "announced", "reached an
    agreement", "teamed up with", "sold … assets … to"), or None."""
    if m := _ENTRY.search(sent):
        return m
    low = sent.lower()
    return _ENTRY_MORE.search(sent) if any(w in low for w in _ENTRY_WORDS) else None
_CONTRACT_OPENING = re.compile(
    r"[\s\S]{0,1500}?(?:^|\n|(?<=\s)(?=THIS\s))\W*(?P<this>THIS|This|AGREEMENT)\s+(?:[\w\-]+\s+){0,8}?(?:AGREEMENT|[Aa]greement|LICEN[CS]E|made)\b.{0,400}?\b(?:between|BETWEEN|among|AMONG)\b",
    re.S,
)
# a title page: "DEVELOPMENT AND LICENSE AGREEMENT / between / X (the "Licensor") / and / Y (the "Licensee")"
_TITLE_OPENING = re.compile(
    r"[\s\S]{0,1500}?(?:^|\n)[ \t]*(?P<this>[A-Z][A-Z ,\-&]{2,80}?(?:AGREEMENT|LICEN[CS]E))[ \t]*\n[\s|]*"
    r"(?:by\s+and\s+)?(?:between|BETWEEN|among|AMONG)\b"
)
_OPENING_END = re.compile(
    r"\bWHEREAS\b|\bRECITALS?\b|\bBACKGROUND\b|\bNOW,?\s+THEREFORE\b|\bWITNESSETH\b|\n\s*1\.\s+(?:DEFINITIONS|Definitions)|\bRecitals?\b|\bwho\s+agree\b"
)
_GRANT_ANCHOR = re.compile(
    r"\b(?:granted|grants|granting|has\s+licensed|will\s+license|gained|obtained|acquired|licensed)\b"
    r"(?=[^.;]{0,80}?\b(?:an?\s+)?(?:exclusive|non-?exclusive|"
    r"worldwide|sole|perpetual|royalty-bearing)?[\s,\-\w]{0,40}?\b(?:licen[cs]e|rights?)\b)|"
    r"\breceiv(?:es|ed)\s+(?:an?\s+|the\s+)?(?:(?:exclusive|non-?exclusive|co-exclusive|worldwide|global|sole|perpetual),?\s+)+"
    r"(?:rights?|licen[cs]e)\b|"  # "Pharmacia receives exclusive, worldwide rights to develop"
    r"\b(?:acquired|purchased)\s+(?:[\w\-]+\s+){0,5}?assets\s+(?:of|from)\b|"  # "acquired certain assets from Hatch"
    r"\b(?:acquired|purchased)\s+from\s+(?:[^.;]|\.(?=\s+[a-z]|,)){3,80}?\bassets\b|"
    # "the grant by X of rights … to Y"
    r"\bgrant\s+by\s+(?:the\s+)?[A-Z][^.;]{0,60}?\s+of\s+(?:[\w\-]+\s+){0,3}?(?:rights|licen[cs]es?)\b|"
    r"\b(?:acquired|acquiring|purchased|purchasing|bought)\s+(?:an?\s+|the\s+|certain\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:royalty|milestone)(?:\s+and\s+(?:royalty|milestone))?\s+(?:streams?|interests?|obligations?|payments?)\b"
    r"(?=[^.;]{0,160}\bfrom\b)"  # "purchased a royalty stream paid on the net sales of X from Y"
)
_SEPARATE = re.compile(
    r"\W*(?:(?:Additionally|Also|In\s+addition|Further),?\s+)?(?:in\s+a\s+(?:separate|related|second)|Separately|In\s+another|"
    r"In\s+an\s+unrelated)\b",
    _I,
)
# "As a result of the completion of this purchase, X … acquired the commercial rights": the closing told on
_AFTER_CLOSING = re.compile(
    r"\b(?:completion|closing|consummation)\s+of\s+(?:this|the|such)\s+(?:purchase|acquisition|transaction|sale)\b", _I
)
_UNDER_THE_AGREEMENT = re.compile(  # "Under the Columbia Agreement, …": more of the deal told above
    r"\W*(?:Under|Pursuant\s+to|In\s+connection\s+with|As\s+part\s+of|In\s+accordance\s+with)\s+(?:the\s+terms\s+of\s+)?"
    r"(?:the|this|such|that|each)\b"
)
_SELF_REFERENCE = re.compile(r"\bthis\s+(?:[\w\-]+\s+){0,6}(?:agreement|licen[cs]e)\b", _I)
_DEFINITION = re.compile(
    r"[”\"]\s*(?:shall\s+)?(?:mean|means|refers?\s+to)\b|^\s*\(?[a-z0-9]{1,3}[.)]\s+(?:The\s+term\s+)?[“\"]"
)
_UPDATE = (
    ("termination", re.compile(r"\bterminat\w*", _I)),
    ("option_exercise", re.compile(r"\bexercis\w+\s+(?:its|the|an|their|our)\s+(?:\w+\s+){0,2}option", _I)),
    ("amendment", re.compile(r"\bamend(?:ment|ed|s|ing)?\b|\brestat(?:ed|ement)\b|\bsupplement\s+to\b|"
                             r"\b(?:expan(?:sion|ded|ds?)|extension|extend(?:s|ed)?)\s+(?:of\s+)?(?:its\s+|the\s+|their\s+|our\s+)?"
                             r"(?:[\w\-]+\s+){0,5}?(?:collaboration|agreement|partnership|licen[cs]e|alliance)", _I)),
    ("closing", re.compile(r"\b(?:completed|closed|closing\s+of|consummat\w+)\b.{0,80}\bpreviously\s+announced|"
                           r"\bpreviously\s+announced\b.{0,80}\b(?:closed|completed|closing)", _I | re.S)),
)  # fmt: skip
_RECOUNT = re.compile(
    r"\b(?:previously|originally|(?<!that\s)(?<!it\s)(?<!we\s)(?<!they\s)had)\s+(?:\w+\s+)?(?:entered|signed|executed)\b|\bearlier\s+(?:this|in\s+the)\s+(?:year|quarter|month)\b|\brecently\s+announced\b|\bare\s+parties\s+to\b|\bhave\s+previously\b|\bunder\s+the\s+(?:existing|prior)\b",
    _I,
)
_MILESTONE_UPDATE = re.compile(
    r"\b(?:achieved|received|receipt\s+of|earned|triggered)\b.{0,80}\bmilestone|"
    r"\bmilestone\s+payment\s+(?:from|to)\b",
    _I | re.S,
)
_PENDING = re.compile(r"\b(?:agreements?|deal|contract|arrangement|term\s+sheet)\b", _I)
_OTHER_AGREEMENT = re.compile(r"\b(?:entered\s+into|enters\s+into|signed|executed)\b[^.;]{0,120}\bagreement\b", _I)
_CLOSING_UPDATE = re.compile(
    r"\b(?:received|completed|closed|announced)\b.{0,120}\bclosing\s+of\s+(?:the\s+|a\s+|its\s+)?", _I | re.S
)
_ANNOUNCED_BEFORE = re.compile(
    r"\W*As\s+(?:was\s+|we\s+|it\s+|the\s+Company\s+)?(?:previously\s+|had\s+|has\s+|have\s+)?(?:been\s+)?"
    r"(?:previously\s+)?(?:announced|disclosed|reported)\s+(?:on|in)\b",
    _I,
)
# "a corporation, partnership, joint venture or trust": boilerplate, not a deal's kind, unless a stronger word
_ONLY_PARTNERSHIP = re.compile(
    r"^(?!.*(?:collaborat|licen[cs]|co-?develop|strategic\s+alliance|joint\s+development)).*partnership", _I | re.S
)
# "If X exercises the option and enters into the license agreement, …"; "The agreement, as amended, gave …":
# a condition, or the agreement told of already, opens no deal
_HYPOTHETICAL = re.compile(
    r"\W*(?:If|Should|Unless|Once|In\s+the\s+event|Upon\s+(?:the\s+)?exercise|"
    r"The\s+(?:[\w\-]+\s+){0,3}?(?:[Aa]greement|[Ll]icen[cs]e)\s*,?\s+(?:as\s+amended|which|that|gave|gives|provides))\b"
)
# "The Company enters into research, development and license agreements in the ordinary course of business":
# what a company does as a rule, not a deal
_HABITUAL = re.compile(
    r"\b(?:in\s+the\s+(?:ordinary|normal)\s+course|from\s+time\s+to\s+time|(?:typically|generally|routinely|often)\s+"
    r"(?:enters?|signs?|licen[cs]es?|grants?)|may\s+(?:in\s+the\s+future\s+)?(?:enter|seek\s+to\s+enter))\b",
    _I,
)
_OF_BEFORE = re.compile(r"\b(?:of|by)\s+(?:the\s+)?\Z")


def _hangs_from(body: str, m: Mention) -> bool:
    """Whether a mention is the object of "of"/"by" ("a subsidiary of P"), not a subject."""
    return bool(_OF_BEFORE.search(body, max(0, m.start - 12), m.start))


_STOP = re.compile(
    r"^\s*(?:About\s+[A-Z]|ABOUT\s+[A-Z]|Forward[-\s]Looking|Safe\s+Harbor|Cautionary|Contacts?:|Investor\s+Contact)"
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b",
    _I,
)
_SUBJECT = re.compile(  # "licensed" as a verb (lower case), not the defined term "Licensed Products"
    r"licen[cs]ed\s+(?:to\s+)?(?:[A-Z][\w\-]*(?:'s|’s)\s+)?(?P<s>(?:[\w\-()]+\s+){0,8}?"
    r"(?:[Tt]echnology|[Tt]echnologies|[Pp]latform|[Pp]atents?|[Cc]ompounds?|[Pp]rogram|[Aa]ntibod(?:y|ies)|[Mm]olecules?))\b"
    r"|(?:products?|therapeutics?|compositions?)\s+containing\s+"
    r"(?!(?:such|any|either|the|that|these|those|licensed|one|its|our|their)\b)(?P<c>[a-z][\w\-]{3,40})\b",
)
# "exclusive rights to develop and commercialize SLN-204, Solano's oral kinase inhibitor": what is licensed
_RIGHTS_TO = re.compile(
    r"\brights?\s+to\s+(?:develop(?:,)?\s+(?:and\s+)?(?:manufacture(?:,)?\s+(?:and\s+)?)?commerciali[sz]e\s+)"
    r"(?P<s>[A-Z][\w\-]*\d[\w\-]*|[A-Z][\w\-]+®?)(?=[,;.]|\s+(?:for|in|and|outside)\b)"
)
_TREATMENT = re.compile(
    r"\bfor\s+the\s+treatment\s+of\s+(?P<f>[^.;,()]{3,80}?)(?=\s+in\s+|\s+and\s+other|,|;|\.|\))", _I
)
_FIELD = re.compile(r"\bfor\s+use\s+(?:with|in)\s+(?P<f>[^.;,]{3,100}?)(?=\s+such\s+as|,|;|\.|\s+and\s+)", _I)
_GRANTISH = re.compile(r"\blicen[cs]\w*|\brights\b|\bfield\b")
_MAX_TERMS = 8


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


def _ref_date(region: Region) -> _dt.date | None:
    """The document's own date: the filing's, else the first full date near the top (a note's period,
    a press release's dateline)."""
    if region.ref is not None:
        return region.ref
    head = region.body[:1500]
    for m in _DATE.finditer(head):
        after = head[m.end() : m.end() + 12]
        if m.start() > 250 and not re.match(r"\s*(?:[-–—/(]|\(GLOBE|\(BUSINESS|/PRNewswire)", after):
            continue  # a date in the text is no document date; a dateline's or a note header's is
        if m.group(2):
            try:
                return _dt.date(int(m.group(3)), _MONTHS.index(m.group(1).lower()[:3]) + 1, int(m.group(2)))
            except ValueError:
                continue
    # a note without a dated header: the latest period it reports on ("During each of the six month periods
    # ended June 30, 2012 and 2011, we received …") dates it
    ends = [d for p in _ENDED.finditer(region.body[:_WINDOW]) if (d := _anchor_date(p.group(1))) is not None]
    return max(ends) if ends else None


_ENDED = re.compile(
    r"\b(?:months?|periods?|years?|quarters?|weeks?)\s+ended\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d)",
    _I,
)
_PERIOD = re.compile(r"\b(\d{1,2}|three|six|nine|twelve)\s+months?\s+ended\s*\|?\s*", _I)
_N_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}


def _period_start(region: Region) -> _dt.date | None:
    """The first day of the longest period a financial note's header covers ("12 Months Ended | Dec. 31,
    2012" → 2012-01-01; an interim period reaches three months further back, as a quarterly note also
    reports the deals of the months just before it); None when the text states no period. A deal the note
    tells that was entered into before that day is a deal of an earlier period, recounted."""
    head = region.body[:800]
    best: _dt.date | None = None
    for m in _PERIOD.finditer(head):
        n = _N_MONTHS.get(m.group(1).lower()) or int(m.group(1))
        end = _anchor_date(head[m.end() : m.end() + 40])
        if end is None or not 1 <= n <= 12:
            continue
        month = end.month - n + 1
        start = _dt.date(end.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        if n < 12:  # an interim note also tells the deals of the months just before its period
            start -= _dt.timedelta(days=92)
        best = start if best is None or start < best else best
    return best


def _under_older(sent: str, when: _dt.date) -> bool:
    """Whether a deal sentence is about an agreement of an earlier year ("… under the license agreement,
    dated as of December 30, 1997, …" in a sentence of 2012): what it enters into changes that one."""
    for m in re.finditer(r"\b(?:dated|effective)\s+(?:as\s+of\s+)?", sent, _I):
        then = _anchor_date(sent[m.end() : m.end() + 30])
        if then is not None and (when - then).days > 365:
            return True
    return False


def _anchor_date(sent: str, at: int | None = None) -> _dt.date | None:
    """The date a deal sentence gives its deal: the full date nearest ``at`` (the entry verb), else "in
    2019" near the verb; not a year that dates something else ("a company founded in 1998")."""
    dates = list(_DATE.finditer(sent))
    m = min(dates, key=lambda d: abs(d.start() - at)) if dates and at is not None else (dates[0] if dates else None)
    if m is None:
        for y in re.finditer(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", sent):
            lead = sent[max(0, y.start() - 14) : y.start() + 1]
            if re.search(r"\b(?:founded|formed|established|incorporated|organized|since)\s+$", lead):
                continue
            if at is None or abs(y.start() - at) <= 120:
                return _dt.date(int(y.group(1)), 12, 31)
        return None
    day = int(m.group(2)) if m.group(2) else 28
    try:
        return _dt.date(int(m.group(3)), _MONTHS.index(m.group(1).lower()[:3]) + 1, day)
    except ValueError:
        return None


def _kinds(sent: str, title_kind: str | None) -> list[str]:
    """The kinds of agreement a sentence enters into: two when it names an asset sale and a separate
    licence ("(i) an asset purchase agreement … and (ii) a licensing agreement")."""
    found = [k for k, p in _KIND if p.search(sent)]
    if not found:
        return [title_kind] if title_kind and re.search(r"\bagreement\b", sent, _I) else []
    if "asset_purchase" in found and len(found) > 1:
        n_agreements = len(re.findall(r"\bagreements?\b|\barrangements?\b", sent, _I))
        return ["asset_purchase", found[1]] if n_agreements >= 2 else ["asset_purchase"]
    if "collaboration" in found:
        return ["collaboration"]
    return found[:1]


def _title_kind(head: str) -> str | None:
    """The kind a contract's title names ("SOURCE CODE LICENSE AGREEMENT" → license), read from the
    agreement names of its first lines; a licence title wins over words of its recitals."""
    names = re.findall(r"(?:[\w\-,]+[ \t]+){0,5}(?:AGREEMENT|Agreement|LICEN[CS]E|License|Licence)\b", head)
    for k, p in (_KIND[2], _KIND[0], _KIND[1]):
        if any(p.search(n) for n in names):
            return k
    return None


# "A and B", "A (“A'”), B and C", "A, B, and C": organizations named together
_JOINED_PARTIES = r"(?:\s*\([^()]{0,80}\))?\s*(?:,\s*(?:and\s+|&\s+)?|(?:and|&)\s+)(?:the\s+)?"


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
    between = re.search(r"\b(?:between|among)\b", sent[verb:], _I)
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
        else:
            take = bool((first or lone) and not out)
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


def _opening_told(body: str, opening: re.Match[str]) -> str:
    """What a contract's opening says of itself: its short title lines ("amended and restated", "Technology
    License Agreement") and its words from "THIS AGREEMENT" to "between", not an index of clauses before it
    ("18 Prior Termination")."""
    lines = body[max(0, opening.start("this") - 300) : opening.start("this")].split("\n")
    title: list[str] = []
    for line in reversed(lines[1:]):
        if len(line.split()) > 10 or re.match(r"\s*\d|.*\d\s*$", line):
            break  # a paragraph, or an index's or a page's number
        title.insert(0, line)
    return "\n".join(title) + "\n" + body[opening.start("this") : opening.end()]


def _update_kind(sent: str, region: Region) -> str | None:
    if region.kind == "item" and region.code == "1.02":
        return "termination"
    for kind, pattern in _UPDATE:
        for m in pattern.finditer(sent):
            if not _HEDGED.search(sent[max(0, m.start() - 40) : m.start()]):
                return kind
    return None


# "as amended", "which may be terminated", "the right to terminate", "until terminated": a term of the
# agreement being entered into, not an amendment or a termination of one
_HEDGED = re.compile(
    r"\b(?:as|may(?:\s+be)?|which|(?<!announced\s)(?<!today\s)(?<!said\s)(?<!reported\s)(?<!disclosed\s)(?<!stated\s)that|"
    r"can|could|right\s+to|until|unless|upon|if|subject\s+to|otherwise|"
    r"earlier|early|prior|before|no\s+longer|not|later)\s+(?:\w+\s+){0,2}$",
    _I,
)


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
        if re.search(r"\n[ \t]*\n[\s|]*$", self.body[max(0, s - 12) : s]):
            self.recounting = False  # an old deal's telling ends with its paragraph
        if _STOP.match(sent):
            self.current = []
            return True
        if self.current and _ANNOUNCED_BEFORE.match(sent):
            self._closing(s, sent)  # "… has sold X to Y. As was announced on October 19, …": a closing
            return True
        told = _kinds(sent, None) if self.pending and not self.current else []
        if (
            self.pending and told and not _ONLY_PARTNERSHIP.search(sent) and not _HYPOTHETICAL.match(sent)
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
        opening = (
            (_CONTRACT_OPENING.match(body, s, s + 2000) or _TITLE_OPENING.match(body, s, s + 2000))
            if s < 3000 and not self.found
            else None
        )
        if opening:
            self.title_kind = _title_kind(body[: opening.end()])
            self.contract = True  # a contract's recitals tell of other agreements: they feed this one
        elif self.contract or (self.found and _SELF_REFERENCE.search(sent)) or (
            (self.current or self.found) and _UNDER_THE_AGREEMENT.match(sent)
        ):
            self.feed(s, sent, None)  # the contract speaking of itself, or more of the deal told above
            return
        entry = opening or _entry(sent)
        if opening:  # a contract is the kind its title or its opening words name ("THIS LICENSE AGREEMENT")
            kinds = [self.title_kind] if self.title_kind else _kinds(body[s : opening.end()], None)
        else:
            kinds = _kinds(sent, self.title_kind) if entry else []
        if entry and not opening and (_HYPOTHETICAL.match(sent) or _HABITUAL.search(sent) or self._quoted(s, sent)):
            entry, kinds = None, []  # "If Saint-Gobain exercises …", habits, an executive's quote
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
        elif not self.current and ("ilestone" in sent or "ILESTONE" in sent) and _MILESTONE_UPDATE.search(sent):
            self.updates.append(_update(self.region, self.ents, sent, s, "milestone"))
        elif not (self.current or self.found) and ("losing" in sent or "LOSING" in sent) and _CLOSING_UPDATE.search(
            sent
        ):
            self.updates.append(_update(self.region, self.ents, sent, s, "closing"))
            self.recounting = True
        else:
            self.feed(s, sent, None)

    def _grant(self, sent: str) -> tuple[re.Match[str], list[str]] | None:
        """ "X granted Y an exclusive license …" tells a deal by itself (a licence); "acquired all rights to
        …" or "purchased the assets of the previous licensee" a sale. None while a deal is being told, an old
        one recounted, or a closing's aftermath described."""
        if self.current or self.recounting or _AFTER_CLOSING.search(sent):
            return None
        grant = _GRANT_ANCHOR.search(sent)
        if grant is None or (grant.group(0) == "licensed" and LICENSED_THING.match(sent, grant.end())):
            return None  # "sales of licensed products": an adjective
        bought = grant.group(0).startswith(("acqui", "purch")) and (
            not re.search(r"licen[cs]", sent, _I)
            or bool(re.search(r"\b(?:assets|royalty|milestone)\b", grant.group(0), _I))
        )
        return grant, ["asset_purchase" if bought else "license"]

    def _quoted(self, s: int, sent: str) -> bool:
        """Whether a sentence is said by someone ("“The expansion of our collaboration with X …,” said …"):
        a quotation comments on the deal the release announces; it opens none."""
        if self.found and sent.lstrip()[:1] in "“\"":
            return True
        head = self.body[max(0, s - 800) : s]
        line = head[head.rfind("\n") + 1 :]  # straight quotes open and close within a paragraph's line
        return bool(self.found) and (head.rfind("“") > head.rfind("”") or line.count('"') % 2 == 1)

    def anchor(self, a: _Anchor, kinds: list[str], end: int) -> None:
        told = _opening_told(self.body, a.entry) if a.opening and a.entry else a.text
        update = _update_kind(told, self.region)
        when = _anchor_date(a.text, a.entry.start() if a.entry and not a.opening else None)
        if update is None and when is not None and not a.opening and _under_older(a.text, when):
            update = "amendment"  # "entered into a Memorandum … under the license agreement dated 1997"
        announced = a.entry is not None and not a.opening and a.entry.group(0).lower().startswith("announc")
        old = bool(_RECOUNT.search(a.text)) or (
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
            label = _LABEL_AS[label]  # a licence whose parties are "Seller" and "Buyer": what the deal does
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


def _event(d: _Deal) -> Deal:
    region, ents = d.region, d.ents
    values: list[FieldSource] = []
    evidence = [d.anchor]

    def at(a: int, b: int) -> Span:
        sp = span(region, a, b)
        if not any(e.start <= sp.start and sp.end <= e.end for e in evidence):
            evidence.append(sp)
        return sp

    role_of = _party_roles(d)
    parties: list[Party] = []
    for i in dict.fromkeys([*d.parties, *role_of]):
        if i == REGISTRANT:  # "we": the filer, named when the filing names it (cover or header)
            said = next((m for m in ents.mentions if m.org == REGISTRANT and m.start >= d.at), None)
            if d.registrant and said is not None:
                parties.append(Party(d.registrant, role_of.get(i, "partner"), None))
                values.append(FieldSource(f"parties.{d.registrant}", "text", at(said.start, said.end)))
            continue
        org = ents.orgs[i]
        parties.append(Party(org.name, role_of.get(i, "partner"), org.ticker))
        values.append(FieldSource(f"parties.{org.name}", "text", at(org.start, org.end)))
    t = d.terms
    money: dict[str, Money | None] = {}
    for name, (m, a, b) in t.money.items():
        money[name] = m
        values.append(FieldSource(name, "text", at(a, b)))
    if ms := milestones_total(t.milestone_parts):
        money["milestones"] = ms[0]
        values.append(FieldSource("milestones", "text", at(ms[1], ms[2])))
    split = _split(t, values, at)
    exclusive = t.exclusive[0] if t.exclusive else None
    if t.exclusive and exclusive is not None:
        values.append(FieldSource("exclusive", "text", at(t.exclusive[1], t.exclusive[2])))
    territory = t.territory[0] if t.territory and d.kind != "asset_purchase" else None
    if t.territory and territory:
        values.append(FieldSource("territory", "text", at(t.territory[1], t.territory[2])))
    royalties = None
    if t.royalties:
        royalties = Royalties(True, t.royalties[1], t.royalties[2])
        values.append(FieldSource("royalties", "text", at(t.royalties[3], t.royalties[4])))
    subject, field_, terms = _prose(d, values, at)
    return Deal(
        type=d.kind,
        evidence=tuple(evidence),
        values=tuple(values),
        parties=tuple(parties),
        exclusive=exclusive,
        territory=territory,
        subject=subject,
        field=field_,
        upfront=money.get("upfront"),
        milestones=money.get("milestones"),
        royalties=royalties,
        equity=money.get("equity"),
        milestones_split=split,
        total_value=money.get("total_value"),
        other_terms=tuple(terms),
    )


def _split(t: Terms, values: list[FieldSource], at) -> MilestonesSplit | None:  # type: ignore[no-untyped-def]
    parts: dict[str, Money] = {}
    for kind, money, a, b in t.milestone_parts:
        if kind and kind != "aggregate" and kind not in parts:
            parts[kind] = money
            values.append(FieldSource(f"milestones_split.{kind}", "text", at(a, b)))
    return MilestonesSplit(**parts) if parts else None  # type: ignore[arg-type]


def _prose(d: _Deal, values: list[FieldSource], at) -> tuple[str | None, str | None, list[str]]:  # type: ignore[no-untyped-def]
    """Subject (what is licensed), field of use, and other terms quoted as the text states them."""
    subject = field_ = None
    terms: list[str] = []
    for offset, sent in d.sents:
        if subject is None and (m := _SUBJECT.search(sent)):
            g = "s" if m.group("s") else "c"
            subject = squash(m.group(g))
            values.append(FieldSource("subject", "text", at(offset + m.start(g), offset + m.end(g))))
        elif subject is None and (m := _RIGHTS_TO.search(sent)):
            subject = squash(m.group("s"))
            values.append(FieldSource("subject", "text", at(offset + m.start("s"), offset + m.end("s"))))
        if field_ is None and _GRANTISH.search(sent) and (m := _FIELD.search(sent) or _TREATMENT.search(sent)):
            field_ = squash(m.group("f"))
            values.append(FieldSource("field", "text", at(offset + m.start("f"), offset + m.end("f"))))
        for _kind, text, a, b in other_terms(sent):
            if text not in terms and len(terms) < _MAX_TERMS:
                terms.append(text)
                values.append(FieldSource("other_terms", "text", at(offset + a, offset + b)))
    return subject, field_, terms


def _same_sides(a: set[str], b: set[str]) -> bool:
    """Two tellings of one deal: they share a party and neither names a party the other lacks (a deal with
    the same buyer and another seller is another deal)."""
    return bool(a & b) and (a <= b or b <= a)


def _names(d: _Deal) -> set[str]:
    return {norm_name(d.ents.orgs[i].name) for i in d.parties if i != REGISTRANT}


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
        if not _QUICK.search(fold(region.body[:_WINDOW])):
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


# a press release's dateline: "SAN DIEGO, CA, October 6, 2004 — ", "August 25, 2008 (GlobeNewswire) -- "
_DATELINE = re.compile(
    r"\b(?:19|20)\d\d\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—]{1,2}|/PRNewswire[^/\n]{0,40}/\s*[-–—]*)\s*|"
    r"\((?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)(?:19|20)\d\d\)\s*(?:[-–—]{1,2}\s*)?"  # "Mystic, CT (August 11, 2008) X"
)


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


def _fill(ev: Deal, other: Deal) -> Deal:
    """``ev`` with what another telling of the same deal adds: empty fields, roles, tickers, terms and
    evidence, each value with the span it was read from in that telling."""
    changes: dict[str, object] = {}
    have = {v.field.split(".")[0] for v in ev.values}
    extra_values = []
    for name in ("territory", "subject", "field", "upfront", "milestones", "royalties", "equity",
                 "milestones_split", "total_value"):  # fmt: skip
        if getattr(ev, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
            extra_values += [v for v in other.values if v.field.split(".")[0] == name and name not in have]
    parties = list(ev.parties)
    for i, p in enumerate(parties):
        twin = next((o for o in other.parties if norm_name(o.name) == norm_name(p.name)), None)
        if twin and (p.ticker is None and twin.ticker is not None or p.role == "partner" and twin.role != "partner"):
            parties[i] = Party(p.name, p.role if p.role != "partner" else twin.role, p.ticker or twin.ticker)
    have_names = {norm_name(p.name) for p in parties}
    for o in other.parties:  # a party the first telling did not name ("… Agreement" in a headline, then "with X")
        if norm_name(o.name) not in have_names:
            parties.append(o)
            have_names.add(norm_name(o.name))
            extra_values += [v for v in other.values if v.field == f"parties.{o.name}"]
    changes["parties"] = tuple(parties)
    terms = list(ev.other_terms)
    for t, v in zip(other.other_terms, [v for v in other.values if v.field == "other_terms"], strict=False):
        if t not in terms and len(terms) < _MAX_TERMS:
            terms.append(t)
            extra_values.append(v)
    changes["other_terms"] = tuple(terms)
    evidence = list(ev.evidence) + [e for e in other.evidence if e not in ev.evidence]
    return dataclasses.replace(ev, evidence=tuple(evidence), values=ev.values + tuple(extra_values), **changes)  # type: ignore[arg-type]
