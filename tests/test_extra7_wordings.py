"""Officer-change and acquisition wordings read from the A half of ``tests/data/events-extra7`` (issue 9):
each test copies the real sentence it was written from, with its source (the set's SOURCES.tsv row); and
wordings of news copies from a new-user test, with the company and people renamed."""

from __future__ import annotations

from eightk import parse_filing


def _officers(text: str) -> list[tuple]:
    events = parse_filing(text.encode(), name="bare.txt").to_dict()["events"]
    return [(e["person"], e["action"], e["role"], e["effective"]) for e in events if e["type"] == "officer_change"]


# SPACEHAB, Incorporated, 8-K of October 2006, Item 5.02 (events-extra7 015)
_EACH_NOTIFIED = (
    "Item 5.02. Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal "
    "Officers.\nOn October 23, 2006, Dr. Shelley A. Harrison and James R. Thompson each notified SPACEHAB, "
    "Incorporated (the “Company”) of his decision not to stand for re-election to the board of directors of "
    "the Company at the Company’s 2006 annual meeting of stockholders (the “Annual Meeting”). Both Dr. Harrison "
    "and Mr. Thompson will continue to serve as directors until the Annual Meeting.\n"
)


def test_two_subjects_that_each_give_notice_are_two_departures() -> None:
    got = _officers(_EACH_NOTIFIED)
    assert ("Shelley A. Harrison", "departed", "director", None) in got
    assert ("James R. Thompson", "departed", "director", None) in got
    assert len(got) == 2


# H.B. Fuller Company, 8-K of November 2006, Item 5.02 (events-extra7 014)
_TITLES_LISTED = (
    "Item\n5.02 Departure of Directors or Certain Officers; Election of Directors;\nAppointment of Certain "
    "Officers; Compensatory Arrangements of Certain\nOfficers.\nOn\nNovember 3, 2006, Albert P. Stroucken "
    "notified the Board of Directors of H.B.\nFuller Company (the “Company”) that he would resign as Chairman "
    "of the Board,\nPresident, Chief Executive Officer and a director of the Company effective\nDecember 1, 2006.\n"
)


def test_titles_listed_after_a_chair_of_the_board_stay_in_the_role() -> None:
    got = _officers(_TITLES_LISTED)
    role = "Chairman of the Board, President, Chief Executive Officer"
    assert ("Albert P. Stroucken", "departed", role, "2006-12-01") in got


# Analogic Corporation, 8-K of November 2006, Item 5.02 (events-extra7 013)
_ALSO_RESIGNED = (
    "Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
    "Officers; Compensatory Arrangements of Certain Officers.\nOn November 8, 2006, Analogic Corporation "
    '("Analogic") received notice from John W. Wood Jr. that he would be retiring as Analogic’s Chief Executive '
    "Officer and as an Analogic Director effective December 31, 2006. Mr. Wood also resigned as President "
    "effective immediately.\n"
)


def test_another_office_also_left_by_a_man_named_with_jr_is_a_second_change() -> None:
    got = _officers(_ALSO_RESIGNED)
    assert ("John W. Wood Jr", "retired", "Chief Executive Officer", "2006-12-31") in got
    assert [g[:3] for g in got if g[1] == "departed"] == [("John W. Wood Jr", "departed", "President")]


def _acquisitions(text: str) -> list[tuple]:
    events = parse_filing(text.encode(), name="bare.txt").to_dict()["events"]
    keys = ("buyer", "target", "consideration", "status", "completed")
    return [tuple(e[k] for k in keys) for e in events if e["type"] == "acquisition"]


# SPS Commerce, Inc., 8-K of December 2024, Item 3.02 (events-extra7 031)
_UNDER_ITEM_3_02 = (
    "Item 3.02 | Unregistered Sales of Equity Securities. |\nOn December 30, 2024, SPS Commerce, Inc. (the "
    "“Company”) entered into an Agreement and Plan of Merger (the “Purchase Agreement”) pursuant to which, and "
    "subject to the terms and conditions thereof, the Company will acquire Carbon6 Technologies, Inc., a Delaware "
    "corporation (“Carbon6”), through a combination of cash and share consideration (the “Acquisition”) totaling "
    "approximately $210 million, subject to customary purchase price adjustments at closing (the “Purchase "
    "Price”). The closing of the Acquisition remains subject to the satisfaction of certain customary closing "
    "conditions and covenants in the Purchase Agreement, including the receipt of any necessary regulatory "
    "approvals.\n"
)


def test_an_acquisition_told_under_another_item_of_a_bare_text_is_read() -> None:
    price = {"amount": 210000000, "currency": "USD", "qualifier": None, "equivalent": None}
    assert _acquisitions(_UNDER_ITEM_3_02) == [
        ("SPS Commerce, Inc.", "Carbon6 Technologies, Inc.", price, "agreed", None)
    ]


# Bancorp Connecticut, Inc., EX-99.1 of August 2002 (events-extra7 024)
_RELEASE_NAMING_AN_AGREEMENT = (
    "Exhibit 99.1\nBancorpConnecticut, Inc.\n|\nFOR IMMEDIATE RELEASE\n|\nSHAREHOLDERS APPROVE MERGER\n|\n"
    "Southington, CT\n|\nAugust 15, 2002\n|\n(NASDAQ: BKCT)\nBancorp Connecticut, Inc. announced the approval "
    "and adoption by its shareholders of the Agreement and Plan of Merger, dated as of April 10, 2002, between "
    "Banknorth Group, Inc. and Bancorp Connecticut, Inc. at its 2002 Annual Meeting of Shareholders held on "
    "Thursday, August 15, 2002. As previously announced on April 11, 2002, Bancorp Connecticut, Inc. signed a "
    "definitive agreement to be acquired by Banknorth Group, Inc., based in Portland, Maine, for $28.00 in cash "
    "per share. All regulatory approvals for the merger have been received. The transaction is expected to "
    "close on August 31, 2002.\n"
)


def test_a_release_that_names_an_agreement_between_two_companies_is_a_release() -> None:
    filing = parse_filing(_RELEASE_NAMING_AN_AGREEMENT.encode(), name="bare.txt")
    assert filing.document_kind == "press_release"
    assert _acquisitions(_RELEASE_NAMING_AN_AGREEMENT) == [
        ("Banknorth Group, Inc.", "Bancorp Connecticut, Inc.", None, "agreed", None)
    ]


# MICROS Systems, Inc., EX-99.1 of November 2009 (events-extra7 026)
_OWNER_ENDING_IN_S = (
    "Exhibit\n99.1\nMICROS\nSystems, Inc. Announces the Retirement of Chief Financial Officer\nGary\nC. Kaufman "
    "Effective March 31, 2010\nColumbia, MD—November 23,\n2009—MICROS Systems, Inc. (NASDAQ:MCRS), a leading "
    "provider of information\ntechnology solutions for the hospitality and retail industries, today announced\n"
    "that Gary C. Kaufman will be retiring on March 31, 2010, after serving almost 16\nyears as MICROS’ Chief "
    "Financial Officer.\n"
)


def test_a_possessive_owner_ending_in_s_is_no_part_of_the_title() -> None:
    assert ("Gary C. Kaufman", "retired", "Chief Financial Officer", "2010-03-31") in _officers(_OWNER_ENDING_IN_S)


# MICROS Systems, Inc., EX-99.1 of November 2009 (events-extra7 026), the paragraph after the retirement
_INVERTED_SUCCESSION = _OWNER_ENDING_IN_S + (
    "Succeeding\nMr. Kaufman as Chief Financial Officer on March 31, 2010, will be Cynthia A.\nRusso, who "
    "currently serves as Senior Vice President and Corporate\nController. Ms. Russo, who has held various "
    "positions in the MICROS\nfinance department since 1996, will work closely with Mr. Kaufman over the next\n"
    "four months to assure a smooth and orderly transition.\n"
)


def test_succeeding_x_as_a_title_will_be_y_appoints_y() -> None:
    got = _officers(_INVERTED_SUCCESSION)
    assert ("Cynthia A. Russo", "appointed", "Chief Financial Officer", "2010-03-31") in got
    assert len(got) == 2


# Westmoreland Coal Company, EX-99.1 of November 2015 (events-extra7 004)
_MOVES = (
    "Exhibit 99.1\nWESTMORELAND COAL COMPANY\nNEWS RELEASE\nWestmoreland Announces Acceleration of "
    "Previously-Announced\nExecutive Management Transition\nEnglewood, CO – November 12, 2015 – Westmoreland Coal "
    "Company (NasdaqGM:WLB) today announced that Kevin A. Paprzycki will move to Chief Executive Officer and "
    "become a member of the Board of Directors effective December 1, 2015, one month earlier than previously "
    "announced. Concurrently, Keith E. Alessi, Chief Executive Officer, will transition from his position as "
    "CEO and a member of the Board of Directors to the strategic role of CEO-Emeritus.\n"
)


def test_will_move_to_a_title_and_will_transition_from_his_position_are_changes() -> None:
    got = _officers(_MOVES)
    assert ("Kevin A. Paprzycki", "appointed", "Chief Executive Officer", "2015-12-01") in got
    assert ("Kevin A. Paprzycki", "appointed", "director", "2015-12-01") in got
    assert ("Keith E. Alessi", "departed", "CEO", None) in got


# Cytyc Corporation, EX-99.1 of October 2003 (events-extra7 002)
_LOWER_CASE_FIELD = (
    "Exhibit 99.1\nFOR IMMEDIATE RELEASE\nCYTYC NAMES JOHN McDONOUGH VICE PRESIDENT OF CORPORATE DEVELOPMENT; "
    "ROBERT BOWEN RESIGNS AS CHIEF FINANCIAL OFFICER\nBoxborough, MA, October 27, 2003 — Cytyc Corporation "
    "(Nasdaq:CYTC) announced today that John McDonough has been named vice president of corporate development. "
    "Mr. McDonough, who is also a certified public accountant, brings to Cytyc more than 20 years of strong "
    "strategic leadership with extensive experience in finance, operations, and business development.\n"
)


def test_a_lower_case_vice_president_keeps_its_field() -> None:
    got = [g[:3] for g in _officers(_LOWER_CASE_FIELD)]
    assert ("John McDonough", "appointed", "vice president of corporate development") in got


# Micron Technology, Inc., a Reuters story of February 2012 copied on a blog (events-extra7 035)
_ANNOUNCED_EARLIER = (
    "Micron appoints Durcan CEO after Appleton's death (Reuters)\nSAN FRANCISCO (Reuters) ? Memory chipmaker "
    "Micron Technology's board appointed company veteran Mark Durcan as chief executive a day after longtime "
    "Chairman and CEO Steve Appleton was killed in a plane crash.\nThe quick appointment of Durcan, 51, as "
    "permanent CEO came just a week after the company announced he would retire in August.\n"
)


def test_a_retirement_the_company_announced_before_is_no_change() -> None:
    got = _officers(_ANNOUNCED_EARLIER)
    assert ("Mark Durcan", "appointed") in [g[:2] for g in got]
    assert [g for g in got if g[1] == "retired"] == []


# Tuesday Morning Corporation, EX-99.1 of September 2015 (events-extra7 003)
_UNTIL_A_NEW_CEO = (
    "Exhibit 99.1\nMICHAEL ROULEAU RETIRES AS CEO OF TUESDAY MORNING CORPORATION\nDallas, TX, September 29, "
    "2015 — Tuesday Morning Corporation (NASDAQ:TUES), a leading off-price retailer, today announced that "
    "Michael Rouleau is retiring as Chief Executive Officer and a member of the Company’s Board of Directors, "
    "effective immediately.\nTuesday Morning has created a new Office of the Chairman, led by current Board "
    "Chairman Steven R. Becker, to support oversight of the Company’s strategic initiatives until a new CEO is "
    "appointed, as well as added a new lead independent director role which will be held by current Board "
    "member Terry Burman.\n"
)


def test_until_a_new_ceo_is_appointed_appoints_nobody() -> None:
    got = _officers(_UNTIL_A_NEW_CEO)
    assert ("Michael Rouleau", "retired", "Chief Executive Officer", "2015-09-29") in got
    assert [g for g in got if g[0] == "Steven R. Becker"] == []


# Photronics, Inc., EX-99.1 of July 2008 (events-extra7 027)
_QUOTED_NICKNAME = (
    "PHOTRONICS ANNOUNCES RESIGNATION OF CEO, MICHAEL\nJ.\nLUTTATI\nBROOKFIELD, Connecticut, July 21, 2008 -- "
    "Photronics, Inc. (Nasdaq:PLAB), a worldwide leader in supplying innovative imaging technology solutions "
    "for the global electronics industry, announced today that Michael J. Luttati will step down as Chief "
    "Executive Officer of the Company and as a member of the Board of Directors effective immediately. Chairman "
    'of the Photronics Board of Directors, Constantine ("Deno") Macricostas will assume the role of interim CEO.\n'
    "“We want to thank Mike for his valuable contributions to the Company over the years,” said Mr. Macricostas.\n"
)


def test_a_nickname_in_quotes_within_parentheses_is_part_of_the_name() -> None:
    got = _officers(_QUOTED_NICKNAME)
    assert ('Constantine ("Deno") Macricostas', "appointed", "interim CEO", None) in got


# American Power Conversion Corporation, EX-99.1 of August 2006 (events-extra7 019)
_LOWER_CASE_AFTER_THE_NAME = (
    "Exhibit 99.1\nFor Immediate Release\nWEST\nKINGSTON, R.I. -- August 15, 2006\n--\nThe\nboard\nof directors "
    "of American Power Conversion (Nasdaq: APCC) (APC) announced today the retirement of Rodger B. Dowdell,\n"
    "Jr.\nas president and chief executive officer. Effective immediately, the board\nhas\nnamed Rob Johnson, "
    "APC vice president, as president and CEO on an interim basis.\n"
)


def test_a_lower_case_title_after_the_appointee_and_an_apposition_is_the_role() -> None:
    got = [g[:3] for g in _officers(_LOWER_CASE_AFTER_THE_NAME)]
    assert ("Rob Johnson", "appointed", "president and CEO") in got
    durcan = [g[:3] for g in _officers(_ANNOUNCED_EARLIER) if g[1] == "appointed"]
    assert durcan == [("Mark Durcan", "appointed", "chief executive")]


# Hewlett-Packard Company, a news report of January 2011 copied on a blog (events-extra7 030)
_RETIRING_MEMBERS = (
    "Just a few months removed from the Mark Hurd scandal, Hewlett-Packard's board of directors is getting a "
    "makeover.\nHP said today that it is replacing four board members and adding an additional seat. Out are "
    "Joel Hyatt, John Joyce, Robert Ryan, and Lucille Salhany.\nIn are newcomers Shumeet Banerji, CEO of Booz & "
    "Company; Gary Reiner, former CIO at GE; Patricia Russo, former CEO of Alcatel-Lucent; Dominique Senequier, "
    "CEO of AXA Private Equity; and Meg Whitman, former president and CEO of eBay and recent California "
    "gubernatorial candidate. That brings the HP board seat count to 13, up from 12.\n"
    '"The addition of these new directors will further diversify the outstanding talents and wide-ranging '
    "experience that our directors already bring to HP,\" Ray Lane, HP's non-executive chairman of the board of "
    'directors, said in a statement.\nLane also thanked the four retiring members, noting that they "worked '
    'tirelessly and effectively to navigate HP through a difficult leadership change in the last six months."\n'
)


def test_the_retiring_members_thanked_are_not_the_one_who_thanks_them() -> None:
    assert [g for g in _officers(_RETIRING_MEMBERS) if g[0] == "Ray Lane"] == []


def test_the_promotions_of_two_people_to_two_titles_are_two_appointments() -> None:
    text = _MOVES + (
        "The previously announced promotions of John Schadan to President and Chief Operating Officer and "
        "Jason Veenstra to Chief Financial Officer and Treasurer will accelerate to December 1, as well.\n"
    )  # the next paragraph of the Westmoreland 2015 release
    got = _officers(text)
    assert ("John Schadan", "appointed", "President and Chief Operating Officer", "2015-12-01") in got
    assert ("Jason Veenstra", "appointed", "Chief Financial Officer and Treasurer", "2015-12-01") in got


def test_effective_immediately_in_an_item_takes_the_date_the_paragraph_opens_with() -> None:
    got = _officers(_ALSO_RESIGNED)  # Analogic 2006: "On November 8, 2006, … Mr. Wood also resigned as President …"
    assert ("John W. Wood Jr", "departed", "President", "2006-11-08") in got


# Tri-State Generation and Transmission Association, Inc., EX-99.1 of February 2019 (events-extra7 006)
_SELECTED_AND_BULLET = (
    "Exhibit 99.1\nFor immediate release\nTri-State announces Duane Highley as next Chief Executive Officer\n"
    "• Mike McInnes announces retirement as CEO after long cooperative career\n• Leadership transition at "
    "cooperative power supplier takes effect April 5, 2019\n(February 12, 2019 – Westminster, Colo.) The "
    "Tri‑State Generation and Transmission Association Board of Directors has selected Duane Highley as the "
    "cooperative wholesale power supplier’s next chief executive officer. Highley, who currently serves as "
    "president and chief executive officer for Arkansas Electric Cooperative Corp., and Arkansas Electric "
    "Cooperative Inc., will succeed Mike McInnes on April 5, 2019.\n"
)


def test_selected_as_next_officer_and_a_succession_whose_bullet_tells_a_retirement() -> None:
    got = _officers(_SELECTED_AND_BULLET)
    assert ("Duane Highley", "appointed", "chief executive officer") in [g[:3] for g in got]
    assert ("Mike McInnes", "retired", "CEO", "2019-04-05") in got
    filing = parse_filing(_SELECTED_AND_BULLET.encode(), name="bare.txt")
    retired = next(e for e in filing.events if getattr(e, "action", None) == "retired")
    assert next(v.span.quote for v in retired.values if v.field == "action") == "retirement"


def test_named_x_the_new_chairman_of_the_board_is_that_role() -> None:
    text = _ANNOUNCED_EARLIER + (
        "Micron's board of directors also named director Robert Switz the new chairman of the board. Switz was "
        "formerly CEO of ADC Telecommunications.\n"
    )  # the Micron 2012 Reuters copy, further on
    assert ("Robert Switz", "appointed", "chairman of the board", None) in _officers(text)


def test_transition_from_a_position_to_the_role_of_is_a_move() -> None:
    got = _officers(_MOVES)  # Westmoreland 2015: "will transition from his position as CEO … to the … role of"
    assert ("Keith E. Alessi", "appointed", "CEO-Emeritus", None) in got
    assert ("Keith E. Alessi", "departed", "CEO", None) in got


# American Power Conversion Corporation, EX-99.1 of August 2006 (events-extra7 019), its headline
_HEADLINE_OF_TWO = (
    "EXHIBIT\n99.1\nFor\nImmediate Release\nAmerican\nPower Conversion Announces Retirement of President and "
    "Chief\nExecutive\nOfficer Rodger B. Dowdell, Jr.\nRob\nJohnson, APC Vice President, Named Interim President "
    "and CEO;\nBoard\nto Commence Search for New President and CEO\n"
) + _LOWER_CASE_AFTER_THE_NAME[len("Exhibit 99.1\nFor Immediate Release\n") :]


def test_a_headline_verb_after_another_name_and_its_apposition_is_not_the_one_before() -> None:
    got = _officers(_HEADLINE_OF_TWO)
    assert [g[:2] for g in got if g[0] == "Rodger B. Dowdell, Jr."] == [("Rodger B. Dowdell, Jr.", "retired")]
    assert ("Rob Johnson", "appointed") in [g[:2] for g in got]


def test_a_sentence_opening_effective_immediately_dates_its_change_on_the_release_day() -> None:
    got = _officers(_HEADLINE_OF_TWO)  # APC 2006: "Effective immediately, the board has named Rob Johnson, …"
    assert ("Rob Johnson", "appointed", "president and CEO", "2006-08-15") in got


def test_a_passive_appointment_names_its_subject_not_those_along_with_it() -> None:
    # a news copy of a 2025 announcement (a new-user test; names invented): the two named "along with" the
    # appointee were reported as appointed, and the appointee was missed
    text = (
        "Corvane Limited announced interim leadership changes.\n"
        "Jane Halloway has been appointed Deputy Chair and, along with Chair Robert Fyson and Gary Smithers, will "
        "provide increased support to the interim CEO during this period.\n"
    )
    assert [(p, a, r) for p, a, r, _ in _officers(text)] == [("Jane Halloway", "appointed", "Deputy Chair")]


def test_a_lower_case_title_before_a_name_is_its_role() -> None:
    # news copies of 2020 and 2005 announcements (a new-user test; names invented): "said chief executive X
    # had decided to retire" and "current chairman X will retire" gave no role
    text = (
        "Defence contractor Corvane International said chief executive Archie Halloway had decided to retire "
        "after 16 years at the helm.\n"
    )
    assert [(p, a, r) for p, a, r, _ in _officers(text)] == [("Archie Halloway", "retired", "chief executive")]


def test_a_surname_with_its_particle_joined_is_a_name() -> None:
    # a news copy of a 2023 announcement (a new-user test; names invented): "Francis deSouza" was no name, so
    # the resignation was missed
    text = (
        "Gene sequencing test maker Corvane Inc. said Sunday that its board has accepted the resignation of its CEO "
        "and director, Francis deHalloway, effective immediately.\n"
    )
    assert [(p, a) for p, a, _, _ in _officers(text)] == [("Francis deHalloway", "departed")]


def test_the_one_replaced_leaves_the_title() -> None:
    # a news copy of a 2021 announcement (a new-user test; names invented): "replacing X" told X's departure,
    # which was missed ("succeeding X" was read)
    text = (
        "Corvane Medical Products Inc. on Thursday announced its board of directors has named Scott Halloway as "
        "its new acting chief executive, replacing Matthew Fyson.\n"
    )
    assert [(p, a) for p, a, _, _ in _officers(text)] == [
        ("Scott Halloway", "appointed"),
        ("Matthew Fyson", "departed"),
    ]


def test_one_who_will_serve_as_temporary_officer_is_named_before_the_cue() -> None:
    # a news copy of a 2010 release (a new-user test; names invented): "X will serve as temporary CFO when Y
    # leaves" was missed ("temporary" was no interim word), and the one named after the cue is not its subject
    text = (
        "Corvane's Executive Vice President, Chief Financial Officer, John Halloway has announced that he will be "
        "leaving the company. Corvane says via press release that their current Senior VP, Corporate Controller and "
        "Chief Accounting Officer Michael Fyson will serve as temporary CFO when Halloway leaves, effective August "
        "20, 2010.\n"
    )
    got = [(p, a) for p, a, _, _ in _officers(text)]
    assert ("Michael Fyson", "appointed") in got and ("John Halloway", "appointed") not in got


def test_a_release_telling_an_officers_intention_to_retire_is_read() -> None:
    # a news copy of a 2023 announcement (a new-user test; names invented): "X has informed the Board of his
    # intention to retire" opened no reading of the release
    text = (
        "Corvane Group (LON:CRV) have stated that after six years as Chief Financial Officer and a director of the "
        "Company, Andrew Halloway has informed the Board of his intention to retire. Andrew's notice period is 12 "
        "months; he will continue in role to ensure a smooth transition.\n"
    )
    assert [(p, a) for p, a, _, _ in _officers(text)] == [("Andrew Halloway", "retired")]
