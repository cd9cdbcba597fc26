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

from eightk.extract.deal_role_hints import _commercializes, _licence_phrases, _owners
from eightk.extract.deal_sentence import (
    _MONEYISH,
    _RIGHTSISH,
    COMPLEMENT,
    LICENSED_THING,
    Votes,
    _after_with,
    _before,
    _defined_term,
    _possessive,
    _Sentence,
)
from eightk.extract.entities import Entities, Mention

__all__ = ["COMPLEMENT", "LICENSED_THING", "Votes", "roles"]

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
_PAY = re.compile(r"\b(?:pay|pays|paid|paying|will\s+make|made|makes)\b", re.I)
_PAYMENT_TO = re.compile(r"\bpayments?\b[^.;]{0,60}?\bto\s+", re.I)
_RECEIVE_MONEY = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|(?:is|are|was|be|become)\s+(?:eligible|entitled)\s+to(?:\s+(?:receive|earn))?|"
    r"earn(?:s|ed)?)\b",
    re.I,
)
_SELL = re.compile(r"\b(?:sell|sells|sold|selling|assign(?:s|ed)?|transfer(?:s|red)?|divest(?:s|ed|iture)?)\b", re.I)
_BUY = re.compile(r"\b(?:acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|buy|bought)\b", re.I)


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
        if obj is None and (it := _granted_it(s, cue)) is not None:
            obj = it  # "an agreement with Arcus Biosciences granting it an exclusive license": "it" is Arcus
        s.vote(s.subject(cue.start(), obj.org if obj else None), "licensor", 2)
        s.vote(obj.org if obj else None, "licensee", 2)


def _granted_it(s: _Sentence, cue: re.Match[str]) -> Mention | None:
    """The one "it" names in "… an agreement with X granting it …": the organization after "with" right
    before the participle."""
    if not re.match(r"\s+(?:it|them)\b", s.text[cue.end() :]) or not cue.group(0).lower().endswith("ing"):
        return None
    m = _before(s.ms, s.offset + cue.start())
    return m if m is not None and _after_with(s, m) else None


def _obtains(s: _Sentence, *, buying: bool) -> None:
    sent = s.text
    for cue in _OBTAIN.finditer(sent):
        word = cue.group(0).lower()
        if _defined_term(sent, cue) or (buying and word.startswith("acqui")):  # buying: _sale
            continue
        if word.startswith("licen") and LICENSED_THING.match(sent, cue.end()):
            continue  # "royalties on sales of licensed products": an adjective
        tail = sent[cue.end() : cue.end() + 90]
        if word.startswith(("obtain", "secur", "receiv")) and re.search(
            r"\b(?:is|are|was|were|be|been)\s+$", sent[max(0, cue.start() - 12) : cue.start()]
        ):
            continue  # "so long as that consent is obtained": a passive, its subject receives nothing
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
