"""A deal's typed terms from its sentences: money in its field, exclusivity, territory, royalties.

Money goes to the field whose cue stands nearest the amount in its clause: upfront (up-front, initial,
signing, initiation or license issue fee, one-time or lump-sum payment, paid at closing or on execution),
milestones, equity investment, or total value ("a total value of", "total consideration of", "valued
at", "for $X, of which …"). An amount followed by "which includes …" or "of which …" is the sum of the
parts that follow: a total when a total cue names it, else nothing. An amount in parentheses right after
another ("€10 million ($11.8 million)") is its equivalent and is not counted again. Milestones are the
stated maxima: one amount for milestones in general wins, else the parts by kind are added.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from eightk.extract.deal_places import territory
from eightk.extract.money import MoneyMention, money_in
from eightk.model import Money

__all__ = ["Terms", "classify", "milestones_total", "read_terms", "title_exclusive"]

_I = re.IGNORECASE
_CUES: dict[str, re.Pattern[str]] = {
    "upfront": re.compile(
        r"up-?\s?front|initial\s+(?:cash\s+|license\s+|licensing\s+)?(?:payment|fee)|signing\s+(?:fee|payment|bonus)|"
        r"\bimmediate\b(?=[^.;]{0,40}\bpayment)|"  # "an immediate $5.0 million net payment"
        r"(?:upon|on|at)\s+(?:the\s+)?(?:\w+\s+)?(?:signing|execution|closing)|at\s+or\s+prior\s+to\s+(?:the\s+)?closing|"
        r"initiation\s+fee|(?:license\s+)?issue\s+fee|one-?\s?time\b|lump[-\s]sum|"
        r"license\s+fee|non-?refundable\s+(?:\w+\s+)?(?:payment|fee)|exercise\s+fee|upon\s+(?:the\s+)?effective",
        _I,
    ),
    "milestones": re.compile(
        r"milestones?|(?:contingent|success|event)[-\s]based\s+payments?|contingent\s+(?:\w+\s+)?payments\b|"
        r"(?:upon|on)\s+(?:the\s+)?(?:initial\s+|first\s+)?(?:FDA|EMA|regulatory|marketing)\s+approval",
        _I,
    ),
    "equity": re.compile(
        r"equity\s+investment|invest(?:ment)?\s+(?:of\s+)?(?:in|into)\b|purchase\s+(?:of\s+)?(?:\$[\d.,]+\s+\w+\s+(?:of|in)\s+)?"
        r"(?:newly\s+issued\s+)?(?:shares|common\s+stock|ordinary\s+shares)|stock\s+purchase|premium\s+to",
        _I,
    ),
    "total_value": re.compile(
        r"total\s+(?:potential\s+)?(?:deal\s+|transaction\s+|contract\s+)?(?:value|consideration)|"
        r"aggregate\s+(?:deal\s+|transaction\s+)?(?:value|consideration)|valued\s+at|worth|"
        r"up\s+to\s+a\s+total\s+of|purchase\s+price|total\s+of\s+up\s+to|potential\s+(?:deal\s+)?value|deal\s+value",
        _I,
    ),
}
_PARTS_FOLLOW = re.compile(  # "$150 million upon closing, which includes …": the sum of the parts after it
    r"^\s*(?:\([^)]{0,80}\)\s*)?(?:[\w\-]+[\s,]+){0,3}?(?:which\s+includes?|including|consisting\s+of|"
    r"comprised\s+of|of\s+which)\b",
    _I,
)
# milestones listed with other kinds of payment, one amount for all: the deal's total
_MANY_KINDS = re.compile(
    r"\b(?:fees?|funding|payments?|reimbursements?)\s*,\s*(?:[\w\-]+\s+){0,3}?(?:fees?|funding|payments?|reimbursements?)"
    r"\s*,?\s*and\s+(?:[\w\-]+\s+){0,2}?milestone\s+payments?\s+(?:of\s+|totaling\s+|totalling\s+)?(?:up\s+to\s+)?"
    r"(?:approximately\s+)?$",
    _I,
)
# one amount for the upfront and the milestones together: "The aggregate amount of upfront payment, exercising
# payment, and … milestone adds up to"
_ALL_KINDS_SUMMED = re.compile(
    r"\b(?:aggregate|total|combined)\s+(?:amount|value|sum)\s+of\s+(?:the\s+)?(?:up-?\s?front|initial)\b[^.;$€£¥]{0,160}?"
    r"\bmilestones?\b[^.;$€£¥]{0,80}$",
    _I,
)
_NOT_DEAL_MONEY = re.compile(
    r"(?:net\s+sales|revenues?|sales)\s+(?:exceed|of|threshold(?!\s+milestone))|threshold(?!\s+milestone)|minimum\s+(?:annual\s+)?royalt|"
    r"recogni[sz]ed|amortization|deferred|book\s+value|expense|gain|loss|liabilit",
    _I,
)
# a price per share is no deal amount: "valued at $1.18 per share", "at $8.00 per ordinary share"
_PER_SHARE = re.compile(r"\s*(?:per|a|for\s+each)\s+(?:ordinary\s+|common\s+)?(?:share|ADS)\b", _I)
# the value of shares issued, not money paid: "issued 6,000,000 shares … valued at … $1.18 per share for the stock
# granted on the date of acquisition for $7,080,000"
_SHARES_VALUE = re.compile(r"\bvalued\s+at\b[^;]{0,40}?\bper\s+share\b,?[^;,]{0,60}?\bfor\s+$", _I)
_KIND = re.compile(
    r"(development|clinical|regulatory|approval|sales|commercial)(?:-based|-related)?\s+(?:and\s+\w+\s+)?milestone", _I
)
_KINDS = {"development": "development", "clinical": "development", "regulatory": "regulatory", "approval": "regulatory",
          "sales": "sales", "commercial": "sales"}  # fmt: skip
_EXCLUSIVE = re.compile(r"\b(co-?exclusive|non-?exclusive|exclusive(?:ly)?)\b", _I)
# not a grant's exclusivity: an option's, a negotiation's or talks', a partner's or supplier's ("Beijing Royal to be
# the Company's exclusive development partner"), where rights vest ("vest exclusively in CRH")
_NOT_GRANT_EXCLUSIVE = re.compile(
    r"^\s*(?:option|negotiations?|right\s+to\s+negotiate|dealing|period|talks|discussions|"
    r"(?:[\w\-]+\s+)?(?:partner|supplier)s?\b)",
    _I,
)
_VESTS = re.compile(r"\bvest(?:s|ed)?\s+$", _I)
# the rights left after the licence's term: "Following expiration of the Royalty Term, X will continue to
# maintain non-exclusive rights"
_AFTER_TERM = re.compile(
    r"^\W*(?:following|after|upon|on)\s+(?:the\s+)?(?:expiration|expiry|end|termination)\s+of\b", _I
)
_ROYALTY = re.compile(  # a royalty by name, or a fee that is a share of the licensee's sales
    r"royalt(?:y|ies)|\bpercentage\s+of\s+(?:its\s+|the\s+|all\s+)?(?:net\s+)?(?:sales|revenues?)\b|"
    r"\b\d+(?:\.\d+)?\s*%\s+of\s+(?:its\s+|the\s+|all\s+)?net\s+sales\b",
    _I,
)
_NO_ROYALTY = re.compile(r"royalty(?:\s+and\s+\w+)?[-\s]free|free\s+of\s+(?:any\s+)?royalt|fully\s+paid(?:-up)?", _I)
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*(?:%|percent)", _I)


@dataclass(slots=True)
class Terms:
    """What a deal's sentences say: each value with the (start, end) it came from (text offsets)."""

    money: dict[str, tuple[Money, int, int]] = field(default_factory=dict)
    milestone_parts: list[tuple[str | None, Money, int, int]] = field(default_factory=list)
    exclusive: tuple[bool | None, int, int] | None = None
    exclusive_locked: bool = False  # set by a contract's title
    territory: tuple[str, int, int] | None = None
    territory_defined: bool = False  # the place a sentence defines as the Territory: kept over others
    royalties: tuple[bool, float | None, float | None, int, int] | None = None
    sale: bool = False  # an asset sale: its price with no other cue is paid at closing (the upfront)


_PRICE = re.compile(
    r"\bfor\s+(?:approximately\s+|about\s+|roughly\s+|a\s+(?:cash\s+)?(?:purchase\s+)?price\s+of\s+(?:approximately\s+)?|"
    r"(?:an?\s+)?(?:aggregate|total)\s+(?:cash\s+)?(?:purchase\s+price|consideration)\s+of\s+(?:approximately\s+)?)?$|"
    # "the Company received an aggregate of $9,000,000 from AUO", "completed in a cash transaction of approximately"
    r"\b(?:received|paid)\s+(?:(?:an?\s+)?(?:aggregate|total)\s+of\s+)?$|\btransaction\s+of\s+(?:approximately\s+)?$",
    _I,
)
# a licence's price: "Atrix paid $485,000.00 for the exclusive rights to the two indications"
_PAID_FOR_RIGHTS = re.compile(
    r"\s*(?:in\s+cash\s+)?for\s+(?:the\s+|an?\s+)?(?:[\w\-]+\s+){0,3}?(?:rights|licen[cs]e)\b", _I
)


def classify(sent: str, mention: MoneyMention, floor: int = 0, *, sale: bool = False) -> str | None:
    """The field of one amount in its sentence, or None when it is no deal term. Cues before ``floor``
    (the end of the amount before this one) belong to that amount: "a license fee of $5.0 million and
    up to $62.0 million in milestone payments"."""
    before = sent[max(0, floor, mention.start - 90) : mention.start]
    after = sent[mention.end : mention.end + 110]
    if (
        _NOT_DEAL_MONEY.search(before[-45:])
        or _NOT_DEAL_MONEY.search(after[:30])
        or _PER_SHARE.match(after)
        or _SHARES_VALUE.search(sent, max(0, mention.start - 160), mention.start)
    ):
        return None
    if _PARTS_FOLLOW.match(after):
        return (
            "total_value"
            if _CUES["total_value"].search(before[-50:]) or re.match(r"^\s*,?\s*of\s+which", after)
            else None
        )
    if _stated_total(sent, before, mention):
        return "total_value"
    best: tuple[int, str] | None = None
    # "a $15 million upfront payment, and … up to $520.0 million": a cue right after the amount before is its
    tied = floor and floor > mention.start - 90 and (lead := re.match(r"\s*(?:[\w\-]+\s+)?", before))
    for name, pattern in _CUES.items():
        for m in pattern.finditer(before):
            if tied and lead and m.start() <= lead.end():
                continue
            dist = len(before) - m.end()
            if name == "total_value" and dist > 25:
                continue
            best = min(best, (dist, name)) if best else (dist, name)
        later = pattern.search(after if name == "milestones" else after[:70])
        if later and name != "total_value":
            dist = later.start() + (8 if re.search(r"[.;]", after[: later.start()]) else 0)
            best = min(best, (dist, name)) if best else (dist, name)
    if best is None and _price(before, after, sale=sale):
        return "upfront"
    if best is None or best[0] > (100 if best[1] == "milestones" else 75):
        return None
    if best[1] == "milestones" and _MANY_KINDS.search(before):
        return "total_value"  # "license fees, research funding and milestone payments of up to $107 million"
    if best[1] == "total_value":  # "milestone payments with an aggregate value of", "shares … valued at"
        said = before[: len(before) - best[0]]
        if re.search(r"milestones?\s+(?:payments?\s+)?(?:with|having)\b[^.]{0,30}$", said, _I):
            return "milestones"
        if re.search(r"\b(?:shares|stock|equity|warrants?)\b[^.;]{0,50}$", said, _I):
            return "equity"
    return best[1]


# an amount whose clause goes on to say it holds the upfront, named with no amount of its own
_UPFRONT_INSIDE = re.compile(
    r"[^.;$€£¥]{0,100}?,?\s+including\s+(?:an?\s+|the\s+)?(?:up-?\s?front|initial|signing)\b", _I
)


def _stated_total(sent: str, before: str, mention: MoneyMention) -> bool:
    """A total said as such: "for a consideration of up to $31 million" (contingent parts in it), "The
    aggregate amount of upfront, development, … milestone payments … is up to $517.5 million", "up to EUR
    149 million in … milestones, including an upfront and equity payment"."""
    if mention.money.qualifier == "up to" and re.search(r"\bconsideration\s+of\s*$", before, _I):
        return True
    after = sent[mention.end : mention.end + 160]
    if _UPFRONT_INSIDE.match(after):
        return True  # "up to EUR 149 million in … milestones, including an upfront and equity payment"
    return bool(_ALL_KINDS_SUMMED.search(sent[max(0, mention.start - 220) : mention.start]))


_FOR_WHAT_IS_SOLD = re.compile(
    r"\s*(?:in\s+cash\s+)?for\s+(?:the|its|this|that|all\s+of\s+the)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:business(?:es)?|assets|division|unit|operations|product\s+lines?|brands?)\b",
    _I,
)


def _price(before: str, after: str, *, sale: bool) -> bool:
    """Whether an amount with no cue is the price paid at signing or closing (the deal set's convention: the
    upfront): an asset sale "for $110 million", "received an aggregate of $9,000,000", "will pay 100 million
    euros in cash for the business"; a licence's "paid $485,000.00 for the exclusive rights"."""
    if sale and _PRICE.search(before):
        return True
    if sale and re.search(r"\b(?:will|would|to|shall)\s+pay\s+$", before, _I) and _FOR_WHAT_IS_SOLD.match(after):
        return True  # "The Sun Capital affiliate will pay 100 million euros in cash for the business"
    return bool(re.search(r"\bpaid\s+$", before) and _PAID_FOR_RIGHTS.match(after))


def read_terms(sents: list[tuple[int, str]], terms: Terms | None = None) -> Terms:
    """Terms from ``(offset, sentence)`` pairs, the first value of each field kept."""
    t = terms or Terms()
    for offset, sent in sents:
        _money(offset, sent, t)
        _exclusive(offset, sent, t)
        _royalties(offset, sent, t)
        territory(offset, sent, t)
    return t


# a sentence that spells out the milestone payments already stated, by event
_BREAKDOWN = re.compile(
    r"\W*(?:The|These|Such|Those)\s+(?:[\w\-]+\s+){0,2}?(?:milestones?|contingent|earn-?out)\s+(?:payments?\s+)?"
    r"(?:are|will\s+be|shall\s+be|would\s+be)\s+(?:payable|paid|due|earned)\b",
    _I,
)
_EQUIVALENT = re.compile(
    r"\s*\(\s*(?:or\s+|approximately\s+|approx\.\s*|about\s+|equivalent\s+to\s+|(?:being\s+)?(?:approximately\s+)?equal\s+to\s+)?"
)


# a sentence about another agreement's money: "Under an existing agreement, WuXi and Gloria could receive
# commercial milestones up to $375M"
_OTHER_AGREEMENTS = re.compile(
    r"\W*(?:Under|Pursuant\s+to|As\s+part\s+of)\s+(?:an?|the|its|their|our)\s+(?:existing|earlier|prior|previous|"
    r"original|separate|other)\s+(?:[\w\-]+\s+){0,2}?(?:agreements?|arrangements?|licen[cs]es?)\b",
    _I,
)


def _money(offset: int, sent: str, t: Terms) -> None:
    if _OTHER_AGREEMENTS.match(sent):
        return
    mentions = list(money_in(sent))
    floor = 0
    for i, mention in enumerate(mentions):
        if i and _EQUIVALENT.fullmatch(sent, mentions[i - 1].end, mention.start):
            continue  # the amount before, in another currency: kept as its equivalent
        name = classify(sent, mention, floor, sale=t.sale)
        floor = mention.end
        money = mention.high or mention.money
        a, b = offset + mention.start, offset + mention.end
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and _EQUIVALENT.fullmatch(sent, mention.end, nxt.start):
            other = nxt.high or nxt.money
            if other.currency != money.currency:  # "€10 million ($11.8 million)": both, one value
                money = dataclasses.replace(money, equivalent=dataclasses.replace(other, qualifier=None))
                mention = dataclasses.replace(
                    mention, money=dataclasses.replace(mention.money, equivalent=money.equivalent)
                )
                b = offset + nxt.end
        if name == "milestones":
            if t.milestone_parts and _BREAKDOWN.match(sent):
                continue  # "The Milestone Payments are payable as follows: (1) $10 million …": parts told before
            lead = sent[max(0, mention.start - 30) : mention.start]
            if re.search(r"\b(?:including|of\s+which|consisting\s+of|comprised\s+of)\b[^$€£¥]{0,20}$", lead, _I):
                continue  # a part of an amount already counted
            kind = _milestone_kind(sent, mention)
            if kind is None and re.search(r"\b(?:aggregate|total|totaling|totalling)\b", lead, _I):
                kind = "aggregate"
            t.milestone_parts.append((kind, money, a, b))
        elif name is not None and name not in t.money:
            t.money[name] = (mention.money if name == "upfront" else money, a, b)


def title_exclusive(title: str, t: Terms) -> None:
    """A contract's title decides exclusivity ("EXCLUSIVE PATENT LICENSE", "NON-EXCLUSIVE … AGREEMENT")."""
    for m in re.finditer(
        r"\b(NON-?EXCLUSIVE|EXCLUSIVE|Non-?[Ee]xclusive|Exclusive)\b[\w\s\-]{0,60}?\b(?:LICEN[CS]E|License|Licence)",
        title,
    ):
        t.exclusive = (not m.group(1).lower().startswith("non"), m.start(1), m.end(1))
        t.exclusive_locked = True
        return


def _milestone_kind(sent: str, mention: MoneyMention) -> str | None:
    """The one kind of milestone an amount is tied to ("$25 million in development milestones"), or
    None: milestones in general, or a list of kinds ("development, regulatory and commercial …")."""
    after = _KIND.match(sent, mention.end, mention.end + 60) or re.match(
        r"\s*(?:in|of)?\s*(?:potential\s+|additional\s+)?", sent[mention.end :]
    )
    m = _KIND.match(sent, mention.end + after.end()) if after and not isinstance(after, type(None)) else None
    if m is None:
        near = [k for k in _KIND.finditer(sent, max(0, mention.start - 60), mention.start)]
        m = (
            near[-1]
            if near and re.search(r"(?:of|totaling|up\s+to|payments?)\s*$", sent[near[-1].end() : mention.start])
            else None
        )
    if m is None or re.search(r"(?:,|\band|\bor)\s*$", sent[max(0, m.start() - 6) : m.start()]):
        return None
    return _KINDS[m.group(1).lower()]


def _exclusive(offset: int, sent: str, t: Terms) -> None:
    if t.exclusive_locked:
        return
    if t.exclusive is not None and t.exclusive[0] is None or _AFTER_TERM.match(sent):
        return
    for m in _EXCLUSIVE.finditer(sent):
        if _NOT_GRANT_EXCLUSIVE.match(sent[m.end() : m.end() + 25]) or _VESTS.search(
            sent, max(0, m.start() - 8), m.start()
        ):
            continue
        word = m.group(1).lower()
        value = None if word.startswith("co") else not word.startswith("non")
        if t.exclusive is None:
            t.exclusive = (value, offset + m.start(), offset + m.end())
        elif t.exclusive[0] != value:  # exclusive here, non-exclusive there: mixed
            t.exclusive = (None, offset + m.start(), offset + m.end())
        return


# a royalty that is the thing sold or done away with, not a term of the deal: "to sell … the Company's remaining
# future royalties", "purchased a royalty stream", "Eliminates milestone and royalty payments", "replaces … royalty
# burden"
_ROYALTY_AS_ASSET = re.compile(
    r"\b(?:sell|sells|sold|sale\s+of|purchas\w*|acquir\w*|buy|bought|monetiz\w*|eliminat\w*|replac\w*|terminat\w*)\b"
    r"[^.;]{0,60}$",
    _I,
)


def _royalties(offset: int, sent: str, t: Terms) -> None:
    m = next(
        (m for m in _ROYALTY.finditer(sent) if not _ROYALTY_AS_ASSET.search(sent, max(0, m.start() - 70), m.start())),
        None,
    )
    if m is None or t.royalties is not None:
        return
    if _NO_ROYALTY.search(sent) and not re.search(
        r"royalty[-\s]bearing|royalties\s+on|pay\s+(?:\w+\s+){0,3}royalt", sent, _I
    ):
        return
    window = sent[max(0, m.start() - 120) : m.end() + 120]
    rates = [float(p) / 100 for p in _PERCENT.findall(window) if float(p) < 60]
    t.royalties = (
        True,
        min(rates) if rates else None,
        max(rates) if rates else None,
        offset + m.start(),
        offset + m.end(),
    )


def milestones_total(parts: list[tuple[str | None, Money, int, int]]) -> tuple[Money, int, int] | None:
    """The stated maxima added: every amount once (an amount repeated for the same kind counts once);
    an amount stated as the aggregate of the rest ("aggregate", "total", "in total") that is at least
    their sum stands alone. Parts introduced by "including" or "of which" are left out by ``_money``."""
    if not parts:
        return None
    seen: dict[tuple[str, float], tuple[str | None, Money, int, int]] = {}
    for p in parts:
        seen.setdefault((p[0] or "", float(p[1].amount)), p)
    chosen = list(seen.values())
    first = chosen[0]
    if len(chosen) == 1:
        return first[1], first[2], first[3]
    biggest = max(chosen, key=lambda p: p[1].amount)
    rest = sum(p[1].amount for p in chosen) - biggest[1].amount
    if biggest[0] == "aggregate" and biggest[1].amount >= rest:
        return Money(biggest[1].amount, biggest[1].currency, "up to"), biggest[2], biggest[3]
    total = sum(p[1].amount for p in chosen)
    return Money(total, first[1].currency, "up to"), first[2], first[3]
