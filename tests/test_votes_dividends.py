"""The shareholder_vote (Item 5.07) and dividend families on small made-up filings, in each table shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eightk import parse_filing
from eightk.model import Money


def _filing(item: str, heading: str, text: str) -> bytes:
    return (
        "FORM 8-K\n\nCURRENT REPORT\n\nACME WIDGETS, INC.\n\n"
        f"Item {item} {heading}\n\n{text}\n\nItem 9.01 Financial Statements and Exhibits.\n\nNone.\n\nSIGNATURES\n\n"
        "ACME WIDGETS, INC.\n\nBy: /s/ Pat Q. Signer\nName: Pat Q. Signer\nTitle: Secretary\n"
    ).encode()


def _events(raw: bytes, kind: str) -> list[Any]:
    filing = parse_filing(raw, name="case.txt")
    texts = {d.sequence: d.text for d in filing.documents}
    events = [e for e in filing.events if e.type == kind]
    for ev in events:  # every value quotes its text
        assert all(texts[v.span.doc][v.span.start : v.span.end] == v.span.quote for v in ev.values if v.span)
    return events


VOTES = """(a) On May 14, 2025, the Company held its Annual Meeting of Stockholders.

(b) The results of the votes are set forth below.

1. Election of directors:

For\tAgainst\tAbstain\tBroker
Non-Votes

Quorra Zindel\t1,200,000\t30,000\t4,500\t210,000

Pieter V. Lund\t1,150,000\t80,000\t4,500\t210,000

2. Advisory vote to approve executive compensation:

For\t1,010,000

Against\t220,000

Abstain\t4,500

Broker Non-Votes\t210,000

3.
Ratification of the appointment of the independent auditor
For
Withheld
Abstentions
1,400,000
40,000
5,000
"""


def test_votes_in_three_table_shapes() -> None:
    got = _events(_filing("5.07", "Submission of Matters to a Vote of Security Holders.", VOTES), "shareholder_vote")
    rows = [
        (e.proposal, e.nominee, e.votes_for, e.votes_against, e.abstentions, e.withheld, e.broker_non_votes)
        for e in got
    ]
    assert rows == [
        ("Election of directors", "Quorra Zindel", 1_200_000, 30_000, 4_500, None, 210_000),
        ("Election of directors", "Pieter V. Lund", 1_150_000, 80_000, 4_500, None, 210_000),
        ("Advisory vote to approve executive compensation", None, 1_010_000, 220_000, 4_500, None, 210_000),
        ("Ratification of the appointment of the independent auditor", None, 1_400_000, None, 5_000, 40_000, None),
    ]
    assert {e.meeting for e in got} == {dt.date(2025, 5, 14)}


def test_dividend_with_dates_in_the_next_sentence_told_once() -> None:
    text = (
        "On March 3, 2025, the Board of Directors declared a regular quarterly cash dividend of $0.37 per share "
        "of common stock. The dividend is payable on April 10, 2025 to stockholders of record as of the close of "
        "business on March 20, 2025. The Board of Directors declared a quarterly cash dividend of $0.37 per share."
        " The Company may declare a special dividend of $1.00 per share if the sale closes."
    )
    (div,) = _events(_filing("8.01", "Other Events.", text), "dividend")
    assert div.per_share == Money(0.37, "USD")
    assert (div.declared, div.record_date, div.payable, div.kind) == (
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 20),
        dt.date(2025, 4, 10),
        "regular",
    )


def test_dividend_in_cents_and_special() -> None:
    text = (
        "The Board declared a special dividend of 50 cents per share, payable June 2, 2025 to holders of record "
        "on May 20, 2025."
    )
    (div,) = _events(_filing("8.01", "Other Events.", text), "dividend")
    assert (div.per_share, div.kind, div.payable, div.record_date) == (
        Money(0.5, "USD"),
        "special",
        dt.date(2025, 6, 2),
        dt.date(2025, 5, 20),
    )


def test_a_total_paid_is_no_per_share_dividend() -> None:
    text = "The Board declared dividends totaling $250 million during the year."
    assert _events(_filing("8.01", "Other Events.", text), "dividend") == []


def test_earnings_negatives_in_parentheses() -> None:
    text = (
        "For the quarter ended March 31, 2025, the Company reported a net loss of $(4.9) million, or $(0.42) per "
        "diluted share, and revenue of $12.3 million."
    )
    (ev,) = _events(_filing("2.02", "Results of Operations and Financial Condition.", text), "earnings")
    assert (ev.net_income, ev.eps, ev.revenue) == (Money(-4_900_000, "USD"), -0.42, Money(12_300_000, "USD"))
    text = "For the quarter ended March 31, 2025, net income was ($1.2 million), or ($0.05) per diluted share."
    (ev,) = _events(_filing("2.02", "Results of Operations and Financial Condition.", text), "earnings")
    assert (ev.net_income, ev.eps) == (Money(-1_200_000, "USD"), -0.05)


def _with_release(item_text: str, release: str) -> bytes:
    return (
        "<SEC-DOCUMENT>0000000000-25-000001.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n"
        "ITEM INFORMATION:\t\tResults of Operations and Financial Condition\n"
        "FILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGETS INC\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\n\nACME WIDGETS, INC.\n\n"
        f"Item 2.02 Results of Operations and Financial Condition.\n\n{item_text}\n\n"
        "SIGNATURES\n\nBy: /s/ Pat Q. Signer\n</TEXT>\n</DOCUMENT>\n"
        f"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n{release}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    ).encode()


def test_earnings_take_the_latest_year_column_and_skip_the_prior_period() -> None:
    release = (
        "ACME WIDGETS REPORTS FIRST QUARTER 2025 RESULTS\n\n"
        "In the first quarter, net income was up, compared with net income of $1.30 billion in the first "
        "quarter of 2024.\n\n"
        "CONSOLIDATED STATEMENTS OF INCOME\n(In millions, except per share amounts)\n\n"
        "Three Months Ended March 31,\n\n2024\t2025\n\n"
        "Revenues\t$\t8,054\t$\t9,023\n\nNet income\t$\t1,301\t$\t2,242\n\nDiluted EPS\t$\t1.49\t$\t2.48\n"
    )
    raw = _with_release("Acme Widgets, Inc. released its results for the quarter ended March 31, 2025.", release)
    (ev,) = _events(raw, "earnings")
    assert (ev.revenue, ev.net_income, ev.eps) == (Money(9_023_000_000, "USD"), Money(2_242_000_000, "USD"), 2.48)


def test_a_quarter_headline_skips_the_nine_month_figures() -> None:
    text = (
        "Acme Widgets, Inc. reported results for the quarter ended September 30, 2025. For the nine months, "
        "revenue was $30.1 million and net income was $4.4 million. For the third quarter, revenue was "
        "$10.2 million and net income was $1.6 million, or $0.12 per diluted share."
    )
    (ev,) = _events(_filing("2.02", "Results of Operations and Financial Condition.", text), "earnings")
    assert (ev.revenue, ev.net_income, ev.eps) == (Money(10_200_000, "USD"), Money(1_600_000, "USD"), 0.12)


def test_votes_under_repeated_proposal_headings_have_no_sentence_for_a_nominee() -> None:
    text = (
        "At the Annual Meeting held on June 13, 2025, the stockholders voted as follows.\n\nProposal 2\n\n"
        "Proposal 2 was a management proposal to approve executive compensation. This proposal was approved.\n\n"
        "The results of the stockholder vote are reported below:\n\n"
        "For\tAgainst\tAbstained\tBroker Non-Votes\n\n1,834,794\t449,639\t25,834\t335,111\n"
    )
    (vote,) = _events(_filing("5.07", "Submission of Matters to a Vote of Security Holders.", text), "shareholder_vote")
    assert vote.proposal.startswith("a management proposal to approve executive compensation")
    assert (vote.nominee, vote.votes_for, vote.broker_non_votes) == (None, 1_834_794, 335_111)


def test_earnings_told_as_reported_earnings_in_cents_a_share() -> None:
    text = (
        "Acme Widgets today reported fourth quarter earnings of $204.5 million, or 27 cents a share, compared "
        "with $125.0 million, or 17 cents a share, in the fourth quarter of 2024. For the full year, Acme "
        "reported earnings of $1.53 billion, or $2.07 per share. Results are for the quarter ended December 31, "
        "2025."
    )
    (ev,) = _events(_filing("2.02", "Results of Operations and Financial Condition.", text), "earnings")
    assert (ev.net_income, ev.eps) == (Money(204_500_000, "USD"), 0.27)


def test_a_guidance_release_is_no_earnings_event() -> None:
    release = (
        "ACME WIDGETS ANNOUNCES 2026 FINANCIAL GUIDANCE\n\n"
        "The following table summarizes the company's 2026 financial guidance.\n\n"
        "2026 Guidance\nRevenue\t$28.5 to $29.0 billion\nEarnings per Share (reported)\t$6.50 to $6.65\n"
    )
    raw = _with_release(
        "On December 13, 2025, Acme Widgets, Inc. issued a press release announcing its financial guidance for 2026.",
        release,
    )
    assert _events(raw, "earnings") == []
    # a release of results whose period the item does not date is still an earnings event
    raw = _with_release("On July 22, 2025, the Registrant issued a press release announcing its earnings.", "")
    assert len(_events(raw, "earnings")) == 1


def test_the_parents_net_income_row_and_a_header_with_its_units() -> None:
    release = (
        "ACME WIDGETS REPORTS FOURTH QUARTER 2025 RESULTS\n\n"
        "Three Months Ended December 31,\n\n(In millions, except percentages)\t2024\t2025\t% Change\n\n"
        "Revenue\t$\t3,747\t$\t3,165\t(16)\t%\n\n"
        "CONSOLIDATED STATEMENT OF INCOME\n(in millions, except per share amounts)\n\n"
        "Quarter ended December 31\t2025\t2024\n\n"
        "Net income\t2,053\t1,930\n\nLess: net income attributable to noncontrolling interests\t11\t10\n\n"
        "Net income attributable to Acme Widgets, Inc.\t$\t2,042\t$\t1,920\n\n"
        "Diluted\t$\t1.48\t$\t1.39\n"
    )
    raw = _with_release("Acme Widgets, Inc. released its results for the quarter ended December 31, 2025.", release)
    (ev,) = _events(raw, "earnings")
    assert (ev.revenue, ev.net_income) == (Money(3_165_000_000, "USD"), Money(2_042_000_000, "USD"))


def test_eps_rows_said_other_ways_and_a_growth_row_skipped() -> None:
    release = (
        "ACME WIDGETS REPORTS FIRST QUARTER 2025 RESULTS\n\n"
        "Net income attributable to Acme per common share – diluted\t6\t%\t(3)\t%\n\n"
        "CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS\n(Dollars in millions except per share amounts)\n\n"
        "Three Months Ended March 31,\t2025\t2024\n\nTotal revenue\t$\t14,541\t$\t14,462\n\n"
        "Net earnings\t$\t1,055\t$\t1,605\n\n"
        "Earnings per share of common stock - assuming dilution\t$\t1.12\t$\t1.72\n"
    )
    raw = _with_release("Acme Widgets, Inc. released its results for the quarter ended March 31, 2025.", release)
    (ev,) = _events(raw, "earnings")
    assert (ev.revenue, ev.net_income, ev.eps) == (Money(14_541_000_000, "USD"), Money(1_055_000_000, "USD"), 1.12)


def test_non_gaap_sentences_footnote_marks_and_respectively() -> None:
    release = (
        "ACME WIDGETS REPORTS THIRD QUARTER 2025 RESULTS\n\n"
        "Growth Products(ii) revenue increased 12% to $4.96 billion in Q3 2025.\n\n"
        "On a non-GAAP basis, Q3 2025 net income and EPS were $94.8 million and $0.10, respectively.\n\n"
        "Financial Results\n\n$ in millions, except\nper share data\nThird Quarter\n\n2025\t2024\t% Change\n\n"
        "Revenue\t$9,498.6\t$6,941.6\t37%\n\nNet income (loss) – Reported\t(57.4)\t1,451.7\tNM\n\n"
        "Earnings (loss) per share – Reported\t(0.06)\t1.61\tNM\n"
    )
    raw = _with_release("Acme Widgets, Inc. released its results for the quarter ended September 30, 2025.", release)
    (ev,) = _events(raw, "earnings")
    assert (ev.revenue, ev.net_income, ev.eps) == (Money(9_498_600_000, "USD"), Money(-57_400_000, "USD"), -0.06)
    release = (
        "ACME WIDGETS REPORTS FIRST QUARTER 2025 RESULTS\n\n(In millions)\n\n2024\t2025\n\n"
        "Revenue\t$\t2,903\t$\t6,854\n\nNet loss attributable to Acme Widgets, Inc. (2)\n$\t(108)\t$\t(5,930)\n\n"
        "See our Annual Report on Form 10-K for the year ended December 31, 2024.\n"
    )
    raw = _with_release("Acme Widgets, Inc. released its first quarter results.", release)
    (ev,) = _events(raw, "earnings")
    assert ev.net_income == Money(-5_930_000_000, "USD") and ev.period_end is None


def test_earnings_loss_in_parentheses_in_prose_and_a_loss_dated_before_its_figure() -> None:
    item = "On May 2, 2024, the Company issued a press release announcing its results for the quarter ended March 31."
    (earn,) = _events(
        _with_release(
            item,
            "BOSTON, May 2, 2024 -- Acme Widgets, Inc. today reported total revenue of $48.2 million for the first "
            "quarter of 2024. GAAP net loss was $(7.3) million, or $(0.21) per share, compared to a net loss of $(9.8) "
            "million, or $(0.29) per share, in the first quarter of 2023.",
        ),
        "earnings",
    )
    assert earn.net_income.amount == -7_300_000 and earn.eps == -0.21
    (earn,) = _events(
        _with_release(
            item,
            "BOSTON, May 2, 2024 -- Acme Widgets, Inc. today reported a net loss for the first quarter ended March 31, "
            "2024 of $12.6 million, or $0.45 per basic and diluted share, compared with a net loss of $10.1 million "
            "for the same period in 2023. Revenues for the first quarter were $5.3 million.",
        ),
        "earnings",
    )
    assert earn.net_income.amount == -12_600_000 and earn.eps == -0.45 and earn.revenue.amount == 5_300_000


def test_earnings_table_row_net_loss_per_share_basic_and_diluted() -> None:
    item = "On May 2, 2024, the Company issued a press release announcing its results for the quarter ended March 31."
    release = (
        "BOSTON, May 2, 2024 -- Acme Widgets, Inc. today reported results for the first quarter ended March 31, 2024."
        "\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands, except per share data)\n"
        "\tThree Months Ended March 31,\n\t2024\t2023\nTotal revenue\t$\t48,213\t$\t43,017\n"
        "Net loss\t$\t(7,342)\t$\t(9,815)\nNet loss per share, basic and diluted\t$\t(0.21)\t$\t(0.29)\n"
    )
    (earn,) = _events(_with_release(item, release), "earnings")
    assert earn.net_income.amount == -7_342_000 and earn.eps == -0.21


def test_earnings_a_loss_per_share_said_as_a_loss_and_revenue_up_to() -> None:
    item = "On May 2, 2024, the Company issued a press release announcing its results for the quarter ended March 31."
    (earn,) = _events(
        _with_release(
            item,
            "BOSTON, May 2, 2024 -- Acme Widgets, Inc. today reported results for the first quarter ended March 31, "
            "2024. The Company reported a net loss of $3.2 million, or a loss of $0.09 per share, on revenues of $88.1 "
            "million.",
        ),
        "earnings",
    )
    assert earn.eps == -0.09 and earn.net_income.amount == -3_200_000
    (earn,) = _events(
        _with_release(
            item,
            "BOSTON, May 2, 2024 -- Acme Widgets, Inc. today reported results for the first quarter ended March 31, "
            "2024, with revenue up 9% to $1.42 billion and diluted EPS of $2.05. Net income was $210 million.",
        ),
        "earnings",
    )
    assert earn.revenue.amount == 1_420_000_000 and earn.eps == 2.05
