"""Acquisitions, agreements and earnings told in bare documents, and the acquisition family's added cues
(extract/acquisition_texts.py, acquirers.py, agreements.py), on made-up texts with invented names."""

from __future__ import annotations

from eightk import parse_filing
from eightk.extract.acquirers import consideration, direction, status
from eightk.extract.entities import entities
from eightk.model import Money


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


def _in_item(item: str, text: str) -> list[tuple]:
    raw = (
        "FORM 8-K\n\nCURRENT REPORT\n\nNORTHGATE BANCORP, INC.\n(Exact name of registrant as specified in its charter)"
        f"\n\nItem {item} Heading.\n\n{text}\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
    )
    return [a[:3] for a in _acquisitions(raw)]


def test_cues_the_item_family_misses_with_a_direction() -> None:
    assert _in_item(
        "1.01",
        "On April 30, 2024, the Company entered into a Stock Purchase Agreement with Ardent Capital LLC (the "
        "“Seller”) pursuant to which the Company will purchase all of the outstanding shares of Larkspur "
        "Financial Corp. for $120 million.",
    ) == [("NORTHGATE BANCORP, INC.", "Larkspur Financial Corp.", "agreed")]
    assert _in_item(
        "8.01",
        "On April 30, 2024, the Company announced that it has signed a definitive agreement to sell its insurance "
        "agency subsidiary, Larkspur Insurance LLC, to Quillon Holdings, Inc. for $30 million.",
    ) == [("Quillon Holdings, Inc.", "Larkspur Insurance LLC", "agreed")]
    assert _in_item(
        "2.01",
        "On April 30, 2024, the Company closed its acquisition of a 60% interest in Larkspur Financial Corp. for "
        "$72 million.",
    ) == [("NORTHGATE BANCORP, INC.", "Larkspur Financial Corp.", "completed")]


def test_a_thing_bought_from_a_company_or_a_financing_is_no_acquisition() -> None:
    assert (
        _in_item(
            "1.01",
            "On April 30, 2024, the Company and Harwell Trust Company, as fiduciary of the Plan, entered into an "
            "agreement with Quillon Life Insurance Company under which the Plan will purchase a group annuity "
            "contract that will transfer to Quillon Life Insurance Company $2 billion of pension obligations.",
        )
        == []
    )
    assert (
        _in_item(
            "1.01",
            "On April 30, 2024, the Company entered into an underwriting agreement with Quillon Securities LLC, "
            "under which the underwriters agreed to purchase 5,000,000 shares of the Company’s common stock.",
        )
        == []
    )
    assert _in_item("8.01", "The Company bought office supplies from Larkspur Paper Inc. for $200,000.") == []


def test_the_price_paid_wins_over_an_extra_and_a_stated_total_wins_over_cash() -> None:
    text = (
        "Quillon paid U.S. $64.5 million in cash for the stock of Larkspur plus an additional $10.3 million for land."
    )
    assert consideration(text, 0, len(text))[:1] == (Money(64_500_000, "USD"),)  # type: ignore[index]
    text = (
        "Quillon issued 8,000,000 shares and transferred $31.7 million in cash for all of the stock of Larkspur. "
        "The total consideration is valued at approximately $2.2 billion."
    )
    assert consideration(text, 0, len(text))[:1] == (Money(2_200_000_000, "USD"),)  # type: ignore[index]


def test_a_price_paid_in_shares_at_an_exchange_ratio_is_no_consideration() -> None:
    text = (
        "The merger agreement provides for a fixed exchange ratio of 1.18 shares of Quillon's common stock for each "
        "share of Larkspur common stock. The transaction has a value of approximately $47 million."
    )
    assert consideration(text, 0, len(text)) is None


def test_a_note_of_two_divestitures_gives_both_and_an_unnamed_buyer_is_none() -> None:
    text = (
        "Divestitures\n9 Months Ended\nSep. 30, 2021\n"
        "Effective October 1, 2021, we sold our Field Sensors Division pursuant to a Stock Purchase Agreement with "
        "Harrow Instruments, Inc. The upfront cash purchase price was $28.0 million.\n"
        "Effective January 1, 2021, we sold our Marine Pumps Division pursuant to an Asset Purchase Agreement with "
        "Delling Industries, LLC. The upfront cash purchase price was $4.8 million.\n"
    )
    assert [a[:3] for a in _acquisitions(text)] == [
        ("Harrow Instruments, Inc.", "Field Sensors Division", "completed"),
        ("Delling Industries, LLC", "Marine Pumps Division", "completed"),
    ]
    text = (
        "Divestiture\n9 Months Ended\nSep. 30, 2012\n"
        "On October 30, 2012, we signed a definitive agreement to sell our coatings operations in Brazil for gross "
        "proceeds of $377 million. The transaction is expected to generate approximately $300 million in net cash.\n"
    )
    assert _acquisitions(text) == [(None, "coatings operations in Brazil", "agreed", 377_000_000, None)]


def test_a_buyer_of_all_the_assets_of_a_venture_and_a_sale_to_a_wholly_owned_subsidiary() -> None:
    text = (
        "Corvane today announced that it has reached a definitive agreement to sell Halcyon, its joint venture.\n"
        "Under the terms of the agreement, Brightwater Chemicals Limited will purchase all of the assets of Halcyon "
        "for $255 million.\n"
    )
    assert [a[:4] for a in _acquisitions(text)] == [("Brightwater Chemicals Limited", "Halcyon", "agreed", 255_000_000)]
    text = (
        "DOVER, Del. – May 3, 2017 – Corvane Labs, Inc. announced today that it has completed the sale of its "
        "lozenge business to a wholly-owned subsidiary of Brightwater Pharma N.V. for $50 million.\n"
    )
    assert [a[:2] for a in _acquisitions(text)] == [("Brightwater Pharma N.V.", "lozenge business")]


def test_an_amendment_a_minority_stake_and_a_merger_sub_give_no_acquisition() -> None:
    text = (
        "AMENDMENT No. 1, dated as of April 2, 2007, to the Merger Agreement, by and among Corvane Corp., a Delaware "
        "corporation (the “Company”), and Halcyon Acquisition Corp.\nWHEREAS, the parties have entered into the "
        "Agreement and Plan of Merger, whereby Halcyon Acquisition Corp. shall be merged with and into the Company.\n"
    )
    assert _acquisitions(text) == []
    text = (
        "SAN DIEGO, California, November 28, 2003 – Corvane, Inc. announced today its results for the fiscal year.\n"
        "In October 2002, the Company acquired a 28% interest in Halcyon Apparel, Inc., a maker of sleepwear.\n"
    )
    assert _acquisitions(text) == []
    text = "Halcyon Acquisition Corp. shall be merged with and into Corvane Corp."
    assert direction(entities(text, None), text, 0, len(text), None) is None


def test_a_bare_section_telling_an_agreement_entered_into_is_read_as_item_1_01() -> None:
    text = (
        "Underwriting Agreement\nOn October 29, 2020, the Company entered into an Underwriting Agreement (the "
        "“Underwriting Agreement”) with Harrow Thalberg & Co. Inc., as the representative of the several "
        "underwriters, relating to the sale of 1,400,000 shares of common stock of the Company.\n"
    )
    events = parse_filing(text.encode()).to_dict()["events"]
    assert [(e["counterparty"], e["agreement_type"]) for e in events if e["type"] == "agreement"] == [
        ("Harrow Thalberg & Co. Inc.", "underwriting agreement")
    ]
    text = (
        "On March 1, 2021, the Company entered into an employment agreement with Quillon Advisors LLC and its "
        "principal, Jane Roe, under which Ms. Roe will serve as Chief Financial Officer.\n"
    )
    assert [e for e in parse_filing(text.encode()).to_dict()["events"] if e["type"] == "agreement"] == []


def test_results_highlights_and_a_table_printed_one_cell_a_line() -> None:
    text = (
        "Contact:\n|\nPat Roe, Chairman & CEO\n|\n·\n|\nNet sales for the first quarter of fiscal year 2009 increased "
        "to $7.6 million\n|\n·\n|\nNet income for the first quarter of 2009 was $856,000 compared to a net loss of "
        "$865,000 in 2008\n|\nQuarters Ended\n|\nApril 4,\n2009\n|\nMarch 29,\n2008\n|\nNet sales\n|\n$\n|\n"
        "7,606,532\n|\n$\n|\n5,757,686\n|\nNet income (loss)\n|\n$\n|\n856,480\n|\n$\n|\n(864,956\n|\n)\n|\n"
        "Net income (loss) per common share – basic and diluted\n|\n$\n|\n0.29\n|\n$\n|\n(0.29\n|\n)\n"
    )
    events = [e for e in parse_filing(text.encode()).to_dict()["events"] if e["type"] == "earnings"]
    assert [(e["period_end"], e["revenue"]["amount"], e["net_income"]["amount"], e["eps"]) for e in events] == [
        ("2009-04-04", 7_606_532, 856_480, 0.29)
    ]


def test_revenue_for_a_named_quarter_and_a_net_loss_per_share() -> None:
    head = (
        "LEXINGTON, Ky., April 28, 2005 /PRNewswire/ -- Corvane Systems, Inc. today announced results for the "
        "first quarter ended March 31, 2005.\n"
    )
    cases = {
        "Revenues for the first quarter of 2005 were $12.4 million, compared to $10.1 million. Net loss for the "
        "quarter was $2.1 million, or $0.14 per share.": (12_400_000, -2_100_000, -0.14),
        "Revenue in the first quarter was $14.0 million. Net loss per share was $(0.42). Net loss was $(6.1) "
        "million.": (14_000_000, -6_100_000, -0.42),
    }
    for text, want in cases.items():
        events = [e for e in parse_filing((head + text).encode()).to_dict()["events"] if e["type"] == "earnings"]
        assert [(e["revenue"]["amount"], e["net_income"]["amount"], e["eps"]) for e in events] == [want]


def test_release_wordings_of_a_completed_merger_an_announced_acquisition_and_a_subsidiary_sold() -> None:
    dateline = "AUSTIN, Texas, March 9, 2004 /PRNewswire/ -- Corvane Systems, Inc. today "
    cases = {
        "announced that it has closed the previously announced merger of Halloway Optics, Inc. with and into a "
        "wholly owned subsidiary of Corvane.": ("Corvane Systems, Inc.", "Halloway Optics, Inc.", "completed"),
        "announced the acquisition of Halloway Optics, Inc., a maker of lenses, for $61 million.": (
            "Corvane Systems, Inc.",
            "Halloway Optics, Inc.",
            "agreed",
        ),
        "announced it has agreed to sell its Halloway Optics subsidiary to Brightwater Partners LLC for $20 "
        "million in cash.": ("Brightwater Partners LLC", "Halloway Optics", "agreed"),
        "said it finalized the purchase of Halloway Optics, Inc., a privately held maker of lenses.": (
            "Corvane Systems, Inc.",
            "Halloway Optics, Inc.",
            "completed",
        ),
    }
    for text, want in cases.items():
        assert [a[:3] for a in _acquisitions(dateline + text)] == [want], text


def test_a_contract_on_its_own_gives_its_kind_and_the_party_that_is_not_the_company() -> None:
    def agreements(text: str) -> list[tuple]:
        events = parse_filing(text.encode()).to_dict()["events"]
        return [(e["counterparty"], e["agreement_type"]) for e in events if e["type"] == "agreement"]

    text = (
        "Exhibit 10.1\nEXCLUSIVE SUPPLY AGREEMENT\nTHIS EXCLUSIVE SUPPLY AGREEMENT (“Agreement”), made as of April 1, "
        '2021, is by and between HALDEN, LLC ("SUPPLIER") and Quillon Beauty, Inc. (“QUILLON”).\n'
        "SUPPLIER and QUILLON agree as follows:\n1. SUPPLIER will supply the PRODUCT.\n"
    )
    assert agreements(text) == [("Quillon Beauty, Inc.", "exclusive supply agreement")]
    text = (
        "Exhibit 10.2\nDISTRIBUTION AGREEMENT\nThis Distribution Agreement is made by and between Larkspur Trading "
        "Ltd. and Corvane Systems, Inc. (the “Company”), effective May 1, 2020.\n1. Larkspur will distribute.\n"
    )
    assert agreements(text) == [("Larkspur Trading Ltd.", "distribution agreement")]
    text = (
        "Exhibit 10.3\nAMENDMENT NO. 1 TO SUPPLY AGREEMENT\nThis Amendment is made by and between Larkspur Trading "
        "Ltd. and Corvane Systems, Inc. (the “Company”).\n"
    )
    assert agreements(text) == []


def test_an_item_1_01_that_incorporates_item_2_03_reads_the_agreement_told_there() -> None:
    raw = (
        "FORM 8-K\n\nCURRENT REPORT\n\nNORTHGATE BANCORP, INC.\n(Exact name of registrant as specified in its charter)"
        "\n\nItem 1.01. Entry into a Material Definitive Agreement.\n\nThe information provided in Item 2.03 of this "
        "Current Report on Form 8-K is hereby incorporated into this Item 1.01 by reference.\n\nItem 2.03. Creation "
        "of a Direct Financial Obligation.\n\nOn February 17, 2023, the Company entered into a $3.5 billion revolving "
        "credit facility with Harrow Bank, N.A., as agent, Quillon Bank, N.A., as syndication agent, and the lenders "
        "named therein.\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
    )
    events = parse_filing(raw.encode(), name="case.txt").to_dict()["events"]
    assert [e["counterparty"] for e in events if e["type"] == "agreement"] == ["Harrow Bank, N.A."]


def test_a_merger_agreement_sentence_takes_the_direction_of_the_merger_told_after_it() -> None:
    got = _in_item(
        "1.01",
        "On April 30, 2024, Northgate Bancorp, Inc. (the “Company”) entered into an Agreement and Plan of Merger "
        "(the “Merger Agreement”) with Quillon Holdings, Inc., a Delaware corporation (“Parent”), and Quillon "
        "Merger Sub, Inc., a wholly owned subsidiary of Parent (“Merger Sub”). Pursuant to the Merger Agreement, "
        "Merger Sub will merge with and into the Company, with the Company continuing as the surviving "
        "corporation and a wholly owned subsidiary of Parent.",
    )
    assert got == [("Quillon Holdings, Inc.", "Northgate Bancorp, Inc.", "agreed")]
    got = _in_item(
        "2.01",
        "On April 30, 2024, pursuant to the Agreement and Plan of Merger dated January 5, 2024, by and among the "
        "Company, Larkspur Financial Corp. (“Larkspur”) and Northgate Merger Sub, Inc. (“Merger Sub”), Merger Sub "
        "merged with and into Larkspur, with Larkspur surviving as a wholly owned subsidiary of the Company.",
    )
    assert got == [("NORTHGATE BANCORP, INC.", "Larkspur Financial Corp.", "completed")]


def test_a_fiscal_quarter_named_with_which_ended() -> None:
    text = (
        "Corvane Systems Reports Second Quarter Fiscal 2020 Results\nAUSTIN, Texas, January 30, 2020 -- Corvane "
        "Systems, Inc. today reported results for its second quarter of fiscal 2020, which ended December 28, 2019.\n"
        "Net sales for the quarter increased 4% to $210.5 million. The Company recorded net earnings of $15.2 "
        "million, or $0.52 per diluted share.\n"
    )
    events = [e for e in parse_filing(text.encode()).to_dict()["events"] if e["type"] == "earnings"]
    assert [(e["period_end"], e["revenue"]["amount"], e["eps"]) for e in events] == [("2019-12-28", 210_500_000, 0.52)]


def test_assets_of_a_business_transferred_to_buyers_defined_as_a_group_closed_at_signing() -> None:
    text = (
        "Note 2 – Discontinued Operations\n9 Months Ended\nSep. 30, 2023\n"
        "On October 22, 2023, the Company entered into an Asset Purchase Agreement, by and among (i) the Company and "
        "Larkspur Optics, LLC, a wholly owned subsidiary of the Company (collectively with the Company, the "
        "“Sellers”), and (ii) Harrow Medical Inc., a Georgia corporation, and Harrow Operations B.V. (together, "
        "“Buyers” and each a “Buyer”), pursuant to which the Company agreed to transfer to the Buyers substantially "
        "all of the assets primarily related to the Company’s lens business lines (the “Business”), for a cash "
        "payment of approximately $5.76 million.\nThe closing of the Transaction occurred simultaneously with the "
        "execution of the Purchase Agreement.\n"
    )
    assert _acquisitions(text) == [("Harrow Medical Inc.", "lens business lines", "completed", 5_760_000, "2023-10-22")]


def test_a_business_or_company_divested_to_a_buyer() -> None:
    dateline = "AUSTIN, Texas, March 9, 2004 /PRNewswire/ -- Corvane Systems, Inc. today announced that it has "
    assert [a[:3] for a in _acquisitions(dateline + "divested its lens business to Brightwater Partners LLC.")] == [
        ("Brightwater Partners LLC", "lens business", "completed")
    ]
    assert [a[:2] for a in _acquisitions(dateline + "divested Halloway Optics, Inc. to Brightwater Partners LLC.")] == [
        ("Brightwater Partners LLC", "Halloway Optics, Inc.")
    ]


def test_net_income_that_rose_to_a_figure_and_revenues_for_a_fiscal_year() -> None:
    def figures(text: str) -> list[tuple]:
        events = parse_filing(text.encode()).to_dict()["events"]
        return [
            (e["period_end"], (e["revenue"] or {}).get("amount"), (e["net_income"] or {}).get("amount"), e["eps"])
            for e in events
            if e["type"] == "earnings"
        ]

    assert figures(
        "Corvane Posts Fourth Quarter Profit\nAUSTIN, Texas, February 5, 2019 -- Corvane Systems, Inc. said net "
        "income for the fourth quarter ended December 31, 2018 rose to $5.0 million, or $0.20 per diluted share, "
        "on sales of $60.2 million."
    ) == [("2018-12-31", 60_200_000, 5_000_000, 0.2)]
    assert figures(
        "AUSTIN, Texas, June 1, 2004 -- Corvane Systems, Inc. today announced its financial performance for the "
        "fiscal year ended March 31, 2004. Revenues for fiscal 2004 were $18.0 million. The net loss for the "
        "fiscal year was $2.5 million, or $0.12 per share."
    ) == [("2004-03-31", 18_000_000, -2_500_000, -0.12)]


def test_a_row_with_its_own_unit_and_reported_eps_beside_an_adjusted_one() -> None:
    head = (
        "Corvane Reports Third Quarter 2023 Results\nAUSTIN, Texas, October 25, 2023 -- Corvane Corporation today "
        "reported results for the third quarter ended September 30, 2023.\n"
    )
    table = (
        "Summary of results\n\tQ3 2023\tQ3 2022\nRevenues ($ millions)\t11,200\t10,100\n"
        "Net earnings ($ millions)\t1,500\t1,300\nDiluted earnings per share\t$1.01\t$0.87\n"
    )
    words = (
        "Reported EPS was $0.75, and adjusted EPS was $0.90. Net revenue grew 5% to $8.7 billion. Net income was "
        "$1.0 billion."
    )
    for text, want in ((table, (11_200_000_000, 1_500_000_000, 1.01)), (words, (8_700_000_000, 1_000_000_000, 0.75))):
        events = [e for e in parse_filing((head + text).encode()).to_dict()["events"] if e["type"] == "earnings"]
        assert [(e["revenue"]["amount"], e["net_income"]["amount"], e["eps"]) for e in events] == [want]


def test_the_agent_with_a_defined_term_wins_over_a_bookrunner_and_a_joint_venture_is_no_purchase() -> None:
    def events(text: str) -> list[tuple]:
        raw = (
            "FORM 8-K\n\nCURRENT REPORT\n\nNORTHGATE BANCORP, INC.\n(Exact name of registrant as specified in its "
            f"charter)\n\nItem 1.01 Entry into a Material Definitive Agreement.\n\n{text}\n\nSIGNATURES\n\nBy: /s/ Pat "
            "Q. Signer\n"
        )
        found = parse_filing(raw.encode(), name="case.txt").to_dict()["events"]
        return [(e["type"], e.get("counterparty"), e.get("agreement_type")) for e in found]

    assert events(
        "On May 1, 2024, the Company entered into a Credit Agreement with Quillon Securities LLC, as joint lead "
        "arranger and joint bookrunner, Harrow Bank, N.A. (“Harrow”), as administrative agent, and the other "
        "lenders party thereto."
    ) == [("agreement", "Harrow Bank, N.A.", "credit agreement")]
    assert events(
        "On May 1, 2024, the Company entered into a joint venture agreement (the “JV Agreement”) with Quillon "
        "Holdings, Inc. to form Larkspur Renewables LLC. Under the JV Agreement, the Company will purchase a 50% "
        "membership interest in Larkspur Renewables LLC for $30 million."
    ) == [("agreement", "Quillon Holdings, Inc.", "joint venture agreement")]
    assert events(
        "On May 1, 2024, Northgate Bancorp, Inc. entered into a Note Purchase Agreement with certain institutional "
        "investors, including Quillon Life Insurance Company, providing for the sale of $200 million of notes."
    ) == [("agreement", "Quillon Life Insurance Company", "note purchase agreement")]


def test_a_filings_release_told_with_a_cue_the_item_family_lacks() -> None:
    raw = (
        "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nFORM 8-K\n\nCURRENT REPORT\n\nNORTHGATE BANCORP, INC.\n(Exact name of "
        "registrant as specified in its charter)\n\nItem 8.01 Other Events.\n\nOn April 30, 2024, the Company "
        "issued the press release attached as Exhibit 99.1.\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n</TEXT>\n"
        "</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nNorthgate Closes Purchase of Larkspur\nAUSTIN, Texas, April "
        "30, 2024 -- Northgate Bancorp, Inc. today closed its acquisition of Larkspur Financial Corp. for $120 "
        "million in cash.\n</TEXT>\n</DOCUMENT>\n"
    )
    events = parse_filing(raw.encode(), name="case.txt").to_dict()["events"]
    assert [(e["target"], e["status"]) for e in events if e["type"] == "acquisition"] == [
        ("Larkspur Financial Corp.", "completed")
    ]


def test_a_closing_date_is_not_the_date_the_merger_agreement_is_dated() -> None:
    got = parse_filing(
        (
            b"FORM 8-K\n\nCURRENT REPORT\n\nLARKHILL INDUSTRIES, INC.\n(Exact name of registrant as specified in its "
            b"charter)\n\nItem 2. Acquisition or Disposition of Assets.\n\nPursuant to an Agreement and Plan of Merger "
            b'dated as of January 10, 1999 (the "Merger Agreement"), Larkhill Acquisition Corp., a wholly-owned '
            b'subsidiary of the Registrant, was merged with and into Halcyon Tool, Inc. ("Halcyon") on March 1, 1999.'
            b"\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
        ),
        name="case.txt",
    ).to_dict()["events"]
    assert [(e["target"], e["status"], e["completed"]) for e in got if e["type"] == "acquisition"] == [
        ("Halcyon Tool, Inc.", "completed", "1999-03-01")
    ]


def test_a_business_bought_from_its_owner_is_named_by_what_it_is() -> None:
    text = (
        "AUSTIN, Texas, March 9, 2004 /PRNewswire/ -- Corvane Systems, Inc. today announced that it has agreed to "
        "acquire Halloway Optics, Inc.’s lens coatings business for $20 million in cash.\n"
    )
    assert [a[:4] for a in _acquisitions(text)] == [
        ("Corvane Systems, Inc.", "lens coatings business", "agreed", 20_000_000)
    ]


def test_data_furnished_for_several_quarters_of_a_business_sold_is_no_earnings() -> None:
    raw = (
        "FORM 8-K\n\nCURRENT REPORT\n\nNORTHGATE BANCORP, INC.\n(Exact name of registrant as specified in its charter)"
        "\n\nItem 2.02 Results of Operations and Financial Condition.\n\nSelected unaudited quarterly data of the "
        "divested payments business for each of the three quarters ended March 31, 2019, June 30, 2019 and "
        "September 30, 2019 are furnished as Exhibit 99.1.\n\nRevenue\t2\t3\t4\n\nSIGNATURES\n\nBy: /s/ Pat Q. Signer\n"
    )
    assert [e for e in parse_filing(raw.encode(), name="c.txt").to_dict()["events"] if e["type"] == "earnings"] == []


def test_eps_that_grew_to_a_figure_a_loss_of_and_a_per_share_aside() -> None:
    head = (
        "Corvane Reports Third Quarter 2023 Results\nAUSTIN, Texas, October 25, 2023 -- Corvane Corporation today "
        "reported results for the third quarter ended September 30, 2023.\n"
    )
    cases = {
        "Third quarter EPS grew 9% to $0.71, and comparable EPS grew 7% to $0.82. Net income was $3.1 billion.": 0.71,
        "Q3 2023 EPS was a loss of $0.06 on a reported basis. Net loss was $57.4 million.": -0.06,
        "Corvane reported earnings of $6.5 billion ($3.48 per share - diluted) for the quarter.": 3.48,
    }
    for text, want in cases.items():
        events = [e for e in parse_filing((head + text).encode()).to_dict()["events"] if e["type"] == "earnings"]
        assert [e["eps"] for e in events] == [want], text


def test_a_price_in_the_deals_sentence_wins_over_an_earn_out_cap_and_a_noun_purchase_is_no_verb() -> None:
    text = (
        "New York -- Corvane Corporation announced today that it has entered into a definitive agreement to acquire "
        "substantially all of the assets of Halloway, Inc., a maker of neckwear, for $110 million, plus an earn-out "
        "over three years based on the earnings of the acquired business, with a maximum value of $70 million.\n"
    )
    assert [a[:4] for a in _acquisitions(text)] == [("Corvane Corporation", "Halloway, Inc.", "agreed", 110_000_000)]
    text = (
        "Corvane Corporation said the European Medicines Agency approved its product. Corvane Corporation announced "
        "today that it has entered into a definitive asset purchase, supply and support agreement with Brightwater "
        "Pharma S.p.A. through which Brightwater has acquired the European intellectual property of the product.\n"
    )
    assert _acquisitions(text) == []  # neither the noun "purchase" nor "the European intellectual property"


def test_a_notes_acquisition_completed_years_before_its_period_is_history() -> None:
    text = (
        "Acquisitions\n9 Months Ended\nSep. 30, 2012\n"
        "On October 3, 2010, Brightwater Partners LLC completed its acquisition of Halcyon Holdings, Inc. from the "
        "Company for $120 million.\n"
    )
    assert _acquisitions(text) == []
    text = text.replace("2010", "2012")  # after the period: a subsequent event, told
    assert [a[:3] for a in _acquisitions(text)] == [("Brightwater Partners LLC", "Halcyon Holdings, Inc.", "completed")]


def test_a_report_that_a_company_would_sell_a_business_to_a_buyer() -> None:
    # a news report of a real sale (2021), a new-user test's input: "would sell its … business to X" was no cue
    text = (
        "Cabot Corp. said it would sell its Purification Solutions business to One Equity Partners, a middle "
        "market private-equity firm, in a deal valued at $111 million.\n"
        "Cabot anticipates that the transaction will close during its second fiscal quarter of 2022.\n"
    )
    assert _acquisitions(text) == [
        ("One Equity Partners", "Purification Solutions business", "agreed", 111_000_000, None)
    ]


def test_a_news_copy_names_the_company_it_is_about_by_its_ticker() -> None:
    # a news copy of a merger release (2019; wording kept, names invented): the company is the one quoted
    # with its exchange and ticker, though a suffixed name (the buyer's) comes first with a suffix; "Shares
    # of" is no part of its name
    text = (
        "Shares of Corvane Imaging (NASDAQ: CRVI) jumped on Monday after the company announced an agreement to "
        "be acquired by an affiliate of Halloway Capital Group LLC. As of 12:45 p.m. EDT, the stock was up 27%.\n\n"
        "The Halloway affiliate has agreed to acquire all outstanding common stock for $37 per share in an "
        "all-cash transaction. The deal is valued at approximately $1.7 billion.\n"
    )
    assert _acquisitions(text) == [("Halloway Capital Group LLC", "Corvane Imaging", "agreed", 1_700_000_000, None)]


def test_certain_of_its_businesses_sold_to_a_buyer() -> None:
    # a news copy of a divestiture release (2019; wording kept, names invented): "certain of its businesses in
    # the … segment" is the business sold
    text = (
        "WASHINGTON (dpa-AFX) - Corvane Corp. (CRV), a science and technology company, announced Monday that it "
        "has signed an agreement to sell certain of its businesses in the Life Sciences segment to Halloway AG "
        "for approximately $750 million.\n"
    )
    assert _acquisitions(text) == [
        ("Halloway AG", "businesses in the Life Sciences segment", "agreed", 750_000_000, None)
    ]


def test_a_merger_is_priced_by_its_equity_value_not_its_termination_fee() -> None:
    # a 10-Q note (2012, a new-user test; names invented): the price is the equity value the per-share price
    # represents, never the termination fee told after it
    body = (
        "Pursuant to the Merger Agreement, Halloway agreed to acquire the Company in an all cash merger for $4.90 per "
        "share, representing approximately $74.9 million in equity value. If the Company terminates the Merger "
        "Agreement, the Company must pay Halloway a $1.5 million termination fee."
    )
    money, start, end = consideration(body, 0, len(body))  # type: ignore[misc]
    assert (money.amount, body[start:end]) == (74_900_000, "approximately $74.9 million")
    fee = body.index("If the Company")
    assert consideration(body, fee, len(body)) is None
