"""Writing records: one filing becomes rows in every table and in the full-text index, atomically.

``put_filing`` replaces any earlier version of the same filing (same accession, or same sha256 when
there is no accession), so re-ingesting is always safe. It runs inside the caller's transaction: the
writer commits a batch at a time, and the index never disagrees with the records.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from typing import Any

from eightk.model import Event, Filing, Money, record_to_dict

__all__ = ["filing_key", "put_filing", "put_quarantine"]


def filing_key(filing: Filing) -> str:
    return filing.accession or f"sha256:{filing.source.sha256}"


def put_quarantine(conn: sqlite3.Connection, name: str, sha256: str | None, reason: str) -> None:
    conn.execute(
        "INSERT INTO quarantine(name, sha256, reason) VALUES(?, ?, ?) "
        "ON CONFLICT(name, sha256) DO UPDATE SET reason=excluded.reason",
        (name, sha256, reason),
    )


def put_filing(conn: sqlite3.Connection, filing: Filing, raw: bytes | None) -> int:
    """Insert (or replace) one filing; return its row id."""
    key = filing_key(filing)
    old = conn.execute("SELECT id FROM filings WHERE key = ?", (key,)).fetchone()
    if old is not None:
        _delete(conn, old[0])
    record = filing.to_dict()
    reg = filing.registrant
    cur = conn.execute(
        "INSERT INTO filings(key, accession, sha256, path, form_type, filed_at, date_of_report, cik, company,"
        " format, bytes, item_codes, ok, record) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            key, filing.accession, filing.source.sha256, filing.source.path, filing.form_type,
            record["filed_at"], record["date_of_report"], reg.cik, reg.name, filing.source.format,
            filing.source.bytes, ",".join(filing.item_codes), int(filing.ok),
            json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        ),
    )  # fmt: skip
    fid = int(cur.lastrowid or 0)
    _children(conn, fid, filing)
    _search_rows(conn, fid, filing)
    if raw is not None:
        conn.execute(
            "INSERT INTO raw(filing_id, name, sha256, bytes, zlib) VALUES(?,?,?,?,?)",
            (fid, filing.source.path, filing.source.sha256, len(raw), zlib.compress(raw, 6)),
        )
    return fid


def _delete(conn: sqlite3.Connection, fid: int) -> None:
    conn.execute("DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_rows WHERE filing_id = ?)", (fid,))
    conn.execute("DELETE FROM filings WHERE id = ?", (fid,))  # children go by ON DELETE CASCADE


def _children(conn: sqlite3.Connection, fid: int, f: Filing) -> None:
    filers = f.filers or (f.registrant,)
    conn.executemany(
        "INSERT INTO filers VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (fid, i, r.name, r.cik, r.state_of_incorporation, r.file_number, r.irs_number, r.address.street,
             r.address.city, r.address.state, r.address.zip, r.phone, r.former_name)
            for i, r in enumerate(filers)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO securities VALUES(?,?,?,?)",
        [(fid, s.title, s.symbol, s.exchange) for s in f.registrant.securities],
    )
    conn.executemany(
        "INSERT INTO items VALUES(?,?,?,?,?,?,?,?,?,?)",
        [
            (fid, i, it.number, it.code, it.title, int(it.applicable), it.span.doc, it.span.start, it.span.end,
             it.span.quote)
            for i, it in enumerate(f.items)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO signatures VALUES(?,?,?,?,?,?)",
        [
            (fid, i, s.name, s.title, s.date.isoformat() if s.date else None, s.entity)
            for i, s in enumerate(f.signatures)
        ],
    )
    conn.executemany(
        "INSERT INTO exhibits VALUES(?,?,?,?,?)",
        [(fid, i, e.number, e.description, e.document) for i, e in enumerate(f.exhibits)],
    )
    conn.executemany(
        "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?)",
        [
            (fid, d.sequence, d.type, d.filename, d.description, d.format, d.bytes, d.text_chars, d.text or None)
            for d in f.documents
        ],
    )
    conn.executemany("INSERT INTO problems VALUES(?,?,?,?)", [(fid, p.severity, p.code, p.message) for p in f.problems])
    for i, ev in enumerate(f.events):
        _event(conn, fid, i, ev)


def _event(conn: sqlite3.Connection, fid: int, position: int, ev: Event) -> None:
    data = record_to_dict(ev)
    cur = conn.execute(
        "INSERT INTO events(filing_id, position, type, record) VALUES(?,?,?,?)",
        (fid, position, ev.type, json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
    )
    eid = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO event_values VALUES(?,?,?,?,?,?,?)",
        [(eid, fid, ev.type, field, text, num, cur_) for field, text, num, cur_ in event_values(data)],
    )


def event_values(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str | None, float | None, str | None]]:
    """Flatten an event into typed (field, text, number, currency) rows; money keeps its currency."""
    for key, value in data.items():
        if key in ("type", "evidence", "values") or value is None:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict) and "amount" in value:
            yield name, value.get("qualifier"), float(value["amount"]), value.get("currency")
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


def _search_rows(conn: sqlite3.Connection, fid: int, f: Filing) -> None:
    """Index each item's text and each exhibit document's text (the primary's text is its items)."""
    rows: list[tuple[str, str | None, str | None, str]] = [
        ("item", it.number, it.code, it.span.quote) for it in f.items if it.span.quote
    ]
    primary = f.items[0].span.doc if f.items else None
    for d in f.documents:
        if d.text and d.sequence != primary and primary is not None:
            rows.append(("document", f"{d.sequence}:{d.type or ''}", None, d.text))
    if primary is None:  # no items found: index the primary document's text whole
        first = next((d for d in f.documents if d.text), None)
        if first is not None:
            rows = [r for r in rows if r[1] != f"{first.sequence}:{first.type or ''}"]
            rows.insert(0, ("document", f"{first.sequence}:{first.type or ''}", None, first.text))
    for kind, ref, code, text in rows:
        cur = conn.execute(
            "INSERT INTO search_rows(filing_id, kind, ref, code) VALUES(?,?,?,?)", (fid, kind, ref, code)
        )
        conn.execute("INSERT INTO search(rowid, text) VALUES(?, ?)", (cur.lastrowid, text))


_ = Money  # money values are recognized by shape in event_values
