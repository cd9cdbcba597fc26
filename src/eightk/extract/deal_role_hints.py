"""Roles from what a party has, wants or does rather than from the verb of the grant: the owner of the
technology or patents a licence is to, the party that sued for infringement, the one that "desires to
license" or will commercialize, and phrases without a verb ("a license from X", "royalties on sales by X",
"X as the licensee"). Each votes once, and only for a party the deal's anchor named."""

from __future__ import annotations

import re

from eightk.extract.deal_sentence import _possessive, _Sentence
from eightk.extract.entities import REGISTRANT

_OWNED = re.compile(  # "Lexmark Technology", "InterDigital's B-CDMA patents": what the licence is to
    r"(?:['’]s\s+(?:[\w\-]+\s+){0,2}?|\s+)(?:[Tt]echnology|[Tt]echnologies|[Pp]atents?|Patent\s+Rights|[Kk]now-[Hh]ow|"
    r"[Ii]ntellectual\s+[Pp]roperty)\b|['’]s\s+(?:lead\s+|proprietary\s+)?(?:compound|product\s+candidate|drug\s+candidate)s?\b"
)  # words between only after a possessive: "ChromaDex Licenses Exclusive Patent Rights from …" names no owner


# "West/Nottingham is the owner of … patent applications", "X owns certain patents", "patents owned by X"
_OWNS = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:as|an?|the)\s+[^,;.()]{0,80},)?,?\s*(?:is|are)\s+the\s+(?:sole\s+|exclusive\s+|registered\s+|record\s+)*(?:owners?|holders?|proprietors?)\s+of\b|"
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:owns|holds|possesses|has\s+developed|developed)\s+(?:certain\s+|all\s+|the\s+|rights?\s+|"
    r"(?=(?:[\w\-]+,?\s+(?:and\s+)?){0,3}(?:patent|proprietary|technolog|know-how|intellectual)))"
    r"(?=[^.;]{0,80}\b(?:patents?|technolog|know-how|intellectual\s+property|compounds?|rights?)\b)"
)
# a contract's recital: "WHEREAS, Motorola desires to license such software and technology" (takes a licence)
_WANTS_LICENCE = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:desires|wishes|wants|seeks|is\s+desirous\s+of|is\s+interested\s+in)\s+"
    r"(?:to\s+)?(?:obtain(?:ing)?|acquir(?:e|ing)|receiv(?:e|ing)|secur(?:e|ing)|licens(?:e|ing)|in-licens(?:e|ing))\s+"
    r"(?!(?:[\w\-]+\s+){0,6}?to\s+(?:the\s+)?[A-Z])(?!(?:its|our|their)\b)"
    r"(?=[^.;]{0,80}\b(?:licen[cs]e|rights?|patents?|technolog|software|know-how)\b|(?<=icense\s)|(?<=icensing\s))",
    re.I,
)
_OWNED_BY = re.compile(
    r"\b(?:patents?|technolog\w+|know-how|intellectual\s+property|compounds?|rights?)\b[^.;]{0,40}?\b(?:owned|controlled|developed)"
    r"\s+by\s+(?:the\s+)?$"
)


_SUED = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:has\s+|had\s+)?(?:filed|brought|commenced|initiated)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:complaint|lawsuit|suit|action|claim)s?\b(?=(?:[^.;]|\.(?=\S)|\.(?=\s+[a-z])){0,300}?\b(?:infring|patent|International\s+Trade))",
    re.I,
)
_PROPRIETARY = re.compile(r"(?:['’]s?)?\s+(?:own\s+)?proprietary\b")


def _owners(s: _Sentence) -> None:
    """The owner of the technology, patents or know-how a licence is to is its licensor (one vote, for a
    party the deal's anchor named: "Gas-to-Liquids Technology" names no owner): "X's patents", "X is the
    owner of …", "X owns certain patents", "technology owned by X"."""
    for m in s.ms:
        if m.org == REGISTRANT or m.org not in s.votes.parties:
            continue
        at = m.end - s.offset
        lead = s.text[max(0, m.start - s.offset - 90) : m.start - s.offset]
        if _OWNED.match(s.text, at) or _OWNS.match(s.text, at) or _OWNED_BY.search(lead):
            s.vote(m.org, "licensor")
    for m in s.ms:  # "X desires to obtain a license": the licensee
        if m.org in s.votes.parties and _WANTS_LICENCE.match(s.text, m.end - s.offset):
            s.vote(m.org, "licensee")
    for m in s.ms:  # a settlement's licence: the party that sued for infringement holds the patents
        if m.org in s.votes.parties and _SUED.match(s.text, m.end - s.offset):
            s.vote(m.org, "licensor")
    for m in s.ms:  # "the Company's proprietary oral insulin spray", "our proprietary platform": the registrant too
        if m.org in s.votes.parties and _PROPRIETARY.match(s.text, m.end - s.offset):
            s.vote(m.org, "licensor")


_COMMERCIALIZES = re.compile(  # the party that will sell the licensed product is the licensee
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:will|shall|is\s+to)\s+(?:(?:exclusively|solely|also|be\s+responsible\s+for|have\s+responsibility\s+for|"
    r"lead|conduct|undertake|assume)\s+)*(?:all\s+)?(?:the\s+)?(?:market|commerciali[sz]e|sell|distribute|"
    r"(?:development|commerciali[sz]ation|sales|marketing|manufactur(?:e|ing))\b)",
    re.I,
)


# "… agreement with Dong-Sung Pharm Co. Ltd. (www.…) for the importation, marketing, distribution and sale of"
_FOR_SELLING = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?,?\s*for\s+the\s+(?:exclusive\s+)?(?:[\w\-]+,?\s+(?:and\s+)?){0,5}?"
    r"(?:marketing|distribution|commerciali[sz]ation|promotion|sale)\s+(?:and\s+[\w\-]+\s+)?(?:rights\s+)?(?:of|for|to)\b"
)


# a recital: "Viking is interested in developing and commercializing products …" (it takes the licence)
_INTERESTED = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:is|are)\s+interested\s+in\s+(?:[\w\-]+(?:\s+and)?\s+){0,3}?"
    r"(?:commerciali[sz]ing|marketing|selling|distributing|obtaining\s+(?:an?\s+)?(?:exclusive\s+)?licen[cs]e)\b",
    re.I,
)


def _commercializes(s: _Sentence) -> None:
    """ "Gedeon Richter will exclusively market …", "X will be responsible for all development and
    commercialization", "an agreement with X for the marketing and sale of …": the party that develops and
    sells is the licensee (one vote, for a named party)."""
    for m in s.ms:
        if m.org not in s.votes.parties:
            continue
        at = m.end - s.offset
        with_ = re.search(r"\bwith\s+(?:the\s+)?$", s.text[max(0, m.start - s.offset - 9) : m.start - s.offset])
        if (
            _COMMERCIALIZES.match(s.text, at)
            or _INTERESTED.match(s.text, at)
            or (with_ and _FOR_SELLING.match(s.text, at))
        ):
            s.vote(m.org, "licensee")


# noun phrases that state a direction without a verb of granting or paying (the organization right after)
_LICENCE_FROM = re.compile(
    r"\b(?:an?\s+|the\s+|its\s+)?(?:exclusive\s+|non-?exclusive\s+)?(?:sub)?licen[cs](?:e|ing)\s+(?:of\s+[^.;]{1,60}?\s+)?"
    r"(?:agreement\s+)?from\s+(?:the\s+)?",
    re.I,
)
_LICENCE_TO = re.compile(r"\b(?:an?|the)\s+(?:[\w\-]+,?\s+){0,3}?(?:sub)?licen[cs]e\s+to\s+(?:the\s+)?", re.I)
_PAYMENT_FROM = re.compile(
    r"\b(?:up-?front|upfront|initial|milestone|licen[cs]e|royalty|signing)\s+(?:payments?|fees?)\s+(?:of\s+[^\s]+(?:\s+(?:million|billion))?\s+)?"
    r"(?P<d>from|to|by)\s+(?:the\s+)?",
    re.I,
)
_SALES_BY = re.compile(
    r"\b(?:royalt\w+|percentage)\s+(?:[\w\-]+\s+){0,3}?(?:on|of|based\s+on)\s+(?:[\w\-]+\s+){0,3}?sales\s+"
    r"(?:of\s+[^.;]{1,40}?\s+)?by\s+(?:the\s+)?",
    re.I,
)
_RETAINS = re.compile(
    r"\s*(?:will\s+)?retains?\s+(?:all\s+|the\s+|its\s+|certain\s+|exclusive\s+|full\s+)*(?:[\w\-]+\s+)?(?:rights|ownership)\b",
    re.I,
)


_AS_ROLE = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*as\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:exclusive\s+|sole\s+|non-?exclusive\s+)?"
    r"(licensee|licensor)\b",
    re.I,
)


def _licence_phrases(s: _Sentence) -> None:
    """ "a license from X" (X licenses), "an exclusive license to X" (X is licensed; not "to X's
    product"), "an upfront payment from X" (X pays) or "… to X" (X is paid), "royalties on net sales by X"
    (X sells the product: the licensee), "X retains all rights outside the territory" (the licensor)."""
    for pattern, role in ((_LICENCE_FROM, "licensor"), (_LICENCE_TO, "licensee"), (_SALES_BY, "licensee")):
        for cue in pattern.finditer(s.text):
            if (m := s.after(cue.end(), 4)) is not None and not _possessive(s.text, m.end - s.offset):
                s.vote(m.org, role)
    for cue in _PAYMENT_FROM.finditer(s.text):
        if (m := s.after(cue.end(), 4)) is not None:
            s.vote(m.org, "licensor" if cue.group("d").lower() == "to" else "licensee")
    for m in s.ms:
        if m.org in s.votes.parties and _RETAINS.match(s.text, m.end - s.offset):
            s.vote(m.org, "licensor")
        elif m.org in s.votes.parties and (named := _AS_ROLE.match(s.text, m.end - s.offset)):
            s.vote(m.org, named.group(1).lower())  # "… find the COMPANY as the licensee of the Technology"
