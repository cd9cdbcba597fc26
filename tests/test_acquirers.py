"""Who buys whom from the direction of the verb (extract/acquirers.py), on made-up sentences."""

from __future__ import annotations

import datetime as dt

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


def _acquisitions(item: str, heading: str, text: str) -> list[tuple]:
    raw = (
        f"FORM 8-K\n\nNORTHGATE BANCORP, INC.\n\nItem {item} {heading}\n\n{text}\n\n"
        "SIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
    ).encode()
    events = parse_filing(raw, name="case.txt").events
    return [(e.buyer, e.target, e.status) for e in events if e.type == "acquisition"]  # type: ignore[attr-defined]


def test_the_registrant_bought_by_a_parent_through_a_merger_sub() -> None:
    got = _acquisitions(
        "1.01",
        "Entry into a Material Definitive Agreement.",
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) entered into an Agreement and Plan of Merger "
        "(the “Merger Agreement”) with Quillon Holdings, Inc. (“Parent”) and Quillon Merger Sub, Inc., a wholly "
        "owned subsidiary of Parent (“Merger Sub”), pursuant to which Merger Sub will merge with and into the "
        "Company, with the Company surviving as a wholly owned subsidiary of Parent.",
    )
    assert got == [("Quillon Holdings, Inc.", "Northgate Bancorp, Inc.", "agreed")]


def test_a_business_sold_is_the_target_and_a_named_one_wins() -> None:
    got = _acquisitions(
        "2.01",
        "Completion of Acquisition or Disposition of Assets.",
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) completed the previously announced sale of its "
        "NAND memory business to Quillon Holdings, Inc. (“Quillon”) for $9.0 billion.",
    )
    assert got == [("Quillon Holdings, Inc.", "NAND memory business", "completed")]
    got = _acquisitions(
        "1.01",
        "Entry into a Material Definitive Agreement.",
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) entered into a Purchase Agreement with Quillon "
        "Holdings, Inc. (“Quillon”) providing for the sale of the Company’s payments business to Quillon for "
        "$1.2 billion in cash.",
    )
    assert got == [("Quillon Holdings, Inc.", "payments business", "agreed")]


def test_a_defined_business_bought_as_an_interest_and_its_date_from_the_sentence_before() -> None:
    raw = (
        "FORM 8-K\n\nNORTHGATE BANCORP, INC.\n\nItem 2.01 Completion of Acquisition or Disposition of Assets.\n\n"
        "On January 21, 2025, Northgate Bancorp, Inc. (“Northgate”) completed the divestiture of its lending "
        "business in Canada (“Maple Lending Canada”) pursuant to an asset transfer agreement between "
        "Northgate and Quillon Holdings, Inc. (“Quillon”). Quillon acquired all of Northgate’s right, title and "
        "interest in Maple Lending Canada in exchange for shares of Quillon.\n\nSIGNATURES\n\nBy: /s/ Pat Q. "
        "Signer\n"
    ).encode()
    (acq,) = [e for e in parse_filing(raw, name="case.txt").events if e.type == "acquisition"]
    assert (acq.buyer, acq.target, acq.completed) == (  # type: ignore[attr-defined]
        "Quillon Holdings, Inc.",
        "Maple Lending Canada",
        dt.date(2025, 1, 21),
    )


def test_underwriters_found_by_the_entity_layer() -> None:
    got = _agreement(
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) entered into an Underwriting Agreement with "
        "Quillon Securities LLC and Larkspur Capital Markets, Inc., as representatives of the several underwriters "
        "named therein, relating to the issuance of $500 million of 5.25% Senior Notes due 2035."
    )
    assert got and got[0][0] in ("Quillon Securities LLC", "Larkspur Capital Markets, Inc.")


def test_an_all_stock_price_is_no_consideration() -> None:
    raw = (
        "FORM 8-K\n\nNORTHGATE BANCORP, INC.\n\nItem 8.01 Other Events.\n\nOn July 6, 2025, Northgate Bancorp, Inc. "
        "(the “Company”) and Larkspur Financial Corp. announced that they reached a definitive agreement under which "
        "the Company will acquire Larkspur Financial Corp. for approximately $2.65 billion in an all-stock "
        "transaction.\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
    ).encode()
    (acq,) = [e for e in parse_filing(raw, name="case.txt").events if e.type == "acquisition"]
    assert (acq.target, acq.consideration, acq.status) == ("Larkspur Financial Corp.", None, "agreed")  # type: ignore[attr-defined]


def test_a_trustee_national_association_and_an_amendment_with_its_defined_term() -> None:
    got = _agreement(
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) completed its offering of $1.0 billion of 4.50% "
        "Notes due 2030. The Notes were issued under an Indenture (the “Base Indenture”) between the Company and "
        "Larkspur Bank Trust Company, National Association, as trustee (the “Trustee”)."
    )
    assert got == [("Larkspur Bank Trust Company, National Association", "indenture")]
    got = _agreement(
        "On March 3, 2025, the Company entered into an Amendment No. 2 (the “Amendment”) to its Credit Agreement "
        "dated as of March 1, 2022, among the Company, the lenders party thereto and Quillon Bank, N.A., as "
        "administrative agent."
    )
    assert got == [("Quillon Bank, N.A.", "credit agreement amendment")]


def test_agreements_listed_signed_or_amended_and_a_history_is_none() -> None:
    got = _agreement(
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) entered into (i) a 364-Day Revolving Credit "
        "Agreement with the lenders party thereto and Quillon Bank, N.A., as administrative agent, and (ii) a "
        "Five-Year Revolving Credit Agreement with the lenders party thereto and Larkspur Bank, N.A., as "
        "administrative agent."
    )
    assert got == [
        ("Quillon Bank, N.A.", "364-day revolving credit agreement"),
        ("Larkspur Bank, N.A.", "five-year revolving credit agreement"),
    ]
    got = _agreement(
        "On March 3, 2025, Northgate Bancorp, Inc. (the “Company”) amended its Credit Agreement, dated as of March "
        "1, 2022, with Quillon Bank, N.A., as administrative agent, to extend the maturity date to March 3, 2030."
    )
    assert got == [("Quillon Bank, N.A.", "credit agreement amendment")]
    got = _agreement(
        "On July 28, 2025, the Company entered into a Joinder Agreement with Larkspur Bank Ltd., which amended that "
        "certain Revolving Credit Agreement (as amended by (i) Amendment No. 1 to Revolving Credit Agreement and "
        "(ii) Amendment No. 2 to Revolving Credit Agreement, the “Amended Revolving Credit Agreement”)."
    )
    assert [k for _c, k in got] == ["joinder agreement"]


def test_a_total_after_a_per_share_price_and_a_partner_joined_to_the_company() -> None:
    from tests.test_votes_dividends import _events, _filing

    raw = _filing(
        "1.01",
        "Entry into a Material Definitive Agreement.",
        "On June 28, 2024, Acme Widgets, Inc. entered into an Agreement and Plan of Merger with Pellworth Systems, "
        "Inc. (“Pellworth”), pursuant to which the Company will acquire Pellworth for $18.00 per share in cash, or "
        "approximately $850 million.",
    )
    (acq,) = _events(raw, "acquisition")
    assert acq.target == "Pellworth Systems, Inc." and acq.consideration.amount == 850_000_000
    raw = _filing(
        "1.01",
        "Entry into a Material Definitive Agreement.",
        "On June 28, 2024, the Company and Halden Energy Partners LLC (“Halden”) entered into a Limited Liability "
        "Company Agreement (the “JV Agreement”) to form a joint venture owned 50% by each party.",
    )
    (agreement,) = _events(raw, "agreement")
    assert agreement.counterparty == "Halden Energy Partners LLC"


def test_agreeing_to_buy_all_the_outstanding_shares_of_a_company_is_an_acquisition() -> None:
    from tests.test_votes_dividends import _events, _filing

    raw = _filing(
        "1.01",
        "Entry into a Material Definitive Agreement.",
        "On October 3, 2024, the Company entered into a Share Purchase Agreement with the shareholders of Lindqvist "
        "AB (“Lindqvist”), a Swedish company, pursuant to which the Company agreed to purchase all of the issued and "
        "outstanding shares of Lindqvist for SEK 1.5 billion.",
    )
    (acq,) = _events(raw, "acquisition")
    assert (acq.target, acq.status) == ("Lindqvist AB", "agreed")


def test_agreement_counterparties_named_before_their_role_and_the_first_of_two() -> None:
    from tests.test_votes_dividends import _events, _filing

    def party(text: str) -> str | None:
        (agreement,) = _events(_filing("1.01", "Entry into a Material Definitive Agreement.", text), "agreement")
        return agreement.counterparty

    assert (
        party(
            "On March 1, 2024, the Company entered into an Underwriting Agreement with Goldman Sachs & Co. LLC and "
            "Morgan Stanley & Co. LLC, as representatives of the several underwriters named therein."
        )
        == "Goldman Sachs & Co. LLC"
    )
    assert (
        party(
            "On March 1, 2024, the Company, as borrower, entered into the Third Amendment to the Credit Agreement, "
            "dated as of May 5, 2021, with Truist Bank, as administrative agent, and the lenders party thereto."
        )
        == "Truist Bank"
    )
    assert (
        party(
            "On March 1, 2024, the Company entered into an equity distribution agreement with Jefferies LLC and "
            "BofA Securities, Inc., as sales agents, under which the Company may sell shares of its common stock."
        )
        == "Jefferies LLC"
    )


def test_a_business_sold_is_completed_and_a_subsidiary_agreed_to_be_sold_is_an_acquisition() -> None:
    from tests.test_votes_dividends import _events, _filing

    raw = _filing(
        "2.01",
        "Completion of Acquisition or Disposition of Assets.",
        "On September 30, 2024, pursuant to the Asset Purchase Agreement, the Company sold substantially all of the "
        "assets of its Marine Products division to Halyard Marine Corp. for an aggregate purchase price of $62.5 "
        "million.",
    )
    (acq,) = _events(raw, "acquisition")
    assert (acq.buyer, acq.status, acq.consideration.amount) == ("Halyard Marine Corp.", "completed", 62_500_000)
    raw = _filing(
        "1.01",
        "Entry into a Material Definitive Agreement.",
        "On September 30, 2024, Acme Widgets, Inc. (the “Company”) entered into a Stock Purchase Agreement with "
        "Kestrel Capital Partners LP (“Kestrel”), pursuant to which the Company agreed to sell its wholly owned "
        "subsidiary, Acme Logistics, Inc., to Kestrel for $180 million in cash.",
    )
    (acq,) = _events(raw, "acquisition")
    assert (acq.buyer, acq.target, acq.status) == ("Kestrel Capital Partners LP", "Acme Logistics, Inc.", "agreed")
