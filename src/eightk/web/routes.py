"""The API's endpoints, under /api: search, filings and their documents' text, events, deals, a company's
history, stats. All read-only; every parameter bounded (length, range, page size); pages chained by an
opaque ``cursor``."""

from __future__ import annotations

import dataclasses
import enum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from eightk.catalog import ITEMS, OLD_ITEMS
from eightk.model import EVENT_TYPES
from eightk.search import Filters
from eightk.store import Store
from eightk.store.browse import EventQuery, company_history, deals, events, filing_keys, filing_record
from eightk.web.app import Json, Stores
from eightk.web.models import (
    CompanyHistory,
    DealsPage,
    DocumentText,
    ErrorBody,
    EventsPage,
    SearchPage,
)

MAX_PAGE = 100
MAX_OFFSET = 10_000
MAX_SEARCH_DEPTH = 1000  # the search module returns at most this many hits, all pages together
_PLAIN = r"^[^\x00-\x1f\x7f]*$"  # no NUL or other control characters

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "a parameter the store cannot use (malformed query, bad cursor)"},
    404: {"model": ErrorBody, "description": "no such filing, document or company"},
    422: {"model": ErrorBody, "description": "a parameter of the wrong type, length or range"},
    429: {"model": ErrorBody, "description": "too many requests per second from this address; see Retry-After"},
    500: {"model": ErrorBody, "description": "the server failed; nothing about the cause is disclosed"},
}
router = APIRouter(prefix="/api", responses=_ERRORS)
# Item filter values: a modern code ("8.01") or an old item number ("5"); both eras match either.
ItemCode = enum.StrEnum("ItemCode", [(v, v) for v in [d.code for d in ITEMS] + sorted(OLD_ITEMS, key=int)])  # type: ignore[misc]


def Text(max_length: int, description: str) -> Any:  # noqa: N802 - reads as a type in signatures
    return Query(max_length=max_length, pattern=_PLAIN, description=description)


def Day(description: str) -> Any:  # noqa: N802 - reads as a type in signatures
    return Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", json_schema_extra={"format": "date"}, description=description)


Amount = Annotated[float | None, Query(ge=0, le=1e15, description="units of the currency (2000000 for $2 million)")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page, at most {MAX_PAGE}")]
Cursor = Annotated[str | None, Query(pattern=r"^[0-9]{1,6}$", description="next_cursor of the previous page")]
Order = Annotated[Literal["asc", "desc"], Query(description="desc: largest or newest first")]


async def stores_of(request: Request) -> Stores:
    """The app's read-only stores. Async, so it runs on the event loop: each endpoint then takes its
    thread's own store with ``.get()`` in the thread it runs in (a connection is never used by two
    threads at once; a sync dependency may run in another pool thread than its endpoint)."""
    stores: Stores = request.app.state.stores
    return stores


Company = Annotated[str | None, Text(200, "the registrant's name contains this (case-insensitive)")]
Cik = Annotated[str | None, Query(pattern=r"^[0-9]{1,10}$", description="a filer's CIK")]
Ticker = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9.\-]{1,10}$")]
Form = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9\-/ ]{1,20}$", description="8-K, 8-K/A")]
Item = Annotated[ItemCode | None, Query(description="8.01, or an old item number like 5")]
Word = Annotated[str | None, Query(pattern=r"^[a-z_]{1,40}$", description="event type (license, earnings, …)")]
DateFrom = Annotated[str | None, Day("date of report on or after (YYYY-MM-DD)")]
DateTo = Annotated[str | None, Day("date of report on or before (YYYY-MM-DD)")]
Currency = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")]


async def filing_filters(  # noqa: PLR0917 - one query parameter each
    company: Company = None,
    cik: Cik = None,
    ticker: Ticker = None,
    form: Form = None,
    item: Item = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Filters:
    """The filters on the filing an item, event or deal belongs to."""
    code = item.value if item else None
    return Filters(company=company, cik=cik, ticker=ticker, form=form, item=code, date_from=date_from, date_to=date_to)


async def search_filters(  # noqa: PLR0917 - one query parameter each
    base: Annotated[Filters, Depends(filing_filters)],
    event: Word = None,
    min_amount: Amount = None,
    max_amount: Amount = None,
    amount_field: Annotated[str | None, Query(pattern=r"^[a-z_]{1,40}$", description="upfront, milestones, …")] = None,
    currency: Currency = None,
) -> Filters:
    """The filing filters, and: the filing reports an event of this type; some event amount (of
    ``amount_field``, in ``currency``) within [min_amount, max_amount]."""
    return dataclasses.replace(
        base, event=event, min_amount=min_amount, max_amount=max_amount, amount_field=amount_field, currency=currency
    )


def offset_of(cursor: str | None) -> int:
    """The row offset a cursor stands for (0 without one). Cursors are the offsets of the next page as
    digits; one past the end gives an empty page."""
    return int(cursor) if cursor else 0


def cursor_for(offset: int, got: int, limit: int, most: int = MAX_OFFSET) -> str | None:
    """The next page's cursor when this one (``got`` rows of ``limit + 1`` asked) is not the last."""
    if got <= limit or offset + limit > most:
        return None
    return str(offset + limit)


@router.get("/search", response_model=SearchPage, summary="Full-text search over item and exhibit texts")
def search(
    q: Annotated[str, Query(min_length=1, max_length=500, pattern=_PLAIN, description='words, "phrases", AND/OR/NOT')],
    f: Annotated[Filters, Depends(search_filters)],
    stores: Annotated[Stores, Depends(stores_of)],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Json:
    """Ranked hits (bm25; the newest first for a very common query), each with its snippet and label."""
    store = stores.get()
    offset = offset_of(cursor)
    if offset >= MAX_SEARCH_DEPTH:
        return Json({"query": q, "hits": [], "next_cursor": None})
    found = store.search(q, limit=min(offset + limit + 1, MAX_SEARCH_DEPTH), **_fields(f))
    keys = filing_keys(store.conn, [h.filing_id for h in found[offset : offset + limit]])
    hits = [
        {"filing_key": keys[h.filing_id], "accession": h.accession, "company": h.company, "form_type": h.form_type,
         "date": h.date, "kind": h.kind, "ref": h.ref, "code": h.code, "label": h.label, "snippet": h.snippet,
         "score": h.score, "source": h.source}
        for h in found[offset : offset + limit]
        if h.filing_id in keys
    ]  # fmt: skip
    next_cursor = cursor_for(offset, len(found) - offset, limit, MAX_SEARCH_DEPTH - 1)
    return Json({"query": q, "hits": hits, "next_cursor": next_cursor})


def _fields(f: Filters) -> dict[str, Any]:
    return {name: getattr(f, name) for name in Filters.__slots__ if getattr(f, name) is not None}  # type: ignore[attr-defined]


FilingKey = Annotated[
    str, Path(max_length=80, pattern=r"^[A-Za-z0-9:\-]+$", description="accession, id or sha256:…", examples=["1"])
]


@router.get("/filings/{key}", response_model=dict[str, Any], summary="One filing's full record (SCHEMA.md)")
def filing(key: FilingKey, stores: Annotated[Stores, Depends(stores_of)]) -> Json:
    """The record as ``eightk parse`` prints it, plus ``key`` (what this API names the filing by)."""
    store = stores.get()
    fid = store.get_id(key)
    record = filing_record(store.conn, fid) if fid is not None else None
    if fid is None or record is None:
        raise HTTPException(404, "no filing with this accession, id or key")
    record["key"] = filing_keys(store.conn, [fid])[fid]
    return Json(record)


@router.get("/filings/{key}/documents/{sequence}", response_model=DocumentText, summary="A document's normalized text")
def document(
    key: FilingKey,
    sequence: Annotated[int, Path(ge=0, le=100_000, examples=[1])],
    stores: Annotated[Stores, Depends(stores_of)],
) -> Json:
    """The text that the record's spans index: ``text[span.start:span.end] == span.quote``."""
    store = stores.get()
    fid = store.get_id(key)
    row = None
    if fid is not None:
        sql = "SELECT sequence, type, filename, format, text FROM documents WHERE filing_id = ? AND sequence = ?"
        row = store.conn.execute(sql, (fid, sequence)).fetchone()
    if row is None:
        raise HTTPException(404, "no such filing or document")
    return Json({"sequence": row[0], "type": row[1], "filename": row[2], "format": row[3], "text": row[4] or ""})


# one of the event types records carry (model.EVENT_TYPES): an unknown one is a 422, as the CLI rejects it
EventType = Annotated[
    str | None, Query(pattern=rf"^(?:{'|'.join(EVENT_TYPES)})$", description=f"event type: {', '.join(EVENT_TYPES)}")
]


@router.get("/events", response_model=EventsPage, summary="Events, filtered and sorted")
def list_events(  # noqa: PLR0917 - one query parameter each
    f: Annotated[Filters, Depends(filing_filters)],
    stores: Annotated[Stores, Depends(stores_of)],
    type: EventType = None,  # noqa: A002 - the field's name
    min_amount: Amount = None,
    max_amount: Amount = None,
    sort: Annotated[Literal["date", "amount"], Query()] = "date",
    order: Order = "desc",
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Json:
    """Events of every filing within the filters; ``min_amount``/``max_amount`` apply to the event's own
    money values; ``sort=amount`` orders by its largest money value (events without one last)."""
    store = stores.get()
    offset = min(offset_of(cursor), MAX_OFFSET)
    query = EventQuery(f, (type,) if type else (), min_amount, max_amount, sort, order == "desc", limit + 1, offset)
    rows = events(store.conn, query)
    return Json({"events": _public(rows[:limit]), "next_cursor": cursor_for(offset, len(rows), limit)})


@router.get("/deals", response_model=DealsPage, summary="Deals: one row per license, collaboration or asset purchase")
def list_deals(  # noqa: PLR0917 - one query parameter each
    f: Annotated[Filters, Depends(filing_filters)],
    stores: Annotated[Stores, Depends(stores_of)],
    type: Annotated[Literal["license", "collaboration", "asset_purchase"] | None, Query()] = None,  # noqa: A002
    min_amount: Amount = None,
    max_amount: Amount = None,
    sort: Annotated[Literal["date", "upfront", "milestones", "equity", "total_value"], Query()] = "date",
    order: Order = "desc",
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Json:
    """Parties and roles, exclusivity, territory, subject, royalties and amounts of each deal. Sorted by
    an amount, the deals stating it come first, then the others by date."""
    store = stores.get()
    offset = min(offset_of(cursor), MAX_OFFSET)
    query = EventQuery(f, (type,) if type else (), min_amount, max_amount, sort, order == "desc", limit + 1, offset)
    rows = deals(store.conn, query)
    return Json({"deals": _public(rows[:limit]), "next_cursor": cursor_for(offset, len(rows), limit)})


def _public(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows without the store's row id (the API names filings by ``filing_key``)."""
    for row in rows:
        row.pop("filing_id", None)
    return rows


@router.get("/companies/{cik}", response_model=CompanyHistory, summary="A company's filings and events, by CIK")
def company_by_cik(
    cik: Annotated[str, Path(pattern=r"^[0-9]{1,10}$", description="any filer's CIK")],
    stores: Annotated[Stores, Depends(stores_of)],
) -> Json:
    """Its newest 500 filings (as any filer), oldest first, each with its events."""
    store = stores.get()
    return _history(store, cik.lstrip("0") or "0", None)


@router.get("/companies", response_model=CompanyHistory, summary="A company's filings and events, by name")
def company_by_name(
    name: Annotated[
        str, Query(min_length=1, max_length=200, pattern=_PLAIN, description="registrant name as printed, any case")
    ],
    stores: Annotated[Stores, Depends(stores_of)],
) -> Json:
    """For registrants known by name only (filings without a CIK): its newest 500 filings, oldest first."""
    store = stores.get()
    return _history(store, None, name)


def _history(store: Store, cik: str | None, name: str | None) -> Json:
    history = company_history(store.conn, cik=cik, name=name)
    if not history["filings"]:
        raise HTTPException(404, "no filings by this company")
    return Json(history)


@router.get("/stats", response_model=dict[str, Any], summary="What the database holds")
def stats(stores: Annotated[Stores, Depends(stores_of)]) -> Json:
    """Counts of filings, companies, items, events and problems, and the date range."""
    store = stores.get()
    out = store.stats()
    out.pop("database", None)  # the server's file path is not the client's business
    return Json(out)
