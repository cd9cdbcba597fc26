"""Running a search: one full-text query with the filters as tags, a bounded ranking, snippets last.

1. The user's query is confined to the ``text`` column and the filters become tag words in the
   ``tags`` column (``eightk.search.tags``): ``text : (QUERY) AND tags : (xcik320193 AND xsc801)``.
   The user's text is always a bound parameter, never SQL; it is checked so that it cannot close the
   parentheses around it.
2. What the tags leave open (days within a month, exact amounts, company name text) is checked in SQL
   on the rows the index returns.
3. Ranking costs time in proportion to the archive for a very common query: bm25 first counts the
   query's matches over the whole index (its IDF), and for a phrase with a common word that count reads
   the word's whole position list. So when ``WINDOW`` texts or more match (after the filters), the
   newest matches come first (the highest rowids: the most recently stored), with score 0; queries
   with fewer matches are ranked by bm25. A first pass in rowid order, without bm25, reads up to
   ``WINDOW`` matches and decides which.
4. Snippets are cut for the returned hits only.
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
import time
from pathlib import PurePath
from typing import Any

from eightk.errors import SearchError
from eightk.search.filters import Filters, SearchHit, _date, _like, normalize_item, residual_sql, shown
from eightk.search.tags import amount_bucket, code_tag, date_tags, word

__all__ = [
    "MAX_LIMIT",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "SEARCH_SECONDS",
    "WINDOW",
    "fts_query",
    "search",
    "user_query",
]

WINDOW = 2000
MAX_LIMIT = 1000
# FTS5's cost grows with the square of a query's terms (measured on the 52 sample filings: 16 ANDed
# common words 1.2 s, 64 take 21 s, 166 take 120 s), so a query is held to what a person types.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 16  # words, "phrases" and prefix* (AND, OR, NOT and NEAR are not counted)
SEARCH_SECONDS = 30.0  # the last defence: a query still running after this is stopped with a clear error
_TERM = re.compile(r'"[^"]*"?|[^\s()",:^+*]+')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_PROGRESS_OPS = 10_000  # SQLite steps between two looks at the clock
_COMPANY_CIKS = 200  # a company filter naming more registrants than this is checked in SQL only
_HIT_COLUMNS = "r.filing_id, f.accession, f.company, f.form_type, f.date, r.kind, r.ref, r.code, r.label, f.path"
_JOINED = "FROM search CROSS JOIN search_rows r ON r.rowid = search.rowid CROSS JOIN filings f ON f.id = r.filing_id"


class _Nothing(Exception):
    """The filters exclude everything (e.g. a company no registrant's name contains)."""


def _check(query: str) -> None:
    if not isinstance(query, str) or not query.strip():
        raise SearchError('empty query: give words or a "quoted phrase"')
    if len(query) > MAX_QUERY_CHARS or "\0" in query:
        raise SearchError(f"the search query must be text under {MAX_QUERY_CHARS:,} characters, not {shown(query)}")
    terms = sum(1 for t in _TERM.findall(query) if t not in _OPERATORS)
    if terms > MAX_QUERY_TERMS:
        raise SearchError(
            f"the search query has {terms} terms; at most {MAX_QUERY_TERMS} (words, phrases, prefixes) are searched "
            'at once: use a "quoted phrase" or the filters (--company, --item, --from …) to narrow it'
        )
    depth, quoted = 0, False
    for ch in query:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth < 0:
                raise SearchError(f"cannot read the search query {shown(query)}: a ')' closes nothing")


def _fts_error(query: str, exc: sqlite3.OperationalError) -> SearchError:
    msg = str(exc).removeprefix("fts5: ")
    return SearchError(
        f'cannot read the search query {shown(query)} ({msg}). Use words, "quoted phrases", AND, OR, NOT, '
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


def _any(words: list[str]) -> str:
    return words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")"


def _company_tags(conn: sqlite3.Connection, company: str) -> list[str] | None:
    rows = conn.execute(
        "SELECT DISTINCT cik FROM companies WHERE name LIKE ? ESCAPE '\\' LIMIT ?", (_like(company), _COMPANY_CIKS + 1)
    ).fetchall()
    if not rows:
        raise _Nothing
    ciks = [r[0] for r in rows]
    if "" in ciks or len(ciks) > _COMPANY_CIKS:
        return None  # a registrant without a CIK, or too many: SQL alone checks the name
    return [word("xcik", c) for c in ciks]


def _date_words(conn: sqlite3.Connection, f: Filters) -> list[str]:
    lo, hi = conn.execute("SELECT (SELECT MIN(date) FROM filings), (SELECT MAX(date) FROM filings)").fetchone()
    if lo is None:
        raise _Nothing
    # within the stored dates, so that a range such as 0001-01-01 to 9999-12-31 stays a short OR
    start = _dt.date.fromisoformat(max(_date(f.date_from, "date_from") if f.date_from else lo, lo))
    end = _dt.date.fromisoformat(min(_date(f.date_to, "date_to") if f.date_to else hi, hi))
    found = date_tags(start, end)
    if not found:
        raise _Nothing
    return found


def tag_query(conn: sqlite3.Connection, f: Filters) -> str:
    """The filters as an FTS5 expression over the tags column ("" when there are none)."""
    groups: list[str] = []
    if f.cik:
        groups.append(word("xcik", f.cik.strip().lstrip("0")))
    if f.company and (ciks := _company_tags(conn, f.company)):
        groups.append(_any(ciks))
    for prefix, value in (("xtk", f.ticker), ("xform", f.form), ("xev", f.event)):
        if value:
            groups.append(word(prefix, value))
    if f.item:
        groups.append(code_tag(normalize_item(f.item)))
    if f.date_from or f.date_to:
        groups.append(_any(_date_words(conn, f)))
    if f.min_amount is not None or f.max_amount is not None:
        low = amount_bucket(f.min_amount or 0)
        high = amount_bucket(f.max_amount) if f.max_amount is not None else 15
        stem = word("xam", f.amount_field) if f.amount_field else "xamany"
        if high < low:
            raise _Nothing
        groups.append(_any([f"{stem}{b}" for b in range(low, high + 1)]))
    return " AND ".join(groups)


_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_BAREWORD = re.compile(r"\w+\*?", re.UNICODE)


def user_query(query: str) -> str:
    """What people type, as FTS5 reads it: words, "phrases", prefix*, (groups) and AND / OR / NOT / NEAR
    stay as they are; any other token (spin-off, 8-K/A, Apple's, S&P, $1, AT&T, 10.5%) becomes a quoted
    phrase of its own, which FTS5 splits into words the way it split the text. An unclosed quote is left
    for FTS5 to refuse: the caller hears that the query cannot be read."""
    out = []
    for tok in _TOKEN.findall(query):
        if tok.startswith('"'):
            out.append(tok)
        elif tok in ("(", ")", "AND", "OR", "NOT") or tok.startswith("NEAR(") or tok == "NEAR":
            out.append(tok)
        elif _BAREWORD.fullmatch(tok):
            out.append(tok)
        else:
            out.append('"' + tok.replace('"', '""') + '"')
    return " ".join(out)


def fts_query(conn: sqlite3.Connection, query: str, f: Filters) -> str:
    """The whole FTS5 expression: the user's query on the text, the filters on the tags."""
    _check(query)
    tags = tag_query(conn, f)
    return f"text : ({user_query(query)})" + (f" AND tags : ({tags})" if tags else "")


def ranked(
    conn: sqlite3.Connection, query: str, fts: str, residual: tuple[str, list[Any]], *, limit: int, window: int = WINDOW
) -> list[tuple[int, float]]:
    """(rowid, bm25) of the best ``limit`` matches, best first (text column only in the score)."""
    return [(rowid, score) for rowid, score, _ in _ranked(conn, query, fts, residual, limit=limit, window=window)]


_SNIPPET = "snippet(search, 0, '[', ']', ' … ', 24)"


def _ranked(
    conn: sqlite3.Connection, query: str, fts: str, residual: tuple[str, list[Any]], *, limit: int, window: int
) -> list[tuple[int, float, str | None]]:
    """``ranked``'s rows, each with its snippet when the newest matches come first (None otherwise)."""
    where, args = residual
    source = "FROM search" if where == "1" else _JOINED
    # First the matches passing the filters, up to ``window`` of them, in rowid order going up (which
    # lets FTS5 skip through long position lists) and without bm25: its IDF pass over the whole index
    # would be wasted on a query that turns out to list its newest matches. Fewer than ``window``: bm25
    # ranks them, within their rowid range. (Measured on 600 requests of the serve benchmark on the
    # 200,000-filing store, against a probe for the window-th newest match then an ORDER BY score query:
    # 5.8-5.9 -> 5.5-5.8 ms of CPU a search for one pass with bm25, then 4.9-5.0 -> 4.4-4.7 ms for this;
    # the same hits, scores and snippets.)
    sql = f"SELECT search.rowid {source} WHERE search MATCH ? AND {where} ORDER BY search.rowid LIMIT ?"
    matches = _run(conn, query, sql, [fts, *args, window])
    if not matches:
        return []
    if len(matches) < window:
        sql = (
            f"SELECT search.rowid, bm25(search, 1.0, 0.0) AS score {source} WHERE search MATCH ?"
            f" AND search.rowid BETWEEN ? AND ? AND {where} ORDER BY score, search.rowid LIMIT ?"
        )
        rows = _run(conn, query, sql, [fts, matches[0][0], matches[-1][0], *args, limit])
        return [(int(a), float(b), None) for a, b in rows]
    # A very common query: its newest ``window`` matches at most, newest first. bm25 would first count
    # the query's matches over the whole index (its IDF), and for a phrase with a common word ("results
    # of operations") that count reads the word's whole position list: the cost grows with the archive.
    # The rows come in rowid order with no sorting, so the snippets are cut here for the returned
    # rows only; a second MATCH for them would read the common words' position lists again
    # (measured on 22 such queries of the 200,000-filing store: 31.9 ms -> 12.7 ms a search, the
    # same 462 snippets).
    sql = (
        f"SELECT search.rowid, 0.0, {_SNIPPET} {source} WHERE search MATCH ? AND {where}"
        " ORDER BY search.rowid DESC LIMIT ?"
    )
    return [(int(a), float(b), c) for a, b, c in _run(conn, query, sql, [fts, *args, min(limit, window)])]


def search(
    conn: sqlite3.Connection, query: str, filters: Filters | None = None, limit: int = 20, *, window: int = WINDOW
) -> list[SearchHit]:
    """Ranked hits for an FTS5 query (words, "phrases", AND/OR/NOT, NEAR, prefix*) within the filters."""
    filters = filters or Filters()
    try:
        limit = max(1, min(int(limit), MAX_LIMIT))
    except (TypeError, ValueError, OverflowError):
        raise SearchError(f"limit must be a whole number, not {shown(limit)}") from None
    try:
        fts = fts_query(conn, query, filters)
    except _Nothing:
        _check(query)
        return []
    deadline = time.monotonic() + SEARCH_SECONDS
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_OPS)
    try:
        return _hits(conn, query, _ranked(conn, query, fts, residual_sql(filters), limit=limit, window=window))
    except (sqlite3.OperationalError, SearchError):
        if time.monotonic() > deadline:  # SQLite was interrupted (its message depends on where)
            raise SearchError(
                f"the search query {shown(query)} ran past {SEARCH_SECONDS:.0f} s and was stopped: "
                "use fewer or rarer words, or the filters"
            ) from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _hits(conn: sqlite3.Connection, query: str, ranked_rows: list[tuple[int, float, str | None]]) -> list[SearchHit]:
    """The returned hits with their filing, label and a snippet cut around the user's words (cut here
    for the rows that came without one)."""
    if not ranked_rows:
        return []
    marks = ",".join("?" * len(ranked_rows))  # one '?' per hit: the SQL text depends on the count only
    ids = [rowid for rowid, _, _ in ranked_rows]
    meta = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT r.rowid, {_HIT_COLUMNS} FROM search_rows r JOIN filings f ON f.id = r.filing_id"
            f" WHERE r.rowid IN ({marks})",
            ids,
        )
    }
    snippets = {rowid: snippet for rowid, _, snippet in ranked_rows if snippet is not None}
    if missing := [rowid for rowid in ids if rowid not in snippets]:
        sql = f"SELECT rowid, {_SNIPPET} FROM search WHERE search MATCH ? AND rowid IN ({','.join('?' * len(missing))})"
        snippets.update(_run(conn, query, sql, [f"text : ({user_query(query)})", *missing]))
    out = []
    for rowid, score, _ in ranked_rows:
        fid, accession, company, form_type, date, kind, ref, code, label, path = meta[rowid]
        snippet = " ".join((snippets.get(rowid) or "").split())
        source = PurePath(path).name if path else None  # the name only: a store may be served to others
        out.append(SearchHit(fid, accession, company, form_type, date, kind, ref, code, label, snippet, score, source))
    return out
