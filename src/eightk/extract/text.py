"""Building blocks over a document's normalized text: regions, sentences, spans, names, tickers, dates.

Every value an extractor returns comes with the ``Span`` it was read from, so provenance is never an
afterthought: ``quote == text[start:end]`` always.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from eightk.model import Filing, Span
from eightk.parse.dates import DATE_PATTERN, parse_date

__all__ = [
    "COMPANY",
    "Region",
    "companies",
    "dates_in",
    "exact_fold",
    "exact_lower",
    "headed_matches",
    "regions",
    "sentences",
    "span",
    "squash",
]


@dataclass(frozen=True)
class Region:
    """A stretch of one document's text: an item, an exhibit, or an inline exhibit after the signature."""

    doc: int
    start: int
    end: int
    text: str  # the whole document's normalized text
    kind: str  # "item" | "exhibit" | "inline" | "document" (a bare document's text)
    code: str | None = None  # item code, or exhibit type such as "EX-99.1"
    ref: _dt.date | None = None  # the filing's date: the year of a yearless "on May 4"

    @functools.cached_property
    def body(self) -> str:
        """The region's text, cut once: families read it per sentence, and a 16 MB item cut anew for each
        of its 150,000 sentences took minutes."""
        return self.text[self.start : self.end]


def span(region: Region, start: int, end: int) -> Span:
    """A span from offsets relative to the region."""
    a, b = region.start + start, region.start + end
    return Span(region.doc, a, b, region.text[a:b])


def squash(value: str) -> str:
    return " ".join(value.split())


_EXHIBIT_WINDOW = 40_000  # events live near the top of press releases and agreements


def regions(filing: Filing) -> list[Region]:
    """The item texts (applicable ones), text after the signature in a bare document (exhibits printed
    inline, as in 1990s filings), and the EX-99/EX-10 exhibit documents."""
    out: list[Region] = []
    ref = filing.date_of_report or filing.filed_at
    for it in filing.items:
        doc = filing.document(it.span.doc)
        if it.applicable and doc is not None:
            out.append(Region(it.span.doc, it.span.start, it.span.end, doc.text, "item", it.code, ref))
    if filing.items and filing.signatures:
        doc = filing.document(filing.items[-1].span.doc)
        tail = max(s.span.end for s in filing.signatures)
        if doc is not None and len(doc.text) - tail > 800:
            out.append(
                Region(doc.sequence, tail, min(len(doc.text), tail + _EXHIBIT_WINDOW), doc.text, "inline", None, ref)
            )
    if not filing.items and filing.documents:  # a bare document: a press release, an agreement, a note
        d = next((x for x in filing.documents if x.text and not (x.type or "").upper().startswith("EX-")), None)
        if d is not None:
            out.append(Region(d.sequence, 0, min(len(d.text), _EXHIBIT_WINDOW), d.text, "document", None, ref))
    for d in filing.documents:
        t = (d.type or "").upper()
        if d.text and t.startswith(("EX-99", "EX-10", "EX-2")):
            out.append(Region(d.sequence, 0, min(len(d.text), _EXHIBIT_WINDOW), d.text, "exhibit", t, ref))
    return out


# the punctuation is matched, not looked behind for: a pattern that starts with a look-behind is tried at
# every character of the text. It opens with the one class of either end's first character (the "p" group
# looks behind at it), so the engine skips from one such character to the next instead of trying each
_SENTENCE_END = re.compile(r"[.!?;\n](?:(?<=(?P<p>[.!?;]))[\"”’]?\s+(?=[\"“(]?[A-Z0-9])|(?<=\n)\s*\n)")


def sentences(region: Region) -> Iterator[tuple[int, int]]:
    """Sentence offsets within the region (relative), skipping abbreviations such as "Inc." and "Mr."."""
    return iter(_sentence_offsets(region.body))


_ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Mr|Ms|Mrs|Dr|No|St|Jr|Sr|[A-Z])\.$")


@functools.lru_cache(maxsize=64)  # every family reads the same regions
def _sentence_offsets(body: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = 0
    abbreviation = _ABBREVIATION.search
    for m in _SENTENCE_END.finditer(body):
        p = m.group("p")
        if p:
            end = m.end("p")
            if p == "." and abbreviation(body, max(start, end - 6), end):
                continue  # "Inc.", "Mr.", "J."
        else:
            end = m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(body):
        out.append((start, len(body)))
    return tuple(out)


_SUFFIX = (
    r"(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Limited|LLC|L\.L\.C\.|L\.P\.|LP|plc|PLC|AG|"
    r"N\.V\.|S\.A\.|N\.A\.|National\s+Association|SE|GmbH|LLP|P\.C\.|PC)"
)
COMPANY = re.compile(  # bounded word count and gaps: linear time on runs of capitalized words or spaces
    r"(?<![A-Za-z])((?:[A-Z][\w&.\-'’]*|&)"
    r"(?:[ \t]{1,4}(?:[A-Z][\w&.\-'’]*|&|of|and|de|la|\([A-Z][\w .&\-]{0,40}\))){0,8}"
    r",?[ \t]{0,4}\n?[ \t]{0,4}(?<=[\s,])" + _SUFFIX + r")(?![\w])"
)
_LEAD = re.compile(
    r"^(?:(?:This|Our|Such|Each|Any|Under|In|On|As|If|For|With|And|By|From|Between|Among|To|At)\s+"
    r"|[^-]*?[ \t]*(?:--|—)[ \t]*)"  # a dateline: "New York, NY -- Acme, Inc."
)


def companies(region: Region) -> Iterator[tuple[str, int, int]]:
    """Company names with a corporate suffix: (name, start, end) relative to the region."""
    for m in COMPANY.finditer(region.body):
        name = m.group(1)
        start = m.start(1)
        while lead := _LEAD.match(name):
            name, start = name[lead.end() :], start + lead.end()
        if re.fullmatch(r"(?:The\s+)?(?:Company|Corporation|Registrant)", name):
            continue
        if re.search(r"[a-z]{2}\.\s+[A-Z]", name):  # ran across a sentence end ("… Company. The Company")
            continue
        if len(name) > 80 or len(name.split()) > 7:
            continue
        yield squash(name), start, start + len(name)


_YEARLESS = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?!\d)"
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def dates_in(region: Region, start: int, end: int) -> Iterator[tuple[_dt.date, int, int]]:
    """Dates in region[start:end] in order; a date without a year ("on May 4") takes the filing's year."""
    body = region.body[start:end]
    low = body.lower()
    found = []
    for m in DATE_PATTERN.finditer(low):
        d = parse_date(body[m.start() : m.end()])
        if d is not None:
            found.append((d, start + m.start(), start + m.end()))
    if region.ref is not None:
        taken = [(a - start, b - start) for _, a, b in found]
        for m in _YEARLESS.finditer(low):
            if any(a <= m.start() < b for a, b in taken):
                continue
            try:
                d = _dt.date(region.ref.year, _MONTHS.index(m.group(1)[:3]) + 1, int(m.group(2)))
            except ValueError:
                continue
            found.append((d, start + m.start(), start + m.end()))
    yield from sorted(found, key=lambda f: f[1])


def near_words(
    pattern: re.Pattern[str],
    words: re.Pattern[str],
    text: str,
    reach: int,
    end: int | None = None,
    *,
    heads: tuple[str, ...] = (),
) -> list[re.Match[str]]:
    """``pattern.finditer(text[:end])``'s matches, searched only in the stretches within ``reach`` characters
    of ``words`` (spans that meet are merged). The same matches when every match of ``pattern`` holds one of
    ``words`` and is shorter than ``reach``; a pattern tried at every position of a long text costs far more.
    With ``heads`` (the words every match starts with), the pattern is tried in each stretch only where one
    begins (``headed_matches``)."""
    stop = len(text) if end is None else min(end, len(text))
    spans: list[list[int]] = []
    for w in words.finditer(text, 0, stop):
        lo, hi = max(0, w.start() - reach), min(stop, w.end() + reach)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    if heads:
        return [m for lo, hi in spans for m in headed_matches(pattern, text, heads, lo, hi)]
    return [m for lo, hi in spans for m in pattern.finditer(text, lo, hi)]


# characters IGNORECASE matching equates with an ASCII letter that lower-casing does not turn into it:
# dotless "ı" and "İ" (with "i"), long "ſ" (with "s")
_CASE_ODD = ("ı", "İ", "ſ")


def exact_lower(text: str) -> str | None:
    """``text.lower()`` when a word in lower-case ASCII letters occurs in it exactly where an IGNORECASE
    pattern finds that word in ``text`` (at the same offsets), so ``str.find`` over it can tell where an
    IGNORECASE pattern cannot match; None when ``text`` holds one of the few characters that make the two
    differ."""
    if not text.isascii() and any(c in text for c in _CASE_ODD):
        return None
    return text.lower()


@functools.lru_cache(maxsize=64)  # several families read the same regions
def exact_fold(text: str) -> str | None:
    """``exact_lower(text)``, computed once per text (a region's body)."""
    return exact_lower(text)


def headed_matches(
    pattern: re.Pattern[str], text: str, heads: tuple[str, ...], pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``'s matches for a pattern every match of which starts with one of
    ``heads`` (non-empty literal strings, case as the pattern matches them): the pattern is tried only where a
    head begins, found with ``str.find``, not at every character. The same matches: finditer's attempt at
    any other position fails at its first character, and each attempt here is the one finditer makes there."""
    stop = len(text) if endpos is None else min(endpos, len(text))
    starts: set[int] = set()
    for head in heads:
        i = text.find(head, pos, stop)
        while i >= 0:
            starts.add(i)
            i = text.find(head, i + 1, stop)
    after = pos  # finditer goes on where its last match ended (no match of such a pattern is empty)
    for start in sorted(starts):
        if start >= after and (m := pattern.match(text, start, stop)):
            yield m
            after = m.end()
