"""Search filters and hits, and the SQL conditions the filters become (values always bound)."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from typing import Any

from eightk.catalog import code_for
from eightk.errors import SearchError

__all__ = ["MAX_FILTER_CHARS", "Filters", "SearchHit", "filter_sql", "normalize_item", "residual_sql", "shown"]

MAX_FILTER_CHARS = 200  # a company name, CIK, ticker, form, item, event, field or currency is shorter
_TEXT_FIELDS = ("company", "cik", "ticker", "form", "item", "event", "amount_field", "currency")


@dataclass(frozen=True, slots=True)
class Filters:
    """What ``search``, ``filings`` and ``export`` narrow by. Every field is optional."""

    company: str | None = None  # the registrant's name contains this, case-insensitive
    cik: str | None = None  # any filer of the filing has this CIK (leading zeros ignored)
    ticker: str | None = None  # the registrant lists this trading symbol
    form: str | None = None  # "8-K", "8-K/A"
    item: str | None = None  # "8.01", or an old number such as "5" (both eras match)
    event: str | None = None  # event type, e.g. "license"
    date_from: _dt.date | str | None = None  # date of report (else filing date) on or after
    date_to: _dt.date | str | None = None
    min_amount: float | None = None  # some money value of an event at least this (e.g. upfront)
    max_amount: float | None = None
    amount_field: str | None = None  # restrict the amounts to one field ("upfront", "milestones", …)
    currency: str | None = None  # restrict the amounts to one currency ("USD")

    def __post_init__(self) -> None:
        """Raises ``SearchError`` for a value no filing can match and SQLite or the tags cannot take:
        text over ``MAX_FILTER_CHARS`` or holding a NUL, an amount that is not a finite number."""
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise SearchError(f"{name} must be text, not {type(value).__name__}")
            if len(value) > MAX_FILTER_CHARS or "\0" in value:
                raise SearchError(f"{name} must be under {MAX_FILTER_CHARS} characters of text, not {shown(value)}")
        for name in ("min_amount", "max_amount"):
            value = getattr(self, name)
            if value is None:
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise SearchError(f"{name} must be a number, not {shown(value)}") from None
            if not math.isfinite(number):
                raise SearchError(f"{name} must be a finite number, not {shown(value)}")
            object.__setattr__(self, name, number)

    @property
    def empty(self) -> bool:
        return all(getattr(self, name) is None for name in self.__slots__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class SearchHit:
    filing_id: int
    accession: str | None
    company: str | None
    form_type: str | None
    date: str | None
    kind: str  # "item" or "document"
    ref: str | None  # the item number as printed, or the document's sequence
    code: str | None  # modern item code for item hits
    label: str | None  # "Item 8.01 Other Events", "Exhibit 99.1 (press release)"
    snippet: str  # matched words in [brackets]
    score: float  # bm25: lower is better; 0 when a very common query lists its newest matches first
    source: str | None = None  # the file the filing was read from, by name ("acme-release.txt"), as ingested


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters, for error messages that quote user input."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 12]}… ({len(str(value)):,} characters)"


def normalize_item(value: str) -> str:
    text = value.strip()
    if text[:4].lower() == "item":
        text = text[4:].strip()
    code = code_for(text)
    if code is None:
        raise SearchError(f"unknown item {shown(value)}: use a code like 8.01 or an old item number like 5")
    return code


def _date(value: _dt.date | str, name: str) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise SearchError(f"{name} must be a date like 2004-08-23, not {shown(value)}") from None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def filter_sql(f: Filters, alias: str = "f") -> tuple[str, list[Any]]:
    """SQL conditions (joined with AND) over the filings table aliased ``alias``, and their parameters.

    Only constant SQL text is produced here; every value the caller gave is a bound parameter.
    """
    a = alias
    conds: list[str] = []
    args: list[Any] = []
    if f.company:
        conds.append(f"{a}.company LIKE ? ESCAPE '\\'")
        args.append(_like(f.company))
    if f.cik:
        cik = f.cik.strip().lstrip("0")
        conds.append(f"({a}.cik = ? OR {a}.id IN (SELECT x.filing_id FROM filers x WHERE x.cik = ?))")
        args += [cik, cik]
    if f.ticker:
        conds.append(f"{a}.id IN (SELECT s.filing_id FROM securities s WHERE s.symbol = ? COLLATE NOCASE)")
        args.append(f.ticker.strip())
    if f.form:
        conds.append(f"{a}.form_type = ? COLLATE NOCASE")
        args.append(f.form.strip())
    if f.item:
        conds.append(f"{a}.id IN (SELECT i.filing_id FROM items i WHERE i.code = ? AND i.applicable)")
        args.append(normalize_item(f.item))
    if f.event:
        conds.append(f"{a}.id IN (SELECT e.filing_id FROM events e WHERE e.type = ?)")
        args.append(f.event)
    if f.date_from:
        conds.append(f"{a}.date >= ?")
        args.append(_date(f.date_from, "date_from"))
    if f.date_to:
        conds.append(f"{a}.date <= ?")
        args.append(_date(f.date_to, "date_to"))
    if f.min_amount is not None or f.max_amount is not None:
        sub, sub_args = _amount_sql(f)
        conds.append(f"{a}.id IN ({sub})")
        args += sub_args
    return (" AND ".join(conds) or "1"), args


def residual_sql(f: Filters, alias: str = "f") -> tuple[str, list[Any]]:
    """The conditions the index's filter tags do not settle exactly (company text, days, amounts), for
    the rows a tagged full-text query returns; a correlated EXISTS, so the cost follows those rows."""
    a = alias
    conds: list[str] = []
    args: list[Any] = []
    if f.company:
        conds.append(f"{a}.company LIKE ? ESCAPE '\\'")
        args.append(_like(f.company))
    if f.date_from:
        conds.append(f"{a}.date >= ?")
        args.append(_date(f.date_from, "date_from"))
    if f.date_to:
        conds.append(f"{a}.date <= ?")
        args.append(_date(f.date_to, "date_to"))
    if f.min_amount is not None or f.max_amount is not None:
        sub, sub_args = _amount_sql(f, f"v.filing_id = {a}.id", by_filing=True)
        conds.append(f"EXISTS ({sub})")
        args += sub_args
    return (" AND ".join(conds) or "1"), args


def _amount_sql(f: Filters, link: str = "1", *, by_filing: bool = False) -> tuple[str, list[Any]]:
    """Event values in the amount range; ``by_filing``: looked up through the filing's rows (a unary +
    keeps SQLite from scanning the amount index once per filing instead)."""
    plus = "+" if by_filing else ""
    sub = f"SELECT v.filing_id FROM event_values v WHERE {link} AND v.currency IS NOT NULL"
    args: list[Any] = []
    for cond, value in (
        (f"{plus}v.num_value >= ?", f.min_amount),
        (f"{plus}v.num_value <= ?", f.max_amount),
        (f"{plus}v.field = ?", f.amount_field),
        ("v.type = ?", f.event),
        ("v.currency = ? COLLATE NOCASE", f.currency),
    ):
        if value is not None:
            sub += f" AND {cond}"
            args.append(value)
    return sub, args
