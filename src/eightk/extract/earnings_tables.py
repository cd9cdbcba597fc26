"""Revenue, net income and EPS from a results release's financial tables: the first row of each kind, its
current-period column by the header's years, scaled by the table's "(in millions …)", parentheses as
negatives; and the merge of those figures with the ones the release's words give."""

from __future__ import annotations

import re

from eightk.extract.text import Region, span
from eightk.model import FieldSource, Money

__all__ = ["merge_tables", "table_figures"]


# cells on the label's line or the next one; a page's table printed one cell a line between "|" lines
# ("Net sales\n|\n$\n|\n7,606,532") has its first number a few lines down
_ROW_END = (
    r"[ \t:]*(?:(?=[\t$\d(])|\n(?=[ \t]*[$\d(])|"
    r"(?:\n[ \t]*\|[ \t]*)(?:\n[ \t]*\$?[ \t]*\n[ \t]*\|[ \t]*)?\n(?=[ \t]*\(?\d))"
)
_ROW_LABELS = {
    "revenue": r"(?:total\s+)?(?:net\s+)?(?:revenues?|sales|net\s+sales)(?:,\s*net)?",
    # the parent's share first: "Net income attributable to Acme" (not "… to noncontrolling interests")
    "net_income_parent": r"net\s+(?:income|earnings|loss)(?:\s+\(loss\))?\s+attributable\s+to\s+"
    r"(?!non-?\s?controlling|minority|participating|redeemable)[^\n\t$]{2,60}?",
    "net_income": r"net\s+(?:income|earnings|loss)(?:\s+\(loss\))?(?:\s*[–—-]\s*(?:reported|gaap))?",
    "eps": r"(?:diluted(?:\s+eps|\s+(?:earnings|net\s+income)(?:\s+\(loss\))?\s+per\s+(?:common\s+)?share)?|"
    r"(?:earnings|net\s+(?:income|loss|\(loss\)\s+income)|eps)(?:\s+\(loss\))?(?:\s+per\s+(?:common\s+)?share)?[^\n\t$]{0,50}?"
    r"(?:[-–—:,]\s*|\s)(?:diluted|assuming\s+dilution)(?:\s+\(gaap\))?|"
    r"(?:earnings|net\s+income)(?:\s+\(loss\))?\s+per\s+(?:common\s+)?share\s*[-–—]\s*reported)",
}
# A row starts a line. The patterns start with its newline, which the regex engine finds fast; a row on
# the text's first line is matched on its own (see _rows).
_ROWS = {name: re.compile(r"\n[ \t]*" + label + _ROW_END) for name, label in _ROW_LABELS.items()}
_FIRST_ROWS = {name: re.compile(r"[ \t]*" + label + _ROW_END) for name, label in _ROW_LABELS.items()}
_CELL_NUMBER = re.compile(r"\(?\$?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\)?")
# "(in millions", "Dollars in thousands", "(millions, except per share …)", "($ in billions)"
# ("\bin" written as "i" with no word character before it: both branches open with a character, so the
# engine skips from one "i" or "(" to the next instead of trying every position of a 4,000-character stretch)
_SCALE = re.compile(r"(?:i(?<!\wi)n\s+|\(\s*(?:\$\s*)?)(millions|thousands|billions)\b")
_SCALES = {"millions": 1e6, "thousands": 1e3, "billions": 1e9}


_YEAR = re.compile(r"(?:19|20)\d\d")


_PERCENT = re.compile(r"[ \t]*%")
_FOOTNOTE = re.compile(r"\(\d\)")


def _rows(body: str, name: str) -> list[re.Match[str]]:
    """The rows of the kind in ``body`` (folded), in order."""
    first = _FIRST_ROWS[name].match(body)
    if first is None:
        return list(_ROWS[name].finditer(body))
    return [first, *_ROWS[name].finditer(body, first.end())]


def _first_cell(body: str, name: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """The first row of the kind with a number in it, a "Total …" row first; header rows whose first
    cell is a year ("Revenues  2013  % of Revenues") are skipped."""
    rows = _rows(body, name)
    rows.sort(key=lambda r: not r.group(0).strip().startswith("total"))
    for m in rows:
        line_end = body.find("\n", m.end() + 1)
        n = _CELL_NUMBER.search(body, m.end(), line_end if line_end >= 0 else len(body))
        if n and _FOOTNOTE.fullmatch(n.group(0)):  # "Net loss attributable to Acme (2)\n$ (108)": a note mark
            line_end = body.find("\n", n.end() + 1)
            n = _CELL_NUMBER.search(body, n.end(), line_end if line_end >= 0 else len(body))
        if n and not _YEAR.fullmatch(n.group(0).strip()) and not _PERCENT.match(body, n.end()):
            return m, n  # (a row of percentages, "… per share – diluted  6  %", is a growth table's)
    return None


_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_YEAR_WORDS = re.compile(r"(?<!\S)(?:19|20)\d\d(?!\S)")  # a year standing alone, as a header's cells


def _current_column(body: str, row: re.Match[str], first: re.Match[str]) -> re.Match[str]:
    """The row's cell under the latest year of the nearest header line above it made of years ("2024
    2025", "2025  2024  % change"): tables print the prior period first as often as last. Without such a
    header, the first cell."""
    at = row.start()
    for _ in range(150):  # the header heads the table: up to a statement's length above the row
        line_start = body.rfind("\n", 0, max(0, at - 1)) + 1
        line = body[line_start:at]
        # most lines: no header (the token checks below cost more); a line without "19" nor "20" holds no year
        if ("19" not in line and "20" not in line) or len(_YEAR_WORDS.findall(line)) < 2:
            if line_start == 0:
                break
            at = line_start
            continue
        tokens = line.split()
        years = [t for t in tokens if _YEAR_TOKEN.fullmatch(t)]
        others = [t for t in tokens if t not in years]
        # "2024  2025", "2025  2024  % change", "(In millions, except percentages)  2019  2020  % Change"
        numbers = [t for t in others if any(c.isdigit() for c in t) and not re.fullmatch(r"\d{1,2},?", t)]
        if len(years) >= 2 and len(others) <= 6 and not numbers:  # (a day, "December 31", is no cell)
            index = years.index(max(years))
            line_end = body.find("\n", first.end())
            cells = list(_CELL_NUMBER.finditer(body, first.start(), line_end if line_end >= 0 else len(body)))
            return cells[index] if index < len(cells) else first
        if line_start == 0:
            break
        at = line_start
    return first


_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|—)\s*\$?\s*\d")


def _table_figure(body: str, name: str) -> tuple[float, int, int] | None:
    """The first number on a financial-table row ("Total net sales  $ 119,575  $ 117,154"), scaled by
    the nearest "(in millions …)" above it; per-share figures are not scaled. ``body`` is folded."""
    found = (_first_cell(body, "net_income_parent") if name == "net_income" else None) or _first_cell(body, name)
    if found is None:
        return None
    m, n = found
    n = _current_column(body, m, n)
    if _RANGE_AFTER.match(body, n.end()):
        return None  # "Revenue  $28.5 to $29.0 billion": a guidance range, not a result
    value = float(n.group(1).replace(",", ""))
    if name != "eps":
        scale = None
        for sc in _SCALE.finditer(body, max(0, m.start() - 4000), m.start()):
            scale = sc
        if scale:  # the line's first unit: "(In millions, except shares in thousands …)" is in millions
            line_start = body.rfind("\n", 0, scale.start()) + 1
            scale = _SCALE.search(body, line_start, scale.end()) or scale
        scale = _SCALE.search(body, m.start(), n.start()) or scale  # the row's own: "Revenues ($ millions)"
        value *= _SCALES[scale.group(1)] if scale else 1.0
    elif value >= 100:
        return None
    opened = n.group(0).startswith("(") or body[max(0, n.start() - 4) : n.start()].rstrip().endswith("(")
    closed = n.group(0).endswith(")") or body[n.end() : n.end() + 6].lstrip(" \t|\n").startswith(")")
    if opened and closed:  # "(7,410)", and "(7,410 )" or "( 7,410 )" with the parenthesis in a cell of its own
        value = -value
    return value, n.start(1), n.end(1)


def _number(value: object) -> float | None:
    if isinstance(value, Money):
        return float(value.amount)
    return float(value) if isinstance(value, (int, float)) else None


def merge_tables(
    values: dict[str, object], sources: list[FieldSource], tables: dict[str, object], table_sources: list[FieldSource]
) -> None:
    """A table's figure where the words give none, or where it is the words' figure unrounded ("$1.6
    billion" in the text, "1,578" in the table): within 5% and of the same sign. A table figure far from
    the words' is another column or another row, and the words win."""
    for name, table in tables.items():
        said, exact = _number(values.get(name)), _number(table)
        if exact is None:
            continue
        in_row = name == "eps" and values.get("eps_in_row")
        if said is None or in_row or (said * exact > 0 and abs(exact - said) <= 0.05 * abs(said)):
            values[name] = table
            sources[:] = [s for s in sources if s.field != name]
            sources.extend(s for s in table_sources if s.field == name)


def table_figures(region: Region, low: str, values: dict[str, object], sources: list[FieldSource]) -> None:
    """Revenue, net income and EPS from the first rows of a release's financial tables."""
    for name in ("revenue", "net_income", "eps"):
        if name in values:
            continue
        got = _table_figure(low, name)
        if got is None:
            continue
        value, a, b = got
        values[name] = value if name == "eps" else Money(int(value) if value == int(value) else value, "USD")
        sources.append(FieldSource(name, "text", span(region, a, b)))
