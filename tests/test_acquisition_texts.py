"""Acquisitions told in bare documents (extract/acquisition_texts.py), on made-up texts with invented names."""

from __future__ import annotations

from eightk import parse_filing
from eightk.extract.acquirers import direction, status
from eightk.extract.entities import entities


def _acquisitions(text: str) -> list[tuple]:
    events = parse_filing(text.encode()).to_dict()["events"]
    return [
        (e["buyer"], e["target"], e["status"], (e["consideration"] or {}).get("amount"), e["completed"])
        for e in events
        if e["type"] == "acquisition"
    ]


def test_a_bare_release_on_a_closing_names_buyer_target_and_total() -> None:
    text = (
        "Corvane Announces the Closing of the Acquisition of Halloway Optics, Inc.\n"
        "AUSTIN, Texas, March 9 /PRNewswire/ -- Corvane Systems, Inc. (Nasdaq: CRVS) announced today the closing "
        "of the previously announced acquisition of Halloway Optics, Inc. (Halloway). As agreed on February 2, "
        "2004, Corvane has issued 1,200,000 shares and paid $4.5 million in cash for all of the stock of "
        "Halloway. The total consideration is valued at approximately $61.0 million.\n"
    )
    assert _acquisitions(text) == [
        ("Corvane Systems, Inc.", "Halloway Optics, Inc.", "completed", 61_000_000, "2004-03-09")
    ]


def test_a_note_of_a_business_agreed_to_be_sold_to_an_affiliate_of_a_firm() -> None:
    text = (
        "NOTE 9 — SUBSEQUENT EVENT\n"
        "On May 4, 2021, the Company entered into a definitive agreement to sell its Marine Coatings business to "
        "an affiliate of Brasher, Tolland & Price. The purchase price of $410 million is payable in cash at "
        "closing, subject to adjustments.\n"
    )
    assert _acquisitions(text) == [
        ("Brasher, Tolland & Price", "Marine Coatings business", "agreed", 410_000_000, None)
    ]


def test_a_release_with_no_transaction_gives_no_acquisition() -> None:
    text = (
        "Corvane Reports Record Orders\n"
        "AUSTIN, Texas, March 9 /PRNewswire/ -- Corvane Systems, Inc. today announced record orders for its "
        "optical switches. The company expects to acquire new customers in Europe next year.\n"
    )
    assert _acquisitions(text) == []


def test_the_passive_names_the_buyer_after_by() -> None:
    text = "Halloway Optics, Inc. was acquired by Corvane Systems, Inc. in a cash transaction."
    found = direction(entities(text, None), text, 0, len(text), None)
    assert found is not None
    assert (found[0][0], found[1][0]) == ("Corvane Systems, Inc.", "Halloway Optics, Inc.")


def test_a_deal_still_to_close_is_agreed_and_a_closing_is_completed() -> None:
    assert status("Larkspur Financial Corp. entered into a definitive agreement to be acquired by Quillon Inc.") == (
        "agreed"
    )
    assert status("The merger is expected to be completed in the third quarter, upon the closing of the sale.") == (
        "agreed"
    )
    assert status("On May 2, 2024, Quillon Inc. completed its acquisition of Larkspur Financial Corp.") == "completed"
    assert status("Quillon Inc. acquired Larkspur Financial Corp. on May 2, 2024.") == "completed"
    assert status("On May 2, 2024, the parties terminated the merger agreement.") == "terminated"
