"""EDGAR submissions: the SGML header and the ``<DOCUMENT>`` blocks.

Works on bytes so that binary and uuencoded attachments are measured, never decoded. Two header
dialects exist: the colon form (``<SEC-HEADER>``, ``ITEM INFORMATION:``, since 1993) and the tag form
(``<SUBMISSION>``, ``<ITEMS>``) of the dissemination feeds. Both become one ``Header``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eightk.parse.decode import looks_binary
from eightk.parse.text import find_all

__all__ = ["Header", "RawDocument", "Submission", "split_submission"]


@dataclass(slots=True)
class Header:
    values: dict[str, list[str]] = field(default_factory=dict)  # top-level key → values, in order
    filers: list[dict[str, str]] = field(default_factory=list)  # "SECTION/KEY" → value, per filer

    def first(self, key: str) -> str | None:
        vals = self.values.get(key)
        return vals[0] if vals else None


@dataclass(slots=True)
class RawDocument:
    sequence: int
    type: str | None
    filename: str | None
    description: str | None
    body: bytes
    kind: str  # text | html | ixbrl | xml | pdf | uuencoded | binary | empty
    truncated: bool = False
    size: int = 0  # bytes of the original body (more than len(body) when a stream reader left some out)


@dataclass(slots=True)
class Submission:
    header: Header | None
    documents: list[RawDocument]
    truncated: list[str]  # what was cut short, for the problems list
    has_documents: bool  # whether the bytes had <DOCUMENT> blocks at all
    renumbered: list[str] = field(default_factory=list)  # documents whose <SEQUENCE> another one had


_HEADER_COLON = re.compile(rb"<(SEC-HEADER|IMS-HEADER)>(.*?)(?:</\1>|(?=<DOCUMENT>)|\Z)", re.DOTALL)
_HEADER_TAG = re.compile(rb"<SUBMISSION>(.*?)(?=<DOCUMENT>|</SUBMISSION>|\Z)", re.DOTALL)
_META = re.compile(rb"^[ \t]*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\n<]*)", re.IGNORECASE | re.MULTILINE)
_UU_BEGIN = re.compile(rb"^begin [0-7]{3,4} \S", re.MULTILINE)
_UU_END = re.compile(rb"^end[ \t]*\r?$", re.MULTILINE)
_HTML_HINT = re.compile(rb"<(?:html|body|div|p|font|br|td|tr|span|b|i|a)\b", re.IGNORECASE)
_BINARY_TYPES = ("GRAPHIC", "ZIP", "EXCEL", "PDF", "JSON", "XLSX")

# Tag-form header names → colon-form names, so both dialects read the same.
_TAG_NAMES = {
    "ACCESSION-NUMBER": "ACCESSION NUMBER",
    "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT",
    "ITEMS": "ITEM INFORMATION",
    "FILING-DATE": "FILED AS OF DATE",
    "DATE-OF-FILING-DATE-CHANGE": "DATE AS OF CHANGE",
    "PUBLIC-DOCUMENT-COUNT": "PUBLIC DOCUMENT COUNT",
    "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY",
    "IRS-NUMBER": "IRS NUMBER",
    "STATE-OF-INCORPORATION": "STATE OF INCORPORATION",
    "FILE-NUMBER": "SEC FILE NUMBER",
    "STREET1": "STREET 1",
    "STREET2": "STREET 2",
    "PHONE": "BUSINESS PHONE",
    "FORMER-CONFORMED-NAME": "FORMER CONFORMED NAME",
    "FORMER-COMPANY": "FORMER COMPANY",
    "BUSINESS-ADDRESS": "BUSINESS ADDRESS",
    "MAIL-ADDRESS": "MAIL ADDRESS",
    "COMPANY-DATA": "COMPANY DATA",
    "FILING-VALUES": "FILING VALUES",
    "FORM-TYPE": "FORM TYPE",
}
_FILER_SECTIONS = ("FILER", "SUBJECT COMPANY", "FILED BY", "REPORTING-OWNER", "ISSUER")


def split_submission(raw: bytes, omitted: dict[int, int] | None = None) -> Submission:
    """Header and documents of a submission; ``omitted`` (document index → bytes) comes from
    ``parse.stream.reduce_stream`` when bodies were left out of ``raw``."""
    header, truncated = _find_header(raw)
    docs: list[RawDocument] = []
    low = raw.lower()  # tags are matched in any case: bytes.find on this beats IGNORECASE regexes
    starts = find_all(low, b"<document>")
    for i, start in enumerate(starts):
        limit = starts[i + 1] if i + 1 < len(starts) else len(raw)
        end = low.find(b"</document>", start, limit)
        doc = _read_document(raw, low, start + len("<DOCUMENT>"), end if end >= 0 else limit, i + 1)
        doc.size += (omitted or {}).get(i, 0)
        if end < 0:
            doc.truncated = True  # reported once, by the pipeline
        docs.append(doc)
    if b"<SEC-DOCUMENT>" in raw[:4096] and b"</SEC-DOCUMENT>" not in raw[-4096:]:
        truncated.append("the submission has no </SEC-DOCUMENT> end tag")
    if raw.lstrip()[:12] == b"<SUBMISSION>" and b"</SUBMISSION>" not in raw[-4096:]:
        truncated.append("the submission has no </SUBMISSION> end tag")
    if not starts:
        body = raw if header is None else raw[_header_end(raw) :]
        docs.append(_make_document(1, None, None, None, body))
    return Submission(header, docs, truncated, bool(starts), _unique_sequences(docs))


_MOVED_SHOWN = 20  # renumbered documents named one by one in the problems; the rest are counted


def _unique_sequences(docs: list[RawDocument]) -> list[str]:
    """Spans name documents by sequence, so two documents never share one: a repeated <SEQUENCE> (a
    damaged or hand-assembled submission) moves to the next free number; what moved is returned."""
    seen: set[int] = set()
    moved: list[str] = []
    count = 0
    top = max((d.sequence for d in docs), default=0)  # the next free number is above every one given
    for position, doc in enumerate(docs, 1):
        if doc.sequence in seen:
            top, count = top + 1, count + 1
            if count <= _MOVED_SHOWN:
                moved.append(f"document {position} repeats sequence {doc.sequence}; numbered {top}")
            doc.sequence = top
        seen.add(doc.sequence)
    if count > _MOVED_SHOWN:
        moved.append(f"{count - _MOVED_SHOWN} more documents repeat a sequence; numbered up to {top}")
    return moved


def _header_end(raw: bytes) -> int:
    m = _HEADER_COLON.search(raw, 0, 1 << 20) or _HEADER_TAG.search(raw, 0, 1 << 20)
    return m.end() if m else 0


def _find_header(raw: bytes) -> tuple[Header | None, list[str]]:
    head = raw[: 1 << 20]
    m = _HEADER_COLON.search(head) if b"-HEADER>" in head else None
    if m:
        block = m.group(2)
        truncated = [] if m.group(0).rstrip().endswith(b"-HEADER>") else ["the SGML header has no end tag"]
        return _parse_colon_header(block.decode("latin-1")), truncated
    stripped = head.lstrip()
    if stripped.startswith(b"<SUBMISSION>"):
        m2 = _HEADER_TAG.search(head)
        if m2:
            return _parse_tag_header(m2.group(1).decode("latin-1")), []
    return None, []


_KEY_JUNK = re.compile(r"^[^A-Z]+")
_SUBSECTIONS = ("COMPANY DATA", "FILING VALUES", "BUSINESS ADDRESS", "MAIL ADDRESS", "FORMER COMPANY")


def _parse_colon_header(block: str) -> Header:
    """Colon-form header. Sections are recognized by name, not indentation, which old headers
    garble (stray tabs, "]" fragments, tag-form closers mixed in)."""
    header = Header()
    filer: dict[str, str] | None = None
    section = ""
    for line in block.split("\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith("<"):
            continue
        key, sep, value = stripped.partition(":")
        if not sep:
            continue
        key = key.strip().upper()
        if key[:1] < "A" or key[:1] > "Z":  # garbled old headers: "]  CITY"
            key = _KEY_JUNK.sub("", key)
        value = value.strip()
        depth = len(line) - len(line.lstrip("\t"))
        if key in _FILER_SECTIONS and not value:
            filer = {"_ROLE": key}
            header.filers.append(filer)
            section = ""
        elif filer is not None and key in _SUBSECTIONS and not value:
            section = key
        elif depth == 0 and not line.startswith(("]", " ")):
            filer = None
            if value:
                header.values.setdefault(key, []).append(value)
        elif filer is not None and value:
            filer.setdefault(f"{section}/{key}", value)
    return header


def _parse_tag_header(block: str) -> Header:
    header = Header()
    filer: dict[str, str] | None = None
    stack: list[str] = []
    for m in re.finditer(r"<(/?)([A-Z0-9-]+)>([^<\n]*)", block):
        closing, tag, value = m.group(1), m.group(2), m.group(3).strip()
        name = _TAG_NAMES.get(tag, tag.replace("-", " "))
        if closing:
            if stack and stack[-1] == name:
                stack.pop()
            if name in _FILER_SECTIONS or tag in ("FILER", "SUBJECT-COMPANY", "FILED-BY"):
                filer = None
            continue
        if not value:
            if tag in ("FILER", "SUBJECT-COMPANY", "FILED-BY"):
                filer = {"_ROLE": name}
                header.filers.append(filer)
                stack = []
            else:
                stack.append(name)
            continue
        if filer is None:
            header.values.setdefault(name, []).append(value)
        else:
            section = stack[-1] if stack else ""
            filer.setdefault(f"{section}/{name}", value)
    return header


def _read_document(raw: bytes, low: bytes, start: int, end: int, position: int) -> RawDocument:
    """The document in ``raw[start:end]`` (``low`` is ``raw.lower()``)."""
    meta: dict[str, str] = {}
    text_at = low.find(b"<text>", start, end)
    meta_end = text_at if text_at >= 0 else min(end, start + 4096)
    for m in _META.finditer(raw, start, meta_end):
        meta.setdefault(m.group(1).upper().decode(), m.group(2).strip().decode("latin-1"))
    if text_at >= 0:
        body_start = text_at + len("<TEXT>")
        tend = low.find(b"</text>", body_start, end)
        body = raw[body_start : tend if tend >= 0 else end]
    else:
        body = raw[meta_end:end]
    seq_text = meta.get("SEQUENCE", "")
    sequence = int(seq_text) if seq_text.isdigit() else position
    return _make_document(sequence, meta.get("TYPE"), meta.get("FILENAME"), meta.get("DESCRIPTION"), body)


def _make_document(
    sequence: int, doc_type: str | None, filename: str | None, description: str | None, body: bytes
) -> RawDocument:
    kind, body = _classify(body, doc_type or "", filename or "")
    doc = RawDocument(sequence, doc_type or None, filename or None, description or None, body, kind, size=len(body))
    if kind == "uuencoded" and not _UU_END.search(body, max(0, len(body) - 512)):
        doc.truncated = True
    return doc


def _classify(body: bytes, doc_type: str, filename: str) -> tuple[str, bytes]:
    sample = body[:4096].lstrip()
    if not sample.strip():
        return "empty", body
    upper = sample[:16].upper()
    if upper.startswith(b"<PDF>"):
        return "pdf", body
    if upper.startswith((b"<XBRL>", b"<XML>")):
        inner = sample[sample.find(b">") + 1 :].lstrip()
        if _is_html(inner, body):
            return _html_kind(body), body
        return "xml", body
    if _UU_BEGIN.search(sample[:1024]):
        return "uuencoded", body
    if doc_type.upper().startswith(_BINARY_TYPES) or looks_binary(sample):
        return "binary", body
    if _is_html(sample, body):
        return _html_kind(body), body
    if sample.startswith(b"<?xml") or filename.lower().endswith((".xml", ".xsd")):
        return "xml", body
    return "text", body


def _is_html(sample: bytes, body: bytes) -> bool:
    return bool(_HTML_HINT.search(sample[:4096]))


def _html_kind(body: bytes) -> str:
    head = body[:65536]
    return "ixbrl" if (b"xmlns:ix=" in head or b"<ix:header" in head) else "html"
