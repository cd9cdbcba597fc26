"""Full-text search over item and exhibit texts of every era, with structured filters.

The query goes to SQLite FTS5 as a bound parameter (never spliced into SQL); FTS syntax errors come
back as ``SearchError`` with a readable message. Filters narrow by company, CIK, ticker, form type,
normalized item code (a 1999 "Item 5" and a 2010 "8.01" are both 8.01), event type, date range and
event amounts. Results are ranked by bm25 and carry a highlighted snippet and where it came from.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from eightk.catalog import code_for
from eightk.errors import SearchError

__all__ = ["Filters", "SearchHit", "search", "filter_sql"]


@dataclass(frozen=True, slots=True)
class Filters:
    company: str | None = None  # substring of the registrant's name, case-insensitive
    cik: str | None = None
    ticker: str | None = None
    form: str | None = None
    item: str | None = None  # "8.01", or an old number such as "5"
    event: str | None = None  # event type, e.g. "license"
    date_from: _dt.date | None = None  # date of report (else filing date) on or after
    date_to: _dt.date | None = None
    min_amount: float | None = None  # some money value of an event at least this (e.g. upfront)
    amount_field: str | None = None  # restrict min_amount to one field ("upfront", "milestones", …)


@dataclass(frozen=True, slots=True)
class SearchHit:
    filing_id: int
    accession: str | None
    company: str | None
    form_type: str | None
    date: str | None
    kind: str  # "item" or "document"
    ref: str | None  # item number as printed, or "sequence:type" of the document
    code: str | None  # modern item code for item hits
    snippet: str
    score: float


def normalize_item(value: str) -> str:
    code = code_for(value.strip().removeprefix("Item").removeprefix("item").strip())
    if code is None:
        raise SearchError(f"unknown item {value!r}: use a code like 8.01 or an old number like 5")
    return code


def filter_sql(f: Filters, alias: str = "f") -> tuple[str, list[Any]]:
    """SQL conditions (joined with AND) and their parameters for filters over the filings table."""
    conds: list[str] = []
    args: list[Any] = []
    if f.company:
        conds.append(f"{alias}.company LIKE ? ESCAPE '\\'")
        args.append("%" + f.company.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if f.cik:
        conds.append(
            f"({alias}.cik = ? OR EXISTS (SELECT 1 FROM filers x WHERE x.filing_id = {alias}.id AND x.cik = ?))"
        )
        args += [f.cik.lstrip("0"), f.cik.lstrip("0")]
    if f.ticker:
        conds.append(
            f"EXISTS (SELECT 1 FROM securities s WHERE s.filing_id = {alias}.id AND s.symbol = ? COLLATE NOCASE)"
        )
        args.append(f.ticker)
    if f.form:
        conds.append(f"{alias}.form_type = ? COLLATE NOCASE")
        args.append(f.form)
    if f.item:
        conds.append(f"EXISTS (SELECT 1 FROM items i WHERE i.filing_id = {alias}.id AND i.code = ? AND i.applicable)")
        args.append(normalize_item(f.item))
    if f.event:
        conds.append(f"EXISTS (SELECT 1 FROM events e WHERE e.filing_id = {alias}.id AND e.type = ?)")
        args.append(f.event)
    if f.date_from:
        conds.append(f"COALESCE({alias}.date_of_report, {alias}.filed_at) >= ?")
        args.append(f.date_from.isoformat())
    if f.date_to:
        conds.append(f"COALESCE({alias}.date_of_report, {alias}.filed_at) <= ?")
        args.append(f.date_to.isoformat())
    if f.min_amount is not None:
        sub = (
            f"SELECT 1 FROM event_values v WHERE v.filing_id = {alias}.id"
            " AND v.num_value >= ? AND v.currency IS NOT NULL"
        )
        args.append(f.min_amount)
        if f.amount_field:
            sub += " AND v.field = ?"
            args.append(f.amount_field)
        if f.event:
            sub += " AND v.type = ?"
            args.append(f.event)
        conds.append(f"EXISTS ({sub})")
    return (" AND ".join(conds) or "1"), args


def search(conn: sqlite3.Connection, query: str, filters: Filters | None = None, limit: int = 20) -> list[SearchHit]:
    """Ranked hits for an FTS5 query (words, "phrases", AND/OR/NOT, prefix*) within the filters."""
    if not query.strip():
        raise SearchError('empty query: give words or a "quoted phrase"')
    filters = filters or Filters()
    where, args = filter_sql(filters)
    if filters.item:  # hits from that item's own text (or the filing's exhibits), not its other items
        where += " AND (r.code = ? OR r.kind = 'document')"
        args.append(normalize_item(filters.item))
    sql = (
        "SELECT r.filing_id, f.accession, f.company, f.form_type, COALESCE(f.date_of_report, f.filed_at),"
        " r.kind, r.ref, r.code, snippet(search, 0, '[', ']', ' … ', 16), bm25(search)"
        " FROM search JOIN search_rows r ON r.rowid = search.rowid JOIN filings f ON f.id = r.filing_id"
        f" WHERE search MATCH ? AND {where} ORDER BY bm25(search) LIMIT ?"
    )
    try:
        rows = conn.execute(sql, [query, *args, max(1, min(limit, 1000))]).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if "fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg:
            raise SearchError(
                f"cannot read the query {query!r}: {msg}. Quote phrases and special characters."
            ) from None
        raise
    return [SearchHit(*row) for row in rows]
