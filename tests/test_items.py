"""Item headings: the shapes real filings use, and the look-alikes that are not headings."""

from __future__ import annotations

import datetime as dt

from eightk import parse_filing
from eightk.parse.html import html_to_text
from eightk.parse.items import find_items

OLD = dt.date(1999, 6, 1)
NEW = dt.date(2010, 6, 1)


def numbers(text: str, on: dt.date | None = NEW) -> list[tuple[str, str | None, bool]]:
    return [(h.number, h.code, h.applicable) for h in find_items(text, on=on)]


def test_old_and_new_heading_styles() -> None:
    text = "ITEM 5.           OTHER EVENTS\n\nSomething happened.\n\nITEM 7.   FINANCIAL STATEMENTS AND EXHIBITS\n"
    assert numbers(text, OLD) == [("5", "8.01", True), ("7", "9.01", True)]
    text = "Item 8.01 Other Events.\n\nSomething.\n\nITEM 9.01.\nFINANCIAL STATEMENTS AND EXHIBITS\n\n(d) Exhibits"
    got = find_items(text, on=NEW)
    assert [(h.number, h.title) for h in got] == [
        ("8.01", "Other Events"),
        ("9.01", "FINANCIAL STATEMENTS AND EXHIBITS"),
    ]


def test_combined_heading_gives_each_item_the_same_span() -> None:
    got = find_items("Items 1 and 2. Change in control and acquisition\n\nOn May 1 ...", on=OLD)
    assert [(h.number, h.code) for h in got] == [("1", "5.01"), ("2", "2.01")]
    assert got[0].start == got[1].start and got[0].end == got[1].end


def test_heading_inside_a_table_row() -> None:
    text = html_to_text(
        "<table><tr><td><b>Item&nbsp;2.02</b></td><td><b>Results of Operations and Financial Condition.</b>"
        "</td></tr></table><p>On July 1 the company announced results.</p>"
    )
    assert numbers(text) == [("2.02", "2.02", True)]


def test_cross_references_and_sub_headings_are_not_items() -> None:
    text = (
        "Item 2.01 Completion of Acquisition\n\nThe merger closed. The financial statements required by\n"
        "Item 9.01 of Form 8-K will be filed by amendment; see Item 9.01 below.\n\n"
        "Consideration\n\nThe price was paid in cash.\n"
    )
    assert numbers(text) == [("2.01", "2.01", True)]


def test_table_of_contents_yields_to_the_real_headings() -> None:
    text = (
        "Item 2.02 Results of Operations\n"
        "Item 9.01 Financial Statements and Exhibits\n\n"
        "Item 2.02 Results of Operations\n\nOn May 4 the company reported results for the quarter, "
        "which were better than expected.\n\n"
        "Item 9.01 Financial Statements and Exhibits\n\n(d) Exhibits\n99.1 Press release\n"
    )
    got = find_items(text, on=NEW)
    assert [h.number for h in got] == ["2.02", "9.01"]
    assert "better than expected" in text[got[0].start : got[0].end]


def test_not_applicable_items_are_kept_but_flagged() -> None:
    text = "Item 1. Changes in Control of Registrant.\n\nNone.\n\nItem 5. Other Events.\n\nA license was signed.\n"
    assert numbers(text, OLD) == [("1", "5.01", False), ("5", "8.01", True)]


def test_old_item_9_before_regulation_fd_was_regulation_s() -> None:
    assert numbers("Item 9. Sales of Equity Securities Pursuant to Regulation S\n\nx", dt.date(1998, 1, 5)) == [
        ("9", "3.02", True)
    ]
    assert numbers("Item 9. Regulation FD Disclosure\n\nx", dt.date(2001, 1, 5)) == [("9", "7.01", True)]


def test_missing_signature_heading_and_exhibit_text_mentioning_items() -> None:
    raw = (
        b"FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2003\n\n"
        b"ACME WIDGETS, INC.\n(Exact name of registrant as specified in its charter)\n\n"
        b"Item 5. Other Events\n\nAcme licensed its widget patents to Beta Corp.\n\n"
        b"Item 7. Financial Statements and Exhibits\n\n(c) Exhibits\n\n99.1 Press release dated March 3, 2003\n\n"
        b"Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused "
        b"this report to be signed.\n\nACME WIDGETS, INC.\n\nBy: /s/ Jane Roe\n    Jane Roe\n    President\n\n"
        b"Exhibit 99.1\n\nItem 2. Acquisition of assets is discussed in our annual report.\n"
    )
    filing = parse_filing(raw, name="acme.txt")
    assert filing.item_codes == ("8.01", "9.01")
    assert [(s.name, s.title) for s in filing.signatures] == [("Jane Roe", "President")]
    assert filing.items[-1].span.end <= filing.text(1).index("Pursuant")
    assert [e.number for e in filing.exhibits] == ["99.1"]


def test_entities_are_decoded_once() -> None:
    text = html_to_text("<p>AT&amp;T&#8217;s &ldquo;plan&rdquo; &amp;nbsp; R&amp;D&nbsp;&#x2014;&#233; &lt;b&gt;</p>")
    assert text.strip() == "AT&T\u2019s \u201cplan\u201d &nbsp; R&D \u2014\u00e9 <b>"
    assert html_to_text("<p>Smith &amp; Wesson</p>").strip() == "Smith & Wesson"
