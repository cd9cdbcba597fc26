"""Dividends declared: one ``Dividend`` per sentence that declares one, in items and press releases.

A sentence is read when it says a dividend was declared ("the Board declared a quarterly cash dividend
of $0.40 per share payable on October 24, 2024, to stockholders of record as of October 10, 2024").
The amount is the first money after the word "dividend" (or "25 cents per share"); the record date is
the one after "of record" or "record date"; the payment date the one after "payable", "paid" or
"payment"; the declaration date one before "declared" in the same sentence. A dividend told in both the
item and its press release is one event.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eightk.extract.money import money_in
from eightk.extract.text import Region, dates_in, exact_fold, sentences, span
from eightk.model import Dividend, FieldSource, Filing, Money

__all__ = ["dividends"]

_DECLARED = re.compile(
    r"\bdeclar(?:ed|es|ing)\b[^.;]{0,120}?\bdividends?\b|\bdividends?\b[^.;]{0,80}?\b(?:was|were|has\s+been)\s+declared\b",
    re.I,
)
_CENTS = re.compile(r"\b(\d{1,3}(?:\.\d+)?)\s+cents\b", re.I)
_RECORD = re.compile(r"(?:of\s+record|record\s+date)\b[^.;]{0,80}$", re.I)
_PAYABLE = re.compile(r"\b(?:payable|paid|payment\s+date|to\s+be\s+paid|distributed)\b[^.;]{0,40}$", re.I)
_KIND = re.compile(r"\b(?P<k>special|regular|quarterly|annual|semi-?annual|monthly|interim)\b", re.I)
_NOT_DECLARED = re.compile(r"\b(?:expects?\s+to|intends?\s+to|may|would|if)\s+(?:\w+\s+){0,3}declar", re.I)


def _regions(regions: list[Region]) -> list[Region]:
    return [
        r
        for r in regions
        if r.kind in ("document", "inline")
        or r.kind == "item"
        and r.code in ("8.01", "7.01", "2.02")
        or r.kind == "exhibit"
        and (r.code or "").upper().startswith("EX-99")
    ]


def _per_share(body: str, start: int, end: int) -> tuple[Money, int, int] | None:
    """The amount after the word "dividend": money, or "25 cents"."""
    word = re.compile(r"\bdividends?\b", re.I).search(body, start, end)
    if word is None:
        return None
    money = next(iter(money_in(body, word.end(), end)), None)
    cents = _CENTS.search(body, word.end(), end)
    if cents and (money is None or cents.start() < money.start):
        return Money(round(float(cents.group(1)) / 100, 6), "USD"), cents.start(), cents.end()
    if money is None or money.money.amount >= 1000:  # a total paid out, not a per-share amount
        return None
    return money.money, money.start, money.end


# every match of _DECLARED holds both words and starts at most this many characters before its "dividend"
_CUE_WORDS = ("dividend", "declar")
_CUE_BEFORE = 130


def _declared(body: str) -> Callable[[int, int], re.Match[str] | None]:
    """``_DECLARED.search(body, start, end)``, tried only where the folded text holds both of its words in
    [start, end) and from its first "dividend" on: the same match, and most sentences (and most regions
    that mention a dividend) cost two ``str.find``s instead of a case-insensitive scan."""
    low = exact_fold(body)

    def search(start: int, end: int) -> re.Match[str] | None:
        if low is None:
            return _DECLARED.search(body, start, end)
        first = low.find(_CUE_WORDS[0], start, end)
        if first < 0 or low.find(_CUE_WORDS[1], start, end) < 0:
            return None
        return _DECLARED.search(body, max(start, first - _CUE_BEFORE), end)

    return search


def dividends(filing: Filing, regions: list[Region]) -> list[Dividend]:
    """Dividends declared in items 8.01, 7.01, 2.02, press releases and bare documents."""
    told: dict[float, Dividend] = {}  # per-share amount → the fullest telling
    for region in _regions(regions):
        body = region.body
        if "ividend" not in body and "IVIDEND" not in body:
            continue  # most regions declare no dividend: no sentence to read (nor to split)
        declared = _declared(body)
        if not declared(0, len(body)):
            continue
        spans = list(sentences(region))
        for i, (s, e) in enumerate(spans):
            cue = declared(s, e)
            if cue is None or _NOT_DECLARED.search(body, s, cue.end()):
                continue
            amount = _per_share(body, s, e)
            if amount is None:
                continue
            # "… declared a dividend of $0.24 per share. The dividend is payable on … of record …"
            nxt = spans[i + 1] if i + 1 < len(spans) and not declared(*spans[i + 1]) else None
            event = _event(region, (s, e), cue, amount, nxt)
            before = told.get(amount[0].amount)
            if before is None or len(event.values) > len(before.values):
                told[amount[0].amount] = event
    return list(told.values())


def _event(
    region: Region,
    bounds: tuple[int, int],
    cue: re.Match[str],
    amount: tuple[Money, int, int],
    nxt: tuple[int, int] | None,
) -> Dividend:
    """The dividend of one declaring sentence; its record and payment dates may be in the next one."""
    s, e = bounds
    body = region.body
    sources = [FieldSource("per_share", "text", span(region, amount[1], amount[2]))]
    found: dict[str, object] = {}
    dates = list(dates_in(region, s, e)) + (list(dates_in(region, *nxt)) if nxt else [])
    for date, a, b in dates:
        before = body[max(s, a - 120) : a]
        name = (
            "record_date"
            if _RECORD.search(before[-100:])
            else "payable"
            if _PAYABLE.search(before[-60:])
            else "declared"
            if s <= a < cue.start()
            else None
        )
        if name and name not in found:
            found[name] = date
            sources.append(FieldSource(name, "text", span(region, a, b)))
    kind_m = _KIND.search(body, max(s, cue.start()), amount[1])
    kind = None
    if kind_m:
        kind = "special" if kind_m.group("k").lower() == "special" else "regular"
        sources.append(FieldSource("kind", "text", span(region, kind_m.start(), kind_m.end())))
    return Dividend(
        evidence=(span(region, s, e),),
        values=tuple(sources),
        per_share=amount[0],
        kind=kind,
        **found,  # type: ignore[arg-type]
    )
