"""The signature block: where it starts, and who signed (name, title, date, entity).

The block starts at a "SIGNATURE(S)" heading or, when that heading is missing, at the "Pursuant to
the requirements of the Securities Exchange Act of 1934 …" paragraph. Signers are the ``/s/`` lines;
the title is what follows the name ("Name:"/"Title:" labels or plain lines), the entity the company
line above "(Registrant)" or "By:". A signer who signs under two stacked company lines (a combined
filing's registrants) gives one signer per company.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from eightk.parse.dates import find_date
from eightk.parse.text import at_line_start, fold

__all__ = ["Signer", "find_signature_start", "read_signatures"]

_I = re.IGNORECASE | re.MULTILINE
# Matched in folded (lower-case) text; line starts are checked in Python.
_SIG_HEADING = re.compile(r"signatures?[ \t]*+(?:[.:][ \t]*+)?(?=\n|$)")  # possessive: linear in spaces
_PURSUANT = re.compile(r"pursuant\s+to\s+the\s+requirements\s+of\s+the\s+securities\s+(?:and\s+)?exchange\s+act")
_SLASH_S = re.compile(r"/s/[ \t]*([^\n\t]*)", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(name|title|by|date|dated|its)\s*:\s*", re.IGNORECASE)
_REGISTRANT = re.compile(r"\(\s*registrant\s*\)", re.IGNORECASE)
_RULE = re.compile(r"^[\s\-_=]*$")
_BLOCK_END = re.compile(r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|EXHIBITS?\s*$)", _I)
_COMPANY_WORDS = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.l\.c|lp|l\.p|plc|n\.v|s\.a|"
    r"trust|bancorp|holdings?|group|partners|fund|reit)\b\.?",
    re.IGNORECASE,
)
SIGNATURE_WINDOW = 4000


@dataclass(frozen=True, slots=True)
class Signer:
    name: str | None
    title: str | None
    date: _dt.date | None
    entity: str | None
    start: int
    end: int


def find_signature_start(text: str, after: int = 0, low: str | None = None) -> int | None:
    """Where the signature block begins (at or after ``after``), or None."""
    low = fold(text) if low is None else low
    cands = [_first_at_line_start(p, low, after) for p in (_SIG_HEADING, _PURSUANT)]
    found = [c for c in cands if c is not None]
    return min(found) if found else None


def _first_at_line_start(pattern: re.Pattern[str], low: str, after: int) -> int | None:
    for m in pattern.finditer(low, after):
        if at_line_start(low, m.start()):
            return m.start()
    return None


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split()).strip(" ,;")


def _title_lines(lines: list[str], name: str) -> str | None:
    """Title from the lines after a /s/ line: a "Title:" label (its value beside it or on the next
    line, wrapped lines joined), else the plain lines up to a break."""
    parts: list[str] = []
    for i, raw in enumerate(lines):
        line = _clean(raw)
        if not line or _RULE.match(raw):
            if parts and not _CONNECTOR.search(parts[-1]):
                break
            continue
        label = _LABEL.match(line)
        if label:
            kind = label.group(1).lower()
            rest = line[label.end() :].strip()
            if kind in ("title", "its"):
                return _labelled_title(rest, lines[i + 1 :])
            if kind in ("date", "dated") and not parts:
                continue  # "By: /s/ A  Dated: …  A  Vice President": the date sits between the signer and the title
            if kind in ("date", "dated", "by") or parts:
                break
            continue  # "Name: …" repeats the signer
        if line.lower() == name.lower() or "/s/" in line:
            continue
        if name and line.lower().startswith(name.lower() + ","):  # "Jason Smart, CEO"
            line = line[len(name) + 1 :].strip()
        if find_date(line) and len(line) < 40:
            break
        parts.append(line)
        if len(parts) >= 4:
            break
    return " ".join(parts) or None


def _labelled_title(rest: str, lines: list[str]) -> str | None:
    """The value of a "Title:" label: ``rest`` on its line (else the next non-blank line), joined with
    the lines right below it (no blank line between) that it wraps onto; a company name there is the
    next registrant's unless the title plainly goes on (a lower-case start, a line ending in "and")."""
    parts = [rest] if rest else []
    for raw in lines[:4]:
        line = _clean(raw)
        if not line:
            if parts:
                break
            continue
        if _LABEL.match(line) or "/s/" in line or (find_date(line) and len(line) < 40):
            break
        if parts and _COMPANY_WORDS.search(line) and not (line[0].islower() or _CONNECTOR.search(parts[-1])):
            break  # the next registrant's name, not the rest of the title
        parts.append(line)
    return " ".join(parts) or None


def _entities(text: str, start: int, at: int, since: int) -> list[str]:
    """The company line(s) for the /s/ line at ``at``: above "(Registrant)", else company-like lines
    (several stacked lines when a combined filing's registrants are signed for together), else a bare
    name line between the block's opening paragraph and its first signer. ``since`` is where the
    previous signer's line ended (the block start for the first)."""
    window = text[start:at]
    regs = list(_REGISTRANT.finditer(window))
    if regs:
        upto = window[: regs[-1].start()]
        prev = [
            ln for ln in upto.split("\n") if _clean(ln) and not _RULE.match(ln) and not _DESCRIPTOR.match(_clean(ln))
        ]
        if prev:
            cand = _clean(prev[-1].split("\t")[0])
            return [cand] if cand else []
    stacked = _stacked_companies(text[since:at].split("\n"))
    if stacked:
        return stacked
    for ln in reversed(window.split("\n")):
        for cell in reversed(re.split(r"\t| {3,}", ln)):
            cand = _clean(cell)
            if _company_like(cand):
                return [cand]
    bare = _bare_entity(window) if since == start else None
    return [bare] if bare else []


def _company_like(cand: str) -> bool:
    return bool(cand) and len(cand) < 120 and bool(_COMPANY_WORDS.search(cand)) and not _NOT_ENTITY.match(cand)


def _stacked_companies(lines: list[str]) -> list[str]:
    """Whole-line company names directly above the signer (only blank lines between them), top first;
    empty unless there are two or more."""
    found: list[str] = []
    for ln in reversed(lines[:-1]):  # the last line is the signer's own, up to "/s/"
        cand = _clean(ln)
        if not cand or _RULE.match(ln):
            continue
        if "\t" in ln.strip() or not _company_like(cand):
            break
        found.append(cand)
    return found[::-1] if len(found) > 1 else []


def _bare_entity(window: str) -> str | None:
    """A name line without a corporate suffix ("… Private Credit REIT", "… Income Fund") standing
    alone between the block's opening paragraph and the first signer's line."""
    lines = window.split("\n")
    for ln in reversed(lines[:-1]):
        cand = _clean(ln)
        if not cand or _RULE.match(ln):
            continue
        if (
            len(cand) > 80
            or not cand[0].isupper()
            or cand.endswith(".")
            and not _COMPANY_WORDS.search(cand)
            or _NOT_ENTITY.match(cand)
            or _LABEL.match(cand)
            or _SIG_HEADING.fullmatch(cand.lower())
            or find_date(cand)
        ):
            return None
        return cand
    return None


_DESCRIPTOR = re.compile(r"\(?an?\s+[A-Za-z ]+\s+(?:corporation|company|limited\s+partnership)\)?$", re.IGNORECASE)
_NOT_ENTITY = re.compile(r"(?:pursuant|date[d]?\b|by\b|/s/|in accordance)", re.IGNORECASE)
_CONNECTOR = re.compile(r"(?:\band|\bof|&|,|-|\bthe)$", re.IGNORECASE)


def read_signatures(text: str, start: int) -> list[Signer]:
    """Every /s/ signer of the block that begins at ``start``."""
    end = len(text)
    stop = _BLOCK_END.search(text, start + 10, min(end, start + SIGNATURE_WINDOW))
    end = stop.start() if stop else min(end, start + SIGNATURE_WINDOW)
    signers: list[Signer] = []
    block_date = find_date(text, start, end)
    prev_end = start
    for m in _SLASH_S.finditer(text, start, end):
        name: str | None = re.sub(r"^(?:by|name)\s*:\s*", "", _clean(m.group(1)), flags=re.IGNORECASE) or None
        after = text[m.end() : min(end, m.end() + 600)].split("\n")[1:10]
        title = _title_lines(after, name or "")
        date = _nearest_date(text, prev_end, min(end, m.end() + 400), m.start())
        if date is None and block_date:
            date = block_date[0]
        entities: list[str | None] = [*_entities(text, start, m.start(), prev_end)] or [None]
        for entity in entities:
            signers.append(Signer(name, title, date, entity, m.start(), m.end()))
        prev_end = m.end()
    return signers


def _nearest_date(text: str, lo: int, hi: int, at: int) -> _dt.date | None:
    best: tuple[int, _dt.date] | None = None
    pos = lo
    while True:
        got = find_date(text, pos, hi)
        if got is None:
            break
        d, s, e = got
        dist = abs(s - at)
        if best is None or dist < best[0]:
            best = (dist, d)
        pos = e
    return best[1] if best else None
