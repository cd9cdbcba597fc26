"""The HTTP API's response shapes (pydantic models), which make its OpenAPI spec at /openapi.json."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    """What went wrong: the status again, a stable code and a message for a person."""

    status: int = Field(description="the HTTP status code")
    code: str = Field(description="a stable word: not_found, bad_request, invalid_parameter, query_too_slow, ...")
    message: str = Field(description="what went wrong, for a person")


class ErrorBody(BaseModel):
    """Every error the API returns, whatever its status."""

    error: ErrorDetail


class Hit(BaseModel):
    """One matching item or document text of a filing."""

    filing_key: str = Field(description="the filing's key: its accession, or sha256:… when it has none")
    accession: str | None
    company: str | None
    form_type: str | None
    date: str | None
    kind: str = Field(description="item or document")
    ref: str | None = Field(description="the item number as printed, or the document's sequence")
    code: str | None = Field(description="the modern item code of an item hit")
    label: str | None = Field(description='"Item 8.01 Other Events", "Exhibit 99.1"')
    snippet: str = Field(description="the text around the match, matched words in [brackets]")
    score: float = Field(description="bm25, lower is better; 0 when the newest matches come first")
    source: str | None = Field(default=None, description="the name of the file the filing was read from")


class SearchPage(BaseModel):
    """A page of search hits, best first."""

    query: str
    hits: list[Hit]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null on the last one")


class DocumentText(BaseModel):
    """One document of a filing with its normalized text."""

    sequence: int
    type: str | None
    filename: str | None
    format: str | None
    text: str = Field(description="the normalized text that every span's start/end index")


class EventRow(BaseModel):
    """One event with the filing it was read from."""

    filing_key: str
    accession: str | None
    company: str | None
    cik: str | None
    date: str | None
    position: int = Field(description="the event's place in its filing's events list")
    type: str
    amount: float | None = Field(description="the event's largest money value, in units of its currency")
    event: dict[str, Any] = Field(description="the event record as SCHEMA.md gives it")


class EventsPage(BaseModel):
    """A page of events."""

    events: list[EventRow]
    next_cursor: str | None


class Party(BaseModel):
    """A party to a deal and its role (licensor, licensee, partner, buyer, seller)."""

    name: str | None
    role: str | None


class DealRow(BaseModel):
    """One deal (license, collaboration or asset purchase); amounts in units of ``currency``."""

    filing_key: str
    accession: str | None
    company: str | None
    cik: str | None
    date: str | None
    position: int
    type: str
    parties: list[Party]
    exclusive: bool | None
    territory: str | None
    subject: str | None
    field: str | None
    royalties: bool = Field(description="the filing mentions royalties")
    royalty_low: float | None = Field(description="lowest royalty rate stated, as a fraction")
    royalty_high: float | None
    currency: str | None
    upfront: float | None
    milestones: float | None
    equity: float | None
    total_value: float | None


class DealsPage(BaseModel):
    """A page of deals."""

    deals: list[DealRow]
    next_cursor: str | None


class CompanyEvent(BaseModel):
    """An event of a company's filing, in one line."""

    position: int
    type: str
    summary: str


class CompanyFiling(BaseModel):
    """One filing of a company and its events."""

    filing_key: str
    accession: str | None
    date: str | None
    form_type: str | None
    item_codes: list[str]
    events: list[CompanyEvent]


class CompanyHistory(BaseModel):
    """A company's filings and events over time."""

    cik: str | None
    names: list[str] = Field(description="the registrant names the company filed under")
    filings: list[CompanyFiling] = Field(description="oldest first")
