"""Officer changes on small made-up 5.02 texts: several people under one verb, a seat named after a title,
a date named by its defined term, and departures that are only a contract's terms."""

from __future__ import annotations

import datetime as dt

from eightk import parse_filing
from tests.test_persons import _item


def _changes(text: str) -> list[tuple[str | None, str | None, str | None, dt.date | None]]:
    filing = parse_filing(_item(text), name="case.txt")
    return [
        (e.person, e.action, e.role, e.effective)  # type: ignore[attr-defined]
        for e in filing.events
        if e.type == "officer_change"
    ]


def test_objects_joined_under_one_verb_each_get_their_title() -> None:
    got = _changes(
        "On March 3, 2025, the Company appointed Wendell J. Arkwright, President, Retail, and Odile M. Fenwick, "
        "President, Markets, as Co-Presidents of the Company, and Pieter V. Lund as Executive Vice President, "
        "effective immediately."
    )
    assert [(p, a, r) for p, a, r, _d in got] == [
        ("Wendell J. Arkwright", "appointed", "Co-President"),
        ("Odile M. Fenwick", "appointed", "Co-President"),
        ("Pieter V. Lund", "appointed", "Executive Vice President"),
    ]


def test_plural_subjects_with_ages_before_one_passive_verb() -> None:
    got = _changes(
        "Effective April 1, 2025, Wendell Arkwright, 61, and Odile Fenwick, 56, Co-Heads of Markets, have been "
        "elected Co-Chief Operating Officers."
    )
    assert {(p, a, r) for p, a, r, _d in got} == {
        ("Wendell Arkwright", "elected", "Co-Chief Operating Officer"),
        ("Odile Fenwick", "elected", "Co-Chief Operating Officer"),
    }
    assert all(d == dt.date(2025, 4, 1) for *_x, d in got)


def test_a_board_seat_after_the_title_is_its_own_change_and_a_defined_date_is_read() -> None:
    got = _changes(
        "On May 2, 2025, the Company announced that, effective as of June 9, 2025 (the “Transition Date”), the "
        "Board appointed Wendell Arkwright as President and Chief Executive Officer and as a member of the Board. "
        "On May 2, 2025, the Company also announced that, effective as of the Transition Date, Odile Fenwick "
        "will retire as President and Chief Executive Officer and as a member of the Board. Ms. Fenwick's "
        "departure is not related to any disagreement with the Company."
    )
    june = dt.date(2025, 6, 9)
    assert set(got) == {
        ("Wendell Arkwright", "appointed", "President and Chief Executive Officer", june),
        ("Wendell Arkwright", "appointed", "director", june),
        ("Odile Fenwick", "retired", "President and Chief Executive Officer", june),
        ("Odile Fenwick", "retired", "director", june),
    }


def test_contract_terms_and_old_news_are_no_departure_but_no_longer_serving_is() -> None:
    got = _changes(
        "On May 2, 2025, the Board appointed Wendell Arkwright as Chief Financial Officer, effective May 5, 2025. "
        "If, within two years, Mr. Arkwright voluntarily resigns, he will repay the award. The agreement ends "
        "following the termination of his employment. He succeeds Odile Fenwick, whose previously announced "
        "retirement takes effect May 5, 2025. Effective May 5, 2025, Pieter V. Lund will no longer serve as "
        "Treasurer."
    )
    assert {(p, a) for p, a, _r, _d in got} == {("Wendell Arkwright", "appointed"), ("Pieter V. Lund", "departed")}


def test_promoted_to_and_a_new_role_take_the_title_after_them() -> None:
    got = _changes(
        "On May 5, 2025, the Company announced that Wendell Arkwright, previously Vice President, Footwear, has "
        "been promoted to Executive Vice President, Chief Product Officer, effective June 1, 2025. Odile M. Fenwick, "
        "currently an advisor to the Chief Executive Officer, has assumed the new role of Chief Growth Officer, "
        "effective June 1, 2025."
    )
    june = dt.date(2025, 6, 1)
    assert set(got) == {
        ("Wendell Arkwright", "appointed", "Executive Vice President, Chief Product Officer", june),
        ("Odile M. Fenwick", "appointed", "Chief Growth Officer", june),
    }


def test_name_variants_are_one_person() -> None:
    got = _changes(
        "On May 5, 2025, the Board appointed Douglas R. Kestrel as Chief Financial Officer, effective immediately. "
        "Doug Kestrel was appointed as Chief Financial Officer after a search."
    )
    assert [(p, a) for p, a, _r, _d in got] == [("Douglas R. Kestrel", "appointed")]


def test_abbreviations_spelled_out_nicknames_and_a_dated_appointment() -> None:
    got = _changes(
        "On May 2, 2025, the Board appointed Wendell Arkwright as President and Chief Executive Officer (“CEO”) "
        "of the Company. Odile Fenwick will retire as President and CEO. Ms. Fenwick will remain an advisor. "
        "The Company announced the appointment on May 1, 2025, of Pieter V. Lund as Treasurer. Erin “Ellie” May "
        "was appointed to the additional role of Chief Accounting Officer."
    )
    roles = {(p, a): r for p, a, r, _d in got}
    assert roles == {
        ("Wendell Arkwright", "appointed"): "President and Chief Executive Officer",
        ("Odile Fenwick", "retired"): "President and Chief Executive Officer",
        ("Pieter V. Lund", "appointed"): "Treasurer",
        ("Erin “Ellie” May", "appointed"): "Chief Accounting Officer",
    }


def test_a_move_from_one_role_to_another_is_two_events() -> None:
    got = _changes(
        "On June 2, 2025, the Company announced that Wendell Arkwright will move from Chief Financial Officer to "
        "Vice Chairman, effective July 1, 2025. Odile M. Fenwick, Senior Vice President, Markets, will be "
        "transitioning to the newly created role of Chief Strategy Officer, effective July 1, 2025."
    )
    july = dt.date(2025, 7, 1)
    assert set(got) == {
        ("Wendell Arkwright", "appointed", "Vice Chairman", july),
        ("Wendell Arkwright", "departed", "Chief Financial Officer", july),
        ("Odile M. Fenwick", "appointed", "Chief Strategy Officer", july),
        ("Odile M. Fenwick", "departed", "Senior Vice President, Markets", july),
    }


def test_the_title_after_the_company_name_is_the_role() -> None:
    got = _changes(
        "Effective March 1, 2025, Pieter V. Lund will no longer serve as the Acme Widgets Corporation (the "
        "“Corporation”) Chief Accounting Officer."
    )
    assert got == [("Pieter V. Lund", "departed", "Chief Accounting Officer", dt.date(2025, 3, 1))]


def test_a_new_title_of_the_registrant_and_its_subsidiary() -> None:
    got = _changes(
        "On June 5, 2025, Acme Widgets, Inc. announced the appointment of Odile Fenwick, age 51, as the new Chief "
        "Financial Officer and Senior Vice President of Acme and Acme Labs LLC, effective July 31, 2025."
    )
    assert got == [
        ("Odile Fenwick", "appointed", "Chief Financial Officer and Senior Vice President", dt.date(2025, 7, 31))
    ]
