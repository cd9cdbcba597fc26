"""The terms of an acquisition read from the sentences that tell it: its status (agreed, completed,
terminated) and its consideration (the stated price, null when paid in stock)."""

from __future__ import annotations

import datetime as _dt
import re

from eightk.extract.money import money_in
from eightk.extract.text import Region, dates_in
from eightk.model import Money

__all__ = ["closing_date", "consideration", "status"]


# words of a deal still to close, which say nothing of a closing: "to be acquired by", "expected to close",
# "upon the closing of", "prior to the completion of", "the closing of the merger is subject to"
_PENDING = re.compile(
    r"\b(?:to|will|would|shall|may|could)\s+(?:(?:not\s+)?be\s+)?(?:acquired|sold|completed|consummated|closed|merged)\b|"
    r"\bexpect\w*\s+(?:to\s+)?(?:close|be\s+completed|complete|consummate)\w*|"
    r"\b(?:upon|following|after|prior\s+to|before|until|at|conditioned\s+on)\s+(?:the\s+)?"
    r"(?:closing|completion|consummation)\b|"
    r"\b(?:the\s+)?(?:closing|completion|consummation)\s+of\s+the\s+(?:\w+\s+){0,3}?is\s+(?:subject|expected|conditioned)",
    re.I,
)
_DONE = re.compile(
    r"\b(?:completed|completes|consummated|closed|closes|finali[sz]e[ds]|closing\s+of|(?<!the\s)(?<!an\s)acquired|(?<!be\s)sold|divested|merged)\b",
    re.I,
)


def status(sent: str) -> str:
    """ "terminated", "completed" or "agreed" for the sentence that tells an acquisition: a closing said
    as done ("completed", "closed", "acquired", "sold"); words of a deal still to close ("to be acquired
    by", "expected to close", "upon the closing of") are not."""
    if re.search(r"terminat", sent, re.I):
        return "terminated"
    return "completed" if _DONE.search(_PENDING.sub(" ", sent)) else "agreed"


# words before an amount that make it the deal's price: strong ("aggregate", "purchase price of", "total
# consideration … valued at") win over weak ones ("for", "paid", "in cash", "transaction")
_PRICE_STRONG = re.compile(
    r"aggregate|purchase\s+price|price\s+of|consideration|valued|value\s+of|(?<!net\s)proceeds\s+of\s+(?:\w+\s+){0,2}$|"
    r"per\s+share,\s+representing\s+(?:approximately\s+|about\s+)?$"  # "$4.90 per share, representing approximately"
)
_PRICE_WEAK = re.compile(
    r"for\s+(?:approximately\s+|about\s+)?$|payment\s+of\s+(?:approximately\s+|about\s+)?$|transaction|in\s+cash|\bpa(?:id|ys?|ying)\s+(?:\w+\s+){0,2}?(?:u\.s\.\s+)?$"
)
_A_FEE = re.compile(r"\s*(?:(?:reverse|company|parent)\s+)?(?:termination|break-?up)\s+fee", re.I)
_PER_SHARE = re.compile(r"per\s+share\s*(?:price\s+)?(?:of|is|was|equal\s+to|amount\s+of)?\s*$")
_IN_STOCK = re.compile(r"\s+in\s+an?\s+all[\s-]stock\b|\s+(?:payable\s+)?in\s+(?:shares|stock)\b")
# a price paid in shares only: "a fixed exchange ratio of 1.18 shares of A's common stock for each share"
_EXCHANGE = re.compile(
    r"exchange\s+ratio|"
    r"shares?\s+of\s+[\w&'’ .]{0,40}?(?:common|capital)\s+stock\s+for\s+each\s+(?:outstanding\s+)?share",
    re.I,
)


# the end of the sentence that tells the deal (not the period of "Inc." or "Corp.")
_SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bNo)(?<!\bU\.S)\.\s+(?=[A-Z“\"(])")


def consideration(body: str, start: int, end: int) -> tuple[Money, int, int] | None:
    """The deal's stated price in ``body[start:end]`` as ``(money, start, end)``, never a per-share price
    or par value: in the deal's own sentence first, then in the rest of the window, the first amount of
    at least 100,000 that words mark as a price ("aggregate", "purchase price of", "valued at"), else the
    first marked by weaker words ("for", "paid", "in cash"). None when the price is paid in stock ("in an
    all-stock transaction", an exchange ratio with no cash), as the schema's consideration is then null."""
    window = body[start:end]
    if _EXCHANGE.search(window) and not re.search(r"\bcash\b", window, re.I):
        return None
    stop = _SENTENCE_END.search(body, start, end)
    parts = ((start, stop.start() + 1), (stop.start() + 1, end)) if stop else ((start, end),)
    for i, (a, b) in enumerate(parts):
        found = _price(body, (a, b), start, first_marked=i == 0 and len(parts) > 1)
        if found is not None:
            return found or None
    return None


# an amount that caps or adds to the price, not the price: "an earn-out … with a maximum value of $70 million"
_NOT_THE_PRICE = re.compile(r"(?:maximum|up\s+to|earn-?out|milestones?|contingent)[^$]{0,40}$")


def _price(
    body: str, part: tuple[int, int], start: int, *, first_marked: bool
) -> tuple[Money, int, int] | tuple[()] | None:
    """The price marked in ``body[part[0]:part[1]]``: the first amount marked as a price in the deal's own
    sentence (``first_marked``), else strong words first; ``()`` when an amount there is paid in stock,
    None when no amount there is marked as a price."""
    weak: tuple[Money, int, int] | None = None
    for m in money_in(body, *part):
        tail = body[m.end : m.end + 20].lower()
        near = body[max(start, m.start - 120) : m.start].lower()
        if "per share" in tail or _PER_SHARE.search(near[-40:]) or m.money.amount < 100_000:
            continue
        if _IN_STOCK.match(body[m.end : m.end + 40]):
            return ()
        if _A_FEE.match(body[m.end : m.end + 40]):
            continue  # "must pay Markwins a $1.5 million termination fee": no price
        if _NOT_THE_PRICE.search(near[-60:]):
            continue
        if _PRICE_STRONG.search(near) or first_marked and _PRICE_WEAK.search(near):
            return m.money, m.start, m.end
        if weak is None and _PRICE_WEAK.search(near):
            weak = m.money, m.start, m.end
    return weak


# the date of an agreement, not of the closing: "the Agreement and Plan of Merger dated as of January 10, 1999"
_AGREEMENT_DATE = re.compile(r"\b(?:dated|made|entered\s+into)\s+(?:as\s+of\s+)?(?:on\s+)?$", re.I)


def closing_date(region: Region, start: int, end: int) -> tuple[_dt.date, int, int] | None:
    """The first date of ``region.body[start:end]`` that is not an agreement's ("dated as of …"), as
    ``(date, start, end)``; else the first date; None when there is none."""
    found = list(dates_in(region, start, end))
    body = region.body
    return next((d for d in found if not _AGREEMENT_DATE.search(body, max(0, d[1] - 25), d[1])), None) or next(
        iter(found), None
    )
