"""Who buys whom from the direction of the verb (extract/acquirers.py), on made-up sentences."""

from __future__ import annotations

from eightk import parse_filing
from eightk.extract.acquirers import direction
from eightk.extract.entities import entities

REGISTRANT = "Northgate Bancorp, Inc."


def _sides(text: str) -> tuple[str, str] | None:
    found = direction(entities(text, REGISTRANT), text, 0, len(text), REGISTRANT)
    return (found[0][0], found[1][0]) if found else None


def test_the_verb_says_who_buys() -> None:
    assert _sides("Larkspur Financial Corp. is to merge into Northgate Bancorp, Inc. in the second quarter.") == (
        "Northgate Bancorp, Inc.",
        "Larkspur Financial Corp.",
    )
    assert _sides(
        "Upon closing, Larkspur Financial Corp. will become a wholly owned subsidiary of Quillon Holdings, Inc."
    ) == ("Quillon Holdings, Inc.", "Larkspur Financial Corp.")
    assert _sides("Quillon Holdings, Inc. has agreed to acquire Larkspur Financial Corp. for cash.") == (
        "Quillon Holdings, Inc.",
        "Larkspur Financial Corp.",
    )
    assert _sides("The acquisition of Larkspur Financial Corp. by Quillon Holdings, Inc. closed today.") == (
        "Quillon Holdings, Inc.",
        "Larkspur Financial Corp.",
    )


def test_a_seller_is_never_the_target() -> None:
    text = (
        "Northgate Bancorp, Inc. sold Larkspur Payments LLC to Quillon Holdings, Inc. pursuant to an agreement with "
        "Ardent Capital LLC (the “Seller”)."
    )
    assert _sides(text) == ("Quillon Holdings, Inc.", "Larkspur Payments LLC")
    text = "Quillon Holdings, Inc. acquired all of Seller’s right, title and interest in Larkspur Payments LLC."
    text = "Ardent Capital LLC (the “Seller”) signed. " + text
    assert _sides(text) == ("Quillon Holdings, Inc.", "Larkspur Payments LLC")


def test_a_divestiture_in_item_2_01_names_the_buyer() -> None:
    raw = (
        "FORM 8-K\n\nNORTHGATE BANCORP, INC.\n\nItem 2.01 Completion of Acquisition or Disposition of Assets.\n\n"
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) completed the sale of its card business, "
        "Larkspur Payments LLC, to Quillon Holdings, Inc. for $120 million in cash.\n\nSIGNATURES\n\n"
        "By: /s/ Pat Q. Signer\n"
    ).encode()
    (acq,) = [e for e in parse_filing(raw, name="case.txt").events if e.type == "acquisition"]
    assert (acq.buyer, acq.target, acq.status) == ("Quillon Holdings, Inc.", "Larkspur Payments LLC", "completed")  # type: ignore[attr-defined]


def _agreement(text: str) -> list[tuple[str | None, str | None]]:
    raw = (
        "FORM 8-K\n\nNORTHGATE BANCORP, INC.\n\nItem 1.01 Entry into a Material Definitive Agreement.\n\n"
        f"{text}\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
    ).encode()
    events = parse_filing(raw, name="case.txt").events
    return [(e.counterparty, e.agreement_type) for e in events if e.type == "agreement"]  # type: ignore[attr-defined]


def test_agreement_counterparty_is_the_agent_and_keeps_its_branch() -> None:
    got = _agreement(
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) entered into a credit agreement with the lenders "
        "party thereto, Quillon Securities LLC, as joint lead arranger and bookrunner, and Larkspur Bank Europe "
        "plc, UK Branch, as administrative agent."
    )
    assert got == [("Larkspur Bank Europe plc, UK Branch", "credit agreement")]


def test_the_registrants_own_subsidiary_is_no_counterparty() -> None:
    got = _agreement(
        "On February 27, 2025, Northgate Holdings LLC (“Northgate Sub”), a wholly-owned subsidiary of Northgate "
        "Bancorp, Inc. (the “Company”), entered into an equity commitment letter agreement (the “Letter "
        "Agreement”) with Quillon Labs PBC (“Quillon”), pursuant to which Northgate Sub agreed to buy preferred "
        "stock of Quillon."
    )
    assert got == [("Quillon Labs PBC", "equity commitment letter agreement")]


def test_an_acquisition_told_only_in_the_press_release() -> None:
    raw = (
        b"<SEC-DOCUMENT>0000000000-25-000002.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n"
        b"ITEM INFORMATION:\t\tOther Events\n</SEC-HEADER>\n"
        b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\n\nNORTHGATE BANCORP, INC.\n\n"
        b"Item 8.01 Other Events.\n\nThe press release furnished as Exhibit 99.1 is incorporated by reference.\n\n"
        b"SIGNATURES\n\nBy: /s/ Pat Q. Signer\n</TEXT>\n</DOCUMENT>\n"
        b"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nNORTHGATE TO COMBINE WITH LARKSPUR\n\n"
        b"Larkspur Financial Corp. will merge with and into Northgate Bancorp, Inc. under a merger agreement "
        b"signed today, the companies announced.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    (acq,) = [e for e in parse_filing(raw, name="case.txt").events if e.type == "acquisition"]
    assert (acq.target, acq.status) == ("Larkspur Financial Corp.", "agreed")  # type: ignore[attr-defined]
    assert acq.buyer is not None and "Northgate" in acq.buyer.title()  # type: ignore[attr-defined]
