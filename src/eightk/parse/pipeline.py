"""``parse_filing``: bytes of one filing → one ``Filing`` record. Pure: no network, files, env or globals.

Never raises for bad input: an unreadable filing still yields a record whose ``problems`` say why.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import re
from collections.abc import Iterable

from eightk.model import (
    Document,
    Exhibit,
    FieldSource,
    Filing,
    Item,
    Problem,
    Registrant,
    Security,
    Signature,
    Source,
    Span,
)
from eightk.parse.cover import read_cover, read_securities
from eightk.parse.dates import parse_date
from eightk.parse.decode import decode, from_utf16
from eightk.parse.exhibits import exhibit_key, find_exhibit_rows, find_index_start
from eightk.parse.html import html_to_text
from eightk.parse.items import find_items
from eightk.parse.ixbrl import Fact, dei_facts
from eightk.parse.registrant import Candidates, assemble_registrant, filer_from_header, norm_name
from eightk.parse.sgml import Header, RawDocument, split_submission
from eightk.parse.signatures import find_signature_start, read_signatures
from eightk.parse.stream import TEXT_CAP, reduce_stream
from eightk.parse.text import fold, normalize_text

__all__ = ["document_texts", "parse_filing", "parse_filing_stream"]

_TEXT_KINDS = ("text", "html", "ixbrl")
_ACCESSION = re.compile(r"(?<!\d)(\d{10})-?(\d{2})-?(\d{6})(?!\d)")
_CUT_SHOWN = 20  # truncated documents named one by one in the problems; the rest are counted
_OLD_SGML_TAGS = re.compile(r"</?(?:TABLE|CAPTION|S|C|FN|F\d{1,2})>", re.IGNORECASE)


def _to_text(doc: RawDocument, problems: list[Problem]) -> tuple[str, str]:
    """(normalized text, decoded markup) of a text/html document."""
    markup, encoding = decode(doc.body)
    if encoding != "utf-8":
        problems.append(Problem("warning", "encoding", f"document {doc.sequence} is not UTF-8; read as cp1252"))
    if doc.kind == "text":
        if "<" in markup:
            markup = _OLD_SGML_TAGS.sub(lambda m: " " * len(m.group(0)), markup)
        return normalize_text(markup), markup
    return html_to_text(markup), markup


def _documents(sub_docs: list[RawDocument], problems: list[Problem]) -> tuple[list[Document], dict[int, str]]:
    docs: list[Document] = []
    markups: dict[int, str] = {}
    cut = 0
    for rd in sub_docs:
        text = ""
        if rd.kind in _TEXT_KINDS and not _generated(rd.type):
            text, markups[rd.sequence] = _to_text(rd, problems)
        if rd.truncated:
            cut += 1
            if cut <= _CUT_SHOWN:
                message = f"document {rd.sequence} ({rd.type or rd.kind}) is cut short"
                problems.append(Problem("error", "truncated", message))
        docs.append(Document(rd.sequence, rd.type, rd.filename, rd.description, rd.kind, rd.size, len(text), text))
    if cut > _CUT_SHOWN:  # 10^5 unclosed <DOCUMENT> tags make one problem, not 10^5
        problems.append(Problem("error", "truncated", f"{cut - _CUT_SHOWN} more documents are cut short"))
    return docs, markups


def _generated(doc_type: str | None) -> bool:
    """EDGAR's own renderings and XBRL parts (R pages, FilingSummary, EX-101.*): not the filer's prose."""
    t = (doc_type or "").upper()
    return t in ("XML", "JSON", "ZIP", "EXCEL") or t.startswith("EX-101")


def _primary(docs: list[Document], markups: dict[int, str]) -> Document | None:
    """The 8-K's own document among those whose text was read (``markups`` holds their sequences):
    a text-kind document left unread (an inline XBRL instance typed EX-101.INS) is never primary."""
    readable = [d for d in docs if d.sequence in markups]
    for d in readable:
        if d.type and d.type.upper().startswith("8-K"):
            return d
    for d in readable:
        if not (d.type or "").upper().startswith("EX-"):
            return d
    return readable[0] if readable else None


def _accession(header: Header | None, name: str | None) -> str | None:
    cand = header.first("ACCESSION NUMBER") if header else None
    m = _ACCESSION.search(cand or "") or _ACCESSION.search(name or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _form_type(
    header: Header | None, primary: Document | None, facts: dict[str, list[Fact]], body: str | None
) -> tuple[str | None, str]:
    if header and header.first("CONFORMED SUBMISSION TYPE"):
        return header.first("CONFORMED SUBMISSION TYPE"), "header"
    if primary is not None and primary.type:
        return primary.type.upper(), "sgml"
    if facts.get("DocumentType"):
        form = facts["DocumentType"][0].value.upper()
        amended = any(f.value.lower() == "true" for f in facts.get("AmendmentFlag", []))
        return (form + "/A" if amended and not form.endswith("/A") else form), "ixbrl"
    return body, "text"


def _items(
    text: str, doc: int, on: _dt.date | None, low: str, first_start: int | None
) -> tuple[list[Item], int | None]:
    """``first_start``: where the first heading starts (headings' places do not depend on ``on``)."""
    sig_start = None
    if first_start is not None:
        sig_start = find_signature_start(text, first_start, low)
    headings = find_items(text, start=0, end=sig_start, on=on, low=low)
    items = [
        Item(h.number, h.code, h.title, h.applicable, Span(doc, h.start, h.end, text[h.start : h.end]))
        for h in headings
    ]
    return items, sig_start


def _signatures(text: str, doc: int, sig_start: int | None, low: str) -> list[Signature]:
    if sig_start is None:
        sig_start = find_signature_start(text, 0, low)
    if sig_start is None:
        return []
    return [
        Signature(s.name, s.title, s.date, s.entity, Span(doc, s.start, s.end, text[s.start : s.end]))
        for s in read_signatures(text, sig_start)
    ]


def _exhibits(text: str, items: list[Item], docs: list[Document], sig_start: int | None, low: str) -> list[Exhibit]:
    rows = []
    idx = find_index_start(text, sig_start or 0, low)
    if idx is None:
        idx = find_index_start(text, 0, low)
    if idx is not None:
        rows = find_exhibit_rows(text, idx, min(len(text), idx + 5000))
    for it in items:
        if it.code == "9.01":
            known = {r.number for r in rows}
            rows += [r for r in find_exhibit_rows(text, it.span.start, it.span.end) if r.number not in known]
    by_key: dict[tuple[int, ...] | None, int] = {}
    for d in docs:
        if d.type and d.type.upper().startswith("EX-"):
            by_key.setdefault(exhibit_key(d.type[3:]), d.sequence)
    out = [Exhibit(r.number, r.description, by_key.get(exhibit_key(r.number))) for r in rows]
    linked = {e.document for e in out}
    for d in docs:  # attached exhibits the index does not list are kept, described by their header
        if d.type and d.type.upper().startswith("EX-") and d.sequence not in linked:
            out.append(Exhibit(d.type[3:], d.description, d.sequence))
    return out


def _signed_name(reg: Registrant, signatures: list[Signature], provenance: list[FieldSource], block: str) -> Registrant:
    """A cover printed in capitals hides how the company writes its name; a signature block that names
    the company above "(Registrant)" shows it. Use that spelling when it is the same name."""
    if not reg.name or not reg.name.isupper() or not re.search(r"\(\s*registrant\s*\)", block[:3000], re.I):
        return reg
    for s in signatures:
        if s.entity and not s.entity.isupper() and norm_name(s.entity) == norm_name(reg.name):
            provenance[:] = [p for p in provenance if p.field != "name"]
            provenance.append(FieldSource("name", "signature", s.span))
            return dataclasses.replace(reg, name=s.entity)
    return reg


def _checks(filing: Filing, header: Header | None, problems: list[Problem], on: _dt.date | None) -> None:
    form = (filing.form_type or "").upper()
    if form.startswith("EX-"):
        problems.append(Problem("warning", "exhibit_only", f"this is an exhibit document ({form}), not a whole 8-K"))
    elif form and not form.startswith("8-K"):
        problems.append(Problem("error", "not_8k", f"form type is {filing.form_type}, not 8-K"))
    if not filing.items:
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


def _empty(source: Source, code: str, message: str) -> Filing:
    return Filing(source=source, problems=(Problem("error", code, message),))


def parse_filing(raw: bytes, *, name: str | None = None, events: bool = True) -> Filing:
    """Parse one filing (a full submission, a bare primary document, HTML or inline XBRL)."""
    source = Source(name, hashlib.sha256(raw).hexdigest(), len(raw), "text")
    return _parse(raw, source, events=events, omitted=None, clipped=())


def parse_filing_stream(chunks: Iterable[bytes], *, name: str | None = None, events: bool = True) -> Filing:
    """``parse_filing`` for submissions too large to hold: reads ``chunks`` (e.g. a file read in
    pieces) in bounded memory, leaving binary bodies out (see ``parse.stream``). Same record."""
    reduced = reduce_stream(chunks)
    source = Source(name, reduced.sha256, reduced.size, "text")
    return _parse(reduced.data, source, events=events, omitted=reduced.omitted, clipped=reduced.clipped)


def _parse(
    raw: bytes, source: Source, *, events: bool, omitted: dict[int, int] | None, clipped: Iterable[int]
) -> Filing:
    name = source.path
    if not raw.strip():
        return _empty(source, "empty", "the file is empty")
    raw = from_utf16(raw)
    sub = split_submission(raw, omitted)
    problems: list[Problem] = [Problem("error", "truncated", t) for t in sub.truncated]
    problems += [Problem("warning", "sequence", t) for t in sub.renumbered]
    problems += [
        Problem("warning", "clipped", f"document {i + 1}: text beyond {TEXT_CAP // 2**20} MB left out") for i in clipped
    ]
    docs, markups = _documents(sub.documents, problems)
    primary = _primary(docs, markups)
    header = sub.header
    if primary is None:
        kinds = ", ".join(sorted({d.format for d in docs}))
        src = dataclasses.replace(source, format="sgml" if header else docs[0].format if docs else "text")
        return Filing(
            source=src,
            documents=tuple(docs),
            problems=(*problems, Problem("error", "not_text", f"no readable text document (found: {kinds})")),
        )
    facts = dei_facts(markups[primary.sequence]) if primary.format == "ixbrl" else {}
    filing = _assemble(source, header=header, docs=docs, primary=primary, facts=facts, problems=problems, name=name)
    if events:
        from eightk.extract import extract_events

        filing = dataclasses.replace(filing, events=tuple(extract_events(filing)))
    return filing


def _assemble(
    source: Source,
    *,
    header: Header | None,
    docs: list[Document],
    primary: Document,
    facts: dict[str, list[Fact]],
    problems: list[Problem],
    name: str | None,
) -> Filing:
    text, seq = primary.text, primary.sequence
    filed = parse_date(header.first("FILED AS OF DATE") or "") if header else None
    low = fold(text)
    first_item = find_items(text, low=low)
    cover_end = first_item[0].start if first_item else None
    cover = read_cover(text, cover_end)
    provenance: list[FieldSource] = []
    date_report = _date_of_report(
        header, facts=facts, cover=cover, seq=seq, text=text, problems=problems, provenance=provenance
    )
    on = filed or date_report
    items, sig_start = _items(text, seq, on, low, cover_end)
    filers = [filer_from_header(f) for f in header.filers] if header else []
    table = [Security(*row) for row in read_securities(text, cover_end)]
    registrant, reg_sources = assemble_registrant(
        Candidates(ixbrl=facts, body=dict(cover), doc=seq, text=text),
        filers[0] if filers else None,
        table,
        problems,
        filers[1:],
    )
    provenance += reg_sources
    body_form = cover["form_type"].value if "form_type" in cover else None
    form, form_src = _form_type(header, primary, facts, body_form)
    provenance.append(FieldSource("form_type", form_src))
    fmt = "sgml" if header else primary.format
    signatures = _signatures(text, seq, sig_start, low)
    registrant = _signed_name(registrant, signatures, provenance, text[sig_start or 0 :])
    filing = Filing(
        source=dataclasses.replace(source, path=name, format=fmt),
        form_type=form,
        accession=_accession(header, name),
        filed_at=filed,
        date_of_report=date_report,
        registrant=registrant,
        filers=tuple(filers),
        items=tuple(items),
        signatures=tuple(signatures),
        exhibits=tuple(_exhibits(text, items, docs, sig_start, low)),
        documents=tuple(docs),
        provenance=tuple(provenance),
    )
    _checks(filing, header, problems, on)
    return dataclasses.replace(filing, problems=tuple(problems))


def _date_of_report(
    header: Header | None,
    *,
    facts: dict[str, list[Fact]],
    cover: dict,
    seq: int,
    text: str,
    problems: list[Problem],
    provenance: list[FieldSource],
) -> _dt.date | None:
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


def document_texts(filing: Filing) -> dict[int, str]:
    """Sequence → normalized text, for every document that has text."""
    return {d.sequence: d.text for d in filing.documents if d.text}
