"""Money in text: "$2 million", "US$1.5 billion", "$250,000", "EUR 25 million", "up to $40 million",
"an aggregate of $10.5 million", "$1.2 to $1.5 billion" (a range: both ends). Amounts in units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from eightk.extract.text import exact_lower
from eightk.model import Money

__all__ = ["MoneyMention", "money_in"]

_CURRENCY = {"$": "USD", "us$": "USD", "u.s.$": "USD", "usd": "USD", "eur": "EUR", "€": "EUR", "£": "GBP",
             "gbp": "GBP", "c$": "CAD", "cad": "CAD", "a$": "AUD", "chf": "CHF", "¥": "JPY", "jpy": "JPY",
             "sek": "SEK", "rmb": "CNY", "cny": "CNY", "euro": "EUR", "euros": "EUR", "pound": "GBP",
             "pounds": "GBP", "yen": "JPY", "kronor": "SEK", "francs": "CHF", "yuan": "CNY",
             "dollars": "USD"}  # fmt: skip
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mm": 1e6, "m": 1e6, "mil": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}  # fmt: skip
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PRE = r"US\$|U\.S\.\s?\$|C\$|A\$|\$|USD\s?|EUR\s?|€\s?|£\s?|GBP\s?|CHF\s?|CAD\s?|JPY\s?|¥\s?|SEK\s?|RMB\s?|CNY\s?"
# a currency written after the amount: "500 million yen", "1.25 billion Japanese Yen", "$10,000,000 USD"
_POST = (
    r"\s?(?P<post>USD|EUR|GBP|JPY|SEK|CHF|CNY|RMB|(?:Japanese\s+)?[Yy]en|[Ee]uros?|[Pp]ounds?(?=\s+[Ss]terling)|"
    r"(?:Swedish\s+)?[Kk]ronor|(?:Swiss\s+)?[Ff]rancs|(?:Chinese\s+)?[Yy]uan|(?:U\.S\.|United\s+States)\s+[Dd]ollars|"
    r"[Dd]ollars)\b"
)
_MONEY = re.compile(
    r"(?P<qual>up\s+to\s+(?:an?\s+(?:aggregate|total)\s+(?:amount\s+)?of\s+)?|approximately\s+|about\s+"
    r"|an\s+aggregate\s+of\s+)?"
    rf"(?:(?P<cur>{_PRE})\s?(?P<num>{_NUM})"
    rf"(?:\s*(?:-|to|and)\s*(?:\$\s?)?(?P<num2>{_NUM}))?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|mm|bn|mil)\b|(?P<short>[mMbBkK])\b)?"
    rf"(?:{_POST})?"
    rf"|(?<![\d,.$€£¥])(?P<bnum>{_NUM})\s*(?P<bscale>thousand|million|billion|trillion)?"
    rf"{_POST.replace('post', 'bpost')})",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")  # found by the engine's scan for its class, far faster than _MONEY tried everywhere
_DIGITS = re.compile(r"\d+")
# what a mention starts with, lower-cased: a qualifier or a currency before the amount; an amount with no
# currency before it starts a run of digits, and "an aggregate of" is found from its "aggregate"
_HEADS = ("up", "approximately", "about", "us$", "u.s.", "c$", "a$", "$", "usd", "eur", "€", "£", "gbp", "chf",
          "cad", "jpy", "¥", "sek", "rmb", "cny")  # fmt: skip


def _matches(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """``_MONEY.finditer(text, start, stop)``, the pattern tried only where a mention can start (see
    _HEADS), not at every character: the same matches, a fraction of the time."""
    low = exact_lower(text[start:stop])
    if low is None:  # a character IGNORECASE matches and lower-casing does not: every position is tried
        yield from _MONEY.finditer(text, start, stop)
        return
    starts = {m.start() for m in _DIGITS.finditer(text, start, stop)}
    for head in _HEADS:
        starts.update(start + i for i in _found(low, head))
    for i in _found(low, "aggregate"):  # "an aggregate of"
        j = i
        while j > 0 and low[j - 1].isspace():
            j -= 1
        if j < i and j >= 2 and low[j - 2 : j] == "an":
            starts.add(start + j - 2)
    after = start  # finditer goes on where its last match ended (a mention is never empty)
    for at in sorted(starts):
        if at >= after and (m := _MONEY.match(text, at, stop)):
            yield m
            after = m.end()


def _found(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


@dataclass(frozen=True, slots=True)
class MoneyMention:
    money: Money
    high: Money | None  # the other end of a range
    start: int
    end: int


def _amount(num: str, scale: str | None) -> float | int:
    value = float(num.replace(",", ""))
    value = round(value * _SCALE.get((scale or "").lower(), 1.0), 4)  # "$512.3 million" is 512300000, exactly
    return int(value) if value == int(value) else value


def _currency(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split())
    return _CURRENCY.get(w) or _CURRENCY.get(w.split()[-1]) or ("USD" if "dollar" in w else None)


def money_in(text: str, start: int = 0, end: int | None = None) -> Iterator[MoneyMention]:
    """Money mentions in ``text[start:end]`` with absolute offsets. A currency may stand before the
    amount ("$", "€", "EUR", "JPY") or after it ("500 million yen", "1.25 billion Japanese Yen"); the
    one after wins when both are printed ("$10,000,000 USD"). A bare number is money only with a
    currency after it."""
    stop = len(text) if end is None else end
    if not _DIGIT.search(text, start, stop):
        return  # every mention holds a digit: a stretch without one (most sentences) is not scanned
    for m in _matches(text, max(0, start), min(stop, len(text))):
        qual = m.group("qual")
        qualifier = "up to" if qual and qual.lower().startswith("up") else None
        if m.group("bnum") is not None:
            currency = _currency(m.group("bpost")) or "USD"
            low = Money(_amount(m.group("bnum"), m.group("bscale")), currency, qualifier)
            yield MoneyMention(low, None, m.start(), m.end())
            continue
        currency = _currency(m.group("post")) or _CURRENCY.get(m.group("cur").replace(" ", "").lower(), "USD")
        scale = m.group("scale") or m.group("short")
        low = Money(_amount(m.group("num"), scale), currency, qualifier)
        high = Money(_amount(m.group("num2"), scale), currency, qualifier) if m.group("num2") else None
        yield MoneyMention(low, high, m.start(), m.end())
