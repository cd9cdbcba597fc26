"""Tickers ↔ CIKs, whatever a filing's era: EDGAR's current ticker file (kept in the ``tickers`` table)
plus the symbols filers printed on their covers (``securities``, dated by their filings; the
``ticker_history`` view). A ``ticker`` filter becomes a CIK filter when the symbol names one filer, so
``--ticker`` finds a company's 1999 filings although covers printed no symbols before 2019.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import Any

__all__ = ["ciks_of_ticker", "resolve_ticker", "set_tickers"]


def set_tickers(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str]], *, source: str) -> int:
    """Replace the ``(ticker, cik, title)`` rows that came from ``source`` (e.g. ``company_tickers.json``)
    in one transaction; return how many are stored. Tickers are kept upper-case, CIKs without zeros."""
    clean = {(t.strip().upper(), str(int(c)), title) for t, c, title in rows if t.strip() and str(c).isdigit()}
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM tickers WHERE source = ?", (source,))
        conn.executemany(
            "INSERT OR REPLACE INTO tickers(ticker, cik, title, source, updated) VALUES (?, ?, ?, ?, ?)",
            [(t, c, title, source, now) for t, c, title in clean],
        )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(clean)


def ciks_of_ticker(conn: sqlite3.Connection, ticker: str) -> set[str]:
    """Every CIK the symbol has named: in EDGAR's ticker file, or printed on a stored filing's cover."""
    symbol = ticker.strip()
    found = conn.execute("SELECT cik FROM tickers WHERE ticker = ? COLLATE NOCASE", (symbol,)).fetchall()
    printed = (
        "SELECT DISTINCT f.cik FROM securities s JOIN filings f ON f.id = s.filing_id WHERE s.symbol = ? COLLATE NOCASE"
    )
    found += conn.execute(printed, (symbol,)).fetchall()
    return {str(int(c)) for (c,) in found if c and str(c).isdigit()}


def resolve_ticker(conn: sqlite3.Connection, filters: dict[str, Any]) -> dict[str, Any]:
    """``filters`` with a ``ticker`` that names exactly one filer (and no ``cik`` given) turned into that
    ``cik``; otherwise unchanged (a symbol used by several filers over the years stays a cover-symbol
    match)."""
    ticker = filters.get("ticker")
    if not ticker or filters.get("cik"):
        return filters
    ciks = ciks_of_ticker(conn, str(ticker))
    if len(ciks) != 1:
        return filters
    return {**{k: v for k, v in filters.items() if k != "ticker"}, "cik": ciks.pop()}
