"""EDGAR's file formats, read and written: the index files (``master.idx``, ``form.idx``), the
latest-filings Atom feed, the company ticker file, and the SGML header fields of a full submission.

Pure functions over bytes and strings: the fetch client reads these formats, the local test server
(``edgar_testserver``) writes them, so the two agree by construction and a test reads one with the other.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

__all__ = [
    "IndexEntry",
    "Submission",
    "accession_of",
    "format_feed",
    "format_form_idx",
    "format_master_idx",
    "is_complete_submission",
    "parse_feed",
    "parse_master_idx",
    "parse_tickers",
    "read_header",
    "submission_path",
]

_ATOM = "{http://www.w3.org/2005/Atom}"
_ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One row of an EDGAR index or feed: a filing of ``form_type`` by ``cik`` (digits, no leading
    zeros), filed on ``filed`` (a date), stored at ``path`` (relative to ``Archives/``, e.g.
    ``edgar/data/320193/0000320193-24-000005.txt``)."""

    cik: str
    company: str
    form_type: str
    filed: dt.date
    path: str

    @property
    def accession(self) -> str:
        """The accession number (``0000320193-24-000005``) taken from ``path``."""
        return accession_of(self.path)


@dataclass(frozen=True, slots=True)
class Submission:
    """A full submission's header values (strings as EDGAR prints them, ``cik`` without leading zeros)."""

    accession: str
    cik: str
    company: str
    form_type: str
    filed: dt.date


def accession_of(text: str) -> str:
    """The first accession number (``NNNNNNNNNN-YY-NNNNNN``) in ``text``; ``ValueError`` if none."""
    m = _ACCESSION.search(text)
    if m is None:
        raise ValueError(f"no accession number in {text!r}")
    return m.group(0)


def submission_path(cik: str, accession: str) -> str:
    """Where EDGAR keeps a full submission, relative to ``Archives/``."""
    return f"edgar/data/{int(cik)}/{accession}.txt"


def _header_value(head: str, key: str) -> str | None:
    m = re.search(rf"^\s*{re.escape(key)}:[ \t]*(\S[^\r\n]*)", head, re.MULTILINE)
    return m.group(1).strip() if m else None


def read_header(raw: bytes) -> Submission | None:
    """The accession, filer CIK and name, form type and filing date from a full submission's SGML
    header (the first filer's values), or None when ``raw`` has no such header."""
    head = raw[:20000].decode("latin-1")
    values = [
        _header_value(head, k)
        for k in ("ACCESSION NUMBER", "CENTRAL INDEX KEY", "COMPANY CONFORMED NAME", "CONFORMED SUBMISSION TYPE")
    ]
    filed = _header_value(head, "FILED AS OF DATE")
    if any(v is None for v in values) or filed is None or not re.fullmatch(r"\d{8}", filed):
        return None
    accession, cik, company, form = (v or "" for v in values)
    return Submission(accession, str(int(cik)), company, form, dt.datetime.strptime(filed, "%Y%m%d").date())


_CLOSERS = (b"</SEC-DOCUMENT>", b"</SUBMISSION>", b"-----END PRIVACY-ENHANCED MESSAGE-----", b"</IMS-DOCUMENT>")
_OPENERS = (b"<SEC-DOCUMENT>", b"<SUBMISSION>", b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----", b"<IMS-DOCUMENT>")


def is_complete_submission(head: bytes, tail: bytes) -> bool:
    """Whether a downloaded file whose first bytes are ``head`` and last bytes are ``tail`` is whole: a
    file that opens like an EDGAR full submission must end with its closing tag; any other file passes
    (only its length can be checked)."""
    if not any(o in head[:4096] for o in _OPENERS):
        return True
    return tail.rstrip().endswith(_CLOSERS)


# -- index files ---------------------------------------------------------------------------------------

_MASTER_HEAD = (
    "Description:           Master Index of EDGAR Dissemination Feed\n"
    "Last Data Received:    {last}\n"
    "Comments:              webmaster@sec.gov\n"
    "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n\n\n\n\n"
    "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n"
)


def format_master_idx(entries: Iterable[IndexEntry], last: str) -> bytes:
    """``master.idx``: a header, then ``CIK|Company Name|Form Type|Date Filed|Filename`` rows."""
    rows = [f"{e.cik}|{e.company}|{e.form_type}|{e.filed.isoformat()}|{e.path}\n" for e in entries]
    return (_MASTER_HEAD.format(last=last) + "".join(rows)).encode("latin-1", "replace")


def format_form_idx(entries: Iterable[IndexEntry], last: str) -> bytes:
    """``form.idx``: the same rows in fixed-width columns, sorted by form type."""
    head = (
        "Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n"
        f"Last Data Received:    {last}\n"
        "Comments:              webmaster@sec.gov\n"
        "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n\n\n\n\n"
        f"{'Form Type':<12}{'Company Name':<62}{'CIK':<12}{'Date Filed':<12}File Name\n" + "-" * 141 + "\n"
    )
    rows = [
        f"{e.form_type:<12}{e.company:<62}{e.cik:<12}{e.filed.isoformat():<12}{e.path}\n"
        for e in sorted(entries, key=lambda e: (e.form_type, e.company))
    ]
    return (head + "".join(rows)).encode("latin-1", "replace")


def parse_master_idx(data: bytes) -> Iterator[IndexEntry]:
    """The rows of a ``master.idx`` file (quarterly or daily). Header lines and malformed rows are
    skipped; a row whose date is not ISO or ``YYYYMMDD`` is skipped too."""
    for line in data.decode("latin-1").splitlines():
        parts = line.split("|")
        if len(parts) != 5 or not parts[0].strip().isdigit():
            continue
        cik, company, form, filed, path = (p.strip() for p in parts)
        try:
            day = dt.date.fromisoformat(filed) if "-" in filed else dt.datetime.strptime(filed, "%Y%m%d").date()
        except ValueError:
            continue
        yield IndexEntry(str(int(cik)), company, form, day, path)


# -- the latest-filings feed --------------------------------------------------------------------------


def format_feed(entries: Iterable[IndexEntry], base_url: str, updated: dt.datetime) -> bytes:
    """The latest-filings Atom feed (``cgi-bin/browse-edgar?action=getcurrent&output=atom``), newest first."""
    root = ElementTree.Element("feed", xmlns="http://www.w3.org/2005/Atom")
    ElementTree.SubElement(root, "title").text = "Latest Filings"
    ElementTree.SubElement(root, "updated").text = updated.isoformat()
    for e in entries:
        node = ElementTree.SubElement(root, "entry")
        ElementTree.SubElement(node, "title").text = f"{e.form_type} - {e.company} ({int(e.cik):010d}) (Filer)"
        index = e.path.removesuffix(".txt") + "-index.htm"
        ElementTree.SubElement(node, "link", rel="alternate", type="text/html", href=f"{base_url}/Archives/{index}")
        summary = f"<b>Filed:</b> {e.filed.isoformat()} <b>AccNo:</b> {e.accession}"
        ElementTree.SubElement(node, "summary", type="html").text = summary
        ElementTree.SubElement(node, "updated").text = f"{e.filed.isoformat()}T00:00:00-04:00"
        ElementTree.SubElement(node, "category", scheme="https://www.sec.gov/", label="form type", term=e.form_type)
        ElementTree.SubElement(node, "id").text = f"urn:tag:sec.gov,2008:accession-number={e.accession}"
    return b'<?xml version="1.0" encoding="ISO-8859-1" ?>\n' + ElementTree.tostring(root)


def _feed_entry(node: ElementTree.Element) -> IndexEntry | None:
    title = node.findtext(f"{_ATOM}title") or ""
    link = node.find(f"{_ATOM}link")
    href = link.get("href", "") if link is not None else ""
    m = re.match(r"\s*(.+?)\s+-\s+(.*)\s+\((\d+)\)", title)
    acc = _ACCESSION.search(node.findtext(f"{_ATOM}id") or href)
    filed = re.search(r"Filed:</b>\s*(\d{4}-\d{2}-\d{2})", node.findtext(f"{_ATOM}summary") or "")
    if m is None or acc is None:
        return None
    when = filed.group(1) if filed else (node.findtext(f"{_ATOM}updated") or "")[:10]
    try:
        day = dt.date.fromisoformat(when)
    except ValueError:
        return None
    return IndexEntry(str(int(m.group(3))), m.group(2), m.group(1), day, submission_path(m.group(3), acc.group(0)))


def parse_feed(data: bytes) -> list[IndexEntry]:
    """The filings of a latest-filings Atom feed, in feed order. ``ValueError`` if it is not XML."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"not an Atom feed: {exc}") from None
    return [e for node in root.iter(f"{_ATOM}entry") if (e := _feed_entry(node)) is not None]


# -- the ticker file ----------------------------------------------------------------------------------


def parse_tickers(data: bytes) -> list[tuple[str, str, str]]:
    """``company_tickers.json`` as ``(ticker, cik, title)`` rows (ticker upper-case, CIK without leading
    zeros). ``ValueError`` if the file is not that JSON shape."""
    try:
        doc = json.loads(data)
        rows = doc.values() if isinstance(doc, dict) else doc
        return [(str(r["ticker"]).upper(), str(int(r["cik_str"])), str(r.get("title", ""))) for r in rows]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a company ticker file: {exc}") from None
