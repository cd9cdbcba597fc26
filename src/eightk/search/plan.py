"""Running a search: choose the cheaper road, rank, then cut snippets for the returned hits only.

Two roads to the same answer:
- *filters first*, when the filters leave few texts (a CIK, a ticker, a rare event type): walk those
  texts and test each against the query by rowid;
- *index first* otherwise: walk the query's matches in the index and keep those passing the filters.
  Ranking every match of a very common word would cost time in proportion to the archive, so when more
  than ``WINDOW`` texts match (after the filters), bm25 ranks the newest ``WINDOW`` of them (the highest
  rowids: the most recently stored). Queries with fewer matches are ranked in full.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from eightk.errors import SearchError
from eightk.search.filters import Filters, SearchHit, filter_sql, normalize_item

__all__ = ["FILTERS_FIRST_MAX", "WINDOW", "search"]

FILTERS_FIRST_MAX = 3000  # at most this many candidate texts: go filters first
WINDOW = 20000  # rank at most this many matches of a very common query
MAX_LIMIT = 1000

_HIT_COLUMNS = "r.filing_id, f.accession, f.company, f.form_type, f.date, r.kind, r.ref, r.code, r.label"


def _fts_error(query: str, exc: sqlite3.OperationalError) -> SearchError:
    msg = str(exc)
    if msg.startswith("fts5: "):
        msg = msg[6:]
    return SearchError(
        f'cannot read the search query {query!r} ({msg}). Use words, "quoted phrases", AND, OR, NOT, '
        "NEAR(a b) and prefix*; put other punctuation inside double quotes."
    )


def _run(conn: sqlite3.Connection, query: str, sql: str, args: list[Any]) -> list[Any]:
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "fts5" in text or "syntax error" in text or "no such column" in text or "unterminated" in text:
            raise _fts_error(query, exc) from None
        raise


def _scope(filters: Filters) -> tuple[str, list[Any]]:
    """Conditions on the full-text row itself: with an item filter, that item's texts and documents."""
    if not filters.item:
        return "1", []
    return "(r.code = ? OR r.kind = 'document')", [normalize_item(filters.item)]


def _candidates(conn: sqlite3.Connection, where: str, args: list[Any], scope: str, scope_args: list[Any]) -> int:
    """How many full-text rows pass the filters (counted up to FILTERS_FIRST_MAX + 1)."""
    sql = (
        "SELECT COUNT(*) FROM (SELECT 1 FROM filings f JOIN search_rows r ON r.filing_id = f.id"
        f" WHERE {where} AND {scope} LIMIT ?)"
    )
    return int(conn.execute(sql, [*args, *scope_args, FILTERS_FIRST_MAX + 1]).fetchone()[0])


def _filters_first(
    conn: sqlite3.Connection, query: str, where: str, args: list[Any], limit: int
) -> list[tuple[int, float]]:
    sql = (
        "SELECT r.rowid, bm25(search) FROM filings f CROSS JOIN search_rows r ON r.filing_id = f.id"
        f" CROSS JOIN search ON search.rowid = r.rowid WHERE {where} AND search MATCH ?"
        " ORDER BY 2 LIMIT ?"
    )
    return [(int(a), float(b)) for a, b in _run(conn, query, sql, [*args, query, limit])]


_FROM_INDEX = (
    "FROM search CROSS JOIN search_rows r ON r.rowid = search.rowid CROSS JOIN filings f ON f.id = r.filing_id"
)


def _cutoff(conn: sqlite3.Connection, query: str, where: str, args: list[Any], window: int) -> int | None:
    """The rowid of the ``window``-th newest match passing the filters, or None when there are fewer."""
    sql = f"SELECT search.rowid {_FROM_INDEX} WHERE search MATCH ? AND {where} ORDER BY search.rowid DESC"
    rows = _run(conn, query, sql + " LIMIT 1 OFFSET ?", [query, *args, window - 1])
    return int(rows[0][0]) if rows else None


def _index_first(
    conn: sqlite3.Connection, query: str, where: str, args: list[Any], limit: int, *, window: int = WINDOW
) -> list[tuple[int, float]]:
    cutoff = _cutoff(conn, query, where, args, window)
    bound = "" if cutoff is None else " AND search.rowid >= ?"
    sql = f"SELECT search.rowid, bm25(search) {_FROM_INDEX} WHERE search MATCH ?{bound} AND {where} ORDER BY 2 LIMIT ?"
    params = [query, *([cutoff] if cutoff is not None else []), *args, limit]
    return [(int(a), float(b)) for a, b in _run(conn, query, sql, params)]


def search(conn: sqlite3.Connection, query: str, filters: Filters | None = None, limit: int = 20) -> list[SearchHit]:
    """Ranked hits for an FTS5 query (words, "phrases", AND/OR/NOT, NEAR, prefix*) within the filters."""
    if not query or not query.strip():
        raise SearchError('empty query: give words or a "quoted phrase"')
    filters = filters or Filters()
    limit = max(1, min(int(limit), MAX_LIMIT))
    where, args = filter_sql(filters)
    scope, scope_args = _scope(filters)
    if where != "1" and _candidates(conn, where, args, scope, scope_args) <= FILTERS_FIRST_MAX:
        ranked = _filters_first(conn, query, f"{where} AND {scope}", [*args, *scope_args], limit)
    else:
        ranked = _index_first(conn, query, f"{where} AND {scope}", [*args, *scope_args], limit)
    return [_hit(conn, query, rowid, score) for rowid, score in ranked]


def _hit(conn: sqlite3.Connection, query: str, rowid: int, score: float) -> SearchHit:
    row = conn.execute(
        f"SELECT {_HIT_COLUMNS} FROM search_rows r JOIN filings f ON f.id = r.filing_id WHERE r.rowid = ?", (rowid,)
    ).fetchone()
    snip = _run(
        conn,
        query,
        "SELECT snippet(search, 0, '[', ']', ' … ', 24) FROM search WHERE search MATCH ? AND rowid = ?",
        [query, rowid],
    )
    fid, accession, company, form_type, date, kind, ref, code, label = row
    snippet = " ".join((snip[0][0] if snip else "").split())
    return SearchHit(fid, accession, company, form_type, date, kind, ref, code, label, snippet, score)
