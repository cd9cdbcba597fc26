"""Export rows for analysts: one per filing, per item or per event, streamed in id order.

Rows are flat dicts of scalars (lists become comma-joined text, money becomes ``<field>`` and
``<field>_currency`` columns) so the same rows go to JSON Lines, CSV and Parquet. Each level has one
fixed schema, ``COLUMNS[level]``: every row has exactly those keys, in that order, whatever the data,
so files exported at different times (or with no rows) have the same columns and types and concatenate.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from eightk.errors import UsageError
from eightk.search import Filters, filter_sql
from eightk.search.filters import normalize_item

__all__ = ["COLUMNS", "LEVELS", "export_rows"]

_QUERIES = {
    "filing": "SELECT f.id AS filing_id, f.accession, f.cik, f.company, f.form_type, f.filed_at, f.date_of_report,"
    " f.item_codes, f.format, f.bytes, f.ok, f.path,"
    " (SELECT GROUP_CONCAT(type) FROM events e WHERE e.filing_id = f.id) AS event_types"
    " FROM filings f",
    "item": "SELECT f.id AS filing_id, f.accession, f.cik, f.company, f.form_type, f.date_of_report, i.position,"
    " i.number, i.code, i.title, i.applicable, i.text FROM filings f JOIN items i ON i.filing_id = f.id",
    "event": "SELECT f.id AS filing_id, f.accession, f.cik, f.company, f.form_type, f.date_of_report,"
    " e.position AS event, e.type, e.record FROM filings f JOIN events e ON e.filing_id = f.id",
}
_ORDER = {"filing": "f.id", "item": "f.id, i.position", "event": "f.id, e.position"}
LEVELS = tuple(_QUERIES)

# The typed fields an event row carries as columns (others stay in ``record``, the event's JSON).
_EVENT_FIELDS = (
    "upfront", "milestones", "equity", "total_value", "consideration", "revenue", "net_income", "eps",
    "exclusive", "territory", "subject", "field", "stage", "person", "role", "action", "effective",
    "former", "new", "disagreements", "buyer", "target", "status", "completed", "period_end",
    "counterparty", "agreement_type",
)  # fmt: skip


_MONEY_FIELDS = ("upfront", "milestones", "equity", "total_value", "consideration", "revenue", "net_income")
_KINDS = {"exclusive": "bool", "disagreements": "bool", "eps": "float", "effective": "date", "completed": "date",
          "period_end": "date"}  # fmt: skip
_HEAD = [("filing_id", "int"), ("accession", "str"), ("cik", "str"), ("company", "str"), ("form_type", "str")]

# Column name → kind ("int", "float", "bool", "date" as ISO text, "str") for each level; money is a
# float column and a ``_currency`` text column.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "filing": (*_HEAD, ("filed_at", "date"), ("date_of_report", "date"), ("item_codes", "str"), ("format", "str"),
               ("bytes", "int"), ("ok", "bool"), ("path", "str"), ("event_types", "str")),
    "item": (*_HEAD, ("date_of_report", "date"), ("position", "int"), ("number", "str"), ("code", "str"),
             ("title", "str"), ("applicable", "bool"), ("text", "str")),
    "event": (*_HEAD, ("date_of_report", "date"), ("event", "int"), ("type", "str"), ("record", "str"),
              *(c for n in _EVENT_FIELDS for c in (
                  ((n, "float"), (f"{n}_currency", "str")) if n in _MONEY_FIELDS else ((n, _KINDS.get(n, "str")),))),
              ("parties", "str")),
}  # fmt: skip


def export_rows(conn: sqlite3.Connection, level: str, filters: Filters) -> Iterator[dict[str, Any]]:
    """Rows of ``level`` ("filing", "item" or "event") matching ``filters``, as dicts keyed by
    ``COLUMNS[level]`` in order. Raises UsageError for an unknown level."""
    if level not in _QUERIES:
        raise UsageError(f"unknown export level {level!r}: use one of {', '.join(LEVELS)}")
    where, args = filter_sql(filters)
    if level == "item" and filters.item:  # the rows of that item only, not every item of its filings
        where, args = f"({where}) AND i.code = ?", [*args, normalize_item(filters.item)]
    if level == "event" and filters.event:  # likewise the events of that type
        where, args = f"({where}) AND e.type = ?", [*args, filters.event]
    cur = conn.execute(f"{_QUERIES[level]} WHERE {where} ORDER BY {_ORDER[level]}", args)
    names = [d[0] for d in cur.description]
    try:
        for row in cur:
            out = dict(zip(names, row, strict=True))
            out = _event_columns(out) if level == "event" else out
            yield {name: _typed(out.get(name), kind) for name, kind in COLUMNS[level]}
    finally:
        cur.close()


def _typed(value: Any, kind: str) -> Any:
    """``value`` as its column's kind (SQLite gives 0/1 for booleans, ints for whole amounts)."""
    if value is None:
        return None
    if kind == "bool":
        return bool(value)
    if kind == "float":
        return float(value) if isinstance(value, (int, float)) else None
    if kind == "int":
        return int(value)
    return str(value)


def _event_columns(row: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(row["record"])
    for name in _EVENT_FIELDS:
        value = data.get(name)
        if isinstance(value, dict) and "amount" in value:
            row[name], row[f"{name}_currency"] = value.get("amount"), value.get("currency")
        elif name in _MONEY_FIELDS:
            row[name], row[f"{name}_currency"] = None, None
        else:
            row[name] = value if not isinstance(value, (dict, list)) else json.dumps(value, ensure_ascii=False)
    parties = data.get("parties") or []
    row["parties"] = "; ".join(f"{p.get('name')} ({p.get('role')})" for p in parties if isinstance(p, dict)) or None
    return row
