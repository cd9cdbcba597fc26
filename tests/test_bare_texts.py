"""Bare texts read as the filings they come from (``extract/bare.py``), and officer titles said without
"as" (``extract/officer_titles.py``), on made-up texts with invented names and companies: an Item 5.02
section copied from a web page, a press release about officers or results with no 8-K around it, a title
right after the name, a designation or the issuer's name after a title, and "named executive officers"."""

from __future__ import annotations

import datetime as dt

from eightk import parse_filing
from tests.test_officers import _changes


def _bare(text: str) -> list[dict]:
    return [e for e in parse_filing(text.encode(), name="bare.txt").to_dict()["events"]]


def _officers(text: str) -> list[tuple]:
    return [(e["person"], e["action"], e["role"], e["effective"]) for e in _bare(text) if e["type"] == "officer_change"]


def test_an_item_section_copied_from_a_page_is_read_as_the_item() -> None:
    got = _officers(
        "Item 5.02 | Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
        "Officers; Compensatory Arrangements of Certain Officers. |\n"
        "On March 3, 2025, Odran Pellew, the Company’s Chief Financial Officer and the principal financial and "
        "accounting officer, notified the Company of his decision to step down effective March 31, 2025.\n"
        "On March 5, 2025, the Company appointed Sunniva Arkell as Interim Chief Accounting Officer of the Company. "
        "Ms. Arkell, age 47, has been serving as the Company’s Corporate Controller since 2019.\n"
    )
    assert ("Odran Pellew", "departed", "Chief Financial Officer", "2025-03-31") in got
    assert ("Sunniva Arkell", "appointed", "Interim Chief Accounting Officer", "2025-03-05") in got


def test_a_bare_release_about_officers_is_read_and_dated_by_its_dateline() -> None:
    got = _officers(
        "EXHIBIT 99.1\nQUILLAN NAMED PRESIDENT AND CEO OF BRANTMOOR\n"
        "RALEIGH, NC, MARCH 4, 2024 -- Brantmoor Industries, Inc. (NYSE: BRM) today announced that its Board of "
        "Directors has elected Tamsin R. Quillan President and Chief Executive Officer, effective immediately.\n"
    )
    assert got == [("Tamsin R. Quillan", "elected", "President and Chief Executive Officer", "2024-03-04")]


def test_a_release_that_tells_of_no_officer_gives_no_officer_change() -> None:
    got = _officers(
        "EXHIBIT 99.1\nBrantmoor Opens a Plant in Ohio\nRALEIGH, NC, MARCH 4, 2024 -- Brantmoor Industries, Inc. "
        '(NYSE: BRM) today opened its new plant. "We are proud of our team," said Tamsin R. Quillan, President.\n'
    )
    assert got == []


def test_a_bare_results_release_reads_the_headline_quarter() -> None:
    events = _bare(
        "Exhibit 99.1\nOstrander Announces Second Quarter 2024 Results\nAugust 8, 2024 – Ostrander Corp. today "
        "announced a net loss of $6.1 million, or $1.02 per share on a fully diluted basis, for the six months "
        "ended June 30, 2024 compared to a net loss of $2.2 million for the six months ended June 30, 2023.\n"
        "For the quarter ended June 30, 2024, the Company reported a net loss of $3.4 million, or $0.57 per share "
        "on a fully diluted basis. Revenue for the quarter ended June 30, 2024 was $12.5 million.\n"
    )
    (earn,) = [e for e in events if e["type"] == "earnings"]
    assert earn["period_end"] == "2024-06-30"
    assert earn["net_income"]["amount"] == -3_400_000 and earn["eps"] == -0.57
    assert earn["revenue"]["amount"] == 12_500_000


def test_a_title_right_after_the_name_and_after_to() -> None:
    got = _changes(
        "On May 1, 2025, the Board elected outside director Corwin J. Haldane Chairman of the Board and named "
        "Ilse M. Varga acting President and Chief Operating Officer."
    )
    assert ("Corwin J. Haldane", "elected", "Chairman of the Board", dt.date(2025, 5, 1)) in got
    assert ("Ilse M. Varga", "appointed", "acting President and Chief Operating Officer", dt.date(2025, 5, 1)) in got
    got = _changes(
        "On May 1, 2025, the Company announced the appointment of Bastian K. Orme to Chief Executive Officer."
    )
    assert got[0][:3] == ("Bastian K. Orme", "appointed", "Chief Executive Officer")


def test_the_issuers_name_is_cut_from_a_title_another_company_is_kept() -> None:
    got = _officers(
        "Exhibit 99.1\nDelacroix Holdings Corporation’s Anselm Pryce to Retire as CFO.\nDenver, CO, May 2, 2024\n"
        "Anselm T. Pryce, Vice President and Chief Financial Officer of Delacroix Holdings Corporation, has "
        "announced his plans to retire effective August 31, 2024. The Board of Directors has elected Mireille "
        "Oduya, currently Vice President, to succeed Mr. Pryce as Chief Financial Officer as of September 1, 2024.\n"
    )
    assert ("Anselm T. Pryce", "retired", "Vice President and Chief Financial Officer", "2024-08-31") in got
    assert ("Mireille Oduya", "elected", "Chief Financial Officer", "2024-09-01") in got
    got = _changes(
        "On May 1, 2025, the Board appointed Ysolde K. Marr, Chief Technologist of Vantor LLC, as a director."
    )
    assert got == [("Ysolde K. Marr", "appointed", "director", dt.date(2025, 5, 1))]


def test_named_executive_officers_are_no_appointment_and_a_lower_case_owner_is_read() -> None:
    got = _changes(
        "On November 18, 2024, the Company entered into Amended and Restated Employment Agreements with the "
        "following named executive officers: Leopold V. Dray, Marit S. Oyelaran and Cosmo T. Bright."
    )
    assert got == []
    got = _changes("On May 1, 2025, Fenella Q. Roarke is stepping down as the company’s Chief Financial Officer.")
    assert got[0][:3] == ("Fenella Q. Roarke", "departed", "Chief Financial Officer")


def test_two_appointees_each_to_serve_as_their_own_post() -> None:
    got = _changes(
        "On May 4, 2023, the Board of Directors elected Alaric P. Denholm to serve as Chairman of the Board and "
        "Rosalind E. Whitcombe to serve as Lead Director until the 2024 annual meeting of shareholders."
    )
    assert ("Alaric P. Denholm", "elected", "Chairman of the Board", dt.date(2023, 5, 4)) in got
    assert ("Rosalind E. Whitcombe", "elected", "Lead Director", dt.date(2023, 5, 4)) in got


def test_a_last_day_in_the_next_sentence_dates_the_departure() -> None:
    got = _changes(
        "On July 9, 2024, Quentin J. Marlow, Chief Accounting Officer, informed the Company that he will resign to "
        "pursue another opportunity. His last day with the Company will be August 2, 2024."
    )
    assert got == [("Quentin J. Marlow", "departed", "Chief Accounting Officer", dt.date(2024, 8, 2))]


def test_a_successor_to_come_is_nobody_and_a_decision_to_retire_has_no_date() -> None:
    got = _changes(
        "On March 4, 2024, the Company announced that Osgood N. Pell, President and Chief Executive Officer, has "
        "decided to retire after 30 years with the Company. Mr. Pell will continue to serve until his successor is "
        "appointed."
    )
    assert got == [("Osgood N. Pell", "retired", "President and Chief Executive Officer", None)]


def test_promoted_after_an_apposition_and_a_death_told_in_apposition() -> None:
    got = _changes(
        "On December 2, 2024, the Board of Directors promoted Lorcan S. Abney, currently Senior Vice President of "
        "Sales, to Executive Vice President and Chief Commercial Officer, effective January 1, 2025."
    )
    assert got == [
        ("Lorcan S. Abney", "appointed", "Executive Vice President and Chief Commercial Officer", dt.date(2025, 1, 1))
    ]
    got = _changes(
        "Mr. Ambrose R. Tull, the Company's Chairman, President and Chief Executive Officer, passed away on "
        "February 20, 2024."
    )
    assert got == [
        ("Ambrose R. Tull", "departed", "Chairman, President and Chief Executive Officer", dt.date(2024, 2, 20))
    ]


def test_a_release_names_the_successor_and_the_retiree_but_not_a_succession_years_ago() -> None:
    got = _officers(
        "Exhibit 99.1\nNorwell Appoints Imogen T. Hale as Chief Financial Officer\nDALLAS, Texas, March 12, 2024 -- "
        "Norwell Systems, Inc. (NYSE: NWL) today announced the appointment of Imogen T. Hale as Chief Financial "
        "Officer, effective April 1, 2024. Ms. Hale succeeds Victor M. Osei, who is retiring after 18 years with "
        'the Company.\n"Imogen is a proven leader," said Bertram K. Lowe, President and Chief Executive Officer.\n'
        "Mr. Lowe succeeded Anton Reyes as Chief Executive Officer in 2017.\n"
    )
    assert ("Imogen T. Hale", "appointed", "Chief Financial Officer", "2024-04-01") in got
    assert ("Victor M. Osei", "retired", "Chief Financial Officer", None) in got
    assert not [g for g in got if g[0] in ("Bertram K. Lowe", "Anton Reyes")]


def test_a_post_served_before_leaving_a_termination_and_a_lower_case_designation() -> None:
    got = _changes(
        "On April 1, 2024, the Company announced that Bernard L. Quill, who has served as the Company’s Chief "
        "Financial Officer since 2019, will step down from that position effective May 15, 2024."
    )
    assert got == [("Bernard L. Quill", "departed", "Chief Financial Officer", dt.date(2024, 5, 15))]
    got = _changes("On April 1, 2024, Warren J. Beale was terminated as Chief Operating Officer of the Company.")
    assert got == [("Warren J. Beale", "departed", "Chief Operating Officer", dt.date(2024, 4, 1))]
    got = _changes(
        "On April 1, 2024, the Board designated Thaddeus K. Brock, the Company’s Vice President, Finance, as the "
        "Company’s principal accounting officer, effective immediately."
    )
    assert got == [("Thaddeus K. Brock", "appointed", "principal accounting officer", dt.date(2024, 4, 1))]


def test_a_committee_seat_of_a_sitting_director_is_no_change_a_new_director_with_one_is() -> None:
    got = _changes(
        "On May 1, 2024, the Board appointed Sylvia P. Grant, an existing director, to the Compensation Committee "
        "of the Board."
    )
    assert got == []
    got = _changes(
        "On May 1, 2024, the Board of Directors elected Judith A. Kemp as a director and appointed her to the Audit "
        "Committee."
    )
    assert got == [("Judith A. Kemp", "elected", "director", dt.date(2024, 5, 1))]


def test_the_one_an_appointee_will_succeed_leaves_but_not_one_told_before() -> None:
    got = _officers(
        "Exhibit 99.1\nGRAND RAPIDS, Mich., Oct. 10, 2013 -- Wexford Office Inc. (NYSE: WXF) today announces the "
        "appointment of Tobias R. Lenz to Chief Executive Officer. Lenz will officially succeed long-time CEO "
        "Morris K. Abbot in March 2014 at the beginning of the company's next fiscal year.\n"
    )
    assert ("Tobias R. Lenz", "appointed", "Chief Executive Officer", None) in got
    assert ("Morris K. Abbot", "departed", "CEO", None) in got
    got = _changes(
        "On May 1, 2025, the Board appointed Sabih R. Khalil as Chief Operating Officer. Khalil succeeds Geoff M. "
        "Wilkins in the role of Chief Operating Officer."
    )
    assert [g[0] for g in got] == ["Sabih R. Khalil"]


def test_a_departure_from_the_company_takes_the_post_the_next_sentence_says_was_held() -> None:
    got = _changes(
        "On March 3, 2025, Dr. Horace V. Lyle resigned from the Company and its Board of Directors. He has served as "
        "Chairman and Chief Executive Officer since 2019."
    )
    assert got == [("Horace V. Lyle", "departed", "Chairman and Chief Executive Officer", dt.date(2025, 3, 3))]


def test_an_effective_date_in_the_predecessors_clause_is_not_the_successors() -> None:
    got = _changes(
        "On March 11, 2024, the Company announced that Gordon T. Pike will retire as Chief Financial Officer "
        "effective June 30, 2024, and that Helena V. Marsh, currently Senior Vice President of Finance, will succeed "
        "him as Chief Financial Officer on July 1, 2024."
    )
    assert ("Gordon T. Pike", "retired", "Chief Financial Officer", dt.date(2024, 6, 30)) in got
    assert ("Helena V. Marsh", "appointed", "Chief Financial Officer", dt.date(2024, 7, 1)) in got


def test_titles_with_a_dotted_abbreviation_and_a_lower_case_interim_designation() -> None:
    got = _changes(
        "On June 3, 2024, the Company named Roald K. Amesbury President, U.S. Operations, effective immediately."
    )
    assert got == [("Roald K. Amesbury", "appointed", "President, U.S. Operations", dt.date(2024, 6, 3))]
    got = _changes(
        "Effective June 3, 2024, Jasper A. Nollen, the Company’s Vice President, Finance and Treasurer, was appointed "
        "to serve as the Company’s interim principal financial officer."
    )
    assert got == [("Jasper A. Nollen", "appointed", "interim principal financial officer", dt.date(2024, 6, 3))]


def test_effective_upon_delivery_is_at_once_and_a_period_end_is_no_effective_date() -> None:
    got = _changes(
        "On May 20, 2024, Dorota L. Whitcomb tendered her resignation as a director, effective upon delivery."
    )
    assert got == [("Dorota L. Whitcomb", "departed", "director", dt.date(2024, 5, 20))]
    got = _changes(
        "On May 20, 2024, Tamsin M. Lindqvist informed the Company that she will resign as Chief Accounting Officer "
        "effective following the filing of the Company’s Quarterly Report on Form 10-Q for the quarter ended June 30, "
        "2024."
    )
    assert got == [("Tamsin M. Lindqvist", "departed", "Chief Accounting Officer", None)]


def test_a_date_named_the_effective_time_and_a_resignation_as_of_the_same_date() -> None:
    got = _changes(
        "On February 27, 2025, the Board welcomed back Idris P. Vandermeer as the Chief Accounting Officer of the "
        "Company, to be effective on March 24, 2025 (the “Effective Time”). In connection with Mr. Vandermeer’s "
        "appointment, Mr. Oakhurst will cease to be the principal accounting officer of the Company following the "
        "Effective Time. Dorian K. Oakhurst, age 50, is the Chief Financial Officer."
    )
    assert ("Idris P. Vandermeer", "appointed", "Chief Accounting Officer", dt.date(2025, 3, 24)) in got
    got = _changes(
        "On July 18, 2024, Sabine A. Kretz, a director on the Board of Directors (the “Board”), informed the Company "
        "of her resignation from the Board as of the same date."
    )
    assert got == [("Sabine A. Kretz", "departed", "director", dt.date(2024, 7, 18))]


def test_a_contracts_term_is_no_effective_date() -> None:
    got = _changes(
        "On November 4, 2025, the Company and Octavio R. Guerrin entered into an amendment to his employment "
        "agreement. Pursuant to the amendment, the term of Mr. Guerrin’s employment agreement was extended to "
        "September 30, 2028, and Mr. Guerrin’s title was changed to Senior Executive Vice President, Chief Legal "
        "and Global Affairs Officer."
    )
    assert all(g[3] != dt.date(2028, 9, 30) for g in got)


def test_employment_that_will_end_and_the_interim_post_of_the_one_succeeded() -> None:
    got = _changes(
        "On June 3, 2024, the Company and Tamara M. Lindh agreed that Ms. Lindh’s employment as Chief Marketing "
        "Officer would end on June 30, 2024."
    )
    assert got == [("Tamara M. Lindh", "departed", "Chief Marketing Officer", dt.date(2024, 6, 30))]
    got = _changes(
        "On June 3, 2024, the Board appointed Jarrod A. Nolte as Senior Vice President, Chief Financial Officer, "
        "effective June 17, 2024, succeeding Karina S. Belk, who has served as interim Chief Financial Officer since "
        "March 2024."
    )
    assert ("Karina S. Belk", "departed", "interim Chief Financial Officer", dt.date(2024, 6, 17)) in got


def test_a_bare_release_about_a_hire_and_the_election_of_a_director() -> None:
    got = _officers(
        "Exhibit 99.1\nCorvane Systems Hires Amara J. Oduya as Chief Financial Officer\nAUSTIN, Texas, April 8, 2024 "
        "-- Corvane Systems, Inc. (NASDAQ: CRVN) today announced that Amara J. Oduya has joined the Company as Chief "
        "Financial Officer, effective April 8, 2024.\n"
    )
    assert got == [("Amara J. Oduya", "appointed", "Chief Financial Officer", "2024-04-08")]
    got = _officers(
        "Exhibit 99.1\nCorvane Systems Announces Board Changes\nAUSTIN, Texas, April 8, 2024 -- Corvane Systems, "
        "Inc. (NASDAQ: CRVN) today announced the election of Miriam D. Castell to its Board of Directors, effective "
        "immediately.\n"
    )
    assert got == [("Miriam D. Castell", "elected", "director", "2024-04-08")]


def test_a_post_kept_in_the_new_title_is_not_left() -> None:
    got = _changes(
        "On January 29, 2023, the Board appointed Shael M. Sankaran, previously the Company’s Chief Operating Officer "
        "and Executive Vice President, to the new role of Chief Technology Officer and Executive Vice President."
    )
    assert ("Shael M. Sankaran", "departed", "Chief Operating Officer", dt.date(2023, 1, 29)) in got


def test_a_bare_text_that_only_mentions_results_gives_no_earnings() -> None:
    # a new-user test (a news report of 2019-04-15 on a buyout, fool.com): "a few months after the company
    # reported disappointing fourth-quarter results" gave an earnings event with every field null; a bare
    # text must give at least a period or a figure
    text = (
        "2019-04-15 What happened\n\nShares of Electronics For Imaging (NASDAQ: EFII) jumped on Monday after the "
        "company announced an agreement to be acquired by an affiliate of Siris Capital Group LLC. As of 12:45 "
        "p.m. EDT, the stock was up about 27.2%.\n\nSo what\n\nThe Siris affiliate has agreed to acquire all "
        "outstanding common stock for $37 per share in an all-cash transaction, a 45% premium over the 90-day "
        "volume-weighted average price ended on April 12. The deal is valued at approximately $1.7 billion. This "
        "comes a few months after the company reported disappointing fourth-quarter results.\n"
    )
    assert [e["type"] for e in _bare(text) if e["type"] == "earnings"] == []


def test_a_short_merger_report_is_business_text_not_a_non_filing() -> None:
    # a new-user test (a news summary of a 2016 bank merger): "… Commercial Bancshares, Inc. (OTCQX: CMOH) have
    # signed a definitive merger agreement" was refused as not_a_filing ("Inc." before a space was no word of
    # the business vocabulary, and "merger" none at all)
    text = (
        "OHIO'S FIRST DEFIANCE FINANCIAL TO ACQUIRE COMMERCIAL BANCSHARES IN USD 63M DEAL\n"
        "Ohio, US-based bank holding companies First Defiance Financial Corp. (NASDAQ: FDEF) and Commercial "
        "Bancshares, Inc. (OTCQX: CMOH) have signed a definitive merger agreement under which First Defiance "
        "will acquire Commercial in a transaction valued at USD 51.00 per share, the companies said.\n"
    )
    record = parse_filing(text.encode(), name="merger.txt").to_dict()
    assert "not_a_filing" not in [p["code"] for p in record["problems"]]


def test_a_lower_case_title_after_the_company_s() -> None:
    # a trade-press report (2008), a new-user test's input: "as the company's interim chief financial officer"
    # (the possessive in lower case) lost its role
    text = (
        "SmarTire Appoints New Interim CFO\n"
        "TPMS provider SmarTire Systems has named David A. Dodge as the company's interim chief financial officer "
        "following the resignation of Jeff Finkelstein.\n"
    )
    got = [(p, r) for p, a, r, _ in _officers(text) if a == "appointed"]
    assert got == [("David A. Dodge", "interim chief financial officer")]


def test_a_news_text_of_an_officer_leaving_is_business_text() -> None:
    # a new-user test (a news copy of a 2023 announcement; names invented): an officer's retirement told with
    # no word of deals or results was refused as not_a_filing; officers, directors and the board are a
    # company's vocabulary too
    text = (
        "Corvane Group (LON:CRV) have stated that after six years as Chief Financial Officer and a director of the "
        "Company, Jane Halloway has informed the Board of her intention to retire.\n"
        "The Board has commenced a search process to identify her successor.\n"
    )
    record = parse_filing(text.encode(), name="retire.txt").to_dict()
    assert "not_a_filing" not in [p["code"] for p in record["problems"]]
    passwd = parse_filing(b"root:x:0:0:root:/root:/bin/bash\nboard:x:1:1:board:/usr/sbin:/usr/sbin/nologin\n")
    assert "not_a_filing" in [p.code for p in passwd.problems]


def test_a_news_story_that_gives_a_twelve_month_figure_is_no_financial_note() -> None:
    # a new-user test (a news copy of a 2020 divestiture; names invented): "sales of about $530m for the 12
    # months ended on 30 June" made the story a 10-Q/10-K note; a note's period is "12 months ended June 30"
    story = (
        "US chemical company Corvane said it agreed to sell its resins businesses to investment firm Halloway "
        "Capital for about $425m. Corvane said the business generated sales of about $530m for the 12 months "
        "ended on 30 June.\n"
    )
    assert parse_filing(story.encode(), name="story.txt").document_kind == "text"
    note = "NOTE 9 - SUBSEQUENT EVENTS\nFor the 12 months ended June 30, 2020, the Company sold its resins business.\n"
    assert parse_filing(note.encode(), name="note.txt").document_kind == "financial_note"


def test_a_date_an_event_is_told_by_is_no_release_date() -> None:
    # a news copy of a 2010 release (a new-user test; names invented): "effective August 20, 2010" became the
    # date of report of a text that gives no release date; a dateline's date still is one
    text = (
        "Corvane's Executive Vice President, Chief Financial Officer, John Halloway has announced that he will be "
        "leaving the company. Corvane says via press release that Jane Roe will serve as temporary CFO when "
        "Halloway leaves, effective August 20, 2010.\n"
    )
    assert parse_filing(text.encode(), name="news.txt").date_of_report is None
    dated = "AUSTIN, Texas, August 2, 2010 -- " + text
    assert parse_filing(dated.encode(), name="release.txt").date_of_report == dt.date(2010, 8, 2)


def test_a_note_headed_by_a_letter_is_a_financial_note() -> None:
    # a 10-K note (2024, a new-user test; names invented): "Note Q - Significant Events" with an amended
    # employment agreement "by and between the Company and Mr. Roe" was read as an agreement
    text = (
        "Note Q - Significant Events\n"
        "On January 6, 2023, the Board appointed Richard Roe to serve as the Company's Chief Executive Officer. In "
        "connection with his appointment, the Company and Mr. Roe entered into an amendment to the employment "
        "agreement, dated November 5, 2021, by and between the Company and Mr. Roe.\n"
    )
    assert parse_filing(text.encode(), name="note.txt").document_kind == "financial_note"


def test_item_headings_as_mirror_pages_print_them() -> None:
    # new-user test inputs (8-K pages from EDGAR mirrors, 2017 and 2019): "ITEM\n1.01" broken after the
    # word, and "… Material Definitive AgreementItem 1.01." glued to the page's title, were no headings
    from eightk.extract.bare import bare_regions
    from eightk.extract.text import regions

    for text in (
        "ITEM\n1.01 ENTRY INTO A MATERIAL DEFINITIVE AGREEMENT\nOn May 1, 2019, the Company signed an agreement.\n",
        "ACME CORP (NASDAQ:ACM) Files An 8-K Entry into a Material Definitive AgreementItem 1.01.\nOn May 1, 2017, the "
        "Company entered into an agreement.\n",
    ):
        filing = parse_filing(text.encode(), name="page.txt", events=False)
        assert [(r.kind, r.code) for r in bare_regions(regions(filing)) if r.kind == "item"] == [("item", "1.01")]
