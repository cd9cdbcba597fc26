"""Filter tags: the structured fields of a filing written as words into the full-text index.

Every full-text row carries, in its ``tags`` column, words such as ``xcik320193`` (a filer's CIK),
``xform8k``, ``xtkaapl`` (a ticker), ``xevlicense`` (an event type), ``xy2019`` and ``xm201907`` (the
date), ``xsc801`` (the row belongs to item 8.01, or is a document of a filing reporting it) and
``xamupfront6`` (an event amount between 10^6 and 10^7). A filtered search is then one FTS5 query —
``text : (user query) AND tags : (xcik320193 AND xsc801)`` — whose cost follows the rows passing the
filters, not the whole archive. Tags are coarse where values are continuous (dates by month, amounts by
power of ten); exact bounds are checked in SQL on the few rows the index returns.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable

__all__ = ["amount_bucket", "amount_tags", "code_tag", "date_tags", "filing_tags", "word"]

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
MAX_BUCKET = 15
_LAST_YEAR = 2100


def word(prefix: str, value: str) -> str:
    """``word("xform", "8-K/A")`` → ``"xform8ka"``: one token for the index's tokenizer."""
    return prefix + _NOT_ALNUM.sub("", value.lower())


def code_tag(code: str) -> str:
    return word("xsc", code)


def amount_bucket(value: float) -> int:
    return 0 if value < 10 else min(MAX_BUCKET, int(math.log10(value)))


def amount_tags(field: str, value: float) -> list[str]:
    bucket = amount_bucket(value)
    return [word("xam", field) + str(bucket), f"xamany{bucket}"]


def filing_tags(
    ciks: Iterable[str | None],
    *,
    form: str | None,
    symbols: Iterable[str | None],
    events: Iterable[str],
    date: str | None,
    amounts: Iterable[tuple[str, float]],
) -> list[str]:
    """Tags every full-text row of one filing carries (the item scope tags are added per row)."""
    tags = {word("xcik", c.lstrip("0")) for c in ciks if c}
    tags |= {word("xtk", s) for s in symbols if s}
    tags |= {word("xev", e) for e in events}
    if form:
        tags.add(word("xform", form))
    if date:
        tags |= {f"xy{date[:4]}", f"xm{date[:4]}{date[5:7]}"}
    for field, value in amounts:
        tags.update(amount_tags(field, value))
    return sorted(tags)


def date_tags(start: _dt.date | None, end: _dt.date | None) -> list[str]:
    """Year and month words covering [start, end] (SQL checks the days): months for a range within a
    year or so, else whole years, so that a long range stays a short OR."""
    lo = start or _dt.date(1990, 1, 1)
    hi = end or _dt.date(_LAST_YEAR, 12, 31)
    if lo > hi:
        return []
    if (hi.year - lo.year) * 12 + hi.month - lo.month >= 12:
        return [f"xy{y}" for y in range(lo.year, hi.year + 1)]
    tags: list[str] = []
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        if m == 1 and (y < hi.year or hi.month == 12):
            tags.append(f"xy{y}")  # a whole year
            y += 1
            continue
        tags.append(f"xm{y}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tags
