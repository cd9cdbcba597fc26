"""Who is who in a deal, from the grammar of the grant and of the payment.

``roles(sentence, offset, ents, kind)`` reads one sentence and votes a role for each organization it
mentions: the grantor of rights is the licensor and the grantee the licensee ("X granted Y an exclusive
license", "Y obtained … rights from X", "X out-licensed … to Y", "Y in-licensed … from X", "Y received
an exclusive license … owned by X"); the payer of a licence is the licensee and the payee the licensor
("Y will pay X", "X will receive $…", "a payment to X"); in an asset sale the seller sells, assigns or
transfers to the buyer, who acquires or purchases from the seller. A contract's own labels
('("Licensee")') vote too, and weigh more. Subjects are the nearest organization mentioned before the
verb that is not its object; an infinitive of purpose ("entered into an agreement with X to sell …")
takes the subject of the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from eightk.extract.entities import REGISTRANT, Entities, Mention

__all__ = ["COMPLEMENT", "LICENSED_THING", "Votes", "roles"]

COMPLEMENT = {"licensor": "licensee", "licensee": "licensor", "buyer": "seller", "seller": "buyer"}
_MONEYISH = re.compile(
    r"[$€£¥]|\b(?:payments?|fees?|royalt\w*|milestones?|consideration|cash|USD|EUR|million|yen)\b", re.I
)
_RIGHTSISH = re.compile(
    r"\b(?:licen[cs](?:e[sd]?|ing)|sublicen[cs]e[sd]?|rights?|option)\b(?!\s+(?:fees?|payments?|revenues?|income|issue))",
    re.I,
)

# (pattern, subject's role, object's role): the object is the first organization after the verb
# (after "to"/"from"/"by"/"of" where the pattern says so), the subject the nearest one before it.
_GRANT = re.compile(
    r"\b(?:grants?|granted|granting|hereby\s+grants|agrees\s+to\s+grant|will\s+grant|(?:out-?)?licen[cs]es\s+to|"
    r"out-?licen[cs]ed|sublicen[cs]ed|licen[cs]ed\s+(?:back\s+)?to|(?:provides?|providing|gives?|giving)"
    r"(?=(?:\s+\S+){1,4}?\s+(?:with\s+)?(?:an?\s+)?(?:exclusive\s+|non-?exclusive\s+|worldwide\s+|global\s+)*"
    r"(?:access|rights?|licen[cs]e|option|software|technology)\b))\b",
    re.I,
)
_REGULATORY = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:fast[\s\-]track|orphan|breakthrough|priority\s+review|accelerated\s+approval|"
    r"marketing\s+(?:approval|authori[sz]ation)|(?:regulatory\s+)?approval|clearance|designation)\b",
    re.I,
)
# "has been granted", "was granted"; not "has granted"
_PASSIVE_GRANT = re.compile(r"\b(?:(?:has|have|had)\s+been|was|were|is|are|been|be)\s+granted\b", re.I)
_OBTAIN = re.compile(
    r"\b(?:obtain(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|in-?licen[cs]ed|licen[cs]ed|accepts?|"
    r"take|took|secur(?:e|ed)|seek(?:s|ing)?|licen[cs]e(?=\s+(?:\S+\s+){0,3}from\b)|gain(?:s|ed)?|"
    r"(?:will\s+)?(?:have|has|hold|holds)(?=\s+(?:the\s+|an?\s+)?(?:sole\s+|exclusive\s+|worldwide\s+|global\s+)+(?:rights?|licen)))\b",
    re.I,
)
# an organization that is the subject of its own clause before the verb: its modal or verb follows it
_CLAUSE_SUBJECT = re.compile(
    r"(?:['’]s?)?\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:also\s+)?(?:will|shall|has|have|had|agreed|agrees|is|are|was|were|may|would|"
    r"can|could)\b[^.;,]{0,80}$"
)
# "licensed products", "licensed technology": "licensed" as an adjective, not the grant
LICENSED_THING = re.compile(
    r"\s+(?:products?|technolog\w+|patents?|compounds?|territory|field|intellectual|know-how|materials?|programs?|"
    r"IP|marks?|trademarks?|software|molecules?|antibod\w+|assets?|distributors?|manufacturers?|partners?)\b",
    re.I,
)
_PAY = re.compile(r"\b(?:pay|pays|paid|paying|will\s+make|made|makes)\b", re.I)
_PAYMENT_TO = re.compile(r"\bpayments?\b[^.;]{0,60}?\bto\s+", re.I)
_RECEIVE_MONEY = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|(?:is|are|was|be|become)\s+(?:eligible|entitled)\s+to(?:\s+(?:receive|earn))?|"
    r"earn(?:s|ed)?)\b",
    re.I,
)
_SELL = re.compile(r"\b(?:sell|sells|sold|selling|assign(?:s|ed)?|transfer(?:s|red)?|divest(?:s|ed|iture)?)\b", re.I)
_BUY = re.compile(r"\b(?:acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|buy|bought)\b", re.I)


@dataclass
class Votes:
    """Role votes per organization index (``REGISTRANT`` included). A vote for an organization named by a
    group term ("Roche" for two companies) goes to every member mentioned at the same place."""

    counts: dict[int, Counter[str]]
    groups: dict[int, list[int]] = field(default_factory=dict)
    parties: set[int] = field(default_factory=set)  # the deal's named parties: weak cues vote only for them

    def add(self, org: int, role: str, weight: int = 1) -> None:
        for o in self.groups.get(org, [org]):
            self.counts.setdefault(o, Counter())[role] += weight

    def role(self, org: int) -> str | None:
        c = self.counts.get(org)
        return c.most_common(1)[0][0] if c else None


def _before(ms: list[Mention], pos: int, not_org: int | None = None) -> Mention | None:
    for m in reversed(ms):
        if m.end <= pos and m.org != not_org:
            return m
    return None


def _after(ms: list[Mention], pos: int, reach: int = 120, not_org: int | None = None) -> Mention | None:
    for m in ms:
        if m.start >= pos and m.start - pos <= reach and m.org != not_org:
            return m
    return None


@dataclass
class _Sentence:
    """One sentence being read: its text, where it starts, the mentions in it, the votes, the subject of
    the deal sentence (for infinitives and participles)."""

    text: str
    offset: int
    ms: list[Mention]
    votes: Votes
    main: int | None

    def after(self, pos: int, reach: int, not_org: int | None = None) -> Mention | None:
        """The first mention within ``reach`` characters after sentence position ``pos``."""
        return _after(self.ms, self.offset + pos, reach, not_org)

    def subject(self, cue_start: int, obj: int | None) -> int | None:
        """The subject of the verb at ``cue_start``: the nearest other organization before it, or the
        deal sentence's subject for "… with X to sell" and ", granting X …"."""
        lead = self.text[max(0, cue_start - 12) : cue_start]
        m = _before(self.ms, self.offset + cue_start, obj)
        if m is not None and _CLAUSE_SUBJECT.match(self.text, m.end - self.offset, cue_start):
            return m.org  # "ASKA will have an exclusive option to obtain …", "the Company agreed to acquire …"
        if re.search(r"\bto\s+$", lead) and (opener := self._opener(cue_start, obj)) is not None:
            return opener  # "A. Centocor wishes to have access … and to have an option to obtain an exclusive license"
        if re.search(r"\bto\s+$|\bwhich\s+(?:the\s+\w+\s+)?$|,\s*$", lead) and self.main is not None:
            return self.main if self.main != obj else None
        participle = re.match(r"\w+ing\b", self.text[cue_start : cue_start + 20])
        if participle and m is not None and self.main is not None and self.main != m.org and _after_with(self, m):
            return self.main if self.main != obj else None  # "an agreement with X granting Y …": the sentence's
        return m.org if m else (self.main if self.main != obj else None)

    def opener_mention(self, before: int) -> Mention | None:
        """The mention that opens the sentence (after a heading such as "WHEREAS" or a list marker), when it
        stands before sentence position ``before``."""
        opens = [m.end() for m in _WHEREAS.finditer(self.text, 0, before)]
        at = opens[-1] if opens else 0  # a recital run into the sentence before it opens its own clause
        first = next((m for m in self.ms if m.start - self.offset >= at), None)
        if first is None or first.start - self.offset >= before:
            return None
        lead = self.text[at : first.start - self.offset]
        return first if re.fullmatch(r"\s*(?:[A-Z]{3,}:?,?\s+)*(?:\(?[A-Z1-9][.)]\s*)?(?:[Tt]he\s+)?", lead) else None

    def _opener(self, cue_start: int, obj: int | None) -> int | None:
        """The organization that opens the sentence as its subject ("Centocor wishes …", "A. X will …"), when
        it stands before ``cue_start`` and is not ``obj``."""
        first = self.ms[0] if self.ms else None
        if first is None or first.org == obj or first.start - self.offset >= cue_start:
            return None
        if not re.fullmatch(r"\s*(?:[A-Z]{3,}:?\s+)*(?:\(?[A-Z1-9][.)]\s*)?", self.text[: first.start - self.offset]):
            return None  # only a heading ("RECITALS") or a list marker ("A.") may stand before it
        if not _OPENER_VERB.match(self.text, first.end - self.offset):
            return None
        return first.org

    def vote(self, org: int | None, role: str, weight: int = 1) -> None:
        if org is not None:
            self.votes.add(org, role, weight)


_WHEREAS = re.compile(r"\bWHEREAS\b|\bWhereas\b")
_OPENER_VERB = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:wishes|desires|wants|intends|seeks|agrees|has\s+agreed|will|shall|is\s+willing)\b",
    re.I,
)


def _after_with(s: _Sentence, m: Mention) -> bool:
    """Whether a mention is the object of "with" ("an agreement with X"), not a subject."""
    return bool(re.search(r"\bwith\s+(?:the\s+)?$", s.text[max(0, m.start - s.offset - 10) : m.start - s.offset]))


def _possessive(sent: str, at: int) -> bool:
    """ "X's" or, after a name ending in s, "X'" (Pieris’ PRS-080)."""
    two = sent[at : at + 2]
    return two in ("'s", "’s") or (sent[at - 1 : at] == "s" and sent[at : at + 1] in ("'", "’") and two[1:] == " ")


def _defined_term(sent: str, cue: re.Match[str]) -> bool:
    """'Licensed Products', 'License Agreement': a capitalized defined term, not a verb."""
    return cue.group(0)[:1].isupper() and bool(re.match(r"\s+[A-Z]", sent[cue.end() : cue.end() + 3]))


def roles(sent: str, offset: int, ents: Entities, *, kind: str, votes: Votes, main: int | None = None) -> None:
    """Vote roles from one sentence (``offset``: where it starts in the text ``ents`` was read from;
    ``kind``: license | collaboration | asset_purchase; ``main``: the deal sentence's subject, for
    infinitives and participles)."""
    ms = ents.between(offset, offset + len(sent))
    if not ms:
        return
    for m in ms:  # members of a group term share its place
        same = [x.org for x in ms if x.start == m.start and x.end == m.end]
        if len(same) > 1:
            votes.groups[m.org] = same
    s = _Sentence(sent, offset, ms, votes, main)
    if kind != "asset_purchase":
        _owners(s)
        _commercializes(s)
    _grants(s)
    if kind != "asset_purchase":
        _licence_phrases(s)
    _obtains(s, buying=kind == "asset_purchase")
    _payments(s, *(("buyer", "seller") if kind == "asset_purchase" else ("licensee", "licensor")))
    if kind == "asset_purchase":
        _sale(s)


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


def _grants_by(s: _Sentence) -> None:
    """ "the grant by X of rights … to Y, Z and W": X the licensor, the ones after "to" licensees."""
    sent = s.text
    for cue in re.finditer(r"\bgrant\s+by\s+(?:the\s+)?", sent):
        if (giver := s.after(cue.end(), 4)) is not None:
            s.vote(giver.org, "licensor", 2)
            if to := re.search(r"\bto\s+", sent[cue.end() : cue.end() + 160]):
                first, last = s.offset + cue.end() + to.end(), s.offset + cue.end() + 200
                for m in s.ms:
                    if first <= m.start < last and m.org != giver.org:
                        s.vote(m.org, "licensee", 2)


def _grants(s: _Sentence) -> None:
    sent = s.text
    _grants_by(s)
    for cue in _PASSIVE_GRANT.finditer(sent):  # "Bracco has been granted exclusive rights"
        subj = _before(s.ms, s.offset + cue.start())
        if re.search(r"\band\s+$", sent[max(0, cue.start() - 6) : cue.start()]) and (
            first := s.opener_mention(cue.start())
        ):
            subj = first  # "The Licensor is the sole licensee from the University …, and has been granted the rights"
        if subj:
            s.vote(subj.org, "licensee")
            by = re.match(r"\s*(?:\S+\s+){0,8}?by\s+", sent[cue.end() :])
            if by and (obj := s.after(cue.end() + by.end(), 30, subj.org)):
                s.vote(obj.org, "licensor")
    for cue in _GRANT.finditer(sent):
        if _PASSIVE_GRANT.search(sent[max(0, cue.start() - 20) : cue.end()]) or _defined_term(sent, cue):
            continue
        if _REGULATORY.match(sent, cue.end()):
            continue  # "the FDA has granted Icatibant fast track designation": a regulator's, no licence
        if by := re.match(r"\s+(?:\w+\s+){0,2}?by\s+", sent[cue.end() :]):  # "the rights granted by X"
            if giver := s.after(cue.end() + by.end(), 12):
                s.vote(giver.org, "licensor", 2)
            continue
        obj = s.after(cue.end(), 20)  # "granted to X", "grants X", "granting X the rights"
        if obj is not None and "," in sent[cue.end() : obj.start - s.offset]:
            obj = None  # "In exchange for granting this license, the Company received …": a new clause's subject
        s.vote(s.subject(cue.start(), obj.org if obj else None), "licensor", 2)
        s.vote(obj.org if obj else None, "licensee", 2)


def _obtains(s: _Sentence, *, buying: bool) -> None:
    sent = s.text
    for cue in _OBTAIN.finditer(sent):
        word = cue.group(0).lower()
        if _defined_term(sent, cue) or (buying and word.startswith("acqui")):  # buying: _sale
            continue
        if word.startswith("licen") and LICENSED_THING.match(sent, cue.end()):
            continue  # "royalties on sales of licensed products": an adjective
        tail = sent[cue.end() : cue.end() + 90]
        rights = _RIGHTSISH.search(tail[:70])
        if not rights and not word.startswith(("in-", "inl", "licen")):
            continue
        if rights and (money := _MONEYISH.search(tail)) and money.start() < rights.start():
            continue  # "receive up to €80 million … in the licensed territory": money, not rights
        if word.startswith("licen") and re.match(r"\s+(?:its|our|their)\s", tail):
            s.vote(s.subject(cue.start(), None), "licensor", 2)  # "X has licensed its patents … to Canon": a grant
            continue
        if word.startswith("licen") and re.match(r"\s*(?:\S+\s+){0,6}?to\b|\s+by\b", tail):
            continue  # "licensed … to Y" is a grant; "patents licensed by X" a description
        clause = re.search(r"\s+and\s+(?:may|shall|will|must|is|are)\b|;", tail)  # "… and may not be sold … from"
        src = re.search(r"\b(?:from|of|by|owned\s+by|controlled\s+by)\s+", tail[: clause.start()] if clause else tail)
        giver = s.after(cue.end() + src.end(), 40) if src else None
        own = s.after(cue.end(), 4)  # "licensed ImmunoGen's technology"
        if giver is None and own is not None and _possessive(sent, own.end - s.offset):
            giver = own
        if giver is None:  # "exclusive rights to X's product": X owns what is licensed
            link = re.search(r"\b(?:to|under|of|in)\s+(?:the\s+)?", tail[:50])
            cand = s.after(cue.end() + link.end(), 4) if link else None
            if cand is not None and _possessive(s.text, cand.end - s.offset):
                giver = cand
        s.vote(s.subject(cue.start(), giver.org if giver else None), "licensee")
        s.vote(giver.org if giver else None, "licensor", 2)


def _payments(s: _Sentence, payer: str, payee: str) -> None:
    sent = s.text
    for cue in _PAY.finditer(sent):
        if re.search(r"\b(?:was|were|been|be|is|are)\s+$", sent[max(0, cue.start() - 8) : cue.start()]):
            continue  # "$20,000 was paid": the payer is not before the verb
        tail = sent[cue.end() : cue.end() + 120]
        if not _MONEYISH.search(tail):
            continue
        to = _PAYMENT_TO.search(tail) or re.match(r"\s*(?:to\s+)?", tail)
        obj = s.after(cue.end() + (to.end() if to else 0), 60 if to and to.end() > 3 else 8)
        subj = s.subject(cue.start(), obj.org if obj else None)
        s.vote(subj, payer)
        if obj is not None and obj.org != subj:
            s.vote(obj.org, payee, 2)
    for cue in re.finditer(r"\bpayable\s+to\s+", sent, re.I):  # "royalties payable to X"
        s.vote(x.org if (x := s.after(cue.end(), 8)) else None, payee, 2)
    for cue in _RECEIVE_MONEY.finditer(sent):
        tail = sent[cue.end() : cue.end() + 80]
        if not _MONEYISH.search(tail[:60]) or _RIGHTSISH.search(tail[:25]):
            continue
        subj = s.subject(cue.start(), None)
        s.vote(subj, payee)
        frm = re.search(r"\bfrom\s+", tail)
        if frm and (giver := s.after(cue.end() + frm.end(), 10, subj)):
            s.vote(giver.org, payer)


_SALE_OF_OWN = re.compile(  # "… for the sale of substantially all of its assets": the subject sells
    r"\bsale\s+of\s+(?:(?:substantially\s+)?all\s+(?:of\s+)?|certain\s+(?:of\s+)?)?"
    r"(?:(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:assets|rights|business|operations)\s+of\s+)?(?:its|our|their)\b",
    re.I,
)


_ASSETS_OF = re.compile(  # "the completed acquisition of the intellectual property assets of Savetherapeutics AG"
    r"\b(?:(?:acquisition|purchase)\s+of\s+|(?:acquired|purchased|acquire|purchase|acquiring|purchasing)\s+)"
    r"(?:the\s+|certain\s+|substantially\s+all\s+(?:of\s+)?(?:the\s+)?)?(?:[\w\-]+\s+){0,3}?assets\s+(?:of|from)\s+(?:the\s+)?"
    r"(?-i:(?:[a-z][\w\-]*,?\s+){0,6}(?=[A-Z]))",  # "the assets of the previous licensee of this technology, AGT"
    re.I,
)


def _sale(s: _Sentence) -> None:
    for cue in _ASSETS_OF.finditer(s.text):  # a seller the deal's anchor did not name is another, older sale
        seller = s.after(cue.end(), 4)
        if seller is not None and (len(s.votes.parties) < 2 or seller.org in s.votes.parties):
            s.vote(seller.org, "seller", 2)
            s.vote(s.main if s.main is not None else s.subject(cue.start(), seller.org), "buyer")
    for cue in _SALE_OF_OWN.finditer(s.text):
        s.vote(s.main if s.main is not None else s.subject(cue.start(), None), "seller", 2)
    for cue in re.finditer(r"\bsale\s+to\s+(?:the\s+)?", s.text, re.I):  # "announced the sale to USHIFU, LLC of …"
        if (buyer := s.after(cue.end(), 4)) is not None:
            s.vote(buyer.org, "buyer", 2)
            s.vote(s.subject(cue.start(), buyer.org), "seller")
    for pattern, prep, subj_role, obj_role in ((_SELL, "to", "seller", "buyer"), (_BUY, "from", "buyer", "seller")):
        for cue in pattern.finditer(s.text):
            tail = s.text[cue.end() : cue.end() + 200]
            if (
                _defined_term(s.text, cue)
                or re.match(r"\s+(?:agreements?|price|order|option)\b", tail, re.I)
                or (
                    not cue.group(0).endswith("ing")  # "is acquiring" is active; "is acquired", "assets sold" not
                    and re.search(
                        r"\b(?:rights|assets|products?|business(?:es)?|being|been|be|was|were|is|are)\s+$",
                        s.text[max(0, cue.start() - 12) : cue.start()],
                        re.I,
                    )
                )
            ):
                continue  # "asset purchase agreement", "the Acquired Assets", "the rights sold": no seller before it
            link = re.search(rf"\b{prep}\s+", tail)
            obj = s.after(cue.end() + link.end(), 12) if link else None
            own = s.after(cue.end(), 6)  # "acquire Merck's right, title and interest"
            if obj is None and own is not None and _possessive(s.text, own.end - s.offset):
                s.vote(s.subject(cue.start(), own.org), subj_role)
                s.vote(own.org, obj_role)
                continue
            s.vote(s.subject(cue.start(), obj.org if obj else None), subj_role)
            s.vote(obj.org if obj else None, obj_role)
