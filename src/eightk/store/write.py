"""Writing records: one filing becomes rows in every table and in the full-text index, atomically.

The work is split in two so the single writer stays fast: ``prepare`` (pure, runs in the parsing
worker) turns a ``Filing`` into ready-made row tuples, compressed record and compressed raw bytes;
``put_rows`` (the writer) replaces any earlier version of the same filing (same accession, or same
sha256 when there is none) and inserts the rows, inside the caller's transaction. The writer commits
a batch at a time, so the full-text index never disagrees with the records. A replaced filing keeps
its row id.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eightk.model import Filing
from eightk.store.index import search_rows

# zlib level for raw bytes and stored records: level 1 compresses filings to within ~15% of level 6 in a
# third of the time, and compression runs in the ingest workers for every filing.
_LEVEL = 1

__all__ = ["FilingRows", "event_values", "filing_key", "prepare", "put_quarantine", "put_rows"]

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class FilingRows:
    """Everything one filing writes, minus its row id (the writer assigns it)."""

    key: str
    filing: Row  # the filings columns after id and key
    children: dict[str, list[Row]]  # table → rows without the leading filing_id
    search: list[tuple[Row, str, str]]  # (search_rows columns after rowid and filing_id, text, tags)
    raw: Row | None  # raw columns after filing_id
    format: str
    ok: bool
    company: tuple[str, str] | None  # (name, cik or "") for the companies table


_INSERTS = {
    "filers": "INSERT INTO filers VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "securities": "INSERT INTO securities VALUES(?,?,?,?,?)",
    "items": "INSERT INTO items VALUES(?,?,?,?,?,?,?,?,?,?)",
    "signatures": "INSERT INTO signatures VALUES(?,?,?,?,?,?)",
    "exhibits": "INSERT INTO exhibits VALUES(?,?,?,?,?)",
    "documents": "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events VALUES(?,?,?,?)",
    "event_values": "INSERT INTO event_values VALUES(?,?,?,?,?,?,?)",
    "problems": "INSERT INTO problems VALUES(?,?,?,?)",
}


def filing_key(filing: Filing) -> str:
    return filing.accession or f"sha256:{filing.source.sha256}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def prepare(filing: Filing, raw: bytes | None) -> FilingRows:
    """Row tuples for one filing (pure: runs in a worker process)."""
    record = filing.to_dict()
    reg = filing.registrant
    row = (
        filing.accession, filing.source.sha256, filing.source.path, filing.form_type, record["filed_at"],
        record["date_of_report"], record["date_of_report"] or record["filed_at"], reg.cik, reg.name,
        filing.source.format, filing.source.bytes, ",".join(filing.item_codes), int(filing.ok),
        zlib.compress(_json(record).encode(), _LEVEL),
    )  # fmt: skip
    children = _children(filing, record)
    raw_row = None
    if raw is not None:
        raw_row = (filing.source.path, filing.source.sha256, len(raw), zlib.compress(raw, _LEVEL))
    return FilingRows(
        key=filing_key(filing), filing=row, children=children, search=search_rows(filing, children["event_values"]),
        raw=raw_row, format=filing.source.format, ok=filing.ok,
        company=(reg.name, reg.cik or "") if reg.name else None,
    )  # fmt: skip


def _children(f: Filing, record: dict[str, Any]) -> dict[str, list[Row]]:
    filers = f.filers or (f.registrant,)
    events: list[Row] = []
    values: list[Row] = []
    for pos, (ev, data) in enumerate(zip(f.events, record["events"], strict=True)):
        events.append((pos, ev.type, _json(data)))
        values += [(pos, ev.type, *v) for v in event_values(data)]
    return {
        "filers": [
            (
                i,
                r.name,
                r.cik,
                r.state_of_incorporation,
                r.file_number,
                r.irs_number,
                r.address.street,
                r.address.city,
                r.address.state,
                r.address.zip,
                r.phone,
                r.former_name,
            )
            for i, r in enumerate(filers)
        ],  # fmt: skip
        "securities": [(i, s.title, s.symbol, s.exchange) for i, s in enumerate(f.registrant.securities)],
        "items": [
            (
                i,
                it.number,
                it.code,
                it.title,
                int(it.applicable),
                it.span.doc,
                it.span.start,
                it.span.end,
                it.span.quote,
            )
            for i, it in enumerate(f.items)
        ],  # fmt: skip
        "signatures": [
            (i, s.name, s.title, s.date.isoformat() if s.date else None, s.entity) for i, s in enumerate(f.signatures)
        ],
        "exhibits": [(i, e.number, e.description, e.document) for i, e in enumerate(f.exhibits)],
        "documents": [
            (d.sequence, d.type, d.filename, d.description, d.format, d.bytes, d.text_chars, d.text or None)
            for d in f.documents
        ],
        "events": events,
        "event_values": values,
        "problems": [(p.severity, p.code, p.message) for p in f.problems],
    }


def event_values(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str | None, float | None, str | None]]:
    """Flatten an event into typed (field, text, number, currency) rows; money keeps its currency.

    ``upfront`` gives ("upfront", None, 2000000.0, "USD"); a party's name gives ("parties.name", "Genentech,
    Inc.", None, None); a qualifier of money ("up to") is the text of its row.
    """
    for key, value in data.items():
        if key in ("type", "evidence", "values") or value is None:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict) and "amount" in value:
            amount = value.get("amount")
            yield name, value.get("qualifier"), float(amount) if amount is not None else None, value.get("currency")
        elif isinstance(value, dict):
            yield from event_values(value, prefix=f"{name}.")
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield from event_values(item, prefix=f"{name}.")
                else:
                    yield name, str(item), None, None
        elif isinstance(value, bool):
            yield name, str(value).lower(), float(value), None
        elif isinstance(value, (int, float)):
            yield name, None, float(value), None
        else:
            yield name, str(value), None, None


def put_quarantine(conn: sqlite3.Connection, name: str, sha256: str | None, reason: str) -> None:
    conn.execute(
        "INSERT INTO quarantine(name, sha256, reason) VALUES(?, ?, ?) "
        "ON CONFLICT(name, sha256) DO UPDATE SET reason=excluded.reason",
        (name, sha256 or "", reason),
    )


def put_rows(conn: sqlite3.Connection, rows: FilingRows, replace_id: int | None = None) -> int:
    """Insert (or replace, keeping its id) one prepared filing; return its row id.

    ``replace_id`` (reparse) names the row the record replaces even if its key changed; another row
    already holding the new key is merged into it."""
    old = conn.execute("SELECT id FROM filings WHERE key = ?", (rows.key,)).fetchone()
    fid: int | None = replace_id if replace_id is not None else (int(old[0]) if old else None)
    if old is not None and int(old[0]) != fid:
        _delete(conn, int(old[0]))
    if fid is not None:
        _delete(conn, fid)
    cur = conn.execute(
        "INSERT INTO filings(id, key, accession, sha256, path, form_type, filed_at, date_of_report, date, cik,"
        " company, format, bytes, item_codes, ok, record) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (fid, rows.key, *rows.filing),
    )
    fid = int(cur.lastrowid or 0)
    for table, sql in _INSERTS.items():
        if rows.children[table]:
            conn.executemany(sql, [(fid, *r) for r in rows.children[table]])
    for meta, text, tags in rows.search:
        cur = conn.execute(
            "INSERT INTO search_rows(filing_id, kind, ref, code, part, label) VALUES(?,?,?,?,?,?)", (fid, *meta)
        )
        conn.execute("INSERT INTO search(rowid, text, tags) VALUES(?, ?, ?)", (cur.lastrowid, text, tags))
    if rows.company:
        conn.execute("INSERT OR IGNORE INTO companies(name, cik) VALUES(?, ?)", rows.company)
    if rows.raw is not None:
        conn.execute("INSERT INTO raw(filing_id, name, sha256, bytes, zlib) VALUES(?,?,?,?,?)", (fid, *rows.raw))
    return fid


def _delete(conn: sqlite3.Connection, fid: int) -> None:
    conn.execute("DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_rows WHERE filing_id = ?)", (fid,))
    for table in ("search_rows", *_INSERTS, "raw"):
        conn.execute(f"DELETE FROM {table} WHERE filing_id = ?", (fid,))  # table names are constants
    conn.execute("DELETE FROM filings WHERE id = ?", (fid,))
