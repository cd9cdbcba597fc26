"""A bare document read as the filing it comes from: the item headings inside a text that has no parsed
items, and the dateline of a release as its date.

A user's file is often one part of a filing: an Item 5.02 section copied from a web page ("Item 5.02 |
Departure of Directors … |"), a press release without its 8-K, a note of a 10-Q. The parse gives such a
text one ``document`` region and no date of report. ``bare_regions`` cuts that region at its item
headings into ``item`` regions with their codes, so that each family reads them as it reads a filing's
items, and gives every region of the document the release's dateline date (``Region.ref``), so that
"effective immediately" and a yearless "effective October 16" have a date and a year.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eightk.extract.entity_names import _BEFORE_TICKER, _TICKER, _acceptable, _clean
from eightk.extract.text import Region, companies
from eightk.model import Filing
from eightk.parse.dates import dateline

__all__ = ["bare_regions", "is_bare_release", "release_company", "release_date"]

# "Item 5.02", "ITEM 2.01.", "Item 1.01. | Entry into …" at the start of a line (a page's table cells
# leave a "|" before or after the number)
# (or broken after "ITEM", or glued to a page title before it: "… Material Definitive AgreementItem 1.01.")
_HEADING = re.compile(
    r"(?:^[ \t|]*|(?<=[a-z]))(?:Item|ITEM)(?:[ \t]+|[ \t]*\n[ \t]*)(\d{1,2}\.\d{2})\.?(?=[ \t|]|$)", re.M
)
_DATELINE_WINDOW = 700  # a release's dateline is in its first lines


def release_date(region: Region) -> Region:
    """``region`` with ``ref`` set to the first full date of its document's opening (a release's
    dateline: "ROCK HILL, S. C., Sept. 21, 2023"), when it has no date of its own."""
    if region.ref is not None:
        return region
    first = dateline(region.text, _DATELINE_WINDOW)  # not "effective August 20, 2010": an event's date
    return replace(region, ref=first[0]) if first else region


def bare_regions(regions: list[Region]) -> list[Region]:
    """The regions with each ``document`` region (a bare text) cut at its item headings: the text before
    the first heading stays a ``document`` region, each heading starts an ``item`` region with its code.
    Every piece carries the document's dateline date. Other regions are returned unchanged."""
    out: list[Region] = []
    for region in regions:
        if region.kind != "document":
            out.append(region)
            continue
        region = release_date(region)
        heads = [(m.start(), m.group(1)) for m in _HEADING.finditer(region.body)]
        if not heads:
            out.append(region)
            continue
        if heads[0][0] > 0 and region.body[: heads[0][0]].strip():
            out.append(replace(region, end=region.start + heads[0][0]))
        for i, (at, code) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else len(region.body)
            out.append(replace(region, start=region.start + at, end=region.start + end, kind="item", code=code))
    return out


def is_bare_release(filing: Filing, region: Region) -> bool:
    """A bare document's own text (no items, no header) that reads as a press release or plain text:
    the whole filing is the release, so its opening is read as a filing's EX-99 is."""
    return region.kind == "document" and (filing.document_kind or "") in ("press_release", "text")


def release_company(region: Region) -> str:
    """The company a bare document is from: the first name with a corporate suffix in its first lines
    ("Universal Corporation’s Hartwell H. Roper to Retire as CFO"), else the first in its opening that
    defines a short name for itself ("Acme Research Corporation (“ARC”)"), without a title read into it
    ("Chief Financial Officer of Acme Corporation"); "" for a filing's own regions, whose company is the
    registrant."""
    if region.kind not in ("document", "item") or region.start > _DATELINE_WINDOW:
        return ""
    head = Region(region.doc, 0, min(len(region.text), 400), region.text, region.kind)
    if listed := _listed_company(head.body):
        return listed  # "Shares of Acme (NASDAQ: ACME) jumped after the company announced …": the one quoted
    first = next(companies(head), None)
    if first is None:  # else the one that names itself by a defined term: "Acme Research Corporation (“ARC”)"
        lead = Region(region.doc, 0, min(len(region.text), _DATELINE_WINDOW), region.text, region.kind)
        first = next((c for c in companies(lead) if _DEFINED_AFTER.match(lead.body, c[2])), None)
    return _TITLE_OF.sub("", first[0]) if first else ""


def _listed_company(head: str) -> str:
    """The first name in ``head`` followed by its exchange and ticker ("Kemira Oyj (OMX: KRA1V)", "Tower Group
    International, Ltd. (NASDAQ: TWGP)"): a release or a news copy of one gives the company it is about so,
    before any other; "" when none is."""
    suffixed_names = list(companies(Region(0, 0, len(head), head, "document")))
    for m in _TICKER.finditer(head):
        suffixed = next((c for c in suffixed_names if 0 <= m.start() - c[2] <= 3), None)
        before = None if suffixed else _BEFORE_TICKER.search(head, max(0, m.start() - 80), m.start())
        name = suffixed[0] if suffixed else _clean(before.group(1), before.start(1))[0] if before else ""
        if name and _acceptable(name):
            return _TITLE_OF.sub("", " ".join(name.split()))
    return ""


_DEFINED_AFTER = re.compile(r"\s*\(\s*(?:the\s+)?[“\"][^”\"]{1,30}[”\"]\s*\)")


# a title read into a company's name: "Principal Accounting Officer of Acme Research Corporation"
_TITLE_OF = re.compile(
    r"^.*\b(?:Officer|President|Director|Counsel|Controller|Treasurer|Secretary|Chair\w*)\s+of\s+(?:the\s+)?"
)
