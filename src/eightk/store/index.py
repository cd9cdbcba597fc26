"""What goes into the full-text index for one filing: which texts, cut how, labelled how, tagged how.

Each item's text is one row (the primary document's text is its items); every other document with
text is one row or, past ``PART_CHARS``, several parts cut at paragraph ends, so that ranking and
snippets stay cheap on 500-page exhibits. A filing without items is indexed by its first text
document whole. Every row carries the filing's filter tags (``eightk.search.tags``).
"""

from __future__ import annotations

from typing import Any

from eightk.model import Document, Filing, Item
from eightk.search.tags import code_tag, filing_tags

__all__ = ["PART_CHARS", "label_for", "parts", "search_rows"]

PART_CHARS = 32_000
Row = tuple[Any, ...]


def label_for(item: Item | None = None, doc: Document | None = None, exhibit: str | None = None) -> str:
    """How a hit names its place: "Item 8.01 Other Events", "Exhibit 99.1 (press release)"."""
    if item is not None:
        return " ".join(x for x in (f"Item {item.number}", item.title) if x)
    assert doc is not None
    name = f"Exhibit {exhibit}" if exhibit else (doc.type or f"document {doc.sequence}")
    return f"{name} ({doc.description})" if doc.description else name


def parts(text: str, size: int = PART_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at a blank line, line end or space."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = max(text.rfind("\n\n", start + size // 2, end), text.rfind("\n", start + size // 2, end))
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        if cut < 0:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _exhibit_number(doc_type: str | None) -> str | None:
    if doc_type and doc_type.upper().startswith("EX-"):
        return doc_type[3:]
    return None


def search_rows(f: Filing, event_values: list[Row]) -> list[tuple[Row, str, str]]:
    """(kind, ref, code, part, label), text and tags of every full-text row of ``f``."""
    ciks = [f.registrant.cik, *(r.cik for r in f.filers)]
    day = f.date_of_report or f.filed_at
    date = day.isoformat() if day else None
    amounts = [(v[2], v[4]) for v in event_values if v[5] is not None and v[4] is not None]  # (field, number)
    symbols = [s.symbol for s in f.registrant.securities]
    events = [e.type for e in f.events]
    base = " ".join(filing_tags(ciks, form=f.form_type, symbols=symbols, events=events, date=date, amounts=amounts))
    codes = f.item_codes
    out: list[tuple[Row, str, str]] = []
    for it in f.items:
        if it.span.quote:
            scope = code_tag(it.code) if it.applicable and it.code else ""
            label = label_for(item=it)
            for n, piece in enumerate(parts(it.span.quote)):
                out.append((("item", it.number, it.code, n, label), piece, f"{base} {scope}"))
    doc_scope = " ".join(code_tag(c) for c in codes)
    primary = f.items[0].span.doc if f.items else None
    exhibit_of = {e.document: e.number for e in f.exhibits if e.document is not None}
    for d in f.documents:
        if not d.text or (primary is not None and d.sequence == primary):
            continue
        label = label_for(doc=d, exhibit=exhibit_of.get(d.sequence) or _exhibit_number(d.type))
        for n, piece in enumerate(parts(d.text)):
            out.append((("document", str(d.sequence), None, n, label), piece, f"{base} {doc_scope}"))
        if primary is None:
            primary = d.sequence  # the whole primary document, when no item was found in it
    return out
