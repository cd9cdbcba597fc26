"""Officer changes told in more ways, on made-up 5.02 texts with invented names: "will succeed X as",
a title printed before the name, a role handed over, a lower-case title, a post left in apposition, a
pronoun subject, and dates that are no calendar date (an event, or an announcement of a change to come)."""

from __future__ import annotations

import datetime as dt

from tests.test_officers import _changes


def test_will_succeed_as_names_the_successor_and_the_title() -> None:
    got = _changes(
        "On June 2, 2025, Orrin Vale, 52, currently Head of Cloud Services, will succeed Mr. Quist as the Company’s "
        "Chief Executive Officer on July 1, 2025. Mr. Quist announced his retirement last year."
    )
    assert ("Orrin Vale", "appointed", "Chief Executive Officer", dt.date(2025, 7, 1)) in got


def test_title_before_the_name_and_a_role_handed_over() -> None:
    got = _changes(
        "On May 5, 2025, the Company announced that Chief Operating Officer Tobias Wrenfield will transition his "
        "role as Chief Operating Officer on June 30, 2025 to Marisol Ekdahl, the Company’s Senior Vice President "
        "of Operations. Mr. Wrenfield will continue as an advisor."
    )
    assert ("Tobias Wrenfield", "departed", "Chief Operating Officer", dt.date(2025, 6, 30)) in got
    assert ("Marisol Ekdahl", "appointed", "Chief Operating Officer", dt.date(2025, 6, 30)) in got


def test_transition_from_his_role_takes_the_title_printed_before_the_name() -> None:
    got = _changes(
        "On August 4, 2025, the Company announced that Chief Financial Officer Lucan Brevik will transition from "
        "his role on January 1, 2026. Mr. Brevik will continue to lead corporate services."
    )
    assert got[0] == ("Lucan Brevik", "departed", "Chief Financial Officer", dt.date(2026, 1, 1))


def test_lower_case_title_and_pronoun_subject() -> None:
    got = _changes(
        "Effective July 1, 2025, Jean-Paul Marchetti will begin a new role within the Company as Executive Vice "
        "President, Partnerships. As of June 30, 2025, he will no longer be an executive officer. "
        "Ms. Delphine Oakes will become the Company’s general counsel on March 1, 2026."
    )
    assert ("Jean-Paul Marchetti", "appointed", "Executive Vice President, Partnerships", dt.date(2025, 7, 1)) in got
    assert ("Jean-Paul Marchetti", "departed", "executive officer", dt.date(2025, 6, 30)) in got
    assert ("Delphine Oakes", "appointed", "general counsel", dt.date(2026, 3, 1)) in got


def test_post_left_in_apposition_is_a_departure_only_at_the_registrant() -> None:
    got = _changes(
        "On January 9, 2025, the Board appointed Soren Halvard, previously the Company’s Chief Operating Officer, "
        "to the new role of Chief Technology Officer. The Board also appointed Mr. Idris Cale, previously Beta "
        "Widget Corp’s Chief Financial Officer, as Chief Financial Officer."
    )
    assert ("Soren Halvard", "departed", "Chief Operating Officer", dt.date(2025, 1, 9)) in got
    assert ("Soren Halvard", "appointed", "Chief Technology Officer", dt.date(2025, 1, 9)) in got
    assert not any(p == "Idris Cale" and a == "departed" for p, a, _r, _d in got)


def test_a_date_that_only_announces_a_change_to_come_is_not_its_effective_date() -> None:
    got = _changes(
        "On August 21, 2025, the Company announced that Halvor P. Quist, Chief Consumer Officer, plans to retire "
        "from the Company in the first quarter of 2026. The Board appointed Mr. Wendell Arkwright as Chief "
        "Accounting Officer, effective upon the filing of the Company’s annual report."
    )
    assert ("Halvor P. Quist", "retired", "Chief Consumer Officer", None) in got
    assert ("Wendell Arkwright", "appointed", "Chief Accounting Officer", None) in got


def test_background_posts_and_biographies_are_no_changes() -> None:
    got = _changes(
        "On March 3, 2025, the Board appointed Mr. Orrin Vale as Chief Financial Officer, effective immediately. "
        "Mr. Vale joined the Company in 2009 and was named to his current position in 2019. Before retiring in "
        "2008 from Beta Widget Corp, he was its treasurer."
    )
    assert got == [("Orrin Vale", "appointed", "Chief Financial Officer", dt.date(2025, 3, 3))]


def test_board_seats_and_joined_plural_titles() -> None:
    got = _changes(
        "On May 20, 2025, the Board appointed Ms. Delphine Oakes as a Class I director, effective immediately. "
        "On May 21, 2025, Soren Halvard resigned as a member of the Board of Directors of the Company and as Chair "
        "of the Audit Committee, effective immediately. Mr. Halvard had no disagreement with the Company."
    )
    assert ("Delphine Oakes", "appointed", "director", dt.date(2025, 5, 20)) in got
    assert ("Soren Halvard", "departed", "director", dt.date(2025, 5, 21)) in got
    got = _changes(
        "On May 20, 2025, the Company announced that Tobias Wrenfield, 61, and Halvard Quist, 56, Co-Chief "
        "Executive Officers of the Commercial Bank, have been elected Co-Presidents and Co-Chief Operating Officers "
        "of the Company, effective immediately."
    )
    assert {r for _p, _a, r, _d in got} == {"Co-President and Co-Chief Operating Officer"}


def test_title_before_the_name_set_off_by_commas() -> None:
    got = _changes(
        "The Company announced that its Chief Financial Officer, Kwame Osei, will step down from that role "
        "effective May 1, 2025. Mr. Osei will remain with the Company as a senior advisor."
    )
    assert got == [("Kwame Osei", "departed", "Chief Financial Officer", dt.date(2025, 5, 1))]


def test_an_apposition_title_before_effective() -> None:
    got = _changes(
        "On January 10, 2025, the Company announced the departure of Rafael Ortiz, Senior Vice President, Sales, "
        "effective January 31, 2025. Mr. Ortiz's departure is not the result of any disagreement."
    )
    assert got == [("Rafael Ortiz", "departed", "Senior Vice President, Sales", dt.date(2025, 1, 31))]


def test_a_titled_subject_is_a_person_and_effective_immediately_keeps_the_date() -> None:
    got = _changes(
        "On October 17, 2025, the Company announced that Vikrant Desmukh, Senior Vice President, Search and Maps, "
        "will be transitioning to the newly created role of Chief Scientist, effective immediately."
    )
    assert ("Vikrant Desmukh", "appointed", "Chief Scientist", dt.date(2025, 10, 17)) in got
    assert ("Vikrant Desmukh", "departed", "Senior Vice President, Search and Maps", dt.date(2025, 10, 17)) in got
    # a region or a business unit in the same place is no person: no verb after a title in apposition
    assert _changes("On May 1, 2025, Southwest Division, Retail Services, will be merged into the West region.") == []


def test_names_with_accents_particles_and_a_leading_initial() -> None:
    got = _changes(
        "On July 28, 2025, the Board appointed José Núñez as Chief Financial Officer and Frans van Houten as Chief "
        "Operating Officer, effective August 1, 2025. Mr. Núñez and Mr. van Houten joined in 2001. On the same "
        "date, the Board appointed J. Marcus Whitby as General Counsel."
    )
    assert [p for p, _a, _r, _d in got] == ["José Núñez", "Frans van Houten", "J. Marcus Whitby"]


def test_whole_titles_and_a_date_after_effective_upon() -> None:
    got = _changes(
        "On December 11, 2025, the Company announced the appointment on November 20, 2025, of Jane A. Roe, 47, "
        "to the role of Senior Vice President and Controller (Principal Accounting Officer) of the Company, "
        "effective upon the previously announced retirement of Mary T. Doe, the Company’s current Controller, "
        "on May 3, 2026. The Board has named Orrin P. Vale as Chairman of the Board, effective January 2, 2026."
    )
    assert (
        "Jane A. Roe",
        "appointed",
        "Senior Vice President and Controller (Principal Accounting Officer)",
        dt.date(2026, 5, 3),
    ) in got
    assert ("Orrin P. Vale", "appointed", "Chairman of the Board", dt.date(2026, 1, 2)) in got
    got = _changes(
        "On October 18, 2025, Mark Q. Fenwick, Chairman and director on the Board of Directors (the “Board”) of "
        "the Company, informed the Company of his decision to resign from the Board, effective as of January 2, "
        "2026."
    )
    assert got == [("Mark Q. Fenwick", "departed", "Chairman and director", dt.date(2026, 1, 2))]


def test_a_speakers_departure_a_bare_surname_a_nickname_and_group_nouns() -> None:
    got = _changes(
        "On May 1, 2025, the Board named Orrin P. Vale as Chairman of the Board. “Orrin P. Vale has agreed to "
        "assume the role of Chairman upon my departure,” said Mark Q. Fenwick. The committee includes directors "
        "Mary T. Barra and Calvin R. Hobbs, as well as Fenwick until his departure."
    )
    assert ("Orrin P. Vale", "appointed") in [(p, a) for p, a, _r, _d in got]
    # "his departure" is Fenwick's (named by his surname), never the director named before him
    assert {p for p, _a, _r, _d in got} <= {"Orrin P. Vale", "Mark Q. Fenwick"}
    got = _changes("On May 2, 2025, Mr. Shiu Leung (Fred) Ma was appointed as a Class III director by the Board.")
    assert got == [("Shiu Leung (Fred) Ma", "appointed", "director", dt.date(2025, 5, 2))]
    got = _changes("On May 2, 2025, the Board appointed Mr. Orrin P. Vale as one of the Executive Officers.")
    assert all(r != "Executive Officers" for _p, _a, r, _d in got)


def test_a_move_whose_old_post_is_named_by_the_successor() -> None:
    got = _changes(
        "On February 2, 2025, the Company announced that Orrin P. Vale plans to transition to the role of "
        "Executive Chair in the third quarter of 2025. Jane A. Roe, currently head of Cloud, will succeed "
        "Mr. Vale as Chief Executive Officer in the third quarter of 2025."
    )
    assert ("Orrin P. Vale", "appointed", "Executive Chair", None) in got
    assert ("Orrin P. Vale", "departed", "Chief Executive Officer", None) in got
    assert ("Jane A. Roe", "appointed", "Chief Executive Officer", None) in got


def test_joining_the_company_as_and_an_interim_title() -> None:
    got = _changes(
        "Ms. Ingrid Solberg will join the Company as Executive Vice President and Chief Financial Officer on or "
        "about April 14, 2025. Mr. Rafael Ortiz has been appointed to serve as interim Chief Executive Officer, "
        "effective January 30, 2025, while the Board conducts a search."
    )
    assert got == [
        ("Ingrid Solberg", "appointed", "Executive Vice President and Chief Financial Officer", dt.date(2025, 4, 14)),
        ("Rafael Ortiz", "appointed", "interim Chief Executive Officer", dt.date(2025, 1, 30)),
    ]


def test_a_name_made_an_officer_by_a_passive_verb_is_a_person() -> None:
    got = _changes("Also on March 3, 2025, Kwame Osei has been promoted to Executive Vice President, Operations.")
    assert got == [("Kwame Osei", "appointed", "Executive Vice President, Operations", dt.date(2025, 3, 3))]
    # a unit is not made an officer: "Southwest Division has been named Supplier of the Year" names no person
    assert _changes("On March 3, 2025, Southwest Division has been named Supplier of the Year.") == []


def test_a_departure_takes_the_title_of_its_successor() -> None:
    got = _changes(
        "On March 3, 2025, the Board appointed Marisol Ekdahl, age 48, as Chief Financial Officer, effective April "
        "1, 2025. Ms. Ekdahl succeeds Tobias Wrenfield, who retired."
    )
    assert ("Tobias Wrenfield", "retired", "Chief Financial Officer") in [(p, a, r) for p, a, r, _d in got]


def test_another_persons_date_and_more_ways_to_leave() -> None:
    got = _changes(
        "On May 1, 2025, the Board appointed Ms. Ingrid Solberg as Chief Accounting Officer, replacing Mr. Rafael "
        "Ortiz, who resigned effective April 30, 2025."
    )
    assert ("Ingrid Solberg", "appointed", "Chief Accounting Officer", dt.date(2025, 5, 1)) in got
    assert ("Rafael Ortiz", "departed", "Chief Accounting Officer", dt.date(2025, 4, 30)) in got
    got = _changes(
        "The Company announced that Ms. Ingrid Solberg, its Executive Vice President, has decided to leave the "
        "Company, effective June 1, 2025. Mr. Kwame Osei passed away on May 1, 2025. On May 2, 2025, Mr. Rafael "
        "Ortiz was removed from his position as Chief Technology Officer."
    )
    assert [(p, a) for p, a, _r, _d in got] == [
        ("Ingrid Solberg", "departed"),
        ("Kwame Osei", "departed"),
        ("Rafael Ortiz", "departed"),
    ]


def test_apposition_titles_of_the_company_and_with_an_owner() -> None:
    got = _changes(
        "On May 1, 2025, Mr. Rafael Ortiz, Executive Vice President and Chief Financial Officer of the Company, "
        "informed the Company of his decision to retire, effective June 30, 2025. On May 2, 2025, Ms. Ingrid "
        "Solberg, the Company’s Senior Vice President, Chief Legal Officer and Corporate Secretary, notified the "
        "Company that she will retire on July 1, 2025."
    )
    assert [(p, r) for p, _a, r, _d in got] == [
        ("Rafael Ortiz", "Executive Vice President and Chief Financial Officer"),
        ("Ingrid Solberg", "Senior Vice President, Chief Legal Officer and Corporate Secretary"),
    ]


def test_the_one_succeeded_in_the_same_sentence_leaves_the_title() -> None:
    got = _changes(
        "On May 1, 2025, the Board elected Rafael Ortiz, 60, as Chair of the Board, succeeding Ingrid Solberg, 66, "
        "who will continue to serve as a director."
    )
    assert got == [
        ("Rafael Ortiz", "elected", "Chair of the Board", dt.date(2025, 5, 1)),
        ("Ingrid Solberg", "departed", "Chair of the Board", dt.date(2025, 5, 1)),
    ]
