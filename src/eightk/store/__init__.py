"""The embedded store: one SQLite file (WAL), one writer, full-text search in the same transactions.

``Store`` is what the CLI, the Python API and (later) the HTTP API use. Reads run on the same
connection; ingest parses in worker processes and writes here in batches.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eightk.errors import StoreError
from eightk.model import Filing
from eightk.search import Filters, SearchHit, filter_sql, search
from eightk.sources.local import Input
from eightk.store.ingest import IngestReport, Progress, ingest, run_parsed, write_batches
from eightk.store.schema import SCHEMA_VERSION, migrate

__all__ = ["DEFAULT_DB", "FilingRow", "Store", "open_store"]

DEFAULT_DB = "eightk.db"


@dataclass(frozen=True, slots=True)
class FilingRow:
    """One stored filing as a row of the ``filings`` table (the full record: ``Store.get``)."""

    id: int
    accession: str | None
    cik: str | None
    company: str | None
    form_type: str | None
    filed_at: str | None
    date_of_report: str | None
    item_codes: tuple[str, ...]
    format: str | None
    bytes: int | None
    ok: bool
    path: str | None


_FILING_COLUMNS = (
    "id, accession, cik, company, form_type, filed_at, date_of_report, item_codes, format, bytes, ok, path"
)


def _connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=60)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database: {exc}", path=path) from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA cache_size=-65536")  # 64 MB page cache
        migrate(conn)
    except StoreError as exc:
        conn.close()
        raise StoreError(exc.reason, path=path) from None
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
        """Parse and store every filing under ``paths``; safe to re-run and to resume after a crash."""
        return ingest(self.conn, [str(p) for p in paths], workers=workers, batch=batch, progress=progress)

    def reparse(self, *, workers: int = 1, batch: int = 200, progress: Progress | None = None) -> IngestReport:
        """Rebuild every stored record from its kept raw bytes (after a parser upgrade); no source needed."""
        report = IngestReport()
        started = time.perf_counter()
        try:
            ids: deque[int] = deque()
            parsed = (
                dataclasses.replace(p, replace_id=ids.popleft()) for p in run_parsed(self._raw_inputs(ids), workers)
            )
            write_batches(self.conn, parsed, report, batch=batch, progress=progress, started=started)
        except KeyboardInterrupt:
            report.interrupted = True
        report.seconds = time.perf_counter() - started
        return report

    def _raw_inputs(self, ids: deque[int]) -> Iterator[Input]:
        """Every stored raw filing, oldest id first; each id is appended to ``ids`` as its input goes out."""
        last = 0
        while True:  # in pages of ids, so a long reparse never holds one read cursor across commits
            page = self.conn.execute(
                "SELECT filing_id, name, zlib FROM raw WHERE filing_id > ? AND zlib IS NOT NULL ORDER BY filing_id"
                " LIMIT 100",
                (last,),
            ).fetchall()
            if not page:
                return
            for fid, name, blob in page:
                last = fid
                ids.append(fid)
                yield Input(name or f"filing {fid}", zlib.decompress(blob))

    # -- reading --------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, **filters: Any) -> list[SearchHit]:
        """Ranked hits for an FTS5 query within the filters (see ``eightk.search.Filters``)."""
        return search(self.conn, query, Filters(**filters), limit=limit)

    def filings(self, *, limit: int | None = None, **filters: Any) -> Iterator[FilingRow]:
        """Stored filings matching the filters, newest first."""
        where, args = filter_sql(Filters(**filters))
        sql = f"SELECT {_FILING_COLUMNS} FROM filings f WHERE {where} ORDER BY f.date DESC, f.id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        for row in self.conn.execute(sql, args).fetchall():
            codes = tuple(c for c in (row[7] or "").split(",") if c)
            yield FilingRow(
                id=row[0], accession=row[1], cik=row[2], company=row[3], form_type=row[4], filed_at=row[5],
                date_of_report=row[6], item_codes=codes, format=row[8], bytes=row[9], ok=bool(row[10]), path=row[11],
            )  # fmt: skip

    def get_id(self, key: str | int) -> int | None:
        """The row id of a stored filing, by accession, row id, or "sha256:…" key."""
        text = str(key).strip()
        if text.isdigit():
            row = self.conn.execute("SELECT id FROM filings WHERE id = ?", (int(text),)).fetchone()
        else:
            sql = "SELECT id FROM filings WHERE key = ? OR accession = ? LIMIT 1"
            row = self.conn.execute(sql, (text, text)).fetchone()
        return int(row[0]) if row else None

    def get(self, key: str | int) -> Filing | None:
        """A stored filing by accession ("0000950135-00-002622"), row id, or "sha256:…" key; its documents
        carry their normalized text."""
        fid = self.get_id(key)
        if fid is None:
            return None
        blob = self.conn.execute("SELECT record FROM filings WHERE id = ?", (fid,)).fetchone()[0]
        filing = Filing.from_dict(json.loads(zlib.decompress(blob)))
        texts = dict(self.conn.execute("SELECT sequence, text FROM documents WHERE filing_id = ?", (fid,)))
        docs = tuple(dataclasses.replace(d, text=texts.get(d.sequence) or "") for d in filing.documents)
        return dataclasses.replace(filing, documents=docs)

    def rows(self, level: str, **filters: Any) -> Iterator[dict[str, Any]]:
        """Export rows: one per filing, per item or per event (streamed, never all in memory)."""
        from eightk.store.export import export_rows

        return export_rows(self.conn, level, Filters(**filters))

    def stats(self) -> dict[str, Any]:
        """Counts of what the database holds."""
        one = self.conn.execute
        out: dict[str, Any] = {
            "database": self.path,
            "schema": SCHEMA_VERSION,
            "filings": one("SELECT COUNT(*) FROM filings").fetchone()[0],
            "with_errors": one("SELECT COUNT(*) FROM filings WHERE NOT ok").fetchone()[0],
            "quarantined": one("SELECT COUNT(*) FROM quarantine").fetchone()[0],
            "companies": one("SELECT COUNT(DISTINCT COALESCE(cik, company)) FROM filings").fetchone()[0],
            "first_date": one("SELECT MIN(date) FROM filings").fetchone()[0],
            "last_date": one("SELECT MAX(date) FROM filings").fetchone()[0],
            "forms": dict(one("SELECT form_type, COUNT(*) FROM filings GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "items": dict(one("SELECT code, COUNT(*) FROM items WHERE applicable GROUP BY 1 ORDER BY 1").fetchall()),
            "events": dict(one("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall()),
            "problems": dict(
                one("SELECT severity || ' ' || code, COUNT(*) FROM problems GROUP BY 1 ORDER BY 2 DESC").fetchall()
            ),
        }
        out["bytes_on_disk"] = sum(
            Path(self.path + suffix).stat().st_size for suffix in ("", "-wal") if Path(self.path + suffix).exists()
        )
        return out


def open_store(path: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating or migrating) the database at ``path``, else ``$EIGHTK_DB``, else ./eightk.db."""
    return Store(path or os.environ.get("EIGHTK_DB") or DEFAULT_DB)
