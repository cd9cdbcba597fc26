"""``parse_filing``: bytes of one filing → one ``Filing`` record. Pure: no network, files, env or globals.

Never raises for bad input: an unreadable filing still yields a record whose ``problems`` say why.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import re
from collections.abc import Callable, Iterable

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
from eightk.parse.budget import Budget, TimeBudgetExceeded
from eightk.parse.checks import check_filing, date_of_report, dateline_date
from eightk.parse.cover import Found, read_cover, read_securities
from eightk.parse.dates import parse_date
from eightk.parse.decode import cr_only, decode, from_utf16
from eightk.parse.exhibits import exhibit_key, find_exhibit_rows, find_index_start
from eightk.parse.html import html_to_text
from eightk.parse.items import find_items
from eightk.parse.ixbrl import Fact, dei_facts
from eightk.parse.kind import document_kind, reads_as_business_text
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


def _empty(source: Source, code: str, message: str) -> Filing:
    return Filing(source=source, problems=(Problem("error", code, message),))


def _printed_first(filers: list[Registrant], cover: dict[str, Found]) -> int:
    """Which header filer is the registrant: the one whose name the cover prints first (a combined
    filing's header lists its filers in its own order), else the header's first."""
    printed = cover.get("name")
    if printed is not None:
        for i, f in enumerate(filers):
            if f.name and norm_name(f.name) == norm_name(printed.value):
                return i
    return 0


def parse_filing(raw: bytes, *, name: str | None = None, events: bool = True, budget: Budget | None = None) -> Filing:
    """Parse one filing (a full submission, a bare primary document, HTML or inline XBRL).

    ``raw`` is the file's bytes as read (``open(path, "rb")``); bad content yields a record with
    ``problems``, never an exception. Raises TypeError when ``raw`` is not bytes (e.g. a ``str``).
    ``budget`` (``parse.budget``): CPU seconds for this filing. When they run out before the events,
    the record holds only a ``time_budget`` error naming the stage; in the events, the record is kept
    without them and an ``events_failed`` error says so."""
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if not isinstance(raw, bytes):
        hint = " (encode it, or read the file in binary mode: open(path, 'rb'))" if isinstance(raw, str) else ""
        raise TypeError(f"parse_filing takes the filing's bytes, not {type(raw).__name__}{hint}")
    source = Source(name, hashlib.sha256(raw).hexdigest(), len(raw), "text")
    budget = budget or Budget()
    return _within(
        budget, lambda: source, lambda: _parse(raw, source, events=events, omitted=None, clipped=(), budget=budget)
    )


def _within(budget: Budget, source: Callable[[], Source], parse: Callable[[], Filing]) -> Filing:
    """``parse()``, or the record of a parse that ran out of time (see ``parse.budget``)."""
    try:
        return parse()
    except TimeBudgetExceeded as exc:
        budget.finish()  # first: a repeated interrupt now changes nothing
        return _empty(source(), "time_budget", str(exc))
    finally:
        budget.finish()


def _lf_line_ends(raw: bytes) -> bytes:
    """A file with CR-only line ends (old Mac editors, some feeds) with LF ones, so the byte-level
    submission reader sees its lines (document tags, uuencoded parts); other files unchanged."""
    return raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if cr_only(raw) else raw


def parse_filing_stream(
    chunks: Iterable[bytes], *, name: str | None = None, events: bool = True, budget: Budget | None = None
) -> Filing:
    """``parse_filing`` for submissions too large to hold: reads ``chunks`` (e.g. a file read in
    pieces) in bounded memory, leaving binary bodies out (see ``parse.stream``). Same record. A budget
    that runs out while reading gives a record without a sha256."""
    budget = budget or Budget()
    sources = [Source(name, "", 0, "text")]  # the sha256 is known once the stream is read

    def parse() -> Filing:
        budget.enter("read")
        reduced = reduce_stream(chunks)
        sources.append(Source(name, reduced.sha256, reduced.size, "text"))
        return _parse(
            reduced.data, sources[-1], events=events, omitted=reduced.omitted, clipped=reduced.clipped, budget=budget
        )

    return _within(budget, lambda: sources[-1], parse)


def _parse(
    raw: bytes,
    source: Source,
    *,
    events: bool,
    omitted: dict[int, int] | None,
    clipped: Iterable[int],
    budget: Budget,
) -> Filing:
    if not raw.strip():
        return _empty(source, "empty", "the file is empty")
    budget.enter("submission")
    raw = _lf_line_ends(from_utf16(raw))
    sub = split_submission(raw, omitted)
    problems: list[Problem] = [Problem("error", "truncated", t) for t in sub.truncated]
    problems += [Problem("warning", "sequence", t) for t in sub.renumbered]
    problems += [
        Problem("warning", "clipped", f"document {i + 1}: text beyond {TEXT_CAP // 2**20} MB left out") for i in clipped
    ]
    budget.enter("text")
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
    budget.enter("ixbrl")
    facts = dei_facts(markups[primary.sequence]) if primary.format == "ixbrl" else {}
    filing = _assemble(source, header=header, docs=docs, primary=primary, facts=facts, problems=problems, budget=budget)
    if events:
        filing = _with_events(filing, budget)
        budget.finish()  # what is left is quick: a record whose events are read (or cut) is never thrown away
    budget.enter("checks")
    plain = filing.document_kind == "text" and not filing.events and not filing.form_type
    if plain and not reads_as_business_text(next((d.text for d in filing.documents if d.text), "")):
        reason = "no SEC header, 8-K cover or item headings, and not a press release, agreement or financial note"
        filing = dataclasses.replace(filing, problems=(*filing.problems, Problem("error", "not_a_filing", reason)))
    return filing


def _with_events(filing: Filing, budget: Budget) -> Filing:
    """``filing`` with its events; without them, and an ``events_failed`` error, when an extractor fails
    or the time budget runs out in them."""
    from eightk.extract import extract_events

    budget.enter("events")
    try:
        return dataclasses.replace(filing, events=tuple(extract_events(filing)))
    except TimeBudgetExceeded as exc:
        budget.finish()  # the record is kept: what is left is quick
        problem = Problem("error", "events_failed", f"event extraction stopped: {exc}")
    except Exception as exc:  # noqa: BLE001 - the boundary: a fault in one extractor never costs the record
        problem = Problem("error", "events_failed", f"event extraction failed: {type(exc).__name__}: {exc}")
    return dataclasses.replace(filing, problems=(*filing.problems, problem))


def _assemble(
    source: Source,
    *,
    header: Header | None,
    docs: list[Document],
    primary: Document,
    facts: dict[str, list[Fact]],
    problems: list[Problem],
    budget: Budget,
) -> Filing:
    text, seq = primary.text, primary.sequence
    filed = parse_date(header.first("FILED AS OF DATE") or "") if header else None
    budget.enter("items")
    low = fold(text)
    first_item = find_items(text, low=low)
    cover_end = first_item[0].start if first_item else None
    budget.enter("cover")
    cover = read_cover(text, cover_end)
    provenance: list[FieldSource] = []
    date_report = date_of_report(
        header, facts=facts, cover=cover, seq=seq, text=text, problems=problems, provenance=provenance
    )
    on = filed or date_report
    items, sig_start = _items(text, seq, on, low, cover_end)
    filers = [filer_from_header(f) for f in header.filers] if header else []
    table = [Security(*row) for row in read_securities(text, cover_end)]
    first = _printed_first(filers, cover)
    budget.enter("registrant")
    registrant, reg_sources = assemble_registrant(
        Candidates(ixbrl=facts, body=dict(cover), doc=seq, text=text),
        filers[first] if filers else None,
        table,
        problems,
        filers[:first] + filers[first + 1 :],
    )
    provenance += reg_sources
    whole = header is not None or (primary.type or "").upper().startswith("8-K")  # an EX-99 alone is read as text
    kind = document_kind(text, has_header=whole, has_items=bool(items))
    if kind == "press_release" and date_report is None:
        date_report = dateline_date(text, seq, provenance)
    body_form = cover["form_type"].value if "form_type" in cover and kind == "filing" else None
    form, form_src = _form_type(header, primary, facts, body_form)
    if kind != "filing" and form_src == "text":  # no cover: the text names no registrant of its own
        provenance = [p for p in provenance if p not in reg_sources]
        registrant = Registrant()
    provenance.append(FieldSource("form_type", form_src))
    fmt = "sgml" if header else primary.format
    budget.enter("signatures")
    signatures = _signatures(text, seq, sig_start, low)
    registrant = _signed_name(registrant, signatures, provenance, text[sig_start or 0 :])
    budget.enter("exhibits")
    filing = Filing(
        source=dataclasses.replace(source, format=fmt),
        form_type=form,
        document_kind=kind,
        accession=_accession(header, source.path),
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
    check_filing(filing, header, problems, on)
    return dataclasses.replace(filing, problems=tuple(problems))


def document_texts(filing: Filing) -> dict[int, str]:
    """Sequence → normalized text, for every document that has text."""
    return {d.sequence: d.text for d in filing.documents if d.text}
