"""The words that tell a deal: which sentences enter into an agreement (*anchors*), what kind of agreement
(licence, collaboration, asset purchase), whether it only amends, terminates, closes or recounts one, and a
contract's opening. Patterns and pure functions of a sentence; ``deals`` reads a document with them.
"""

from __future__ import annotations

import re

from eightk.extract.entities import Mention
from eightk.extract.text import Region
from eightk.parse.text import fold

_I = re.IGNORECASE
_WINDOW = 12_000  # deals are told near the top of a document
_ITEM_CODES = ("1.01", "1.02", "2.01", "7.01", "8.01")
# the quick test a document must pass before its sentences are read: a word every deal text holds, and for
# words common in other texts the phrase around it. A word is looked for first (``in``, at C speed), its
# pattern only where the word is present: one alternation of all of them cost 0.2 ms per filing.
_QUICK_CUES: tuple[tuple[tuple[str, ...], re.Pattern[str] | None], ...] = (
    (("licen", "collaborat", "assignment", "co-develop", "partnership", "alliance", "jointly"), None),
    (("develop",), re.compile(r"develop\w*\s+and\s+(?:market|commerciali)|joint\s+develop|development\s+agreement")),
    (("purchase agreement", "divestiture", "divest its", "distribution agreement"), None),
    (("purchase", "distribution"), re.compile(r"purchase\s+agreement|distribution\s+agreement")),
    (("transfer",), re.compile(r"transfer\s+to\s")),
    (("exclusive",), re.compile(r"exclusive\s+(?:[\w\-]+\s+){0,3}?rights?\b")),
    (("acquire",), re.compile(r"acquire\s+[\w\-]+[’']s\s")),
    (("rights",), re.compile(r"(?:acquir|purchas)\w*\s+(?:[\w\-®]+\s+){0,4}?(?:patent\s+)?rights\s+(?:to|in)\s")),
    (("sold", "sell", "sale"), re.compile(
        r"(?:sold|sell|sale\s+(?:to|of))\s+(?:[\w\-,.’']+\s+){0,8}?"
        r"(?:assets|rights|product\s+lines?|subsidiary|division|royalties|royalty)\b")),
    (("assets",), re.compile(
        r"(?:acquired|purchased|acquisition\s+of|purchase\s+of)\s+(?:[\w\-]+\s+){0,5}?assets\s+(?:of|from)\b")),
    (("royalt", "milestone"), re.compile(
        r"(?:acquir\w*|purchas\w*|bought)\s+(?:an?\s+|the\s+|certain\s+)?(?:[\w\-]+\s+){0,2}?(?:royalty|milestone)"
        r"(?:\s+and\s+(?:royalty|milestone))?\s+(?:streams?|interests?|obligations?|rights?|payments?)\b")),
)  # fmt: skip


def quick_test(low: str) -> bool:
    """Whether a folded (lower-case) document may tell a deal: one of ``_QUICK_CUES`` is in it."""
    return any(any(w in low for w in words) and (p is None or p.search(low)) for words, p in _QUICK_CUES)


_KIND = (
    ("asset_purchase", re.compile(
        r"asset\s+(?:and\s+\w+\s+)?purchase|purchase\s+and\s+sale|(?:trademark|patent)\s+(?:\w+\s+)?assignment|"
        r"(?:asset|product)\s+(?:sale|transfer)\s+agreement|"
        r"to\s+sell\s+(?:its|our)\s+(?:[\w\-.,]+\s+){1,6}?(?:subsidiary|division|business\s+unit)\s+(?:and\s+[^.;]{0,80}?assets\s+)?(?:[^.;]{0,40}?)to\s+(?=[A-Z])|(?:acquisition|purchase)\s+of\s+(?:the\s+|certain\s+)?(?:[\w\-]+\s+){0,3}?assets\s+(?:of|from)\b|to\s+(?:sell|acquire)\s+(?:all\s+|certain\s+)?(?:of\s+)?"
        r"(?:its\s+|our\s+|the\s+)?(?:[\w\-]+\s+){0,3}?(?:right,\s+title|assets|rights\s+to|product\s+line|business|"
        r"ownership\s+rights)|"  # "a purchase agreement to acquire all ownership rights and intellectual property"
        r"\bdivestiture\s+of\s+(?:[\w®\-,]+\s+){1,12}?to\s+(?=[A-Z])|"  # "the divestiture of Primsol® … to Allegis"
        r"\b(?:transfer|sell|assign)\s+to\s+(?:[\w\-]+\s+){1,4}?(?:all\s+|substantially\s+all\s+)?(?:of\s+)?"
        # "will transfer to Relief all of the assets"
        r"(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w\-]+\s+){0,5}?assets\b|"
        r"\b(?:sold|sells|sale\s+(?:to\s+[^.;]{1,60}?\s+)?of)\s+(?:(?:all|substantially|certain|of|the|its|our)\s+){0,4}"
        # "has sold assets", "the sale to X of all of the rights to", "the sale of its OP-1 product family"
        r"(?:[\w\-]+\s+){0,3}?(?:assets|rights\s+to|product\s+(?:lines?|family|families|portfolio))\b|"
        # "the sale of its shape-sensing technology for medical applications to Intuitive Surgical"
        r"\bsale\s+of\s+(?:its|our|their)\s+(?:[\w\-]+\s+){0,3}?(?:technolog(?:y|ies)|patents?|business(?:es)?|brands?)\b"
        r"(?=[^.;]{0,120}\bto\s+[A-Z])|"
        # "Nanogen will acquire Spectral’s rapid cardiac immunoassay test business"; "to divest its … Unit to ADSTEC"
        r"\b(?:will|to)\s+acquire\s+[\w\-]+[’']s\s+(?:[\w\-]+\s+){0,5}?(?:business|product\s+lines?|assets|technolog(?:y|ies))\b|"
        r"\bdivest\s+(?:its|our|their)\s+(?:[\w\-&()]+\s+){0,8}?to\s+(?=[A-Z])|"
        r"to\s+acquire\s+substantially\s+all\s+(?:of\s+)?the\s+assets\s+of\b|"
        r"\b(?:sell|sale\s+of|sold|monetiz\w+)\s+(?:[\w\-’']+\s+){0,6}?(?:its|our|their|future|remaining|[\w\-]+[’']s)\s+"
        r"(?:[\w\-]+\s+){0,2}?(?:royalties|royalty\s+(?:streams?|interests?|rights?))\b|"
        # "to sell … the Company’s remaining future royalties"
        r"\broyalty\s+(?:sale|purchase|monetization)\s+agreement",
        _I)),
    ("collaboration", re.compile(
        r"collaborat\w*|co-?develop\w*|co-?promot\w*|(?<!limited\s)partnership(?!\s+law)|strategic\s+alliance|"
        r"alliance\s+agreement|"
        r"jointly\s+develop|"
        r"joint\s+development|(?-i:Development\s+Agreement)", _I)),
    ("license", re.compile(
        r"licen[cs](?:e|ing|ed)\b|sublicen[cs]e|licen[cs]ing|"
        r"agreement\s+(?:for|to)\s+(?:the\s+)?develop\w*\s+and\s+(?:market|commerciali[sz])\w*|"
        # an exclusive right to sell another's product is a licence (the deal sets' convention)
        r"exclusive\s+(?:[\w\-]+\s+){0,3}?(?:distribution|marketing|commerciali[sz]ation)\s+(?:and\s+\w+\s+)?(?:agreement|rights?)|"
        r"exclusive\s+agreement\s+with\s+[^.;]{1,80}?\bfor\s+the\s+(?:commerciali[sz]ation|distribution|marketing)\s+of",
        _I)),
)  # fmt: skip
_ENTRY = re.compile(
    r"\b(?:entered\s+into|enters?\s+into|entering\s+into|signed|executed|(?:has|have)\s+agreed|concluded|"
    r"(?<!recently\s)(?<!previously\s)announc(?:ed|es|e|ing)(?!\s+(?:it\s+(?:was|is|would)|plans?|an?\s+intent|that\s+it\s+is\s+exploring))|"
    r"(?:is|was)\s+(?:made|entered)|made\s+(?:and\s+entered\s+)?(?:as\s+of|this|effective|between)|is\s+between|"
    r"(?:have|has)\s+(?:exclusively\s+)?licensed|today\s+announced|(?:execution|signing)\s+of(?=[^.;]{0,60}\bagreements?\s+with\b)|signs?|"
    r"(?:has|have)\s+(?:formed|established|acquired|in-licensed|out-licensed)|agreed\s+to\s+(?:license|acquire|sell|grant)|"
    r"(?:formed|established|launched)\s+(?:an?\s+)?(?:\w+\s+){0,3}(?:collaboration|partnership|alliance))\b",
)  # lower case, searched in the folded sentence: case-sensitive over lower case runs twice as fast as IGNORECASE
# words of which every ``_ENTRY`` match holds one: the pattern (tried at every word) is searched only in a
# sentence that holds one; most sentences of a deal text hold none
_ENTRY_STEMS = ("enter", "sign", "execut", "agreed", "concluded", "announc", "made", "between", "licensed",
                "formed", "established", "acquired", "launched")  # fmt: skip
# rarer entries, tried only when a sentence holds one of their words (a long alternation costs at every word)
_ENTRY_WORDS = (
    "sold",
    "sale",
    "reach",
    "entered",
    "collaborate",
    "co-",
    "codevelop",
    "copromote",
    "partner",
    "team",
    "inked",
    "finali",
)
_ENTRY_MORE = re.compile(
    r"\b(?:(?<!previously\s)(?:sold|has\s+sold|completed\s+the\s+sale\s+of)\s+(?:[\w\-]+\s+){0,6}?(?:assets|product\s+lines?)"
    r"(?=[^.;]{0,200}\b(?:to|with)\s+[A-Z])|"
    r"reach(?:ed|es)\s+(?:an?\s+)?(?:definitive\s+|final\s+)?agreement|entered\s+(?:an?|the)\s+(?=(?:[\w\-]+\s+){0,5}agreement)|"
    # (not "has the option to co-develop …": an option, no deal entered)
    r"(?:agreed|agree|will|(?<!option\s)to)\s+(?:to\s+)?(?:collaborate|co-?develop|co-?promote|partner)\b"
    r"(?!\s+(?:on|in)\s+(?:future|additional))|"
    r"(?:partnered|partners|teamed(?:\s+up)?|teams(?:\s+up)?)\s+with|inked|finali[sz]ed)\b",
    _I,
)


def _entry(sent: str) -> re.Match[str] | None:
    """The verb that enters a deal in a sentence ("entered into", "signed", "announced", "reached an
    agreement", "teamed up with", "sold … assets … to"), or None."""
    low = fold(sent)
    if any(w in low for w in _ENTRY_STEMS) and (m := _ENTRY.search(low)):
        return m  # its offsets are the sentence's (fold keeps the length); its text is lower case
    return _ENTRY_MORE.search(sent) if any(w in low for w in _ENTRY_WORDS) else None


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
# "In addition to the partnership, the companies have entered into a cross-license agreement": a second
# agreement set apart from the first (a deal only when the sentence also enters into one of a deal's kinds)
_IN_ADDITION_TO_DEAL = re.compile(
    r"\W*In\s+addition\s+to\s+(?:the|this|that|its|our)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:partnership|collaboration|alliance|agreement|license|licen[cs]e\s+agreement|transaction|deal)s?\s*,",
    _I,
)
# the parties of the deal just told, named together: "the companies", "both parties", "the two companies"
_BOTH_PARTIES = re.compile(
    r"\b(?:the|both|the\s+two)\s+(?:companies|parties)\s+(?:have|has|had|also|today|will|entered|signed)\b", _I
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
    r"\b(?:previously|originally|(?<!that\s)(?<!it\s)(?<!we\s)(?<!they\s)had)\s+(?:\w+\s+)?(?:entered|signed|executed)\b|\bearlier\s+(?:this|in\s+the)\s+(?:year|quarter|month)\b|\brecently\s+announced\b|\b(?:are|were)\s+(?:also\s+|already\s+)?(?:both\s+)?parties\s+to\b|\bhave\s+previously\b|\bunder\s+the\s+(?:existing|prior)\b",
    _I,
)


def _recounts(sent: str) -> bool:
    """Whether a deal sentence recounts an agreement made before ("had previously entered"), not when it
    reports what a release announced ("a press release announcing that the Company had entered into")."""
    m = _RECOUNT.search(sent)
    return m is not None and not re.search(
        r"\bannounc\w*\s+that\s+(?:[\w\-.,]+\s+){0,4}$", sent[max(0, m.start() - 60) : m.start()], _I
    )


_MILESTONE_UPDATE = re.compile(
    r"\b(?:achieved|received|receipt\s+of|earned|triggered)\b.{0,80}\bmilestone|"
    r"\bmilestone\s+payment\s+(?:from|to)\b|"
    # "Milestone 2 … has been achieved"
    r"\bmilestone\b[^.;]{0,80}\b(?:has|have)\s+been\s+(?:achieved|reached|met|completed)\b",
    _I | re.S,
)
_AMENDMENT_ENTERED = re.compile(r"\b(?:this|the)\s+(?:[\w\-]+\s+){0,3}?amendment\b", _I)
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
    r"\W*(?:If|Should|Unless|Once|In\s+the\s+event|Upon\s+(?:the\s+)?exercise|WHEREAS|Whereas|"  # a recital: background
    r"The\s+(?:[\w\-]+\s+){0,3}?(?:[Aa]greement|[Ll]icen[cs]e)\s*,?\s+(?:as\s+amended|which|that|gave|gives|provides))\b"
)
# "The Company enters into research, development and license agreements in the ordinary course of business":
# what a company does as a rule, not a deal
_HABITUAL = re.compile(
    r"\b(?:in\s+the\s+(?:ordinary|normal)\s+course|from\s+time\s+to\s+time|(?:typically|generally|routinely|often)\s+"
    r"(?:enters?|signs?|licen[cs]es?|grants?)|may\s+(?:in\s+the\s+future\s+)?(?:enter|seek\s+to\s+enter))\b",
    _I,
)
# "has received a preliminary, non-binding letter of interest to acquire …": an offer, no agreement entered
_PROPOSED = re.compile(
    r"\bnon-?\s?binding\s+(?:[\w\-]+\s+){0,2}?(?:letters?|term\s+sheets?|memorand(?:um|a)|proposals?|offers?|"
    r"indications?)\b|\bletters?\s+of\s+interest\b|"
    # "a definitive agreement must be prepared and executed", "subject to the negotiation of a definitive agreement"
    r"\bdefinitive\s+(?:[\w\-]+\s+){0,2}?agreements?\s+(?:must|shall|will|would|is\s+to|are\s+to)\s+(?:still\s+)?be\s+"
    r"(?:prepared|negotiated|executed|entered|signed)\b|"
    r"\b(?:negotiation|negotiating)\s+(?:and\s+(?:entry\s+into|execution\s+of)\s+)?(?:of\s+)?an?\s+definitive\b",
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
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b",
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


# the kinds' patterns in lower case, searched in the folded sentence (they are IGNORECASE with no upper-case
# escape, so the matches are the same; case-sensitive over lower case is several times faster)
# (a pattern with a case-sensitive part, "(?-i:Development\s+Agreement)", is searched as it is)
_KIND_FOLDED = tuple(
    (k, re.compile(p.pattern.lower()), True)
    if p.flags & re.I and not re.search(r"\\[A-Z]|\(\?-i", p.pattern)
    else (k, p, False)
    for k, p in _KIND
)


_SUBCONTRACT = re.compile(r"\bsub-?(?:awards?|contracts?|contractors?|contracting)\b", _I)
_EARLIER = re.compile(r"\b(?:previous(?:ly)?|prior|existing|original|earlier)\b", _I)


def _kinds(sent: str, title_kind: str | None) -> list[str]:
    """The kinds of agreement a sentence enters into: two when it names an asset sale and a separate
    licence ("(i) an asset purchase agreement … and (ii) a licensing agreement")."""
    low = fold(sent)
    found = [k for k, p, folded in _KIND_FOLDED if p.search(low if folded else sent)]
    if not found:
        return [title_kind] if title_kind and re.search(r"\bagreement\b", sent, _I) else []
    if "asset_purchase" in found and len(found) > 1:
        n_agreements = len(re.findall(r"\bagreements?\b|\barrangements?\b", sent, _I))
        other = next(m for k, p, folded in _KIND_FOLDED if k == found[1] and (m := p.search(low if folded else sent)))
        if _EARLIER.search(sent, max(0, other.start() - 50), other.start()):
            return ["asset_purchase"]  # "… all previously part of the master license agreement": an earlier one
        return ["asset_purchase", found[1]] if n_agreements >= 2 else ["asset_purchase"]
    if "collaboration" in found:  # not a subcontract ("a Subaward and Development Agreement"): services
        return [] if found == ["collaboration"] and _SUBCONTRACT.search(sent) else ["collaboration"]
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
