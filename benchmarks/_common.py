"""Shared helpers for the benchmark scripts: the corpus, the SEC header as ground truth, the primary document.

This module is the *ground-truth side* of the benchmarks, so it reads SGML submissions on its own and
imports nothing from eightk: a bug in eightk's SGML reader must not be able to hide itself by also
being the yardstick. It knows just enough of the two header dialects to read the registrant's fields:

- colon form: ``<SEC-HEADER>`` (or ``<IMS-HEADER>``) with lines like ``ITEM INFORMATION:\\tOther Events``;
- tag form: ``<SUBMISSION>`` with lines like ``<ITEMS>5`` and nested ``<FILER>``/``<COMPANY-DATA>``.

Only the standard library is used, so the edgartools worker (another venv) could import it too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

# ---------------------------------------------------------------------------
# The corpus


@dataclass(frozen=True, slots=True)
class CorpusFile:
    path: Path
    has_sec_header: bool
    filed_date: str  # YYYYMMDD as the manifest gives it ("" when unknown)
    format: str  # sgml-full | ixbrl | html | text


def corpus_files(corpus: Path) -> list[CorpusFile]:
    """Every file of ``corpus/filings``, in manifest order (files missing from the manifest at the end)."""
    filings = corpus / "filings"
    rows: dict[str, dict[str, str]] = {}
    manifest = corpus / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                rows[row["file"]] = row
    names = [n for n in rows if (filings / n).is_file()]
    names += sorted(p.name for p in filings.iterdir() if p.is_file() and p.name not in rows)
    out = []
    for name in names:
        row = rows.get(name, {})
        out.append(
            CorpusFile(
                path=filings / name,
                has_sec_header=row.get("has_sec_header", "") == "y",
                filed_date=row.get("filed_date", ""),
                format=row.get("format", ""),
            )
        )
    return out


# ---------------------------------------------------------------------------
# The SEC header


@dataclass(slots=True)
class HeaderFacts:
    """What the SEC header says about a filing (values as the header writes them)."""

    dialect: str  # "colon" | "tag"
    values: dict[str, list[str]] = field(default_factory=dict)  # top-level KEY → values in order
    filer: dict[str, str] = field(default_factory=dict)  # "SECTION/KEY" → value, first filer only
    filers: list[dict[str, str]] = field(default_factory=list)  # every FILER section, same keys, in order

    def first(self, key: str) -> str | None:
        vals = self.values.get(key)
        return vals[0] if vals else None

    @property
    def item_lines(self) -> list[str]:
        return self.values.get("ITEM INFORMATION", [])

    def company(self, key: str) -> str | None:
        return self.filer.get(f"COMPANY DATA/{key}") or None

    def business(self, key: str) -> str | None:
        return self.filer.get(f"BUSINESS ADDRESS/{key}") or None

    @property
    def file_number(self) -> str | None:
        return self.filer.get("FILING VALUES/SEC FILE NUMBER") or None


_COLON_HEADER = re.compile(rb"<(SEC-HEADER|IMS-HEADER)>(.*?)(?:</\1>|<DOCUMENT>)", re.DOTALL | re.IGNORECASE)
_TAG_HEADER = re.compile(rb"<SUBMISSION>(.*?)(?:</SUBMISSION>|<DOCUMENT>)", re.DOTALL | re.IGNORECASE)
# "KEY:<tabs>value"; a few old headers have stray bytes before the key ("]\t\tIRS NUMBER:").
_COLON_LINE = re.compile(r"^[^A-Za-z]*([A-Z][A-Z0-9 ()/&.-]*?):[ \t]*(.*?)\s*$")
_TAG_LINE = re.compile(r"^\s*<(/?)([A-Z0-9-]+)>[ \t]*(.*?)\s*$")

_FILER_ROLES = {"FILER", "SUBJECT COMPANY", "FILED BY", "ISSUER", "REPORTING OWNER"}
_SECTIONS = {"COMPANY DATA", "FILING VALUES", "BUSINESS ADDRESS", "MAIL ADDRESS", "FORMER COMPANY"}
# Tag-form names that differ from the colon form (the rest only swap "-" for " ").
_TAG_TO_COLON = {
    "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT",
    "ITEMS": "ITEM INFORMATION",
    "FILING-DATE": "FILED AS OF DATE",
    "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY",
    "FILE-NUMBER": "SEC FILE NUMBER",
    "STREET1": "STREET 1",
    "STREET2": "STREET 2",
    "PHONE": "BUSINESS PHONE",
}


def read_header(raw: bytes) -> HeaderFacts | None:
    """The SEC header of a full submission, or None when the bytes have none."""
    head = raw[: 1 << 20]
    m = _COLON_HEADER.search(head)
    if m:
        lines = _colon_pairs(m.group(2).decode("latin-1"))
        return _collect("colon", lines)
    start = head.lstrip()[:12].upper()
    if start == b"<SUBMISSION>":
        m2 = _TAG_HEADER.search(head)
        if m2:
            return _collect("tag", _tag_pairs(m2.group(1).decode("latin-1")))
    return None


def _colon_pairs(block: str) -> Iterator[tuple[str, str]]:
    for line in block.splitlines():
        m = _COLON_LINE.match(line)
        if m:
            yield m.group(1).strip().upper(), m.group(2)


def _tag_pairs(block: str) -> Iterator[tuple[str, str]]:
    for line in block.splitlines():
        m = _TAG_LINE.match(line)
        if not m or m.group(1):  # closing tags carry nothing
            continue
        tag = m.group(2).upper()
        yield _TAG_TO_COLON.get(tag, tag.replace("-", " ")), m.group(3)


def _collect(dialect: str, pairs: Iterator[tuple[str, str]]) -> HeaderFacts:
    """Top-level keys go to ``values``; keys of the first filer section to ``filer``, by sub-section."""
    facts = HeaderFacts(dialect)
    where = "top"  # "top" | "first" (the first filer section) | "other" (any later filer section)
    section = ""
    current: dict[str, str] | None = None  # the FILER section being read
    for key, value in pairs:
        if key in _FILER_ROLES and not value:
            # "FILED BY" names the filing agent's entity on some 8-Ks, never the registrant.
            where = "first" if key != "FILED BY" and not facts.filer else "other"
            current = {} if key == "FILER" else None
            if current is not None:
                facts.filers.append(current)
            section = ""
            continue
        if key in _SECTIONS and not value:
            section = key
            continue
        if where == "top":
            facts.values.setdefault(key, []).append(value)
        elif where == "first" and value:
            facts.filer.setdefault(f"{section}/{key}", value)
        if current is not None and value:
            current.setdefault(f"{section}/{key}", value)
    return facts


# ---------------------------------------------------------------------------
# The primary document

_DOCUMENT = re.compile(rb"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.DOTALL | re.IGNORECASE)
_TEXT = re.compile(rb"<TEXT>(.*?)(?:</TEXT>|\Z)", re.DOTALL | re.IGNORECASE)
_FILENAME = re.compile(rb"^\s*<FILENAME>\s*([^\r\n<]+)", re.MULTILINE | re.IGNORECASE)
# Inline XBRL primary documents sit in an <XBRL> wrapper inside <TEXT>: EDGAR's packaging, not the page.
_WRAPPER = re.compile(rb"^\s*<(XBRL|XML)>\s*(.*?)\s*(?:</\1>\s*)?$", re.DOTALL | re.IGNORECASE)


def primary_document(raw: bytes) -> tuple[bytes, str | None] | None:
    """The first ``<DOCUMENT>``'s ``<TEXT>`` bytes and its ``<FILENAME>``, or None without documents.

    An ``<XBRL>``/``<XML>`` wrapper around the text is removed: a primary document saved on its own
    (as EDGAR serves it at its own URL) does not have it.
    """
    m = _DOCUMENT.search(raw)
    if not m:
        return None
    block = m.group(1)
    t = _TEXT.search(block)
    body = t.group(1) if t else block
    w = _WRAPPER.match(body[:64]) and _WRAPPER.match(body)
    if w:
        body = w.group(2)
    fm = _FILENAME.search(block[:2048])
    name = fm.group(1).strip().decode("latin-1") if fm else None
    return body.lstrip(b"\r\n"), name


# ---------------------------------------------------------------------------
# eightk's entry point, looked up at run time

ParseFiling = Callable[..., Any]


def load_parse_filing() -> ParseFiling | None:
    """``eightk.parse_filing`` (or ``eightk.parse.pipeline.parse_filing``), or None until it exists."""
    try:
        from eightk import parse_filing

        return parse_filing  # type: ignore[no-any-return]
    except ImportError:
        pass
    try:
        from eightk.parse.pipeline import parse_filing as pf

        return pf  # type: ignore[no-any-return]
    except ImportError:
        return None


NO_PARSER_MESSAGE = (
    "eightk.parse_filing is not available yet (neither `eightk.parse_filing` nor "
    "`eightk.parse.pipeline.parse_filing` imports): nothing to measure on the eightk side."
)
