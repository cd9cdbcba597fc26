"""Officer-change wordings of companies the rules were not written from (issue 9, fourth pass), on made-up
texts with invented names and companies: a headline that names the officer first, a retirement put off, a
speaker's own departure, a role handed over ("will transition the position of CEO to …"), a board seat
joined, "effective today" and "effective immediately" in a bare release, an appointee named before "to
succeed Mr. X", history in a relative clause, an employment agreement terminated, a lower-case title in
apposition, the issuer's short name after a title and a name wrapped after its middle initial."""

from __future__ import annotations

from eightk import parse_filing


def _officers(text: str) -> list[tuple]:
    events = parse_filing(text.encode(), name="bare.txt").to_dict()["events"]
    return [(e["person"], e["action"], e["role"], e["effective"]) for e in events if e["type"] == "officer_change"]


def _quotes(text: str) -> list[str]:
    """Every value's quote of every officer event: each must be the text it cites."""
    filing = parse_filing(text.encode(), name="bare.txt")
    out = []
    for event in filing.events:
        for value in event.values:
            assert value.span is not None
            doc = filing.documents[value.span.doc - 1].text
            assert doc[value.span.start : value.span.end] == value.span.quote
            out.append(value.span.quote)
    return out


_HEADLINE = (
    "Exhibit 99.1\nFor Immediate Release\nPRESIDENT & CEO TAVISH ORMEROD ANNOUNCES RESIGNATION\n"
    "Denver, CO March 2,\n2021: Today Quellport Systems (NASDAQ: QLPS) announced that President & Chief "
    "Executive Gregory Ormerod has resigned from the company, effective April 1st, having accepted a new "
    "position. As of March 15, 2021, Director Diane Brevard will become interim CEO.\n"
)


def test_a_release_whose_headline_names_the_officer_first_is_read() -> None:
    got = _officers(_HEADLINE)
    assert ("Gregory Ormerod", "departed", "President & Chief Executive", "2021-04-01") in got
    assert ("Diane Brevard", "appointed", "interim CEO", "2021-03-15") in got
    assert "Gregory Ormerod" in _quotes(_HEADLINE)


def test_a_title_first_word_past_the_headline_does_not_open_a_release() -> None:
    text = (
        "Exhibit 99.1\nQuellport Opens a Plant\nDenver, CO, March 2, 2021 -- Quellport Systems today opened its "
        "new plant in Ohio. The plant will serve customers across the Midwest and is expected to add jobs as "
        "production ramps up over the coming year. "
        * 3
        + '"I am proud of our team," said Gregory Ormerod, President and CEO, who plans to retire to Ohio.\n'
    )
    assert _officers(text) == []


def test_a_retirement_put_off_is_no_change() -> None:
    text = (
        "Exhibit 99.1\nGarrow CEO Retirement Date Delayed\nAUSTIN, Texas, May 4, 2022 – Garrow Corp. announced "
        "today that its Chairman and CEO, Osric P. Lindqvist, has agreed to delay his retirement beyond June 30, "
        "2022.\n"
    )
    assert _officers(text) == []


def test_a_speaker_quoted_on_their_own_departure_is_not_the_name_before() -> None:
    got = _officers(
        "EXHIBIT 99\nHALDEN CORP. ANNOUNCES ELECTION OF WYNTON J. ASHBY AS CHAIRMAN OF THE BOARD\n"
        "OMAHA -- June 3, 2003 -- Halden Corp. today announced that Wynton J. Ashby, President and Chief "
        "Executive Officer, has been elected as Chairman of the Board.\n"
        '"With the addition of Wynton Ashby to our team, the time is right for me to step down," said the '
        "founder.\n"
    )
    assert [g[:2] for g in got] == [("Wynton J. Ashby", "elected")]


def test_a_position_handed_over_gives_both_sides_and_a_board_seat_joined_today() -> None:
    text = (
        "Exhibit 99.1\nKESTREL, INC. ANNOUNCES CEO SUCCESSION PLAN\nDAYTON, Ohio, April 12, 2019 – Kestrel, "
        "Inc. today announced that Bramwell T. Oakes, the company's CEO since 2008, will transition the "
        "position of CEO to Linnea Favreau in the first quarter of 2020.\n"
        "Favreau will join the Kestrel, Inc. board of directors, effective today.\n"
    )
    got = _officers(text)
    assert ("Bramwell T. Oakes", "departed", "CEO", None) in got
    assert ("Linnea Favreau", "appointed", "CEO", None) in got
    assert ("Linnea Favreau", "appointed", "director", "2019-04-12") in got
    _quotes(text)


def test_an_appointee_named_before_to_succeed_and_history_in_a_relative_clause() -> None:
    got = _officers(
        "Exhibit 99.1\nHAMILTON--(WIRE)--March 9, 2015--Corvane Holdings, Ltd. announced today that its "
        "Chairman, President and Chief Executive Officer, Thomas K. Wren, has resigned, effective immediately. "
        "The Company announced that Ines V. Halloran, a director, would be appointed to succeed Mr. Wren as "
        "Chairman of the Board, and that Aurelio M. Pask, Jr., who had served as a member of the Board of "
        "Directors until his resignation from the Board on December 31, 2014, is expected to succeed Mr. Wren "
        "as President and Chief Executive Officer of Corvane upon the finalization of his employment terms.\n"
    )
    assert ("Thomas K. Wren", "departed", "Chairman, President and Chief Executive Officer", "2015-03-09") in got
    assert ("Ines V. Halloran", "appointed", "Chairman of the Board", None) in got
    assert ("Aurelio M. Pask, Jr.", "appointed", "President and Chief Executive Officer", None) in got
    assert not [g for g in got if g[0] == "Aurelio M. Pask, Jr." and g[1] == "departed"]
    assert not [g for g in got if g[0] == "Thomas K. Wren" and g[1] == "appointed"]


def test_an_employment_agreement_terminated_and_a_name_wrapped_after_its_initial() -> None:
    text = (
        "Item 5.02. Departure of Directors or Certain Officers.\n"
        "On April 2, 2009, the Board of Directors of Pellmore Pharmaceutical Company (the “Company”) terminated "
        "the employment agreement of Dorian S.\nFairweather, the Chief Executive Officer of the Company, “for "
        "cause”.\n"
    )
    assert _officers(text) == [("Dorian S. Fairweather", "departed", "Chief Executive Officer", "2009-04-02")]
    _quotes(text)


def test_a_lower_case_title_in_apposition_is_the_departing_role() -> None:
    got = _officers(
        "FOR IMMEDIATE RELEASE\nVarnel Announces CFO Plans to Step Down\nTROY, Mich. — May 7, 2008 — Varnel "
        "Corporation today announced that Joseph Brandt, senior vice president, finance and chief financial "
        "officer, plans to resign from his position by the end of the current calendar year.\n"
    )
    assert got == [("Joseph Brandt", "departed", "senior vice president, finance and chief financial officer", None)]


def test_a_bare_release_dates_an_undated_naming_by_nothing() -> None:
    got = _officers(
        "Exhibit 99.1\nNEW YORK, May 2, 2017 – Orvell Brands, Inc. opened a store in Ohio. The company also said "
        "that Cosima Reyes has been named Chief Marketing Officer.\n"
    )
    assert got == [("Cosima Reyes", "appointed", "Chief Marketing Officer", None)]


def test_a_caption_is_no_cue_the_sentence_after_it_is() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nDeparture of Director\nOn July 9, 2014, Mr. "
        "Richard E. Halvorsen resigned from our Board of Directors. Mr. Halvorsen shall remain our Founder.\n"
    )
    assert got == [("Richard E. Halvorsen", "departed", "director", "2014-07-09")]


def test_joined_appointees_with_ages_each_take_the_title_after_them() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn September 6, 2016, the Board named Douglas "
        "T. Pruett, 47, and Thomas J. Okafor, 59, Interim Co-Chief Executive Officers.\n"
    )
    assert ("Douglas T. Pruett", "appointed", "Interim Co-Chief Executive Officer", "2016-09-06") in got
    assert ("Thomas J. Okafor", "appointed", "Interim Co-Chief Executive Officer", "2016-09-06") in got


def test_a_departing_title_told_two_sentences_later() -> None:
    got = _officers(
        "EXHIBIT 99.1\nWILMINGTON, DE, OCTOBER 6, 2003 -- Tarrow Incorporated today announced that Dr. William H. "
        "Brookfield has resigned from the Company and its Board of Directors. Dr. Brookfield informed the Board "
        "that he intends to accept another position. He has served as Chairman and Chief Executive Officer since "
        "mid-2001.\n"
    )
    assert [g[:3] for g in got] == [("William H. Brookfield", "departed", "Chairman and Chief Executive Officer")]


def test_a_departure_from_such_position_takes_the_appointees_title() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn June 21, 2023, the Company's Board of "
        "Directors appointed Benjamin M. Garrick, age 45, as Executive Vice President and Chief Financial "
        "Officer, effective immediately, to fill the position created by the departure of Jeffrey L. Osmond "
        "from such position, as disclosed below.\n"
    )
    roles = {(g[0], g[1]): g[2] for g in got}
    assert roles[("Jeffrey L. Osmond", "departed")] == "Executive Vice President and Chief Financial Officer"
    assert roles[("Benjamin M. Garrick", "appointed")] == "Executive Vice President and Chief Financial Officer"


def test_a_title_joined_after_the_board_chair_and_interim_titles_joined_keep_their_nouns() -> None:
    got = _officers(
        "FOR IMMEDIATE RELEASE\nCHICAGO, January 21, 2015 – Brackley Foods, Inc. announced today that the "
        "Board of Directors appointed Ellen R. Vasquez, a director of the Company, as Chairman of the Board and "
        "Chief Executive Officer.\n"
    )
    assert [g[:3] for g in got] == [
        ("Ellen R. Vasquez", "appointed", "Chairman of the Board and Chief Executive Officer")
    ]
    got = _officers(
        "Item 5.02. | Departure of Directors or Certain Officers |\nThomas G. Harbold, age 49, has been "
        "appointed, to be effective as of November 17, 2008, as interim Chief Financial Officer and interim "
        "Principal Accounting Officer of Keswick Research Corporation (“KRC”).\n"
    )
    assert got == [
        (
            "Thomas G. Harbold",
            "appointed",
            "interim Chief Financial Officer and interim Principal Accounting Officer",
            "2008-11-17",
        )
    ]


def test_the_one_succeeded_leaves_the_title_given_and_the_board_chair_is_one_title() -> None:
    got = _officers(
        "EXHIBIT 99\nHOUSTON -- September 27, 2000 -- Varden Group, Inc. today announced that Thomas J. Caldwell, "
        "President and Chief Executive Officer, has been elected as Chairman of the Board of Directors of the "
        "Company, succeeding Robert T. Ashworth, who will be retiring from the Board.\n"
    )
    roles = {(g[0], g[1]): g[2] for g in got}
    assert roles[("Thomas J. Caldwell", "elected")] == "Chairman of the Board"
    assert roles[("Robert T. Ashworth", "retired")] == "Chairman of the Board"


_LISTS = (
    "Item 5.02. | Departure of Directors or Certain Officers |\nDirector Resignations\nOn March 14, 2023, Peter "
    "Holloway, Susan Marchetti and Daniel Okonjo, each a member of the Company’s Board of Directors (the "
    "“Board”), notified the Company that he/she was resigning from the Board effective as of immediately prior "
    "to the closing of the financing.\nAppointment of New Directors\nOn March 14, 2023, the Board elected Mary "
    "Ellison, James Thornbury, Laura Pettigrew and Robert Castellan to the Board, effective as of the closing of "
    "the financing. The new directors will fill the vacancies created by the resignations of Mr. Holloway, Ms. "
    "Marchetti, Mr. Okonjo and Richard Vantongeren, who resigned from the Board in December 2022.\n"
)


def test_lists_of_people_each_leave_or_join_and_an_old_resignation_is_history() -> None:
    got = _officers(_LISTS)
    left = ["Peter Holloway", "Susan Marchetti", "Daniel Okonjo"]
    joined = ["Mary Ellison", "James Thornbury", "Laura Pettigrew", "Robert Castellan"]
    assert sorted(got) == sorted(
        [(p, "departed", "director", None) for p in left] + [(p, "elected", "director", None) for p in joined]
    )
    _quotes(_LISTS)


def _release(lead: str) -> list[tuple]:
    return _officers(f"Exhibit 99.1\nFOR IMMEDIATE RELEASE\nBOSTON, March 3, 2022 -- {lead}\n")


def test_release_wordings_of_promotion_leaving_and_succeeding_him() -> None:
    assert _release(
        "Tarvel Corp. today announced the promotion of Karen Whitfield to Executive Vice President, Global "
        "Operations. In her new role, Whitfield will oversee manufacturing."
    ) == [("Karen Whitfield", "appointed", "Executive Vice President, Global Operations", "2022-03-03")]
    got = _release(
        "Tarvel Corp. today announced that John Merritt has left the company. Karen Whitfield, Senior Vice "
        "President of Finance, has been appointed interim Chief Financial Officer."
    )
    assert ("John Merritt", "departed") in [g[:2] for g in got]
    assert ("Karen Whitfield", "appointed", "interim Chief Financial Officer", None) in got
    got = _release(
        "Tarvel Corp. announced today that Chief Executive Officer John Merritt will retire on June 30, 2022, and "
        "that the Board has selected Karen Whitfield, currently Chief Operating Officer, to succeed him."
    )
    assert ("John Merritt", "retired", "Chief Executive Officer", "2022-06-30") in got
    assert ("Karen Whitfield", "appointed", "Chief Executive Officer") in [g[:3] for g in got]


def test_a_non_executive_chairman_keeps_the_word() -> None:
    got = _release(
        "Tarvel Corp. today announced the retirement of John Merritt as Chairman of the Board. Karen Whitfield, "
        "the company's lead independent director, will become non-executive Chairman."
    )
    assert ("Karen Whitfield", "appointed", "non-executive Chairman", None) in got


def test_more_release_wordings_assume_serve_as_interim_and_a_retirement_without_title() -> None:
    assert _release(
        "Tarvel Corp. said Karen Whitfield will assume the role of Chief Executive Officer on April 1, 2022."
    ) == [("Karen Whitfield", "appointed", "Chief Executive Officer", "2022-04-01")]
    got = _release(
        "Tarvel Corp. announced that John Merritt has decided to step down as Chief Financial Officer to pursue "
        "other opportunities. Karen Whitfield will serve as interim Chief Financial Officer while the Board "
        "conducts a search."
    )
    assert ("Karen Whitfield", "appointed", "interim Chief Financial Officer", None) in got
    got = _release(
        "Tarvel Corp. announced today that John Merritt will retire from the company after 30 years of service, "
        "effective December 31, 2022."
    )
    assert [g[:2] + g[3:] for g in got] == [("John Merritt", "retired", "2022-12-31")]


def test_a_release_about_retiring_debt_opens_no_officer_reading() -> None:
    got = _release(
        "Tarvel Corp. today announced that it will retire $200 million of its 5.25% notes due 2024. Karen "
        "Whitfield, Chief Financial Officer, said the company will fund the redemption with cash on hand."
    )
    assert got == []


def test_would_not_seek_re_election_and_removed_as() -> None:
    item = "ITEM 5.02. DEPARTURE OF DIRECTORS OR PRINCIPAL OFFICERS.\n"
    assert _officers(
        item + "On March 3, 2022, John Merritt informed the Company that he would not seek re-election to the Board "
        "at the 2022 annual meeting.\n"
    ) == [("John Merritt", "departed", "director", None)]
    assert _officers(item + "On March 3, 2022, the Board removed John Merritt as Chief Executive Officer.\n") == [
        ("John Merritt", "departed", "Chief Executive Officer", "2022-03-03")
    ]


def test_a_dash_inside_a_title_keeps_its_parts() -> None:
    got = _officers(
        "Item 5.  Other Events.\n\nThe Registrant's Board of Directors has appointed Karen L. Whitfield to the newly "
        "created position of Executive Vice President - Operations.\n"
    )
    assert [g[:3] for g in got] == [("Karen L. Whitfield", "appointed", "Executive Vice President - Operations")]


def test_names_outside_the_given_name_lists_are_people_by_what_is_said_of_them() -> None:
    item = "Item 5.02 Departure of Directors or Certain Officers.\n"
    assert _officers(item + "On March 3, 2022, the Board appointed Xiaoming Zhao as Chief Financial Officer.\n") == [
        ("Xiaoming Zhao", "appointed", "Chief Financial Officer", "2022-03-03")
    ]
    assert _officers(
        item + "On March 3, 2022, Tavish Ormerod resigned as Chief Operating Officer of the Company.\n"
    ) == [("Tavish Ormerod", "departed", "Chief Operating Officer", "2022-03-03")]
    assert _officers(item + "On March 3, 2022, the Board elected Oluwaseun Adeyemi to the Board of Directors.\n") == [
        ("Oluwaseun Adeyemi", "elected", "director", "2022-03-03")
    ]
    got = _officers(
        item + "On March 3, 2022, Rajendra Venkataraman notified the Company of his decision to retire as Chief "
        "Technology Officer, effective June 30, 2022.\n"
    )
    assert got == [("Rajendra Venkataraman", "retired", "Chief Technology Officer", "2022-06-30")]


def test_an_agent_or_a_unit_appointed_is_still_no_person() -> None:
    item = "Item 5.02 Departure of Directors or Certain Officers.\n"
    got = _officers(
        item + "On March 3, 2022, the Company appointed Harborline Partners as administrative agent and named "
        "Southwest Division as the lead unit. The Board appointed Quillon Trust to the role of Trustee.\n"
    )
    assert got == []


def test_the_one_a_successor_will_succeed_leaves_the_title() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn March 3, 2022, the Company announced that Ms. "
        "Ngozi Okafor will succeed Mr. Anders Lindqvist as Chief Executive Officer on April 1, 2022.\n"
    )
    assert ("Anders Lindqvist", "departed", "Chief Executive Officer", None) in got  # the date is the successor's
    assert ("Ngozi Okafor", "appointed", "Chief Executive Officer", "2022-04-01") in got
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nMs. Ngozi Okafor succeeds Mr. Anders Lindqvist "
        "as Chief Executive Officer, a role he held until 2019.\n"
    )
    assert ("Anders Lindqvist", "departed") not in [g[:2] for g in got]


def test_sr_before_a_title_is_no_name_suffix_and_of_the_company_is_cut() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn March 3, 2022, John A. Merritt, Sr. Vice "
        "President and Chief Financial Officer of the Company, resigned.\n"
    )
    assert got == [("John A. Merritt", "departed", "Sr. Vice President and Chief Financial Officer", "2022-03-03")]


def test_a_retirement_effective_upon_a_meeting_has_no_date() -> None:
    got = _officers(
        "ITEM 5.02. Departures of Directors or Principal Officers.\nOn May 15, 2013, Daniel Ashcombe, a member of our "
        "Board of Directors, submitted a letter to the Board, notifying of his pending retirement from the Board "
        "of Directors, effective upon the completion of his current term in office and the calling to order of "
        "the 2013 Annual Meeting of Stockholders, scheduled to be held on July 26, 2013, with a record date of "
        "June 4, 2013.\n"
    )
    assert got == [("Daniel Ashcombe", "retired", "director", None)]


def test_a_transition_of_duties_from_the_officer_who_served() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn December 4, 2025, Tarvel Inc. announced that "
        "Jennifer Orlov will become Tarvel’s general counsel on March 1, 2026, following a transition of duties "
        "from Kate Brannigan, who has served as Tarvel’s general counsel since 2017.\n"
    )
    assert sorted(got) == [
        ("Jennifer Orlov", "appointed", "general counsel", "2026-03-01"),
        ("Kate Brannigan", "departed", "general counsel", "2026-03-01"),
    ]


def test_an_honour_and_a_former_officers_death_are_no_change() -> None:
    assert (
        _release(
            "Tarvel Corp. today announced that its Chief Executive Officer, John Merritt, has been named one of the "
            "Top 50 CEOs by Industry Weekly."
        )
        == []
    )
    assert (
        _release(
            "Tarvel Corp. announced that former Chief Executive Officer John Merritt, who retired in 2015, has passed "
            "away at 82."
        )
        == []
    )


def test_an_appointee_named_before_succeeding_and_a_title_stops_before_the_next_clause() -> None:
    item = "Item 5.02 Departure of Directors or Certain Officers.\n"
    got = _officers(
        item + "On March 3, 2022, John A. Merritt, the Company's Chief Executive Officer, was also appointed Chairman "
        "of the Board, succeeding Paul R. Andersen, who will remain a director.\n"
    )
    assert ("John A. Merritt", "appointed", "Chairman of the Board", "2022-03-03") in got
    assert ("Paul R. Andersen", "appointed") not in [g[:2] for g in got]
    got = _officers(
        item + "On March 3, 2022, the Board approved the appointment of Karen L. Whitfield as Chief Operating "
        "Officer, and John A. Merritt, currently Chief Operating Officer, will become Chief Strategy Officer.\n"
    )
    assert ("Karen L. Whitfield", "appointed", "Chief Operating Officer", "2022-03-03") in got
    assert ("John A. Merritt", "appointed", "Chief Strategy Officer", "2022-03-03") in got


def test_promoted_from_one_title_to_another_takes_the_new_one() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn March 3, 2022, the Board promoted Karen L. "
        "Whitfield from Senior Vice President to Executive Vice President and Chief Operating Officer.\n"
    )
    assert (
        "Karen L. Whitfield",
        "appointed",
        "Executive Vice President and Chief Operating Officer",
        "2022-03-03",
    ) in got


def test_a_present_title_in_apposition_before_to_succeed_as_is_not_the_new_one() -> None:
    got = _release(
        "Tarvel Corp. today announced that John Merritt will step down as Chief Executive Officer on June 30, 2022. "
        "The Board of Directors has appointed Karen Whitfield, currently President, to succeed Mr. Merritt as Chief "
        "Executive Officer, effective July 1, 2022."
    )
    assert ("Karen Whitfield", "appointed", "Chief Executive Officer", "2022-07-01") in got


def test_a_release_headline_is_not_read_as_its_leads_first_sentence() -> None:
    got = _officers(
        "EXHIBIT 99.1\nFor Immediate Release\nSeptember 6, 2016\nBrackley Announces Leadership Changes\n"
        "Douglas T. Pruett and Thomas J. Okafor Named Interim Co-Chief Executive Officers\n"
        "NEW YORK, September 6, 2016—Brackley Inc. announced today that its Board named Douglas T. Pruett, 47, and "
        "Thomas J. Okafor, 59, Interim Co-Chief Executive Officers.\n"
    )
    assert sorted(got) == [
        ("Douglas T. Pruett", "appointed", "Interim Co-Chief Executive Officer", "2016-09-06"),
        ("Thomas J. Okafor", "appointed", "Interim Co-Chief Executive Officer", "2016-09-06"),
    ]


def test_relieved_of_duties_and_a_title_said_after_the_departure_cue() -> None:
    assert _release(
        "Tarvel Corp. today announced that the Board of Directors has relieved John Merritt of his duties as "
        "Chief Operating Officer."
    ) == [("John Merritt", "departed", "Chief Operating Officer", "2022-03-03")]
    got = _release(
        "Tarvel Corp. today announced that John Merritt, Chairman and Chief Executive Officer, will retire as CEO "
        "effective December 31, 2022, but will remain Chairman. The Board has elected Karen Whitfield, President "
        "and Chief Operating Officer, to succeed him as CEO."
    )
    assert sorted(got) == [
        ("John Merritt", "retired", "CEO", "2022-12-31"),
        ("Karen Whitfield", "elected", "CEO", None),
    ]


def test_two_appointees_each_with_a_title_in_one_clause() -> None:
    got = _release(
        "Tarvel Corp. today announced that it has named Karen Whitfield Chief Financial Officer and Paul Andersen "
        "Chief Operating Officer, effective April 1, 2022."
    )
    assert sorted(got) == [
        ("Karen Whitfield", "appointed", "Chief Financial Officer", "2022-04-01"),
        ("Paul Andersen", "appointed", "Chief Operating Officer", "2022-04-01"),
    ]
    got = _release(
        "Tarvel Corp. today announced the appointments of Karen Whitfield as Chief Financial Officer and Paul "
        "Andersen as Chief Operating Officer."
    )
    assert sorted(g[:3] for g in got) == [
        ("Karen Whitfield", "appointed", "Chief Financial Officer"),
        ("Paul Andersen", "appointed", "Chief Operating Officer"),
    ]


def test_a_time_cut_from_its_date_by_the_sentence_splitter_still_dates_the_change() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn March 3, 2022, John Merritt notified the Company "
        "that he will resign as Chief Financial Officer effective at 5:00 p.m. Eastern Time on March 31, 2022.\n"
    )
    assert got == [("John Merritt", "departed", "Chief Financial Officer", "2022-03-31")]


def test_succeeding_in_that_capacity_takes_the_title_printed_before_the_one_succeeded() -> None:
    got = _officers(
        "Ex-99\nPress Release\nNORTHVALE, NJ, DECEMBER 12, 2008 -- Quarrow Optics, Inc. today marked the pending "
        "transition to a new Chief Executive Officer. The Board of Directors, following a search for a successor "
        "to current President and CEO Daniel Oberlin, has announced that Joseph J. Rutland will succeed Mr. "
        "Oberlin in that capacity on January 1, 2009.\n"
    )
    assert sorted(got) == [
        ("Daniel Oberlin", "departed", "CEO", None),
        ("Joseph J. Rutland", "appointed", "CEO", "2009-01-01"),
    ]


def test_two_subjects_joined_by_and_right_before_the_verb_both_leave() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors.\nOn June 26, 2023, Joseph C. Pellham and Mary Losano resigned from the "
        "Board of Directors (the “Board”) of the Company.\nOn June 27, 2023, following discussions between Jane "
        "Roe and John Doe, Roe resigned as Chief Executive Officer.\n"
    )
    assert sorted(got) == [
        ("Jane Roe", "departed", "Chief Executive Officer", "2023-06-27"),
        ("Joseph C. Pellham", "departed", "director", "2023-06-26"),
        ("Mary Losano", "departed", "director", "2023-06-26"),
    ]


def test_a_rank_before_a_name_is_evidence_and_no_part_of_it() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors.\n(a) On June 26, 2023, Captain Joseph Charles Pellham and Mary Losano "
        "resigned from the Board of Directors (the “Board”) of the Company.\n"
    )
    assert sorted(g[:2] for g in got) == [("Joseph Charles Pellham", "departed"), ("Mary Losano", "departed")]


def test_elected_after_the_annual_meeting_and_lower_case_titles_with_a_board_seat() -> None:
    got = _release(
        "Tarvel Corp. today announced that, following its Annual Meeting of Shareholders, the Board of Directors "
        "elected Richard A. Jameson, its President and Chief Executive Officer, to the additional position of "
        "Chairman of the Board, effective May 18, 2022."
    )
    assert got == [("Richard A. Jameson", "elected", "Chairman of the Board", "2022-05-18")]
    got = _release(
        "The board of directors of Tarvel Corp. announced today that Richard J. Pennock has been named president "
        "and chief executive officer and appointed to the board, effective October 1, 2022. Pennock, 56, succeeds "
        "Wayne M. Fortney, who has been appointed chairman of the board, also effective October 1, 2022."
    )
    assert ("Richard J. Pennock", "appointed", "president and chief executive officer", "2022-10-01") in got
    assert ("Richard J. Pennock", "appointed", "director", "2022-10-01") in got
    assert ("Wayne M. Fortney", "appointed", "chairman of the board", "2022-10-01") in got


def test_two_principal_officer_designations_joined_are_one_title() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nEffective as of March 1, 2022, the Board of "
        "Directors appointed Karen Whitfield as the Company's principal financial officer and principal accounting "
        "officer.\n"
    )
    assert got == [
        ("Karen Whitfield", "appointed", "principal financial officer and principal accounting officer", "2022-03-01")
    ]


def test_more_evidence_for_names_outside_the_lists_and_a_unit_after_a_title_is_none() -> None:
    assert _release(
        "Tarvel Corp. today announced the appointment of Xiaoming Zhao as Chief Financial Officer, effective April 1, "
        "2022."
    ) == [("Xiaoming Zhao", "appointed", "Chief Financial Officer", "2022-04-01")]
    assert _release(
        "Tarvel Corp. today announced that Xiaoming Zhao will join the company as Chief Financial Officer on April "
        "4, 2022."
    ) == [("Xiaoming Zhao", "appointed", "Chief Financial Officer", "2022-04-04")]
    got = _release(
        "Tarvel Corp. today announced that Oluwaseun Adeyemi, Senior Vice President of Finance, will succeed "
        "Xiaoming Zhao as Chief Financial Officer."
    )
    assert sorted(g[:3] for g in got) == [
        ("Oluwaseun Adeyemi", "appointed", "Chief Financial Officer"),
        ("Xiaoming Zhao", "departed", "Chief Financial Officer"),
    ]
    got = _release(
        "Tarvel Corp. today announced that Andrew R. Jameson, currently CEO Tarvel Cloud Services, will succeed Mr. "
        "Merritt as Chief Executive Officer."
    )
    assert all(g[0] != "Tarvel Cloud Services" for g in got)


def test_a_no_break_space_inside_a_name_in_a_plain_text_file() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn March 3, 2022, the Board appointed "
        "Karen\u00a0Whitfield as Chief\u00a0Financial Officer.\n"
    )
    assert [(g[0], g[1]) for g in got] == [("Karen Whitfield", "appointed")]
    _quotes(
        "Item 5.02 Departure.\nOn March 3, 2022, the Board appointed Karen\u00a0Whitfield as Chief Financial Officer.\n"
    )


def test_a_short_form_of_a_name_named_before_is_the_fuller_name() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nDaniel Oberlin has served as Chief Executive Officer "
        "since 2000. On March 3, 2022, Dan Oberlin resigned as Chief Executive Officer.\n"
    )
    assert [g[:2] for g in got] == [("Daniel Oberlin", "departed")]
    _quotes(
        "Item 5.02 Departure of Directors or Certain Officers.\nDaniel Oberlin has served as Chief Executive Officer "
        "since 2000. On March 3, 2022, Dan Oberlin resigned as Chief Executive Officer.\n"
    )


def test_he_will_be_appointed_to_the_board_is_the_one_named_before_and_a_seat_of_its_own() -> None:
    got = _officers(
        "Ex-99\nPress Release\nNORTHVALE, NJ, DECEMBER 12, 2008 -- Quarrow Optics, Inc. announced that Joseph J. "
        "Rutland has been named Chief Executive Officer, effective January 1, 2009. He will be appointed to the "
        "Board of Directors at its next meeting.\n"
    )
    assert ("Joseph J. Rutland", "appointed", "Chief Executive Officer", "2009-01-01") in got
    assert ("Joseph J. Rutland", "appointed", "director") in [g[:3] for g in got]


def test_a_list_of_three_titles_before_a_name_is_whole() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn March 3, 2022, Corvane Holdings, Ltd. announced "
        "that its Chairman, President and Chief Executive Officer, Thomas K. Wrenfield, has resigned from the Company."
    )
    assert [g[:3] for g in got] == [
        ("Thomas K. Wrenfield", "departed", "Chairman, President and Chief Executive Officer")
    ]


def test_an_additional_post_of_the_same_appointee_is_its_own_event() -> None:
    got = _officers(
        "Item 5.02 Departure of Directors or Certain Officers.\nOn December 10, 2008, the Board appointed Joseph J. "
        "Rutland as Chief Executive Officer. Mr. Rutland will as well assume the title of Chief Executive Officer of "
        "Quarrow Metal Optics, Inc. Mr. Rutland will serve as Chief Executive Officer from January 1, 2009.\n"
    )
    appointed = sorted(g[2] for g in got if g[:2] == ("Joseph J. Rutland", "appointed"))
    assert len(appointed) == 2 and appointed[0] == "Chief Executive Officer"
    assert appointed[1].startswith("Chief Executive Officer of Quarrow Metal Optics")
