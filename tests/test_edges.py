"""The edges a new user meets first (issue 10): one test per kind of input, on small inputs.

The files under tests/data/edges/ are listed with their sources in tests/data/edges/SOURCES.md; the others
are built here. Each test states the right value of the kind it covers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eightk import parse_filing
from eightk.parse.html import html_to_text
from eightk.parse.items import find_items
from eightk.parse.pipeline import parse_filing_stream
from eightk.parse.signatures import read_signatures
from eightk.parse.stream import reduce_stream
from tests.conftest import SAMPLES

DATA = Path(__file__).resolve().parent / "data" / "edges"
NEW = dt.date(2012, 5, 1)


def parse(name: str):  # noqa: ANN201 - a Filing
    return parse_filing((DATA / name).read_bytes(), name=name)


# --- item headings with an extra token -------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "on", "number", "code"),
    [
        ("Item No. 2.  Acquisition or Disposition of Assets.", dt.date(1997, 9, 30), "2", "2.01"),
        ("ITEM NO. 7 FINANCIAL STATEMENTS AND EXHIBITS", dt.date(1997, 9, 30), "7", "9.01"),
        ("Item - 5.02 Departure of Directors or Certain Officers", NEW, "5.02", "5.02"),
        ("Item #5 Other Events", dt.date(1999, 1, 4), "5", "8.01"),
        ("Item Number 8.01 Other Events", NEW, "8.01", "8.01"),
        ("ITEM: 2.02 RESULTS OF OPERATIONS AND FINANCIAL CONDITION", NEW, "2.02", "2.02"),
    ],
)
def test_heading_with_a_token_before_the_number(heading: str, on: dt.date, number: str, code: str) -> None:
    got = find_items(f"{heading}\n\nOn May 1 the company did something.\n", on=on)
    assert [(h.number, h.code) for h in got] == [(number, code)]


def test_item_no_headings_give_items_exhibits_and_events() -> None:
    f = parse("08-item-no-headings-1997.txt")
    assert [(i.number, i.code) for i in f.items] == [("2", "2.01"), ("7", "9.01")]
    assert [e.number for e in f.exhibits] == ["2.1", "99.1"]
    assert any(e.type == "acquisition" for e in f.events)


def test_words_after_item_are_not_a_token() -> None:
    assert find_items("Item no longer applies.\n\nItem number of shares\n", on=NEW) == []


def test_numbered_proposals_under_a_modern_item_are_not_items() -> None:
    text = (
        "Item 5.07 Submission of Matters to a Vote of Security Holders.\n\nVotes were cast.\n\n"
        "Item 2. Advisory Vote to Approve Executive Compensation. Votes were as follows.\n\n"
        "Item 3. Ratification of the Appointment of Auditors.\n\nItem 9.01 Financial Statements and Exhibits.\n"
    )
    assert [h.code for h in find_items(text, on=NEW)] == ["5.07", "9.01"]


# --- inline markup --------------------------------------------------------------------------------


def test_inline_divs_do_not_break_the_line() -> None:
    markup = (
        '<div>price of $<div style="display:inline"><div style="display:inline">48.5</div></div> million, and '
        '<p style="DISPLAY: inline-block">more</p> text.</div><div>Next paragraph</div>'
    )
    assert html_to_text(markup) == "price of $48.5 million, and more text.\n\nNext paragraph"


def test_span_styled_as_block_breaks_the_line() -> None:
    assert html_to_text('<p>one <span style="display:block">two</span> three</p>') == "one\ntwo\nthree"
    assert html_to_text('<p>one <FONT STYLE="DISPLAY: BLOCK">two</FONT> three</p>') == "one\ntwo\nthree"


def test_inline_table_keeps_its_rows() -> None:
    markup = '<table style="display:inline-table"><tr><td>a</td></tr><tr><td>b</td></tr></table>'
    assert html_to_text(markup) == "a\n\nb"


def test_self_closed_hidden_cell_hides_only_itself() -> None:
    markup = '<table><tr><td style="display:none"/><td>kept</td></tr></table><p>Item 8.01 Other Events</p>'
    assert html_to_text(markup) == "kept\n\nItem 8.01 Other Events"


def test_amount_in_nested_inline_divs_stays_in_its_item() -> None:
    f = parse("11-dollar-then-nested-inline-div.htm")
    assert [i.code for i in f.items] == ["1.01", "8.01"]
    assert "$48.5 million" in f.items[0].span.quote
    assert "$10.42 as of September 30, 2023" in f.items[1].span.quote


# --- cover ------------------------------------------------------------------------------------------


def test_state_code_cell_country_address_and_junk_former_name() -> None:
    reg = parse("cover-code-country-former.htm").registrant
    assert reg.state_of_incorporation == "CA"
    assert (reg.address.street, reg.address.city, reg.address.state, reg.address.zip) == (
        "88 Tower Road, Building 5",
        "Shanghai",
        "China",
        "200120",
    )
    assert reg.former_name is None


def test_state_of_incorporation_line_is_not_the_street() -> None:
    f = parse("07-two-registrants-sgml.txt")
    assert f.registrant.address.street == "1400 Harbor Steps Avenue"
    assert f.registrant.state_of_incorporation == "WA"
    assert [x.cik for x in f.filers] == ["1043316", "81100"]


def test_ixbrl_address_facts_lose_trailing_commas() -> None:
    def fact(name: str, value: str) -> str:
        return f'<ix:nonNumeric name="dei:{name}" contextRef="c">{value}</ix:nonNumeric>'

    doc = (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body><p>FORM 8-K</p>'
        f"<p>{fact('EntityRegistrantName', 'Parkway Holdings, Inc.')}</p>"
        "<p>(Exact name of registrant as specified in its charter)</p>"
        f"<p>{fact('EntityAddressAddressLine1', '270 Park Avenue,')} {fact('EntityAddressCityOrTown', 'New York,')} "
        f"{fact('EntityAddressStateOrProvince', 'NY')} {fact('EntityAddressPostalZipCode', '10017')}</p>"
        "<p>(Address of principal executive offices)</p><p>Item 8.01 Other Events.</p><p>Text.</p></body></html>"
    )
    address = parse_filing(doc.encode()).registrant.address
    assert (address.street, address.city, address.state, address.zip) == ("270 Park Avenue", "New York", "NY", "10017")


def test_name_whose_suffix_wraps_is_whole() -> None:
    doc = (
        b"FORM 8-K\n\nDate of Report: January 29, 2024\n\nINTERNATIONAL WIDGET MACHINES\nCORPORATION\n\n"
        b"(Exact name of registrant as specified in its charter)\n\nItem 8.01 Other Events\n\nText.\n"
    )
    assert parse_filing(doc).registrant.name == "INTERNATIONAL WIDGET MACHINES CORPORATION"


# --- header vs page -------------------------------------------------------------------------------

_HEADER = """<SEC-DOCUMENT>0009999999-25-000001.txt : 20250301
<SEC-HEADER>0009999999-25-000001.hdr.sgml : 20250301
ACCESSION NUMBER:\t\t0009999999-25-000001
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t1
CONFORMED PERIOD OF REPORT:\t20250228
ITEM INFORMATION:\t\tOther Events
FILED AS OF DATE:\t\t20250301

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tKESTREL MILLS CORP /DE/
\t\tCENTRAL INDEX KEY:\t\t\t0009999999
\t\tEIN:\t\t\t\t{ein}
\t\tSTATE OF INCORPORATION:\t\t\tDE

\tFILING VALUES:
\t\tFORM TYPE:\t\t8-K
\t\tSEC FILE NUMBER:\t001-39999

\tBUSINESS ADDRESS:\t
\t\tSTREET 1:\t\t1 OLD PLAZA
\t\tCITY:\t\t\tDENVER
\t\tSTATE:\t\t\tCO
\t\tZIP:\t\t\t80202
\t\tBUSINESS PHONE:\t\t3035550100
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>k8.txt
<TEXT>
                                   FORM 8-K

Date of Report (Date of earliest event reported): February 28, 2025

                              KESTREL MILLS CORP.
            (Exact name of registrant as specified in its charter)

    Delaware                      001-39999                  12-3456789
(State or other jurisdiction     (Commission              (I.R.S. Employer
 of incorporation)               File Number)           Identification No.)

            500 New Street, Boulder, Colorado                 80301
          (Address of principal executive offices)          (Zip Code)

      Registrant's telephone number, including area code: (720) 555-0199

Item 8.01 Other Events.

     The company moved its head office.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_ein_label_is_read_and_edgar_state_tag_dropped() -> None:
    f = parse_filing(_HEADER.format(ein="123456789").encode())
    assert f.filers[0].irs_number == "12-3456789"
    assert f.filers[0].name == "KESTREL MILLS CORP"
    assert f.registrant.irs_number == "12-3456789"


def test_cover_address_and_phone_beat_a_disagreeing_header() -> None:
    f = parse_filing(_HEADER.format(ein="123456789").encode())
    reg = f.registrant
    assert (reg.address.street, reg.address.city, reg.address.zip) == ("500 New Street", "Boulder", "80301")
    assert reg.phone == "7205550199"
    assert (f.filers[0].address.street, f.filers[0].phone) == ("1 OLD PLAZA", "3035550100")  # kept
    mismatches = [p.message for p in f.problems if p.code == "cover_mismatch"]
    assert any(m.startswith("address") for m in mismatches) and any(m.startswith("phone") for m in mismatches)


def test_header_placeholder_irs_number_never_beats_the_page() -> None:
    f = parse_filing(_HEADER.format(ein="000000000").encode())
    assert f.filers[0].irs_number is None
    assert f.registrant.irs_number == "12-3456789"


def test_nc_header_repeating_a_filer_keeps_the_cover_values() -> None:
    f = parse("06-nc-submission-series-two-filer-blocks.nc")
    assert f.registrant.irs_number == "27-0814932"
    assert [s.symbol for s in f.registrant.securities] == ["CPRU", "CPRD"]
    assert [(e.number, e.document) for e in f.exhibits] == [("99.1", 2)]


# --- signatures ------------------------------------------------------------------------------------


def test_entity_without_corporate_suffix() -> None:
    (sig,) = parse("04-item-heading-in-table-ixbrl.htm").signatures
    assert (sig.name, sig.entity, sig.title) == (
        "Lorna V. Pettigrew",
        "Harborview Private Credit REIT",
        "Chief Financial Officer and Treasurer",
    )


def test_one_signer_for_two_registrants_signs_for_both() -> None:
    sigs = parse("07-two-registrants-sgml.txt").signatures
    assert [(s.name, s.entity) for s in sigs] == [
        ("Warren B. Okafor", "CASCADIA ENERGY HOLDINGS, INC."),
        ("Warren B. Okafor", "CASCADIA POWER & LIGHT COMPANY"),
    ]
    assert {s.title for s in sigs} == {"Senior Vice President, Chief Financial Officer and Treasurer"}


@pytest.mark.parametrize(
    "block",
    [
        "By: /s/ Ann Lee\nName: Ann Lee\nTitle: Executive Vice President, General\nCounsel and Secretary\n",
        "By: /s/ Ann Lee\nName:\tAnn Lee\nTitle:\nExecutive Vice President, General Counsel and Secretary\n",
        "By:\t/s/ Ann Lee\nName:\tAnn Lee\nTitle:\tExecutive Vice President, General Counsel and\nSecretary\n",
    ],
)
def test_title_wrapped_or_beside_its_label_is_whole(block: str) -> None:
    text = "SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934 ...\n\n"
    text += "ACME TRUST\n\n" + block
    (sig,) = read_signatures(text, 0)
    assert sig.title == "Executive Vice President, General Counsel and Secretary"
    assert sig.entity == "ACME TRUST"


# --- line endings and the API ------------------------------------------------------------------------


def test_cr_only_line_endings_read_like_lf() -> None:
    """A submission saved with CR-only line ends, with a uuencoded graphic and an exhibit, read whole
    and as a stream of chunks (as files over 32 MB are)."""
    body = (DATA / "08-item-no-headings-1997.txt").read_text()
    submission = (
        "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n" + body + "</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<FILENAME>logo.gif\n<TEXT>\nbegin 644 logo.gif\n"
        "M1TE&.#EA`0`!`(```/___P```+``````!``$```(X1`$`.P``\n`\nend\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>3\n<TEXT>\nPress release.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    lf = parse_filing(submission.encode())
    cr = parse_filing(submission.replace("\n", "\r").encode())
    assert [p.code for p in cr.problems] == [p.code for p in lf.problems]
    assert "truncated" not in {p.code for p in cr.problems}
    assert [(e.number, e.document) for e in cr.exhibits] == [(e.number, e.document) for e in lf.exhibits]
    assert ("99.1", 3) in [(e.number, e.document) for e in cr.exhibits]
    assert [i.code for i in cr.items] == ["2.01", "9.01"]
    raw = submission.replace("\n", "\r").encode()
    streamed = parse_filing_stream([raw[i : i + 100] for i in range(0, len(raw), 100)])
    assert streamed.to_dict() | {"source": None} == cr.to_dict() | {"source": None}
    big = submission.replace("begin 644 logo.gif\n", "begin 644 logo.gif\n" + ("M" + "A" * 60 + "\n") * 300)
    reduced = reduce_stream([big.replace("\n", "\r").encode()])
    assert reduced.omitted.get(1, 0) > 10_000  # the uuencoded body is left out, as with LF line ends


def test_str_instead_of_bytes_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="bytes, not str"):
        parse_filing("FORM 8-K")  # type: ignore[arg-type]
    assert parse_filing(bytearray(b"FORM 8-K\n\nItem 8.01 Other Events\n\nText.\n")).items


def test_combined_filing_registrant_is_the_one_the_cover_prints_first() -> None:
    """The header lists a combined filing's filers in its own order (here a subsidiary first); the
    registrant is the first row of the cover's table, and every filer stays under ``filers``."""
    f = parse_filing((SAMPLES / "2000s" / "ryankfrench__0000092122-05-000042.txt").read_bytes())
    assert f.filers[0].name == "ALABAMA POWER CO"
    reg = f.registrant
    assert (reg.name, reg.cik, reg.file_number) == ("The Southern Company", "92122", "1-3526")
    assert len(f.filers) == 7
