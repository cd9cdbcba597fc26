"""Building blocks of extract/: money, dates, company names with tickers — each value with its offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from eightk.extract.entities import entities
from eightk.extract.families import _auditor_action
from eightk.extract.money import money_in
from eightk.extract.text import Region, companies, dates_in
from eightk.model import Ticker


def _region(text: str, ref: dt.date | None = None) -> Region:
    return Region(doc=1, start=0, end=len(text), text=text, kind="item", code="8.01", ref=ref)


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier"),
    [
        ("an upfront payment of $2 million", 2_000_000, "USD", None),
        ("a facility of US$1.5 billion", 1_500_000_000, "USD", None),
        ("a fee of $250,000 was paid", 250_000, "USD", None),
        ("EUR 25 million on signing", 25_000_000, "EUR", None),
        ("milestones of up to $40 million", 40_000_000, "USD", "up to"),
        ("an aggregate of $10.5 million", 10_500_000, "USD", None),
    ],
)
def test_money_amounts_in_units(text: str, amount: int, currency: str, qualifier: str | None) -> None:
    (m,) = list(money_in(text))
    assert (m.money.amount, m.money.currency, m.money.qualifier) == (amount, currency, qualifier)
    assert "$" in text[m.start : m.end] or currency in text[m.start : m.end]


def test_money_range_gives_both_ends() -> None:
    text = "revenue of $1.2 to $1.5 billion"
    (m,) = list(money_in(text))
    assert m.money.amount == 1_200_000_000
    assert m.high is not None and m.high.amount == 1_500_000_000
    assert text[m.start : m.end].endswith("billion")


def test_money_offsets_are_absolute_within_a_window() -> None:
    text = "first $5 million, then $7 million"
    found = list(money_in(text, start=17))
    assert [f.money.amount for f in found] == [7_000_000]
    assert text[found[0].start : found[0].end] == "$7 million"


def test_yearless_date_takes_the_filing_year() -> None:
    text = "The agreement was signed on May 4 and announced on May 5, 2000."
    region = _region(text, ref=dt.date(2000, 5, 8))
    found = list(dates_in(region, 0, len(text)))
    assert [d for d, _, _ in found] == [dt.date(2000, 5, 4), dt.date(2000, 5, 5)]
    for _, a, b in found:
        assert text[a:b].lower().startswith("may")


def test_yearless_date_needs_a_reference() -> None:
    text = "signed on May 4 by both parties"
    assert list(dates_in(_region(text), 0, len(text))) == []


def test_company_with_ticker() -> None:
    text = "ImmunoGen licensed its technology to Genentech, Inc. (NYSE: DNA) for a fee."
    region = _region(text)
    assert any(n == "Genentech, Inc." for n, _, _ in companies(region))
    (org,) = [o for o in entities(text).orgs if o.name == "Genentech, Inc."]  # the deals' entity layer
    assert org.ticker == Ticker("NYSE", "DNA")
    assert text[org.start : org.end] == "Genentech, Inc."


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The former auditor neither resigned nor declined to stand for re-election. We engaged X LLP.", "engaged"),
        ("On May 1 the Audit Committee dismissed Y LLP and engaged X LLP.", "dismissed"),
        ("Y LLP resigned as the Company's independent accountant.", "resigned"),
        ("Y LLP was not dismissed; it resigned on May 1.", "resigned"),
    ],
)
def test_auditor_action_skips_negated_verbs(text: str, action: str) -> None:
    found, m = _auditor_action(text)
    assert found == action
    assert m is not None and text[m.start() : m.end()].lower().startswith(("dismiss", "resign", "engag"))


def test_other_terms_are_the_clauses_that_state_them() -> None:
    from eightk.extract.terms import other_terms

    sent = (
        "Beta will be responsible for manufacturing and marketing of products resulting from the license; "
        "Acme will be reimbursed for any clinical materials that it makes under the agreement."
    )
    got = [(kind, text) for kind, text, _a, _b in other_terms(sent)]
    assert got == [
        (
            "responsibilities",
            "Beta will be responsible for manufacturing and marketing of products resulting from the license",
        ),
        ("reimbursement", "Acme will be reimbursed for any clinical materials that it makes under the agreement"),
    ]
    sentence = (
        "Acme granted Beta (i) co-exclusive rights to sell Products in the United States and (ii) exclusive rights "
        "outside the United States, and the parties will share equally the profits and losses in the United States."
    )
    split = other_terms(sentence)
    assert [k for k, *_ in split] == ["co-exclusive", "profits"]
    assert split[0][1] == "co-exclusive rights to sell Products in the United States"
    assert all(sentence[a:b] == text for _kind, text, a, b in split)  # each term is its span's text
    # safe-harbor boilerplate names costs and reimbursement without stating a term
    boilerplate = "Risks include uncertainty as to whether adequate reimbursement and development costs will exist."
    assert other_terms(boilerplate) == []
