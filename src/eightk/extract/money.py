"""Money in text: "$2 million", "US$1.5 billion", "$250,000", "EUR 25 million", "up to $40 million",
"an aggregate of $10.5 million", "$1.2 to $1.5 billion" (a range: both ends). Amounts in units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from eightk.model import Money

__all__ = ["MoneyMention", "money_in"]

_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "eur": "EUR", "€": "EUR", "£": "GBP", "gbp": "GBP",
             "c$": "CAD", "cad": "CAD", "chf": "CHF", "¥": "JPY", "jpy": "JPY"}  # fmt: skip
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mm": 1e6, "m": 1e6, "mil": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}  # fmt: skip
_MONEY = re.compile(
    r"(?P<qual>up\s+to\s+(?:an?\s+(?:aggregate|total)\s+of\s+)?|approximately\s+|about\s+|an\s+aggregate\s+of\s+)?"
    r"(?P<cur>US\$|C\$|\$|USD\s?|EUR\s?|€\s?|£\s?|GBP\s?|CHF\s?|CAD\s?|JPY\s?|¥)\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?:-|to|and)\s*(?:\$\s?)?(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|mm|bn|mil)\b|(?P<short>[mMbBkK])\b)?",
    re.IGNORECASE,
)


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


def money_in(text: str, start: int = 0, end: int | None = None) -> Iterator[MoneyMention]:
    """Money mentions in ``text[start:end]`` with absolute offsets."""
    for m in _MONEY.finditer(text, start, len(text) if end is None else end):
        currency = _CURRENCY.get(m.group("cur").strip().lower(), "USD")
        scale = m.group("scale") or m.group("short")
        qual = m.group("qual")
        qualifier = "up to" if qual and qual.lower().startswith("up") else None
        low = Money(_amount(m.group("num"), scale), currency, qualifier)
        high = Money(_amount(m.group("num2"), scale), currency, qualifier) if m.group("num2") else None
        yield MoneyMention(low, high, m.start(), m.end())
