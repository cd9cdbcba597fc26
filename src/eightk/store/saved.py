"""A saved search applied to a few filings: which of them match a query and filters (``eightk watch``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from eightk.errors import SearchError
from eightk.search import Filters, filter_sql
from eightk.store.tickers import resolve_ticker

__all__ = ["matching"]


def matching(
    conn: sqlite3.Connection, accessions: Iterable[str], query: str | None, filters: dict[str, Any]
) -> list[str]:
    """The ``accessions`` (stored filings) that match ``filters`` (the fields of ``Filters``) and, when
    ``query`` is given, whose item or exhibit texts match it as an FTS5 query; in the order given.
    ``SearchError`` for a query FTS5 cannot read."""
    wanted = list(dict.fromkeys(accessions))
    if not wanted:
        return []
    where, args = filter_sql(Filters(**resolve_ticker(conn, filters)))
    marks = ",".join("?" * len(wanted))
    sql = f"SELECT f.id, f.accession FROM filings f WHERE f.accession IN ({marks}) AND {where}"
    ids = dict(conn.execute(sql, [*wanted, *args]).fetchall())
    if query and ids:
        id_marks = ",".join("?" * len(ids))
        text = (
            "SELECT DISTINCT r.filing_id FROM search JOIN search_rows r ON r.rowid = search.rowid"
            f" WHERE search MATCH ? AND r.filing_id IN ({id_marks})"
        )
        try:
            hit = {fid for (fid,) in conn.execute(text, [f"text : ({query})", *ids])}
        except sqlite3.OperationalError as exc:
            raise SearchError(f"cannot read the query {query!r}: {exc}") from None
        ids = {fid: acc for fid, acc in ids.items() if fid in hit}
    found = set(ids.values())
    return [a for a in wanted if a in found]
