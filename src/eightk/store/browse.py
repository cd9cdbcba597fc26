"""Read queries for browsing a store: events, deals and a company's history, one page at a time.

The HTTP API (``eightk.web``) serves these; they only read. Every value a caller gives is a bound
parameter; the SQL text is built from constants only (sort columns come from a fixed table). Pages are
``limit`` rows from ``offset``; callers bound both.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Any

from eightk.search.filters import Filters, filter_sql

__all__ = [
    "DEAL_SORTS",
    "DEAL_TYPES",
    "EVENT_SORTS",
    "EventQuery",
    "company_history",
    "deals",
    "events",
    "filing_keys",
    "filing_record",
]

DEAL_TYPES = ("license", "collaboration", "asset_purchase")
DEAL_SORTS = ("date", "upfront", "milestones", "equity", "total_value")
EVENT_SORTS = ("date", "amount")
_DEAL_MONEY = ("upfront", "milestones", "equity", "total_value")
_EVENT_AMOUNT = (
    "(SELECT MAX(v.num_value) FROM event_values v WHERE v.filing_id = e.filing_id AND v.event = e.position"
    " AND v.currency IS NOT NULL)"
)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to list and in what order.

    ``filters``: the filing-level filters (company, cik, dates; ``eightk.search.Filters``); ``types``:
    event types to keep (empty: all); ``min_amount``/``max_amount``: some money value of the event itself
    within these bounds (units of its currency); ``sort``: one of ``EVENT_SORTS`` (or ``DEAL_SORTS`` for
    deals); ``descending``: largest or newest first."""

    filters: Filters = Filters()
    types: tuple[str, ...] = ()
    min_amount: float | None = None
    max_amount: float | None = None
    sort: str = "date"
    descending: bool = True
    limit: int = 50
    offset: int = 0


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    """Conditions over events ``e`` joined to filings ``f``."""
    where, args = filter_sql(q.filters)
    conds = [where]
    if q.types:
        conds.append(f"e.type IN ({','.join('?' * len(q.types))})")
        args += list(q.types)
    if q.min_amount is not None or q.max_amount is not None:
        sub = (
            "EXISTS (SELECT 1 FROM event_values v WHERE v.filing_id = e.filing_id AND v.event = e.position"
            " AND v.currency IS NOT NULL"
        )
        if q.min_amount is not None:
            sub += " AND v.num_value >= ?"
            args.append(q.min_amount)
        if q.max_amount is not None:
            sub += " AND v.num_value <= ?"
            args.append(q.max_amount)
        conds.append(sub + ")")
    return " AND ".join(conds), args


_EVENT_SELECT = "SELECT e.filing_id, e.position, e.type, {record}, f.key, f.accession, f.company, f.cik, f.date"
_DEAL_FIELDS = ("parties", "exclusive", "territory", "subject", "field", "royalties", *_DEAL_MONEY)
# A deal row needs these few fields of its event record (7.7 KB on average): SQLite reads them in one
# parse per record (one json_extract with many paths returns a JSON array), 0.5 ms for a page of 51
# deals on the 200,000-filing store against 2.0 ms to read the records and json.loads them whole.
_DEAL_RECORD = "json_extract(e.record, " + ", ".join(f"'$.{name}'" for name in _DEAL_FIELDS) + ")"


_KEYS = "SELECT e.filing_id, e.position"


def _load(
    conn: sqlite3.Connection, keys: list[tuple[int, int]], *, amounts: bool = False, record: str = "e.record"
) -> list[tuple[Any, ...]]:
    """The ``_EVENT_SELECT`` rows of the events ``keys`` (filing id, position), in that order, and with
    ``amounts`` each event's largest money value after them; ``record`` is the SQL of the record column
    (the whole JSON record, or ``_DEAL_RECORD``). Ordering queries select keys only, so the event records
    (kilobytes each) are read for one page, not for every row the ordering looks at."""
    ids = sorted({fid for fid, _ in keys})
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    select = _EVENT_SELECT.format(record=record)
    sql = f"{select} FROM events e JOIN filings f ON f.id = e.filing_id WHERE e.filing_id IN ({marks})"
    found = {(r[0], r[1]): r for r in conn.execute(sql, ids)}
    most: dict[tuple[int, int], float] = {}
    if amounts:
        sql = (
            "SELECT v.filing_id, v.event, MAX(v.num_value) FROM event_values v WHERE v.currency IS NOT NULL"
            f" AND v.num_value IS NOT NULL AND v.filing_id IN ({marks}) GROUP BY v.filing_id, v.event"
        )
        most = {(a, b): c for a, b, c in conn.execute(sql, ids)}
    extra = (lambda k: (most.get(k),)) if amounts else (lambda k: ())
    return [found[(k[0], k[1])] + extra((k[0], k[1])) for k in keys if (k[0], k[1]) in found]


def _event_row(row: tuple[Any, ...]) -> dict[str, Any]:
    fid, position, etype, record, key, accession, company, cik, date = row[:9]
    out = {
        "filing_id": fid, "filing_key": key, "accession": accession, "company": company, "cik": cik,
        "date": date, "position": position, "type": etype, "event": json.loads(record),
    }  # fmt: skip
    if len(row) > 9:
        out["amount"] = row[9]
    return out


_COMMON = 2000  # an event type with more events than this is found fastest by walking filings by date


def _by_date_index(conn: sqlite3.Connection, q: EventQuery) -> bool:
    """Whether a date-ordered page is best read by walking the filings' date index (most filings have a
    matching event: no filing-level filter but dates, no amount, no rare type) rather than by sorting
    every matching event (which joins each to its filing: 0.3 s for 128,000 events)."""
    f = q.filters
    if f.company or f.cik or f.ticker or f.form or f.item or q.min_amount is not None or q.max_amount is not None:
        return False
    if not q.types:
        return True
    marks = ",".join("?" * len(q.types))
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE type IN ({marks}) LIMIT {_COMMON + 1})"
    return int(conn.execute(sql, list(q.types)).fetchone()[0]) > _COMMON


def events(conn: sqlite3.Connection, q: EventQuery) -> list[dict[str, Any]]:
    """One page of events: dicts with ``filing_id``, ``filing_key``, ``accession``, ``company``, ``cik``,
    ``date`` (of the filing), ``position`` (within the filing), ``type``, ``event`` (the record per
    SCHEMA.md) and ``amount`` (the event's largest money value, or None). ``sort`` "amount": the events
    with money first, by their largest value, then the others newest first. Raises ``SearchError`` for a
    malformed filter value."""
    where, args = _where(q)
    order = "DESC" if q.descending else "ASC"
    joined = f"FROM events e JOIN filings f ON f.id = e.filing_id WHERE {where}"
    if q.sort != "amount":
        if _by_date_index(conn, q):  # walk filings newest first: stops after one page
            joined = f"FROM filings f CROSS JOIN events e ON e.filing_id = f.id WHERE {where}"
        sql = f"{_KEYS} {joined} ORDER BY f.date {order}, f.id {order}, e.position LIMIT ? OFFSET ?"
        keys = conn.execute(sql, [*args, q.limit, q.offset]).fetchall()
        return [_event_row(r) for r in _load(conn, keys, amounts=True)]
    # Each event's largest money value, from the typed values (one pass over them, not one per event).
    amounts = (
        "WITH a AS (SELECT v.filing_id, v.event, MAX(v.num_value) AS amount FROM event_values v"
        " WHERE v.currency IS NOT NULL AND v.num_value IS NOT NULL GROUP BY v.filing_id, v.event) "
    )
    from_amounts = (
        f"FROM a JOIN events e ON e.filing_id = a.filing_id AND e.position = a.event"
        f" JOIN filings f ON f.id = e.filing_id WHERE {where}"
    )
    sql = f"{amounts}{_KEYS} {from_amounts} ORDER BY a.amount {order}, f.date DESC, e.filing_id"
    keys = conn.execute(sql + " LIMIT ? OFFSET ?", [*args, q.limit, q.offset]).fetchall()
    if len(keys) < q.limit:  # past the events with money: the others, newest first
        stating = conn.execute(f"{amounts}SELECT COUNT(*) {from_amounts}", args).fetchone()[0]
        rest = f"{_KEYS} {joined} AND {_EVENT_AMOUNT} IS NULL ORDER BY f.date DESC, e.filing_id DESC"
        keys += conn.execute(rest + " LIMIT ? OFFSET ?", [*args, q.limit - len(keys), max(0, q.offset - stating)])
    return [_event_row(r) for r in _load(conn, keys, amounts=True)]


def _money(value: Any) -> float | None:
    return float(value["amount"]) if isinstance(value, dict) and value.get("amount") is not None else None


def _deal_row(row: tuple[Any, ...]) -> dict[str, Any]:
    """A deal from a ``_load`` row whose record column is ``_DEAL_RECORD``."""
    fid, position, etype, fields, key, accession, company, cik, date = row[:9]
    parties, exclusive, territory, subject, field, royalties, *money = json.loads(fields)
    royalties = royalties or {}
    currency = next((m.get("currency") for m in money if isinstance(m, dict)), None)
    out = {
        "filing_id": fid, "filing_key": key, "accession": accession, "company": company, "cik": cik, "date": date,
        "position": position, "type": etype,
        "parties": [{"name": p.get("name"), "role": p.get("role")} for p in parties or []],
        "exclusive": exclusive, "territory": territory, "subject": subject, "field": field,
        "royalties": bool(royalties.get("mentioned")), "royalty_low": royalties.get("rate_low"),
        "royalty_high": royalties.get("rate_high"), "currency": currency,
    }  # fmt: skip
    for name, value in zip(_DEAL_MONEY, money, strict=True):
        out[name] = _money(value)
    return out


def deals(conn: sqlite3.Connection, q: EventQuery) -> list[dict[str, Any]]:
    """One page of deals (license, collaboration, asset purchase events): dicts with the filing's
    ``filing_key``, ``accession``, ``company``, ``date``, the event ``position``, ``type``, ``parties``
    (name, role), ``exclusive``, ``territory``, ``subject``, ``field``, ``royalties`` (mentioned) with
    ``royalty_low``/``royalty_high`` (fractions), and ``upfront``, ``milestones``, ``equity``,
    ``total_value`` (amounts in ``currency`` units, or None). Sorted by ``q.sort`` (one of
    ``DEAL_SORTS``): by an amount, the deals stating it come first (by the amount), then the others by
    date. Raises ``SearchError`` for a malformed filter value."""
    types = tuple(t for t in (q.types or DEAL_TYPES) if t in DEAL_TYPES) or ("none",)
    where, args = _where(EventQuery(q.filters, types, q.min_amount, q.max_amount))
    order = "DESC" if q.descending else "ASC"
    joined = f"FROM events e JOIN filings f ON f.id = e.filing_id WHERE {where}"
    if q.sort not in _DEAL_MONEY:
        sql = f"{_KEYS} {joined} ORDER BY f.date {order}, e.filing_id {order}, e.position LIMIT ? OFFSET ?"
        keys = conn.execute(sql, [*args, q.limit, q.offset]).fetchall()
        return [_deal_row(r) for r in _load(conn, keys, record=_DEAL_RECORD)]
    has = (
        "EXISTS (SELECT 1 FROM event_values v WHERE v.filing_id = e.filing_id AND v.event = e.position AND v.field = ?)"
    )
    first_sql = (
        f"{_KEYS} FROM event_values v CROSS JOIN events e ON e.filing_id = v.filing_id AND e.position = v.event"
        f" JOIN filings f ON f.id = e.filing_id WHERE v.field = ? AND v.num_value IS NOT NULL AND {where}"
        f" ORDER BY v.num_value {order}, f.date DESC, e.filing_id LIMIT ? OFFSET ?"
    )
    rows = conn.execute(first_sql, [q.sort, *args, q.limit, q.offset]).fetchall()
    if len(rows) < q.limit:  # past the deals stating the amount: the others, newest first
        count_sql = "SELECT COUNT(*) " + first_sql[len(_KEYS) : first_sql.index(" ORDER BY")]
        stating = conn.execute(count_sql, [q.sort, *args]).fetchone()[0]
        rest_sql = f"{_KEYS} {joined} AND NOT {has} ORDER BY f.date DESC, e.filing_id DESC, e.position"
        rest_sql += " LIMIT ? OFFSET ?"
        rest = conn.execute(rest_sql, [*args, q.sort, q.limit - len(rows), max(0, q.offset - stating)]).fetchall()
        rows += rest
    return [_deal_row(r) for r in _load(conn, rows, record=_DEAL_RECORD)]


def company_history(conn: sqlite3.Connection, *, cik: str | None, name: str | None, limit: int = 500) -> dict[str, Any]:
    """A company's filings and events over time, oldest first: ``{"names": [...], "cik", "filings":
    [{filing_key, accession, date, form_type, item_codes, events: [{position, type, summary}]}]}``.
    The company is a CIK (any filer of the filing), else a registrant name as printed, in any case
    ("amazon.com, inc."); ``cik`` is then the one CIK its filings share, if they share one. At most
    ``limit`` filings (the newest); ``filings`` is empty for an unknown company."""
    if cik:
        cond, args = "(f.cik = ? OR f.id IN (SELECT x.filing_id FROM filers x WHERE x.cik = ?))", [cik, cik]
    else:
        cond, args = "f.company = ? COLLATE NOCASE", [name or ""]
    rows = conn.execute(
        "SELECT * FROM (SELECT f.id, f.key, f.accession, f.date, f.form_type, f.item_codes, f.company, f.cik"
        f" FROM filings f WHERE {cond} ORDER BY f.date DESC, f.id DESC LIMIT ?) ORDER BY 4, 1",
        [*args, limit],
    ).fetchall()
    if not cik and len({r[7] for r in rows}) == 1:
        cik = rows[0][7]  # a name's filings that all carry one CIK: that is the company's
    by_id: dict[int, dict[str, Any]] = {}
    names: list[str] = []
    for fid, key, accession, date, form, codes, company, _cik in rows:
        by_id[fid] = {"filing_key": key, "accession": accession, "date": date, "form_type": form,
                      "item_codes": [c for c in (codes or "").split(",") if c], "events": []}  # fmt: skip
        if company and company not in names:
            names.append(company)
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT e.filing_id, e.position, e.type, e.record FROM events e WHERE e.filing_id IN ({','.join('?' * len(chunk))}) ORDER BY 1, 2"  # noqa: E501
        for fid, position, etype, record in conn.execute(sql, chunk):
            by_id[fid]["events"].append(
                {"position": position, "type": etype, "summary": event_summary(json.loads(record))}
            )
    return {"cik": cik, "names": names, "filings": list(by_id.values())}


def event_summary(event: dict[str, Any]) -> str:
    """A one-line description of an event record: its type and the first few of its named values."""
    parts: list[str] = []
    for field in ("person", "role", "action", "buyer", "target", "former", "new", "counterparty", "subject"):
        value = event.get(field)
        if isinstance(value, str) and value:
            parts.append(value)
    for field in ("upfront", "milestones", "consideration", "revenue", "total_value"):
        money = event.get(field)
        if isinstance(money, dict) and money.get("amount") is not None:
            parts.append(f"{field} {money.get('currency') or ''} {money['amount']:,.0f}".replace("  ", " "))
    parties = [str(p["name"]) for p in event.get("parties") or [] if isinstance(p, dict) and p.get("name")]
    head = [", ".join(parties)] if parties else []
    return "; ".join(head + parts[:4])


def filing_record(conn: sqlite3.Connection, fid: int) -> dict[str, Any] | None:
    """The stored record of filing row ``fid`` as SCHEMA.md gives it (the JSON ``Filing.to_dict()``
    wrote at ingest), without building the typed ``Filing``; None when there is no such row."""
    row = conn.execute("SELECT record FROM filings WHERE id = ?", (fid,)).fetchone()
    return json.loads(zlib.decompress(row[0])) if row else None


def filing_keys(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """The ``key`` (accession, or "sha256:…") of each stored filing id given."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, key FROM filings WHERE id IN ({marks})", ids).fetchall())
