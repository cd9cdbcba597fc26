"""Shareholder votes (Item 5.07): one ``ShareholderVote`` per proposal, and per nominee of an election.

Vote tables reach the text in three shapes, all read by one pass over the lines of each proposal:

- a header row of column labels ("For  Against  Abstain  Broker Non-Votes"), then a row per nominee
  with the name and its counts on one line, or the name on a line and the counts after it, one or
  several to a line;
- a label and its count on each line ("For 4,134,323,650" / "Against 1,483,801,400");
- labels one to a line, then counts one to a line, in the same order.

A proposal starts at a numbered line ("2. Approving …", "Proposal No. 3 – …", or "2." with its title on
the next line). Counts are integers of five or more digits, or grouped by commas; labels are For,
Against, Abstain(ed/ions), Withheld/Withhold and Broker Non-Votes. A say-on-frequency vote
(1 Year / 2 Years / 3 Years) is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eightk.extract.text import Region, dates_in, span, squash
from eightk.model import FieldSource, Filing, ShareholderVote

__all__ = ["shareholder_votes"]

_PROPOSAL = re.compile(r"^\s*(?:Proposal\s+(?:No\.\s*)?)?(\d{1,2})[.):]?(?:\s*[-–—:]\s*|\s+|$)(.*)$", re.I)
_LABEL = re.compile(
    r"(?:Votes?\s+)?(?P<l>(?:One|Two|Three|[123])[ \t-]+Years?|For|Against|Abstain(?:ed|s|ing)?|Abstentions?|"
    r"Withh(?:e|o)ld|Broker\s*Non-?\s*Votes?|Broker)\b",
    re.I,
)
# a count: "4,134,323,650" or "4134323650", not part of a longer number nor a decimal. It opens with a digit
# and looks behind it (not before it), so the engine skips to the digits instead of trying every character
_COUNT = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d{4,})(?![\d,]*\.\d)(?![\d,])")
_FIELDS = {"for": "votes_for", "against": "votes_against", "abst": "abstentions", "withh": "withheld"}
_IGNORED = re.compile(r"^\s*(?:Non-?\s*Votes?|Votes?|Nominees?|Director\s+Nominees?|Name|Shares)\s*$", re.I)
_MEETING = re.compile(r"\b(?:annual|special)\s+meeting\b", re.I)


def _field(label: str) -> str:
    low = label.lower()
    if "year" in low:
        return "frequency"
    if low.startswith("broker"):
        return "broker_non_votes"
    return next(v for k, v in _FIELDS.items() if low.startswith(k))


@dataclass
class _Row:
    """Counts gathered for one proposal or nominee, with their offsets (relative to the region)."""

    name: tuple[str, int, int] | None
    counts: list[tuple[str, int, int, int]] = field(default_factory=list)  # field, value, start, end


# a character that no label holds, nor the separators between labels: a line with one (most lines of an
# item: prose, names, counts) is no header, and is told so without the case-insensitive substitution.
# IGNORECASE also matches "ı", "İ" (as "i"), "ſ" (as "s") and the Kelvin sign (as "k").
_NOT_LABEL_CHAR = re.compile(r"[^\sABDEFGHIKLNORSTVWYabdefghiklnorstvwy123/|\-ıİſ\u212a]")


def _labels_only(line: str) -> list[str] | None:
    """The fields of a line made only of column labels, else None."""
    if _NOT_LABEL_CHAR.search(line):
        return None
    rest = _LABEL.sub("", line)
    if rest.strip(" \t/|-") or not _LABEL.search(line):
        return None
    return [_field(m.group("l")) for m in _LABEL.finditer(line)]


def _rows(body: str, start: int, end: int) -> list[_Row]:
    """The vote rows of one proposal's lines (offsets relative to the region)."""
    header: list[str] = []
    rows: list[_Row] = []
    pending: tuple[str, int, int] | None = None
    current: _Row | None = None
    fresh_header = True
    for m in re.finditer(r"[^\n]+", body[start:end]):
        line, at = m.group(0), start + m.start()
        labels = _labels_only(line)
        if labels is not None:
            header = labels if fresh_header or current is not None else header + labels
            fresh_header, current = False, None
            continue
        counts = list(_COUNT.finditer(line))
        if not counts:
            if line.strip() and not _IGNORED.match(line):
                text = line.strip()
                pending = (text, at + line.index(text), at + line.index(text) + len(text))
                current = None
            continue
        fresh_header = True
        label = _LABEL.match(line.strip())
        if label and len(counts) == 1:  # "For 4,134,323,650"
            current = current if current is not None and current.name is None else _Row(None)
            if not current.counts:
                rows.append(current)
            current.counts.append(
                (_field(label.group("l")), _int(counts[0].group()), at + counts[0].start(), at + counts[0].end())
            )
            continue
        name = line[: counts[0].start()].strip(" \t")
        if name:
            pending = (name, at + line.index(name), at + line.index(name) + len(name))
        if current is None or len(current.counts) >= len(header):
            current = _Row(pending if pending and _name_like(pending[0]) else None)
            rows.append(current)
            pending = None
        for c in counts:
            if len(current.counts) < len(header):
                current.counts.append((header[len(current.counts)], _int(c.group()), at + c.start(), at + c.end()))
    # a say-on-frequency vote ("1 Year  2 Years  3 Years  Abstain") has no for/against: not read
    return [r for r in rows if r.counts and not any(c[0] == "frequency" for c in r.counts)]


def _name_like(text: str) -> bool:
    """A row label that names a nominee ("Mary T. Barra"), not a sentence before a proposal's counts."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and not text.endswith((":", ".", ","))
        and sum(w[:1].isupper() for w in words) >= len(words) - 1
    )


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _proposals(body: str) -> list[tuple[str, int, int, int]]:
    """(title, title start, title end, block end) for each numbered proposal, offsets into ``body``."""
    heads = []
    lines = list(re.finditer(r"[^\n]+", body))
    for i, m in enumerate(lines):
        p = _PROPOSAL.match(m.group(0))
        if p is None or _COUNT.search(m.group(0)) or int(p.group(1)) > 40 or _labels_only(m.group(0)):
            continue
        nxt = _PROPOSAL.match(lines[i + 1].group(0)) if i + 1 < len(lines) else None
        if nxt is not None and nxt.group(1) == p.group(1) and not p.group(2).strip():
            continue  # "Proposal 2" over "Proposal 2 was a management proposal …": the second is the heading
        if p.group(2).strip():
            lead = re.match(r"(?:(?:was|is)\s+)?", p.group(2))
            a = m.start() + p.start(2) + (lead.end() if lead else 0)
            heads.append((squash(body[a : m.start() + p.end(2)]), a, m.start() + p.end(2), m.start()))
        elif i + 1 < len(lines) and not _labels_only(lines[i + 1].group(0)):
            n = lines[i + 1]
            heads.append((squash(n.group(0)), n.start(), n.end(), m.start()))
    out = []
    for k, (title, a, b, _s) in enumerate(heads):
        block_end = heads[k + 1][3] if k + 1 < len(heads) else len(body)
        out.append((title.rstrip(":"), a, b, block_end))
    return out


def _meeting_date(region: Region) -> tuple[object, int, int] | None:
    """The meeting's date: the first date of the item's opening told with the meeting ("held on …",
    "At the Annual Meeting … on …"), not a record date."""
    body = region.body
    for d in dates_in(region, 0, min(len(body), 1500)):
        before, after = body[max(0, d[1] - 120) : d[1]], body[d[2] : d[2] + 60]
        told = _MEETING.search(before) or re.search(r"\bheld\b", before + after.split(".")[0])
        if told and not re.search(r"record", before[-40:], re.I):
            return d
    return None


def shareholder_votes(filing: Filing, regions: list[Region]) -> list[ShareholderVote]:
    """One event per proposal (or nominee) with counts, from each applicable Item 5.07."""
    out: list[ShareholderVote] = []
    for region in regions:
        if region.kind != "item" or region.code != "5.07":
            continue
        body = region.body
        meeting = _meeting_date(region)
        for title, a, b, end in _proposals(body):
            for row in _rows(body, b, end):
                out.append(_event(region, (title, a, b), row, meeting))
    return out


def _event(region: Region, title: tuple[str, int, int], row: _Row, meeting: object) -> ShareholderVote:
    sources = [FieldSource("proposal", "text", span(region, title[1], title[1] + len(title[0])))]
    if region.body[title[1] : title[1] + len(title[0])] != title[0]:
        sources = [FieldSource("proposal", "text", span(region, title[1], title[2]))]
    values: dict[str, int] = {}
    for name, value, a, b in row.counts:
        if name not in values:
            values[name] = value
            sources.append(FieldSource(name, "text", span(region, a, b)))
    if row.name:
        sources.append(FieldSource("nominee", "text", span(region, row.name[1], row.name[2])))
    date = meeting if isinstance(meeting, tuple) else None
    if date:
        sources.append(FieldSource("meeting", "text", span(region, date[1], date[2])))
    return ShareholderVote(
        evidence=tuple(s.span for s in sources if s.span),
        values=tuple(sources),
        proposal=squash(region.body[title[1] : title[2]]).rstrip(":"),
        nominee=row.name[0] if row.name else None,
        meeting=date[0] if date else None,
        **values,  # type: ignore[arg-type]
    )
