"""The embedded store: one SQLite file (WAL), one writer, full-text search in the same transactions.

``Store`` is what the CLI, the Python API and (later) the HTTP API use. Reads run on the same
connection; ingest parses in worker processes and writes here in batches.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eightk.errors import StoreError
from eightk.model import Filing
from eightk.parse.pipeline import parse_filing
from eightk.search import Filters, SearchHit, filter_sql, search
from eightk.store.ingest import IngestReport, Progress, ingest
from eightk.store.schema import SCHEMA_VERSION, migrate
from eightk.store.write import put_filing

__all__ = ["DEFAULT_DB", "Store", "open_store"]

DEFAULT_DB = "eightk.db"


def _connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database: {exc}", path=path) from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"not an eightk database or corrupt: {exc}", path=path) from None
    return conn


class Store:
    """An eightk database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self.conn = _connect(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- writing --------------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        workers: int = 1,
        batch: int = 200,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Parse and store every filing under ``paths``; safe to re-run (see ``store.ingest``)."""
        return ingest(self.conn, [str(p) for p in paths], workers=workers, batch=batch, progress=progress)

    def reparse(self) -> int:
        """Rebuild every stored record from its kept raw bytes (after a parser upgrade)."""
        ids = [
            row[0] for row in self.conn.execute("SELECT filing_id FROM raw WHERE zlib IS NOT NULL ORDER BY filing_id")
        ]
        done = 0
        for fid in ids:
            name, blob = self.conn.execute("SELECT name, zlib FROM raw WHERE filing_id = ?", (fid,)).fetchone()
            raw = zlib.decompress(blob)
            filing = parse_filing(raw, name=name)
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                put_filing(self.conn, filing, raw)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            done += 1
        return done

    # -- reading --------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, **filters: Any) -> list[SearchHit]:
        return search(self.conn, query, Filters(**filters), limit=limit)

    def filings(self, *, limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Filing rows (id, accession, company, dates, items…) matching the filters, newest first."""
        where, args = filter_sql(Filters(**filters))
        sql = (
            "SELECT id, accession, cik, company, form_type, filed_at, date_of_report, item_codes, format, bytes, ok,"
            f" path FROM filings f WHERE {where} ORDER BY COALESCE(date_of_report, filed_at) DESC, id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        cols = ["id", "accession", "cik", "company", "form_type", "filed_at", "date_of_report", "item_codes",
                "format", "bytes", "ok", "path"]  # fmt: skip
        for row in self.conn.execute(sql, args):
            yield dict(zip(cols, row, strict=True))

    def get(self, key: str | int) -> Filing | None:
        """A stored filing by accession ("0000950135-00-002622"), row id, or "sha256:…" key."""
        text = str(key).strip()
        if text.isdigit():
            row = self.conn.execute("SELECT record FROM filings WHERE id = ?", (int(text),)).fetchone()
        else:
            row = self.conn.execute(
                "SELECT record FROM filings WHERE key = ? OR accession = ?", (text, text)
            ).fetchone()
        if row is None:
            return None
        return Filing.from_dict(json.loads(row[0]))

    def rows(self, level: str, **filters: Any) -> Iterator[dict[str, Any]]:
        """Export rows: one per filing, per item or per event."""
        where, args = filter_sql(Filters(**filters))
        queries = {
            "filing": "SELECT f.id AS filing_id, f.accession, f.cik, f.company, f.form_type, f.filed_at,"
            " f.date_of_report, f.item_codes, f.format, f.bytes, f.ok FROM filings f",
            "item": "SELECT f.id AS filing_id, f.accession, f.company, f.date_of_report, i.number, i.code, i.title,"
            " i.applicable, i.text FROM items i JOIN filings f ON f.id = i.filing_id",
            "event": "SELECT f.id AS filing_id, f.accession, f.company, f.date_of_report, e.type, e.record"
            " FROM events e JOIN filings f ON f.id = e.filing_id",
        }
        if level not in queries:
            raise StoreError(f"unknown export level {level!r}: use filing, item or event")
        cur = self.conn.execute(f"{queries[level]} WHERE {where} ORDER BY f.id", args)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row, strict=True))

    def stats(self) -> dict[str, Any]:
        one = self.conn.execute
        out: dict[str, Any] = {
            "database": self.path,
            "schema": SCHEMA_VERSION,
            "filings": one("SELECT COUNT(*) FROM filings").fetchone()[0],
            "with_errors": one("SELECT COUNT(*) FROM filings WHERE NOT ok").fetchone()[0],
            "quarantined": one("SELECT COUNT(*) FROM quarantine").fetchone()[0],
            "companies": one("SELECT COUNT(DISTINCT COALESCE(cik, company)) FROM filings").fetchone()[0],
            "first_date": one("SELECT MIN(COALESCE(date_of_report, filed_at)) FROM filings").fetchone()[0],
            "last_date": one("SELECT MAX(COALESCE(date_of_report, filed_at)) FROM filings").fetchone()[0],
            "items": dict(
                one("SELECT code, COUNT(*) FROM items WHERE applicable GROUP BY code ORDER BY code").fetchall()
            ),
            "events": dict(one("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall()),
            "problems": dict(
                one("SELECT severity || ' ' || code, COUNT(*) FROM problems GROUP BY 1 ORDER BY 2 DESC").fetchall()
            ),
        }
        size = Path(self.path).stat().st_size if Path(self.path).exists() else 0
        out["bytes_on_disk"] = size
        return out


def open_store(path: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating or migrating) the database at ``path``, else ``$EIGHTK_DB``, else ./eightk.db."""
    return Store(path or os.environ.get("EIGHTK_DB") or DEFAULT_DB)
