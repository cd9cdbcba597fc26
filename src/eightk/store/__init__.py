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
import urllib.parse
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eightk.errors import StoreError
from eightk.model import Filing
from eightk.read import TIME_BUDGET
from eightk.search import Filters, SearchHit, filter_sql, search
from eightk.sources.local import Input, iter_inputs, source_of
from eightk.store import maintain
from eightk.store.ingest import IngestReport, Parsed, Progress, ingest, run_parsed, write_batches
from eightk.store.schema import SCHEMA_VERSION, current_version, migrate
from eightk.store.tickers import resolve_ticker, set_tickers

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


def _connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    try:
        if readonly:  # never creates, migrates or writes; usable from any thread (one at a time)
            uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=60, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=60)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database: {exc}", path=path) from None
    try:
        if readonly:
            conn.execute("PRAGMA query_only=ON")
            _check_version(conn)
        else:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            migrate(conn)
        conn.execute("PRAGMA cache_size=-65536")  # 64 MB page cache
    except StoreError as exc:
        conn.close()
        raise StoreError(exc.reason, path=path) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"not an eightk database or corrupt: {exc}", path=path) from None
    return conn


def _check_version(conn: sqlite3.Connection) -> None:
    """A read-only opening cannot migrate: the file must already be an eightk database of this schema."""
    version = current_version(conn)
    if version != SCHEMA_VERSION:
        raise StoreError(f"database schema {version or 'none'} is not this eightk's ({SCHEMA_VERSION}); run an ingest")


class Store:
    """An eightk database. Use as a context manager, or call ``close()``.

    ``readonly=True`` opens an existing database for reading only (``StoreError`` when it is missing or of
    another schema version); such a store may be handed between threads, one at a time."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.conn = _connect(self.path, readonly)

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
        time_budget: float | None = TIME_BUDGET,
    ) -> IngestReport:
        """Parse and store every filing under ``paths``; safe to re-run and to resume after a crash.
        ``time_budget``: CPU seconds per input (None: no limit); one that runs out is quarantined."""
        names = [str(p) for p in paths]
        return ingest(self.conn, names, workers=workers, batch=batch, progress=progress, time_budget=time_budget)

    def reparse(self, *, workers: int = 1, batch: int = 200, progress: Progress | None = None) -> IngestReport:
        """Rebuild every stored record after a parser upgrade: from its kept raw bytes (no source needed),
        or, for an input too large to keep (streamed at ingest), from its source file when that still holds
        the same bytes (same sha256). A record whose source is gone or changed is kept as it was and
        listed in the report's failures."""
        report = IngestReport()
        started = time.perf_counter()
        try:
            ids: deque[tuple[int, str]] = deque()
            inputs = run_parsed(self._raw_inputs(ids, report), workers)
            parsed = (m for p in inputs if (m := self._matched(p, ids.popleft(), report)) is not None)
            write_batches(self.conn, parsed, report, batch=batch, progress=progress, started=started)
        except KeyboardInterrupt:
            report.interrupted = True
        report.seconds = time.perf_counter() - started
        return report

    @staticmethod
    def _matched(parsed: Parsed, stored: tuple[int, str], report: IngestReport) -> Parsed | None:
        """The reparsed input as the replacement of stored row ``stored[0]``, unless its bytes are not the
        ones stored (sha256 ``stored[1]``): a source file changed since the ingest replaces nothing."""
        fid, sha = stored
        if parsed.sha256 and parsed.sha256 != sha:
            report.skipped += 1
            report.fail(parsed.name, "source changed since it was ingested (sha256 differs); record kept")
            return None
        return dataclasses.replace(parsed, replace_id=fid)

    def _raw_inputs(self, ids: deque[tuple[int, str]], report: IngestReport) -> Iterator[Input]:
        """Every stored filing's bytes, oldest id first, then the streamed ones from their sources; each
        (id, sha256) is appended to ``ids`` as its input goes out."""
        last = 0
        while True:  # in pages of ids, so a long reparse never holds one read cursor across commits
            page = self.conn.execute(
                "SELECT r.filing_id, r.name, r.zlib, f.sha256 FROM raw r JOIN filings f ON f.id = r.filing_id"
                " WHERE r.filing_id > ? AND r.zlib IS NOT NULL ORDER BY r.filing_id LIMIT 100",
                (last,),
            ).fetchall()
            if not page:
                break
            for fid, name, blob, sha in page:
                last = fid
                ids.append((fid, sha))
                yield Input(name or f"filing {fid}", zlib.decompress(blob))
        yield from self._source_inputs(ids, report)

    def _source_inputs(self, ids: deque[tuple[int, str]], report: IngestReport) -> Iterator[Input]:
        """Filings stored without their bytes, read again from the file or archive they came from (each
        source read once, in order); those whose source is gone are reported."""
        by_source: dict[str, dict[str, tuple[int, str]]] = {}
        rows = self.conn.execute(
            "SELECT f.id, f.path, f.sha256 FROM filings f WHERE NOT EXISTS"
            " (SELECT 1 FROM raw r WHERE r.filing_id = f.id AND r.zlib IS NOT NULL) ORDER BY f.id"
        ).fetchall()
        for fid, path, sha in rows:
            by_source.setdefault(source_of(path or ""), {})[path or ""] = (fid, sha)
        for source, wanted in by_source.items():
            for item in iter_inputs([source]) if source else ():
                if isinstance(item, Input) and item.name in wanted:
                    ids.append(wanted.pop(item.name))
                    yield item
            for name in wanted:
                report.skipped += 1
                report.fail(name or "(no path)", "not stored and its source is gone; record kept")

    # -- reading --------------------------------------------------------------------------------
    def optimize(self) -> tuple[int, int]:
        """Merge the full-text index's segments into one, so that a search reads each word's list once
        instead of once per segment; results are unchanged (``eightk.store.maintain``). Returns
        (segments before, after). Holds the write lock while it runs (13 s on 200,000 filings).
        Raises ``StoreError`` on a store opened read-only or locked by another writer."""
        if self.readonly:
            raise StoreError("cannot optimize a database opened read-only", path=self.path)
        try:
            return maintain.optimize(self.conn)
        except StoreError as exc:
            raise StoreError(exc.reason, path=self.path) from None

    def search(self, query: str, *, limit: int = 20, **filters: Any) -> list[SearchHit]:
        """Ranked hits for an FTS5 query within the filters (see ``eightk.search.Filters``)."""
        return search(self.conn, query, Filters(**resolve_ticker(self.conn, filters)), limit=limit)

    def filings(self, *, limit: int | None = None, **filters: Any) -> Iterator[FilingRow]:
        """Stored filings matching the filters, newest first."""
        where, args = filter_sql(Filters(**resolve_ticker(self.conn, filters)))
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
        if text.isascii() and text.isdigit() and len(text) < 19:  # a row id: an SQLite integer ("²" is no id)
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

        return export_rows(self.conn, level, Filters(**resolve_ticker(self.conn, filters)))

    def set_tickers(self, rows: Iterable[tuple[str, str, str]], *, source: str = "company_tickers.json") -> int:
        """Store EDGAR's ``(ticker, cik, title)`` rows (replacing those from ``source``), so a ``ticker``
        filter finds every filing of the filer it names, of any era. Returns the rows stored."""
        return set_tickers(self.conn, rows, source=source)

    def stats(self) -> dict[str, Any]:
        """Counts of what the database holds."""
        one = self.conn.execute
        out: dict[str, Any] = {
            "database": self.path,
            "schema": SCHEMA_VERSION,
            "filings": one("SELECT COUNT(*) FROM filings").fetchone()[0],
            "with_errors": one("SELECT COUNT(*) FROM filings WHERE NOT ok").fetchone()[0],
            "quarantined": one("SELECT COUNT(*) FROM quarantine").fetchone()[0],
            "companies": one(_COMPANIES_SQL).fetchone()[0],
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


# Companies by CIK; a filing without one (a bare document) counts under its name only when no CIK is known
# for that name, so "Apple Inc." and "APPLE INC" of one CIK are one company, not two spellings.
_COMPANIES_SQL = (
    "SELECT COUNT(*) FROM (SELECT cik FROM filings WHERE cik IS NOT NULL AND cik != ''"
    " UNION SELECT 'name:' || lower(company) FROM filings f WHERE (cik IS NULL OR cik = '') AND company IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.cik != '' AND lower(c.name) = lower(f.company)))"
)


def open_store(path: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating or migrating) the database at ``path``, else ``$EIGHTK_DB``, else ./eightk.db."""
    return Store(path or os.environ.get("EIGHTK_DB") or DEFAULT_DB)
