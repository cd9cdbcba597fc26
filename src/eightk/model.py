"""Typed records of a parsed 8-K filing (the JSON contract of ../SCHEMA.md, schema 1).

Every record is a frozen dataclass. ``to_dict()`` produces exactly the JSON shape of the
schema; ``Filing.from_dict()`` reads it back. Nothing here renders, fetches or stores.
Events are at the end of this module: one class per event family, registered by ``type``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "Address",
    "Document",
    "Acquisition",
    "Agreement",
    "AuditorChange",
    "Bankruptcy",
    "Deal",
    "DealUpdate",
    "Delisting",
    "Earnings",
    "Event",
    "EVENT_TYPES",
    "Dividend",
    "ShareholderVote",
    "MilestonesSplit",
    "OfficerChange",
    "Exhibit",
    "FieldSource",
    "Filing",
    "Item",
    "Money",
    "Party",
    "Problem",
    "Registrant",
    "Royalties",
    "Security",
    "Signature",
    "Source",
    "Span",
    "Ticker",
    "record_to_dict",
]

# Field metadata key: a field marked ``{"json": False}`` is kept on the record but left out of JSON.
_NOT_JSON = {"json": False}


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value came from: ``quote == normalized_text(doc)[start:end]``."""

    doc: int
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # "error" | "warning"
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Address:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None


@dataclass(frozen=True, slots=True)
class Security:
    title: str | None = None
    symbol: str | None = None
    exchange: str | None = None


@dataclass(frozen=True, slots=True)
class Registrant:
    name: str | None = None
    cik: str | None = None
    state_of_incorporation: str | None = None
    file_number: str | None = None
    irs_number: str | None = None
    address: Address = field(default_factory=Address)
    phone: str | None = None
    former_name: str | None = None
    securities: tuple[Security, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldSource:
    """Provenance of one cover value: which strategy won (header, ixbrl, html, text) and where."""

    field: str
    source: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Item:
    number: str
    code: str | None
    title: str | None
    applicable: bool
    span: Span


@dataclass(frozen=True, slots=True)
class Signature:
    name: str | None
    title: str | None
    date: _dt.date | None
    entity: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Exhibit:
    number: str
    description: str | None
    document: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    sequence: int
    type: str | None
    filename: str | None
    description: str | None
    format: str  # text | html | ixbrl | xml | pdf | binary | uuencoded | ...
    bytes: int
    text_chars: int
    text: str = field(default="", repr=False, compare=False, metadata=_NOT_JSON)


@dataclass(frozen=True, slots=True)
class Source:
    path: str | None
    sha256: str
    bytes: int
    format: str  # text | sgml | html | ixbrl


@dataclass(frozen=True, slots=True)
class Filing:
    source: Source
    form_type: str | None = None
    # what the primary document is: "filing" (an 8-K with its cover, header or items), "press_release",
    # "agreement", "financial_note" (a 10-Q/10-K note), or "text" (none of these)
    document_kind: str | None = None
    accession: str | None = None
    filed_at: _dt.date | None = None
    date_of_report: _dt.date | None = None
    registrant: Registrant = field(default_factory=Registrant)
    filers: tuple[Registrant, ...] = ()
    items: tuple[Item, ...] = ()
    signatures: tuple[Signature, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    documents: tuple[Document, ...] = ()
    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()
    provenance: tuple[FieldSource, ...] = ()
    schema: int = SCHEMA_VERSION

    @property
    def item_codes(self) -> tuple[str, ...]:
        """The filing's item set: codes of the applicable items, in order, without repeats."""
        seen: dict[str, None] = {}
        for it in self.items:
            if it.applicable and it.code:
                seen.setdefault(it.code, None)
        return tuple(seen)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def document(self, sequence: int) -> Document | None:
        for d in self.documents:
            if d.sequence == sequence:
                return d
        return None

    def text(self, sequence: int = 1) -> str:
        """The normalized text of one document (what spans index)."""
        doc = self.document(sequence)
        return doc.text if doc is not None else ""

    def to_dict(self) -> dict[str, Any]:
        out = record_to_dict(self)
        # Put the schema number first, as the contract shows it.
        return {"schema": out.pop("schema"), **out}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Filing:
        return typing.cast(Filing, _from_json(cls, data))


# ---------------------------------------------------------------------------
# Generic conversion between records and JSON-ready values.


_JSON_FIELDS: dict[type, tuple[str, ...]] = {}  # record class → the names of its fields that go to JSON


def _json_fields(cls: type) -> tuple[str, ...] | None:
    names = _JSON_FIELDS.get(cls)
    if names is None and dataclasses.is_dataclass(cls):
        names = tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get("json", True))
        _JSON_FIELDS[cls] = names
    return names


def record_to_dict(obj: Any) -> Any:
    """Any record (or tuple/list of records) → JSON-ready value."""
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    if isinstance(obj, (tuple, list)):
        return [record_to_dict(x) for x in obj]
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    names = None if isinstance(obj, type) else _json_fields(type(obj))
    if names is not None:
        return {name: record_to_dict(getattr(obj, name)) for name in names}
    return obj


def _from_json(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _from_json(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_from_json(inner, v) for v in value)
    if tp is Event:
        return event_from_dict(value)
    if tp is _dt.date:
        return _dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _from_json(hints[f.name], value[f.name])
            for f in dataclasses.fields(tp)
            if f.name in value and f.metadata.get("json", True)
        }
        return tp(**kwargs)
    return value


# ---------------------------------------------------------------------------
# Events (SCHEMA.md "events"). Each class lists the schema's fields for its type(s); every event
# carries ``evidence`` spans, and ``values`` says which span each extracted value came from.


@dataclass(frozen=True, slots=True)
class Money:
    amount: float | int
    currency: str = "USD"
    qualifier: str | None = None  # "up to" when the filing states a maximum
    # the same amount in another currency as the filing gives it beside this one: "€10 million ($11.8 million)"
    equivalent: Money | None = None


@dataclass(frozen=True, slots=True)
class Ticker:
    exchange: str | None
    symbol: str


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    role: str | None = None  # licensor | licensee | partner | buyer | seller
    ticker: Ticker | None = None


@dataclass(frozen=True, slots=True)
class Royalties:
    mentioned: bool = True
    rate_low: float | None = None
    rate_high: float | None = None


@dataclass(frozen=True, slots=True)
class MilestonesSplit:
    development: Money | None = None
    regulatory: Money | None = None
    sales: Money | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    type: str
    evidence: tuple[Span, ...] = ()
    values: tuple[FieldSource, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Deal(Event):
    """``license``, ``collaboration`` or ``asset_purchase``."""

    parties: tuple[Party, ...] = ()
    exclusive: bool | None = None
    territory: str | None = None
    subject: str | None = None
    field: str | None = None
    upfront: Money | None = None
    milestones: Money | None = None
    royalties: Royalties | None = None
    equity: Money | None = None
    milestones_split: MilestonesSplit | None = None
    total_value: Money | None = None
    stage: str | None = None
    other_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class OfficerChange(Event):
    type: str = "officer_change"
    person: str | None = None
    role: str | None = None
    action: str | None = None  # appointed | departed | elected | retired
    effective: _dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditorChange(Event):
    type: str = "auditor_change"
    former: str | None = None
    new: str | None = None
    action: str | None = None  # dismissed | resigned | engaged
    disagreements: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Acquisition(Event):
    type: str = "acquisition"
    buyer: str | None = None
    target: str | None = None
    consideration: Money | None = None
    status: str | None = None  # agreed | completed | terminated
    completed: _dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Earnings(Event):
    type: str = "earnings"
    period_end: _dt.date | None = None
    revenue: Money | None = None
    net_income: Money | None = None
    eps: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Bankruptcy(Event):
    type: str = "bankruptcy"
    counterparty: str | None = None  # the court, or the receiver
    agreement_type: str | None = None  # e.g. "Chapter 11 petition"


@dataclass(frozen=True, slots=True, kw_only=True)
class Delisting(Event):
    type: str = "delisting"
    counterparty: str | None = None  # the exchange
    agreement_type: str | None = None  # what happened: notice, transfer of listing, …


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement(Event):
    type: str = "agreement"
    counterparty: str | None = None
    agreement_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DealUpdate(Event):
    """What happens to a deal signed earlier: ``kind`` is milestone | amendment | termination |
    option_exercise | closing; ``parties`` the companies named; ``amount`` the money the update states
    (a milestone paid, an exercise fee), or None; ``agreement`` the agreement's name as printed."""

    type: str = "deal_update"
    kind: str | None = None
    parties: tuple[Party, ...] = ()
    amount: Money | None = None
    agreement: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareholderVote(Event):
    """One matter voted on at a shareholder meeting (Item 5.07): ``proposal`` as the filing titles it,
    ``nominee`` the director candidate for an election row (else None), the vote counts as printed
    (shares or votes, integers; None when the filing gives no such column) and ``meeting`` the
    meeting's date."""

    type: str = "shareholder_vote"
    proposal: str | None = None
    nominee: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    withheld: int | None = None
    broker_non_votes: int | None = None
    meeting: _dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Dividend(Event):
    """A dividend declared: ``per_share`` the amount per share (Money), ``declared`` the date the board
    declared it, ``record_date`` and ``payable`` the record and payment dates, ``kind`` ``regular`` or
    ``special`` when the filing says so (quarterly/annual/special), else None."""

    type: str = "dividend"
    per_share: Money | None = None
    declared: _dt.date | None = None
    record_date: _dt.date | None = None
    payable: _dt.date | None = None
    kind: str | None = None


EVENT_TYPES: dict[str, type[Event]] = {
    "license": Deal,
    "collaboration": Deal,
    "asset_purchase": Deal,
    "officer_change": OfficerChange,
    "auditor_change": AuditorChange,
    "acquisition": Acquisition,
    "earnings": Earnings,
    "bankruptcy": Bankruptcy,
    "delisting": Delisting,
    "agreement": Agreement,
    "deal_update": DealUpdate,
    "shareholder_vote": ShareholderVote,
    "dividend": Dividend,
}


def event_from_dict(data: dict[str, Any]) -> Event:
    cls = EVENT_TYPES.get(data.get("type", ""), Event)
    return typing.cast(Event, _from_json(cls, data))
