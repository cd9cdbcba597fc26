"""Events: the seed's license deal, and provenance for every value of every event of every sample."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eightk import parse_filing
from eightk.model import Filing
from eightk.parse.registrant import norm_name
from tests.conftest import SEED, sample_files

GOLD = json.loads((Path(__file__).parent / "data" / "seed.gold.json").read_text(encoding="utf-8"))
_NOT_VALUES = {"type", "evidence", "values", "other_terms"}


def test_seed_license_event_equals_gold() -> None:
    filing = parse_filing(SEED.read_bytes(), name=SEED.name)
    (gold,) = GOLD["events"]
    (event,) = [e for e in filing.to_dict()["events"] if e["type"] == "license"]
    for name in ("exclusive", "territory", "subject", "field", "royalties", "equity"):
        assert event[name] == gold[name], name
    for name in ("upfront", "milestones"):
        assert {k: v for k, v in event[name].items() if k in gold[name]} == gold[name], name
    assert [(norm_name(p["name"]), p["role"], p["ticker"]) for p in event["parties"]] == [
        (norm_name(p["name"]), p["role"], p["ticker"]) for p in gold["parties"]
    ]
    quotes = " ".join(" ".join(s["quote"].split()) for s in event["evidence"])
    assert "$2 million" in quotes and "$40 million" in quotes
    # the gold paraphrases its other terms ("licensee responsible for manufacturing, …"); eightk quotes them
    terms = " | ".join(event["other_terms"])
    assert "Genentech will be responsible for manufacturing" in terms and "ImmunoGen will be reimbursed" in terms
    assert len(event["other_terms"]) == len(gold["other_terms"])
    assert {s["doc"] for s in event["evidence"]} == {1}
    # told twice (the item and the press release printed after the signature): one event, both places
    item = filing.items[0].span
    assert any(item.start <= s["start"] < item.end for s in event["evidence"])
    assert any(s["start"] > filing.signatures[0].span.end for s in event["evidence"])


def _check_spans(filing: Filing) -> None:
    texts = {d.sequence: d.text for d in filing.documents}
    for ev in filing.events:
        assert ev.evidence, ev.type
        for s in ev.evidence:
            assert texts[s.doc][s.start : s.end] == s.quote
        for v in ev.values:
            assert v.span is not None, (ev.type, v.field)
            assert texts[v.span.doc][v.span.start : v.span.end] == v.span.quote
        data: dict[str, Any] = json.loads(json.dumps(ev.__class__.__dict__ and _fields(ev)))
        covered = {v.field.split(".")[0] for v in ev.values}
        for name, value in data.items():
            if name not in _NOT_VALUES and value not in (None, [], {}):
                assert name in covered, f"{filing.source.path}: {ev.type}.{name} has no span"


def _fields(ev: object) -> dict[str, Any]:
    from eightk.model import record_to_dict

    out = record_to_dict(ev)
    assert isinstance(out, dict)
    return out


@pytest.mark.parametrize("path", sample_files(), ids=[p.name for p in sample_files()])
def test_every_event_value_has_a_span_quoting_its_text(path: Path) -> None:
    _check_spans(parse_filing(path.read_bytes(), name=path.name))


def test_the_samples_yield_events_of_many_families() -> None:
    types = {e.type for p in sample_files() for e in parse_filing(p.read_bytes(), name=p.name).events}
    assert {"license", "officer_change", "earnings", "acquisition", "agreement"} <= types


def test_yearless_dates_take_the_filing_year() -> None:
    import datetime as dt

    from eightk.extract.text import Region, dates_in

    text = "Effective on May 4, Jane Roe was appointed; on June 30, 2001 she resigned."
    region = Region(1, 0, len(text), text, "item", "5.02", dt.date(2000, 5, 8))
    got = [(d.isoformat(), text[a:b]) for d, a, b in dates_in(region, 0, len(text))]
    assert got == [("2000-05-04", "May 4"), ("2001-06-30", "June 30, 2001")]


def _officer_changes(item_text: str) -> list[tuple[str, str, str | None, str | None]]:
    """Officer changes read from a small 2020s 8-K whose Item 5.02 says ``item_text``."""
    raw = (
        "FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2021\n\n"
        "Widget Works, Inc.\n(Exact name of registrant as specified in its charter)\n\n"
        "Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
        f"Officers; Compensatory Arrangements of Certain Officers.\n\n{item_text}\n\nSIGNATURE\n\n"
        "Widget Works, Inc.\n\nBy: /s/ Jane Roe\n    Jane Roe\n    Secretary\n"
    ).encode()
    filing = parse_filing(raw, name="widget.txt")
    _check_spans(filing)
    return [
        (e.person, e.action, e.role, e.effective.isoformat() if e.effective else None)
        for e in filing.events
        if e.type == "officer_change"
    ]


def test_officer_changes_successor_and_title_in_the_next_sentence() -> None:
    got = _officer_changes(
        "On March 1, 2021, Widget Works, Inc. announced that Alan Poe, Senior Vice President, Sales, would "
        "depart, effective April 30, 2021. Mr. Poe is succeeded by Maria Lind, who assumed the role of Senior "
        "Vice President, Sales + Service, effective March 1, 2021."
    )
    assert got == [
        ("Alan Poe", "departed", "Senior Vice President, Sales", "2021-04-30"),
        ("Maria Lind", "appointed", "Senior Vice President, Sales + Service", "2021-03-01"),
    ]
    got = _officer_changes(
        "On March 1, 2021, Carl B. Moss informed Widget Works, Inc. of his decision to resign. As a result, he "
        "will cease to serve as Chief Operating Officer, effective immediately."
    )
    assert got == [("Carl B. Moss", "departed", "Chief Operating Officer", "2021-03-01")]


def test_officer_changes_resolve_mr_surname_and_keep_one_departure_per_person() -> None:
    got = _officer_changes(
        "On March 1, 2021 the Company announced that Frank T. Hale, Vice President and Controller, is retiring. "
        "Mr. Hale will step down from his role as Controller on March 31, 2021, but will remain with the "
        "Company through June 30, 2021. Ms. Dana Ruiz will remain Treasurer until her retirement in 2022, after "
        "which the office will be led by Mr. Hale's successor."
    )
    assert got[0] == ("Frank T. Hale", "retired", "Vice President and Controller", "2021-03-31")
    assert ("Dana Ruiz", "retired") in [(p, a) for p, a, _r, _d in got]
    assert len([g for g in got if g[0] == "Frank T. Hale"]) == 1


def test_a_notice_date_is_not_the_effective_date() -> None:
    got = _officer_changes(
        "On March 1, 2021, Lee Park, a member of the Board of Directors of Widget Works, Inc., informed the "
        "Company of his decision not to stand for re-election at the annual meeting."
    )
    assert got == [("Lee Park", "departed", "director", None)]


def test_deal_milestones_split_and_total_value() -> None:
    raw = (
        b"FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2021\n\n"
        b"Acme Bio, Inc.\n(Exact name of registrant as specified in its charter)\n\n"
        b"Item 1.01 Entry into a Material Definitive Agreement.\n\n"
        b"On March 1, 2021, Acme Bio, Inc. entered into an exclusive license agreement with Beta Pharma Corp. "
        b"under which Beta received worldwide rights to Acme's antibody platform. Beta will pay an upfront fee "
        b"of $15 million. Acme is eligible for up to $100 million in development milestones and up to $250 million "
        b"in sales milestones, plus tiered royalties. The agreement has a total potential value of up to $365 "
        b"million.\n\nSIGNATURE\n\nAcme Bio, Inc.\n\nBy: /s/ Jane Roe\n    Jane Roe\n    Secretary\n"
    )
    filing = parse_filing(raw, name="acme.txt")
    _check_spans(filing)
    (deal,) = [e for e in filing.to_dict()["events"] if e["type"] == "license"]
    assert deal["upfront"]["amount"] == 15_000_000
    # stated only by kind: the milestones are the stated maxima added (deals issue: "the stated maxima summed")
    assert deal["milestones"] == {"amount": 350_000_000, "currency": "USD", "qualifier": "up to", "equivalent": None}
    split = deal["milestones_split"]
    assert (split["development"]["amount"], split["regulatory"], split["sales"]["amount"]) == (
        100_000_000,
        None,
        250_000_000,
    )
    assert deal["total_value"] == {"amount": 365_000_000, "currency": "USD", "qualifier": "up to", "equivalent": None}
    assert [(p["name"], p["role"]) for p in deal["parties"]] == [
        ("Acme Bio, Inc.", "licensor"),
        ("Beta Pharma Corp.", "licensee"),
    ]
    fields = {v["field"] for v in deal["values"]}
    assert {"milestones_split.development", "milestones_split.sales", "total_value"} <= fields


def test_officer_changes_from_a_review_of_misfires() -> None:
    # the person on the right side of the cue, the latest of two with one surname, a title held before
    # or kept is not the change, "appointed him" after a sentence naming him, a notice date only for
    # the one who gave notice, "until" is not an effective date, a generic first word is not the company
    got = _officer_changes(
        "On March 1, 2021, the Company announced the appointment of Jane Roe as Chief Operating Officer. "
        "Ms. Roe assumed the role of Chief Operating Officer from Peter Smith, who will become the Company's "
        "Chief Strategy Officer."
    )
    assert got == [
        ("Jane Roe", "appointed", "Chief Operating Officer", "2021-03-01"),
        ("Peter Smith", "appointed", "Chief Strategy Officer", None),
    ]
    got = _officer_changes(
        "Robert Chen resigned as Chief Technology Officer. The Board selected Lisa Chen, age 41, to succeed him. "
        "Ms. Chen was appointed Chief Technology Officer effective March 2, 2021."
    )
    assert ("Lisa Chen", "appointed", "Chief Technology Officer", "2021-03-02") in got
    got = _officer_changes(
        "On March 1, 2021, the Board appointed Jane Roe, who will continue to serve as Chief Financial Officer, "
        "as Interim Chief Executive Officer. Mr. Smith will be succeeded by Ann Lee, who currently serves as "
        "President."
    )
    assert got[0] == ("Jane Roe", "appointed", "Interim Chief Executive Officer", "2021-03-01")
    assert all(role != "President" for _p, _a, role, _d in got)
    got = _officer_changes(
        "John Smith, 52, has served as the Company's Chief Operating Officer since 2018. On March 1, 2021, the "
        "Board appointed him as President."
    )
    assert got == [("John Smith", "appointed", "President", "2021-03-01")]
    got = _officer_changes(
        "On March 1, 2021, John Doe informed the Board that he would retire as Chief Executive Officer, and the "
        "Board appointed Jane Roe as Chief Executive Officer."
    )
    assert got == [
        ("John Doe", "retired", "Chief Executive Officer", None),
        ("Jane Roe", "appointed", "Chief Executive Officer", "2021-03-01"),
    ]
    got = _officer_changes(
        "John Doe resigned as Chief Financial Officer of the Company. Jane Roe will serve as interim Chief "
        "Financial Officer until June 30, 2021."
    )
    assert got[0][:2] == ("John Doe", "departed") and got[0][3] is None


def _deal(text: str) -> dict[str, Any]:
    raw = (
        "FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2021\n\n"
        "Widget Works, Inc.\n(Exact name of registrant as specified in its charter)\n\n"
        f"Item 1.01 Entry into a Material Definitive Agreement.\n\n{text}\n\nSIGNATURE\n\n"
        "Widget Works, Inc.\n\nBy: /s/ Jane Roe\n    Jane Roe\n    Secretary\n"
    ).encode()
    filing = parse_filing(raw, name="widget.txt")
    _check_spans(filing)
    (deal,) = [e for e in filing.to_dict()["events"] if e["type"] in ("license", "collaboration")]
    return deal


def test_deal_amounts_go_to_the_right_fields() -> None:
    opening = (
        "On March 1, 2021, Widget Works, Inc. (the “Company”) entered into a License Agreement with Acme "
        "Biotech, Inc. (“Acme”). The Company granted Acme an exclusive license and royalties. "
    )
    listed = _deal(
        opening + "Acme will pay development, regulatory and commercial milestone payments of up to $1.2 billion."
    )
    assert listed["milestones"]["amount"] == 1_200_000_000 and listed["milestones_split"] is None
    part = _deal(opening + "Acme will pay milestone payments with an aggregate value of up to $400 million.")
    assert part["milestones"]["amount"] == 400_000_000 and part["total_value"] is None
    shares = _deal(
        opening
        + "Acme will purchase 1,000,000 shares of the Company's common stock, valued at approximately $25 million."
    )
    assert shares["total_value"] is None and shares["equity"]["amount"] == 25_000_000


def test_a_deal_told_twice_with_co_exclusive_rights_is_one_event() -> None:
    raw = (
        "FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2021\n\n"
        "Widget Works, Inc.\n(Exact name of registrant as specified in its charter)\n\n"
        "Item 1.01 Entry into a Material Definitive Agreement.\n\nOn March 1, 2021, the Company entered into a "
        "License Agreement with Acme Biotech, Inc. (“Acme”). Acme granted the Company an exclusive license with "
        "royalties.\n\nItem 8.01 Other Events.\n\nOn March 1, 2021, the Company entered into a License Agreement "
        "with Acme Biotech, Inc. (“Acme”). Acme granted the Company co-exclusive rights in the United States, "
        "with royalties.\n\nSIGNATURE\n\nWidget Works, Inc.\n\nBy: /s/ Jane Roe\n    Jane Roe\n    Secretary\n"
    ).encode()
    filing = parse_filing(raw, name="widget.txt")
    (deal,) = [e for e in filing.events if e.type == "license"]
    assert deal.exclusive is None  # exclusive in one telling, co-exclusive in the other


def _acquisitions(item: str, text: str) -> list[tuple[str | None, str | None]]:
    raw = (
        "FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2021\n\n"
        "Widget Works, Inc.\n(Exact name of registrant as specified in its charter)\n\n"
        f"Item {item}\n\n{text}\n\nSIGNATURE\n\nWidget Works, Inc.\n\nBy: /s/ Jane Roe\n    Jane Roe\n    Secretary\n"
    ).encode()
    filing = parse_filing(raw, name="widget.txt")
    _check_spans(filing)
    return [(e.target, e.status) for e in filing.events if e.type == "acquisition"]


def test_acquisitions_not_from_other_terminations_sales_or_sellers() -> None:
    ended = "1.02 Termination of a Material Definitive Agreement."
    assert not _acquisitions(
        ended,
        "On March 1, 2021, in connection with the completion of the acquisition of the Company by Parent Corp., "
        "the Company terminated its Credit Agreement with Bank of America, N.A., as administrative agent.",
    )
    assert not _acquisitions(
        ended,
        "On March 1, 2021, the Company terminated the Asset Purchase Agreement with Buyer Holdings, Inc., "
        "pursuant to which the Company had agreed to sell its consumer division to Buyer Holdings, Inc.",
    )
    assert _acquisitions(
        "2.01 Completion of Acquisition or Disposition of Assets.",
        "On March 1, 2021, the Company completed its previously announced acquisition of Target Inc. (“Target”) "
        "from Parent Holdings, LLC (the “Seller”) for an aggregate purchase price of $120 million in cash.",
    ) == [("Target Inc.", "completed")]


def test_earnings_figures_are_the_reported_ones() -> None:
    def figures(text: str) -> tuple[object, object, object]:
        raw = (
            "FORM 8-K\n\nDate of Report (Date of earliest event reported): March 1, 2021\n\nWidget Works, Inc.\n"
            "(Exact name of registrant as specified in its charter)\n\nItem 2.02 Results of Operations and Financial "
            f"Condition.\n\nOn March 1, 2021, the Company reported results. {text}\n\nSIGNATURE\n\nWidget Works, Inc.\n"
        ).encode()
        filing = parse_filing(raw, name="widget.txt")
        _check_spans(filing)
        (e,) = [e for e in filing.events if e.type == "earnings"]
        return (e.revenue and e.revenue.amount, e.net_income and e.net_income.amount, e.eps)

    assert figures("Operating revenues were $512.3 million. Net income was $40.1 million.") == (
        512_300_000,
        40_100_000,
        None,
    )
    assert figures("Core earnings per share were $1.45, and GAAP diluted earnings per share were $1.10.")[2] == 1.10
    assert figures("Net loss was $5.0 million, or $0.12 per diluted share.")[1:] == (-5_000_000, -0.12)
    assert figures(
        "For fiscal 2021 the Company expects earnings per share of $2.10 to $2.20. Fourth quarter net income was "
        "$20 million, or $0.51 per share."
    )[1:] == (20_000_000, 0.51)
    assert figures(
        "Adjusted net income of $30 million, or $0.75 per share; net income of $20 million, or $0.50 per share."
    )[1:] == (20_000_000, 0.50)
    assert figures("Deferred revenue was $20 million. Total revenue for the quarter was $90 million.")[0] == 90_000_000


def test_a_table_negative_keeps_its_sign_when_its_parenthesis_is_a_cell_of_its_own() -> None:
    # as an iXBRL release's table reads once flattened (an 8-K of January 2020 in the corpus):
    # "Net income (loss) attributable to …  $  (7,410  )  $  244" and "Basic  $  (6.79  )"
    from eightk.extract.earnings_tables import _table_figure

    body = (
        "(in millions, except per share amounts)\n\n"
        "net income (loss) attributable to acme inc.\t$\t(7,410\t)\t$\t244\t$\t(7,166\t)\n\n"
        "diluted eps\t$\t(6.79\t)\t$\t0.12\n"
    )
    assert _table_figure(body, "net_income")[0] == -7_410_000_000  # type: ignore[index]
    assert _table_figure(body, "eps")[0] == -6.79  # type: ignore[index]
