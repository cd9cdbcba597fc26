"""Body-only accuracy: does eightk read from a filing's text what the SEC header says?

For every corpus filing with an SGML header (``MANIFEST.tsv`` ``has_sec_header`` = y), the header is
read here (by ``_common.read_header``, independently of eightk), the first ``<DOCUMENT>``'s text is cut
out, and ``eightk.parse_filing`` parses that primary document alone, as if it had been saved on its own.
The record is compared with the header, field by field. With ``--full`` the whole submission (header
included) is parsed instead: a sanity check that the header's values reach the record. The address and
phone are the exception: where the cover prints others, the registrant keeps the cover's and the
header's stay under ``filers``, so those rows match the body-only run's.

Usage: ``.venv/bin/python benchmarks/accuracy.py [--corpus PATH] [--full]``. Prints a table of per-field
accuracy, then the filings not counted for a field and why, then every miss. Always exits 0.

What is compared, and the only normalizations applied (those of ../shared/SCHEMA.md, plus what it
takes to hold the SEC's conformed header style against the cover as printed):

- items: the set of the record's applicable item codes (``Filing.item_codes``) must equal the codes of the
  header's ``ITEM INFORMATION`` lines, mapped by ``eightk.catalog.code_for_title(title, filed date)``
  (tag-form headers give numbers: ``<ITEMS>5``). Filings whose header has no item lines, or any blank
  one (1990s headers often list ``ITEM INFORMATION:`` with nothing after it), are not counted. A title
  the catalog cannot map stays in the expected set as ``?title`` and so counts as a miss. The target row
  counts filings made from 23 Aug 2004, when the header's item list became the filing's own; before
  that, headers often list only some of the items the body prints (Apple's 1996 NeXT 8-K: Items 5 and
  7 printed, the header names only "Financial statements and exhibits"), so those are a separate row
  with no target.
- combined filings (several ``FILER`` sections, one cover table listing every registrant): the cover
  fields are compared with the filer whose conformed name matches the registrant eightk read (the
  first one the cover prints); the header's order of filers is not the cover's.
- name: ``COMPANY CONFORMED NAME`` vs ``registrant.name``, case-insensitively, every non-alphanumeric
  character treated as a space, a trailing state tag of the conformed name (``/DE/``) dropped, a leading
  or trailing "the" dropped, and trailing corporate suffixes dropped (INC, INCORPORATED, CORP,
  CORPORATION, CO, COMPANY, LTD, LIMITED, LLC, LP, PLC, …); apostrophes are dropped and "&" reads "and"
  (the header writes "SEARS ROEBUCK & CO" for "Sears, Roebuck and Co.").
- state_of_incorporation: the header's code in SCHEMA.md's form: a US state's two-letter code as is;
  EDGAR's codes for Canadian provinces and a few countries become their names (compared
  case-insensitively); other codes are compared as they are.
- file_number: ``SEC FILE NUMBER`` vs ``registrant.file_number`` with leading zeros stripped from each
  dash-separated part (``000-18225`` = ``0-18225``). If the registrant exposes several numbers
  (a ``file_numbers`` attribute), the header's counts as found when it is among them.
- irs_number: the header's nine digits written ``NN-NNNNNNN`` (SCHEMA.md) vs ``registrant.irs_number``
  exactly. Headers without a nine-digit, non-zero number are not counted.
- date_of_report: ``CONFORMED PERIOD OF REPORT`` (YYYYMMDD) in ISO form vs ``date_of_report``.
- address.zip: the first five digits (US); other postcodes without spaces, case-insensitively.
- address.state: two-letter codes; a US state's name on the cover ("Minnesota") counts as its code, and
  EDGAR's codes for Canadian provinces and a few countries as the place's name ("A6" = "Ontario").
- address.city: case-insensitively, punctuation as spaces.
- address.street: case and punctuation dropped (periods removed, other punctuation as spaces), then each
  word in USPS abbreviation (WEST→W, DRIVE→DR, STREET→ST, AVENUE→AVE, SUITE→STE, …) and number words up to
  ten as digits; the cover's street must equal the header's ``STREET 1`` or ``STREET 1`` + ``STREET 2``.
- address: all four parts right.
- phone: the header's ``BUSINESS PHONE`` as digits (SCHEMA.md) vs ``registrant.phone`` exactly.

Fields the header leaves empty are not counted for that filing.

Header and cover do not always agree: EDGAR's business address can be stale or be the former address
the cover also prints, the header's period can differ from the cover's date of report, the phone can be
another office's. So each miss is also checked against the primary document's text (tags removed): when
the header's value appears nowhere in it, the miss is flagged "[header value not on the page]", and the
right-hand columns of the table count only filings whose document prints the header's value (for
items: prints an "Item N.NN Title" heading for each of the header's items and for no other). That
search is crude (a value found anywhere counts as printed); the targets (issue 10) apply to the
right-hand columns, the values the page prints.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    DEFAULT_CORPUS,
    NO_PARSER_MESSAGE,
    HeaderFacts,
    ParseFiling,
    corpus_files,
    load_parse_filing,
    primary_document,
    read_header,
)
from eightk.catalog import code_for, code_for_title  # noqa: E402

TARGET_ITEMS = 99.0
TARGET_COVER = 98.0

# ---------------------------------------------------------------------------
# Normalization tables (see the module docstring)

_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "lp", "plc",
    "l", "p", "sa", "nv", "ag", "se", "the",
}  # fmt: skip
_USPS = {
    "north": "n", "south": "s", "east": "e", "west": "w",
    "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
    "street": "st", "avenue": "ave", "av": "ave", "drive": "dr", "road": "rd", "boulevard": "blvd",
    "parkway": "pkwy", "pky": "pkwy", "lane": "ln", "court": "ct", "place": "pl", "suite": "ste",
    "floor": "fl", "flr": "fl", "highway": "hwy", "expressway": "expy", "square": "sq", "circle": "cir",
    "center": "ctr", "centre": "ctr", "terrace": "ter", "building": "bldg", "plaza": "plz",
    "mount": "mt", "fort": "ft", "saint": "st", "route": "rte", "trail": "trl", "turnpike": "tpke",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "number": "no",
}  # fmt: skip
_US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL",
    "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO",
    "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
    "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH",
    "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC",
    "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
    "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
    "puerto rico": "PR",
}  # fmt: skip
_US_CODES = frozenset(_US_STATES.values())
# EDGAR's state/country codes outside the US states that the header uses for places named on covers.
_EDGAR_PLACES = {
    "A0": "Alberta", "A1": "British Columbia", "A2": "Manitoba", "A3": "New Brunswick",
    "A4": "Newfoundland", "A5": "Nova Scotia", "A6": "Ontario", "A7": "Prince Edward Island",
    "A8": "Quebec", "A9": "Saskatchewan", "B0": "Yukon", "D0": "Bermuda", "E9": "Cayman Islands",
    "K3": "Hong Kong", "L3": "Israel", "X0": "United Kingdom",
}  # fmt: skip


def _words(text: str) -> list[str]:
    text = re.sub(r"['\u2019]", "", text.casefold()).replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def norm_name(name: str) -> str:
    name = re.sub(r"\s*/[A-Za-z]{2,4}/?\s*$", "", name.strip())
    words = _words(name)
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def norm_street(street: str) -> str:
    words = _words(street.replace(".", "").replace("#", " "))
    return " ".join(_USPS.get(w, w) for w in words)


def norm_state(state: str) -> str:
    code = state.strip().upper()
    return (_US_STATES.get(" ".join(_words(state))) or _EDGAR_PLACES.get(code) or code).casefold()


def norm_zip(zip_code: str) -> str:
    digits = re.match(r"\s*(\d{5})", zip_code)
    return digits.group(1) if digits else re.sub(r"\s+", "", zip_code).upper()


def norm_file_number(number: str) -> str:
    return "-".join(part.lstrip("0") or "0" for part in number.strip().split("-"))


def expected_incorporation(code: str) -> str:
    code = code.strip().upper()
    return code if code in _US_CODES else _EDGAR_PLACES.get(code, code)


def header_date(value: str | None) -> _dt.date | None:
    if not value or not re.fullmatch(r"\d{8}", value.strip()):
        return None
    try:
        return _dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Checks: one small function per field, in a table (the order of the printed table)


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    got: str
    expected: str


@dataclass(frozen=True, slots=True)
class Skip:
    reason: str


Check = Callable[[Any, HeaderFacts], "Verdict | Skip"]


def _show(value: object) -> str:
    return "null" if value is None else str(value)


def _same(got: str | None, expected: str, norm: Callable[[str], str]) -> Verdict:
    return Verdict(got is not None and norm(got) == norm(expected), _show(got), expected)


MODERN_ITEMS = _dt.date(2004, 8, 23)  # the SEC's item list became the filing's own (8-K rule of 2004)


def _check_items(filing: Any, header: HeaderFacts, modern: bool) -> Verdict | Skip:
    lines = header.item_lines
    if not lines:
        return Skip("header has no ITEM INFORMATION")
    if any(not line.strip() for line in lines):
        return Skip(f"header ITEM INFORMATION incomplete ({sum(not x.strip() for x in lines)} blank line(s))")
    filed = header_date(header.first("FILED AS OF DATE"))
    if filed is not None and (filed >= MODERN_ITEMS) != modern:
        return Skip("filed before 23 Aug 2004" if modern else "filed on or after 23 Aug 2004")
    expected = {code_for_title(t, filed) or f"?{t}" for t in lines}
    got = set(filing.item_codes)
    return Verdict(got == expected, _show(sorted(got)), _show(sorted(expected)))


def check_items(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    return _check_items(filing, header, modern=True)


def check_items_old(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    return _check_items(filing, header, modern=False)


def check_name(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    expected = header.company("COMPANY CONFORMED NAME")
    if not expected:
        return Skip("header has no COMPANY CONFORMED NAME")
    return _same(filing.registrant.name, expected, norm_name)


def check_incorporation(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    code = header.company("STATE OF INCORPORATION")
    if not code:
        return Skip("header has no STATE OF INCORPORATION")
    return _same(filing.registrant.state_of_incorporation, expected_incorporation(code), str.casefold)


def check_file_number(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    expected = header.file_number
    if not expected:
        return Skip("header has no SEC FILE NUMBER")
    reg = filing.registrant
    several = getattr(reg, "file_numbers", None)
    if several:
        found = norm_file_number(expected) in {norm_file_number(n) for n in several}
        return Verdict(found, _show(list(several)), expected)
    return _same(reg.file_number, expected, norm_file_number)


def check_irs(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    digits = re.sub(r"\D", "", header.company("IRS NUMBER") or "")
    if len(digits) != 9 or not digits.strip("0"):
        return Skip("header has no nine-digit IRS NUMBER")
    expected = f"{digits[:2]}-{digits[2:]}"
    got = filing.registrant.irs_number
    return Verdict(got == expected, _show(got), expected)


def check_date(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    period = header_date(header.first("CONFORMED PERIOD OF REPORT"))
    if period is None:
        return Skip("header has no CONFORMED PERIOD OF REPORT")
    got = filing.date_of_report
    return Verdict(got == period, _show(got), period.isoformat())


def _address_part(key: str, attr: str, norm: Callable[[str], str]) -> Check:
    def check(filing: Any, header: HeaderFacts) -> Verdict | Skip:
        expected = header.business(key)
        if not expected:
            return Skip(f"header has no BUSINESS ADDRESS {key}")
        return _same(getattr(filing.registrant.address, attr), expected, norm)

    return check


def check_street(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    s1, s2 = header.business("STREET 1"), header.business("STREET 2")
    if not s1:
        return Skip("header has no BUSINESS ADDRESS STREET 1")
    choices = [s1] + ([f"{s1} {s2}"] if s2 else [])
    got = filing.registrant.address.street
    ok = got is not None and norm_street(got) in {norm_street(c) for c in choices}
    return Verdict(ok, _show(got), " | ".join(choices))


check_city = _address_part("CITY", "city", lambda s: " ".join(_words(s)))
check_address_state = _address_part("STATE", "state", norm_state)
check_zip = _address_part("ZIP", "zip", norm_zip)
_ADDRESS_PARTS = (check_street, check_city, check_address_state, check_zip)


def check_address(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    verdicts = [c(filing, header) for c in _ADDRESS_PARTS]
    counted = [v for v in verdicts if isinstance(v, Verdict)]
    if len(counted) < len(verdicts):
        return Skip("header business address incomplete")
    a = filing.registrant.address
    got = f"{a.street} / {a.city} / {a.state} / {a.zip}"
    return Verdict(all(v.ok for v in counted), got, " / ".join(v.expected for v in counted))


def check_phone(filing: Any, header: HeaderFacts) -> Verdict | Skip:
    digits = re.sub(r"\D", "", header.business("BUSINESS PHONE") or "")
    if not digits:
        return Skip("header has no BUSINESS PHONE")
    got = filing.registrant.phone
    return Verdict(got == digits, _show(got), digits)


# ---------------------------------------------------------------------------
# Is the header's value on the page at all? A miss whose value the document never prints is a filing
# where header and cover disagree (a stale EDGAR address, a date of report the filer gave differently),
# not necessarily a parser bug. These tests are deliberately crude: they look for the value anywhere.


@dataclass(frozen=True, slots=True)
class Page:
    text: str  # tags removed, entities decoded, whitespace collapsed
    words: str  # " w1 w2 … " as ``_words`` gives them
    street: str  # " … " as ``norm_street`` gives it


_TAG = re.compile(r"<[^>]*>")
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_PLACE_NAMES = {code: name for name, code in _US_STATES.items()} | _EDGAR_PLACES

Presence = Callable[[HeaderFacts, Page], bool]


def page_of(body: bytes) -> Page:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("latin-1")
    text = " ".join(html.unescape(_TAG.sub(" ", text)).split())
    return Page(text, f" {' '.join(_words(text))} ", f" {norm_street(text)} ")


def _has_words(page: Page, value: str) -> bool:
    words = " ".join(_words(value))
    return bool(words) and f" {words} " in page.words


def _has_place(page: Page, code: str) -> bool:
    code = code.strip().upper()
    return _has_words(page, _PLACE_NAMES.get(code, code)) or _has_words(page, code)


# A printed item heading: "Item 5.02" then a capitalized title ("Item 9.01. Financial …"), not a cross
# reference ("this Item 2.02, including …", "Item 5.07 below").
_ITEM_HEADING = re.compile(r"\b(?i:item)\s+(\d{1,2}\.\d{2})\b\.?\s*[:\-\u2013\u2014]?\s*[A-Z]")


def on_page_items(h: HeaderFacts, page: Page) -> bool:
    """Whether the page prints a heading for exactly the header's items (modern numbers only)."""
    filed = header_date(h.first("FILED AS OF DATE"))
    expected = {code_for_title(t, filed) or f"?{t}" for t in h.item_lines}
    printed = {code_for(m.group(1), filed) for m in _ITEM_HEADING.finditer(page.text)}
    return expected == printed


def on_page_name(h: HeaderFacts, page: Page) -> bool:
    return _has_words(page, norm_name(h.company("COMPANY CONFORMED NAME") or ""))


_INCORPORATION_CAPTION = re.compile(r"(?i:incorporation|organization|\bcorporation\b)")


def on_page_incorporation(h: HeaderFacts, page: Page) -> bool:
    """The place printed just before (160 characters) or after (40) an "incorporation"/"organization"
    caption or "corporation" ("a Delaware corporation"); the address line on the cover names states too."""
    code = h.company("STATE OF INCORPORATION") or ""
    for m in _INCORPORATION_CAPTION.finditer(page.text):
        near = page_of(page.text[max(0, m.start() - 160) : m.end() + 40].encode("utf-8"))
        if _has_place(near, code):
            return True
    return False


def on_page_file_number(h: HeaderFacts, page: Page) -> bool:
    parts = [p.lstrip("0") or "0" for p in (h.file_number or "").strip().split("-")]
    pattern = r"(?<![\d-])" + r"\s*-\s*".join(f"0*{re.escape(p)}" for p in parts) + r"(?![\d])"
    return re.search(pattern, page.text) is not None


def on_page_irs(h: HeaderFacts, page: Page) -> bool:
    d = re.sub(r"\D", "", h.company("IRS NUMBER") or "")
    return re.search(rf"(?<!\d){d[:2]}\s*-?\s*{d[2:]}(?!\d)", page.text) is not None


def on_page_date(h: HeaderFacts, page: Page) -> bool:
    d = header_date(h.first("CONFORMED PERIOD OF REPORT"))
    if d is None:
        return False
    month = _MONTH_NAMES[d.month - 1]
    mon = rf"(?:{month}|{month[:3]}|{month[:4]})\.?"
    day, year = rf"0?{d.day}(?:st|nd|rd|th)?", str(d.year)
    patterns = (
        rf"\b{mon}\s*{day}\s*,?\s*{year}\b",
        rf"\b{day}\s+(?:day\s+of\s+)?{mon},?\s+{year}\b",
        rf"\b0?{d.month}/0?{d.day}/(?:{year}|{year[2:]})\b",
        rf"\b{d.isoformat()}\b",
    )
    return any(re.search(p, page.text, re.IGNORECASE) for p in patterns)


def on_page_street(h: HeaderFacts, page: Page) -> bool:
    s1, s2 = h.business("STREET 1") or "", h.business("STREET 2")
    choices = [s1] + ([f"{s1} {s2}"] if s2 else [])
    return any(f" {norm_street(c)} " in page.street for c in choices if norm_street(c))


def on_page_city(h: HeaderFacts, page: Page) -> bool:
    return _has_words(page, h.business("CITY") or "")


def on_page_state(h: HeaderFacts, page: Page) -> bool:
    return _has_place(page, h.business("STATE") or "")


def on_page_zip(h: HeaderFacts, page: Page) -> bool:
    z = h.business("ZIP") or ""
    five = re.match(r"\s*(\d{5})", z)
    if five:
        return re.search(rf"(?<!\d){five.group(1)}(?!\d)", page.text) is not None
    return _has_words(page, z)


def on_page_address(h: HeaderFacts, page: Page) -> bool:
    parts = (on_page_street, on_page_city, on_page_state, on_page_zip)
    return all(f(h, page) for f in parts)


def on_page_phone(h: HeaderFacts, page: Page) -> bool:
    d = re.sub(r"\D", "", h.business("BUSINESS PHONE") or "")
    return re.search(r"[\s().-]{0,3}".join(d), page.text) is not None


CHECKS: tuple[tuple[str, Check, Presence | None, float], ...] = (
    ("items (set exact)", check_items, on_page_items, TARGET_ITEMS),
    ("items, filed before 8/2004", check_items_old, None, 0.0),
    ("name", check_name, on_page_name, TARGET_COVER),
    ("state_of_incorporation", check_incorporation, on_page_incorporation, TARGET_COVER),
    ("file_number", check_file_number, on_page_file_number, TARGET_COVER),
    ("irs_number", check_irs, on_page_irs, TARGET_COVER),
    ("date_of_report", check_date, on_page_date, TARGET_COVER),
    ("address (all parts)", check_address, on_page_address, TARGET_COVER),
    ("  address.street", check_street, on_page_street, TARGET_COVER),
    ("  address.city", check_city, on_page_city, TARGET_COVER),
    ("  address.state", check_address_state, on_page_state, TARGET_COVER),
    ("  address.zip", check_zip, on_page_zip, TARGET_COVER),
    ("phone", check_phone, on_page_phone, TARGET_COVER),
)

# ---------------------------------------------------------------------------
# Running


@dataclass(slots=True)
class Tally:
    counted: int = 0
    correct: int = 0
    on_page: int = 0  # counted filings whose header value the document prints (or that eightk got right)
    correct_on_page: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    file: str
    field: str
    got: str
    expected: str
    on_page: bool = True


@dataclass(slots=True)
class Report:
    tallies: dict[str, Tally]
    misses: list[Note]
    skips: list[Note]  # got = the reason
    failures: list[Note]  # files that could not be parsed or had no header/document
    files: int = 0


def _input_for(raw: bytes, path: Path, full: bool) -> tuple[bytes, str] | None:
    if full:
        return raw, path.name
    doc = primary_document(raw)
    if doc is None:
        return None
    body, filename = doc
    return body, filename or path.name


def _filer_named(filing: Any, header: HeaderFacts) -> HeaderFacts:
    """A combined filing (several FILER sections, one cover table listing them all) is graded against
    the filer the cover's registrant names; the header's order of filers is not the cover's."""
    got = norm_name(filing.registrant.name or "")
    for filer in header.filers[1:]:
        if got and norm_name(filer.get("COMPANY DATA/COMPANY CONFORMED NAME", "")) == got:
            return replace(header, filer=filer)
    return header


def _grade(report: Report, name: str, filing: Any, header: HeaderFacts, page: Page) -> None:
    header = _filer_named(filing, header)
    for field, check, presence, _target in CHECKS:
        verdict = check(filing, header)
        if isinstance(verdict, Skip):
            report.skips.append(Note(name, field.strip(), verdict.reason, ""))
            continue
        on_page = verdict.ok or presence is None or presence(header, page)
        tally = report.tallies[field]
        tally.counted += 1
        tally.correct += verdict.ok
        tally.on_page += on_page
        tally.correct_on_page += verdict.ok
        if not verdict.ok:
            report.misses.append(Note(name, field.strip(), verdict.got, verdict.expected, on_page))


def run(corpus: Path, parse_filing: ParseFiling, full: bool) -> Report:
    report = Report({f: Tally() for f, _c, _p, _t in CHECKS}, [], [], [])
    for cf in corpus_files(corpus):
        if not cf.has_sec_header:
            continue
        name = cf.path.name
        raw = cf.path.read_bytes()
        header = read_header(raw)
        given = _input_for(raw, cf.path, full)
        if header is None or given is None:
            what = "no SGML header found" if header is None else "no <DOCUMENT> found"
            report.failures.append(Note(name, "*", what, ""))
            continue
        report.files += 1
        try:
            filing = parse_filing(given[0], name=given[1])
        except Exception as exc:  # a benchmark reports a crash as a result and goes on
            report.failures.append(Note(name, "*", f"parse_filing raised {type(exc).__name__}: {exc}", ""))
            continue
        doc = primary_document(raw)
        _grade(report, name, filing, header, page_of(doc[0] if doc else raw))
    return report


def _pct(correct: int, counted: int) -> str:
    return f"{100.0 * correct / counted:6.1f}" if counted else "     -"


def _target(target: float) -> str:
    return f"≥{target:g}%" if target else "—"


def print_report(report: Report, corpus: Path, full: bool) -> None:
    mode = "full submission, header included (sanity)" if full else "primary document alone, header stripped"
    print(f"eightk accuracy vs SEC header — {report.files} headered filings from {corpus}")
    print(f"mode: {mode}\n")
    print(f"{'':<26} {'all counted filings':^27} {'value on the page *':^22}")
    print(f"{'field':<26} {'n':>4} {'correct':>8} {'%':>6}  {'target':<6} {'n':>4} {'correct':>8} {'%':>6}")
    for field, _check, _presence, target in CHECKS:
        t = report.tallies[field]
        print(
            f"{field:<26} {t.counted:>4} {t.correct:>8} {_pct(t.correct, t.counted)}  {_target(target):<6}"
            f" {t.on_page:>4} {t.correct_on_page:>8} {_pct(t.correct_on_page, t.on_page)}"
        )
    print(
        "* only filings whose primary document prints the header's value somewhere (crude search of its"
        " text);\n  the others are filings where the cover and the header disagree. Targets apply to"
        " these right-hand columns."
    )
    if report.failures:
        print(f"\nfiles not parsed ({len(report.failures)}):")
        for n in report.failures:
            print(f"  {n.file}: {n.got}")
    print(f"\nnot counted ({len(report.skips)} file/field pairs):")
    for n in report.skips:
        print(f"  {n.file}  {n.field}: {n.got}")
    print(f"\nmisses ({len(report.misses)}):")
    order = {field.strip(): i for i, (field, _c, _p, _t) in enumerate(CHECKS)}
    for n in sorted(report.misses, key=lambda n: (order[n.field], n.file)):
        flag = "" if n.on_page else "   [header value not on the page]"
        print(f"  {n.file}  {n.field}{flag}\n      got:      {n.got}\n      expected: {n.expected}")


def main(argv: Iterable[str] | None = None, parse_filing: ParseFiling | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)")
    ap.add_argument("--full", action="store_true", help="parse full submissions, header included (sanity)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    parse_filing = parse_filing or load_parse_filing()
    if parse_filing is None:
        print(NO_PARSER_MESSAGE)
        return 0
    report = run(args.corpus, parse_filing, args.full)
    print_report(report, args.corpus, args.full)
    return 0


if __name__ == "__main__":
    sys.exit(main())
