"""Where the header and the body are reconciled: the date of report, and the checks on the filing as
a whole that become its problems."""

from __future__ import annotations

import datetime as _dt

from eightk.model import FieldSource, Filing, Problem, Span
from eightk.parse.dates import dateline, parse_date
from eightk.parse.ixbrl import Fact
from eightk.parse.sgml import Header

__all__ = ["check_filing", "date_of_report"]


def date_of_report(
    header: Header | None,
    *,
    facts: dict[str, list[Fact]],
    cover: dict,
    seq: int,
    text: str,
    problems: list[Problem],
    provenance: list[FieldSource],
) -> _dt.date | None:
    """The date of report: the header's when it has one (a ``cover_mismatch`` warning when the body
    says otherwise), else the inline XBRL fact's, else the cover's; its source goes to ``provenance``."""
    head = parse_date(header.first("CONFORMED PERIOD OF REPORT") or "") if header else None
    body: _dt.date | None = None
    span = None
    src = "text"
    if facts.get("DocumentPeriodEndDate"):
        body, src = parse_date(facts["DocumentPeriodEndDate"][0].value), "ixbrl"
    if body is None and "date_of_report" in cover:
        f = cover["date_of_report"]
        body, src, span = (
            _dt.date.fromisoformat(f.value),
            "text",
            Span(seq, f.start, f.end, text[f.start : f.end]),
        )
    if head is not None:
        if body is not None and body != head:
            problems.append(
                Problem("warning", "cover_mismatch", f"date_of_report: header says {head}, {src} says {body}")
            )
        provenance.append(FieldSource("date_of_report", "header"))
        return head
    if body is not None:
        provenance.append(FieldSource("date_of_report", src, span))
    return body


def dateline_date(text: str, seq: int, provenance: list[FieldSource]) -> _dt.date | None:
    """A press release given on its own has no cover: its dateline's date ("ROCK HILL, S.C., Sept. 21,
    2023 —"), the first full date in its first 700 characters that no event is told by ("effective August
    20, 2010" is not), stands for the date of report (source ``text``, with its span); None when its
    opening holds no such date."""
    found = dateline(text, 700)
    if found is None:
        return None
    day, a, b = found
    provenance.append(FieldSource("date_of_report", "text", Span(seq, a, b, text[a:b])))
    return day


def check_filing(filing: Filing, header: Header | None, problems: list[Problem], on: _dt.date | None) -> None:
    """Warnings and errors about the filing as a whole, appended to ``problems``: an exhibit alone, a
    form other than 8-K, a bare document, no items, header items unlike the body's."""
    form = (filing.form_type or "").upper()
    if form.startswith("EX-"):
        problems.append(Problem("warning", "exhibit_only", f"this is an exhibit document ({form}), not a whole 8-K"))
    elif form and not form.startswith("8-K"):
        problems.append(Problem("error", "not_8k", f"form type is {filing.form_type}, not 8-K"))
    kind = filing.document_kind
    if kind not in (None, "filing", "text"):
        article = "an" if kind[0] in "aeiou" else "a"  # "an agreement", "a press release"
        what = f"{article} {kind.replace('_', ' ')}"
        problems.append(Problem("warning", "bare_document", f"{what} on its own, not a whole 8-K: no cover or items"))
    elif not filing.items:
        problems.append(Problem("warning", "no_items", "no item headings found in the primary document"))
    if header is None:
        return
    from eightk.catalog import code_for_title

    head_codes = {c for t in header.values.get("ITEM INFORMATION", []) if (c := code_for_title(t, on))}
    if head_codes and filing.items and head_codes != set(filing.item_codes):
        problems.append(
            Problem(
                "warning",
                "items_mismatch",
                f"header items {sorted(head_codes)}, body items {list(filing.item_codes)}",
            )
        )
