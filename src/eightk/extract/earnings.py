"""Earnings releases: 2.02, old Item 12, and pre-2003 releases furnished under old Items 5 and 9 (8.01/7.01):
period end, revenue, net income and EPS from the release's words or its financial-table rows."""

from __future__ import annotations

import dataclasses
import re

from eightk.extract.bare import bare_regions, is_bare_release
from eightk.extract.money import MoneyMention, money_in
from eightk.extract.text import Region, dates_in, span
from eightk.model import Earnings, FieldSource, Filing, Money
from eightk.parse.text import fold

__all__ = ["earnings"]

_I = re.IGNORECASE


def _items(regions: list[Region], *codes: str) -> list[Region]:
    return [r for r in regions if r.kind == "item" and r.code in codes]


_PERIOD = re.compile(r"(?:quarter|year|period|months|weeks)\s+ended\s+")
_REVENUE = re.compile(
    r"(?:total\s+(?:net\s+)?(?:revenues?|sales)|net\s+(?:revenues?|sales)|revenues?|sales)(?:\s+for\s+the\s+(?:\w+\s+){0,3}?(?:quarter|year|period|months)"
    r"(?:\s+ended\s+[a-z]+\.?\s+\d{1,2},?\s+\d{4},?)?)?\s+"
    r"(?:(?:of|was|were|totaled|reached)\s+|"
    r"(?:increased|decreased|grew|rose|fell|(?:was|were)\s+(?:up|down)|up|down)[^$.]{0,90}?(?<!compared\s)\bto\s+)"
    r"(?=(?:us)?\$)",
)
# Words before "revenues" that name a part of them, not the company's total ("deferred revenues", "Cloud
# IaaS revenues", "product revenues"); "total", "operating", "worldwide" and the like are the whole.
_PART = frozenset(
    "deferred unearned product products service services segment cloud iaas saas paas license licenses licensing "
    "subscription subscriptions software hardware advertising interest fee fees other royalty royalties "
    "collaboration grant contract consulting maintenance support retail wholesale equipment rental to".split()
)
_NET_INCOME = re.compile(
    r"(?:net\s+(?P<kind>income|earnings|profit|loss)(?:\s+(?:attributable|available)\s+to\s+[\w .,]+?)?\s+"
    r"(?:for\s+the\s+[^$.;]{3,60}?\s+)?(?:of|was|were|totaled)|net\s+(?:income|earnings)\s+and\s+[^$.]{0,50}?\s+(?:were|was)|reported\s+(?:(?!full|annual|year)[\w-]+\s+){0,3}?(?:earnings|profits?)\s+of)\s+"
    r"(?=\$|\(\$)",
)
_EPS = re.compile(
    r"\$\s?(\(?\d*\.\d{2}\)?)\s+per\s+diluted\s+share|diluted\s+(?:earnings|net\s+income|eps)[^$.]{0,60}?\$\s?(\(?\d*\.\d{2}\)?)|"
    r"(?:earnings|profit|net\s+income)\s+per\s+(?:diluted\s+|common\s+)?share\s*(?:\(diluted\)\s*)?"
    r"(?:(?:of|was|were|is|are)\s+(?:(?:unchanged|up|down|flat)\b[^$.]{0,30}?\b(?:at|to)\s+)?)?\$\s?(\(?\d*\.\d{2}\)?)|"
    r"(?:net\s+(?:income|earnings|profit|loss)(?:\s+(?:attributable|available)\s+to\s+[\w .,]+?)?|"
    r"reported\s+(?:(?!full|annual|year)[\w-]+\s+){0,3}?earnings)\s+(?:for\s+the\s+[^$.;]{3,60}?\s+)?(?:of|was)\s+"
    r"\$\s?\(?[\d.,]+\)?(?:\s+(?:million|billion))?,?\s+or\s+"
    r"(?:a\s+(?:net\s+)?(?:loss|profit)\s+of\s+)?(?:\$\s?(\(?\d*\.\d{2}\)?)|(\d{1,2})\s+cents)\s+(?:per|a)\s+"
    r"(?:(?:basic\s+and\s+)?diluted\s+|basic\s+(?:and\s+diluted\s+)?|common\s+)?share",
)
# Not the reported GAAP figure: "adjusted net income", "non-GAAP EPS", "core earnings per share"
_ADJUSTED = re.compile(
    r"(?:non-?\s?gaap|adjusted|pro\s+forma|operating|core|cash|underlying|normalized|excluding\s+[\w\s]{0,30}?)\s+$"
)
# A sentence that looks ahead: "expects earnings per share of $2.10 to $2.20"
_ADJUSTED_BASIS = re.compile(r"\b(?:non-?\s?gaap|adjusted|pro\s+forma)\s+basis\b")
_GUIDANCE = re.compile(r"\b(?:expect|guidance|outlook|forecast|anticipate|project|target|estimate)\w*")


def _reported(body: str, m: re.Match[str], adjusted: bool = True) -> bool:
    """A figure the release reports, not guidance nor (with ``adjusted``) an adjusted one."""
    if adjusted and _ADJUSTED.search(body, max(0, m.start() - 40), m.start()):
        return False
    sentence_start = max(body.rfind(". ", 0, m.start()), body.rfind("\n", 0, m.start()), 0)
    if adjusted and _ADJUSTED_BASIS.search(body, sentence_start, m.start()):
        return False  # "On a non-GAAP basis, Q3 net income and EPS were …"
    return not _GUIDANCE.search(body, sentence_start, m.start())


# "announcing its second quarter 2004 earnings" (the item's heading "Results of Operations …" aside)
_TELLS_RESULTS = re.compile(
    r"\b(?:announc|report(?!ed\s+results)|releas|regarding|discuss)\w*\s+(?:its\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,4}?(?:earnings|results)\b"
    r"(?!\s+of\s+operations\s+and\s+financial\s+condition)",
    _I,
)
_HEADLINE = 1500  # a release's headline and first paragraph
_RESULTS_CUE = re.compile(
    r"\b(?:announc\w+|report\w+|releas\w+)\s+(?:its\s+|the\s+)?(?:\w+\s+){0,3}?(?:financial\s+)?(?:results|earnings)"
    r"\s+(?:of\s+operations\s+)?for\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:quarter|year|period|months)",
    _I,
)


_PRO_FORMA = re.compile(
    r"\bpro\s+forma\s+(?:condensed\s+)?(?:consolidated\s+|combined\s+)?(?:financial|statements?|balance)", re.I
)


def earnings(filing: Filing, regions: list[Region]) -> list[Earnings]:
    """The filing's one ``Earnings`` event, from Item 2.02 (old era: a results release under Item 5 or 9)
    and its EX-99 releases, or from a bare release whose opening announces results."""
    regions = bare_regions(regions)
    items = list(_items(regions, "2.02"))
    old_era = filing.items and all("." not in it.number for it in filing.items)
    if not items and old_era:  # before Item 12 (2003) releases were furnished under Item 5 or Item 9
        items = [r for r in _items(regions, "8.01", "7.01") if _RESULTS_CUE.search(r.body[:3000])]
    if not items:  # a user's file that is the release itself
        items = [r for r in regions if is_bare_release(filing, r) and _TELLS_RESULTS.search(r.body[:_HEADLINE])]
    if not items:
        return []
    exhibits = [  # pro forma statements (what results would have been after a sale) are not the period's results
        r
        for r in regions
        if r.kind in ("exhibit", "inline")
        and (r.code or "EX-99").startswith("EX-99")
        and not _PRO_FORMA.search(r.body[:800])
    ]
    sources: list[FieldSource] = [FieldSource("type", "text", span(items[0], 0, min(40, len(items[0].body))))]
    values: dict[str, object] = {}
    folded = {id(r): fold(r.body) for r in items + exhibits}  # lower case: case-sensitive matching is faster
    for region in items + exhibits:
        low = folded[id(region)]
        _period(region, low, values, sources)
        _figures(region, low, values, sources)
    tables: dict[str, object] = {}
    table_sources: list[FieldSource] = []
    for region in exhibits + [r for r in items if r.kind == "document"]:
        _table_figures(region, folded[id(region)], tables, table_sources)
    _merge_tables(values, sources, tables, table_sources)
    values.pop("eps_in_row", None)
    values.pop("quarterly", None)
    found = any(values.get(k) is not None for k in ("period_end", "revenue", "net_income", "eps"))
    if not found and not any(_TELLS_RESULTS.search(r.body) for r in items):
        return []  # a 2.02 with no period, no figure and no word of results (guidance, a charge to come)
    evidence = tuple(dict.fromkeys(s.span for s in sources if s.span))
    return [
        Earnings(
            evidence=evidence,
            values=tuple(sources),
            period_end=values.get("period_end"),  # type: ignore[arg-type]
            revenue=values.get("revenue"),  # type: ignore[arg-type]
            net_income=values.get("net_income"),  # type: ignore[arg-type]
            eps=values.get("eps"),  # type: ignore[arg-type]
        )
    ]


_REPORT_REF = re.compile(r"form\s+10-[kq]\s+for\s+(?:the\s+)?(?:fiscal\s+)?$|10-[kq]\s+for\s+the\s+\w+\s+$")


# a headline that names a quarter: "Speedus Announces Second Quarter 2008 Results"
_QUARTER_HEADLINE = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b|\bq[1-4]\b")


def _period(region: Region, low: str, values: dict[str, object], sources: list[FieldSource]) -> None:
    """The first "quarter/year/months ended <date>" of the region; under a headline that names a quarter,
    the first quarter's (a release may open with its six-month figures)."""
    if "period_end" in values:
        return
    found = []
    for m in _PERIOD.finditer(low, 0, 8000):
        date = next(dates_in(region, m.end(), m.end() + 30), None)
        if _REPORT_REF.search(low, max(0, m.start() - 40), m.start()):
            continue  # "our Annual Report on Form 10-K for the year ended December 31, 2019": another report's
        if date and date[1] == m.end():
            head = low[max(0, m.start() - 20) : m.end()]
            found.append((bool(re.search(r"quarter|three\s+months|(?:12|13|twelve|thirteen)\s+weeks", head)), date))
    if not found:
        return
    quarter_first = _QUARTER_HEADLINE.search(low, 0, 400) and any(q for q, _ in found)
    quarterly, date = next(f for f in found if f[0] or not quarter_first)
    values["quarterly"] = quarterly
    values["period_end"] = date[0]
    sources.append(FieldSource("period_end", "text", span(region, date[1], date[2])))


_ROW_END = r"[ \t:]*(?:(?=[\t$\d(])|\n(?=[ \t]*[$\d(]))"  # cells on the label's line or the next one
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
_SCALE = re.compile(r"(?:\bin\s+|\(\s*(?:\$\s*)?)(millions|thousands|billions)\b")
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
        if len(_YEAR_WORDS.findall(line)) < 2:  # most lines: no header (the token checks below cost more)
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
        value *= _SCALES[scale.group(1)] if scale else 1.0
    elif value >= 100:
        return None
    opened = n.group(0).startswith("(") or body[max(0, n.start() - 4) : n.start()].rstrip().endswith("(")
    closed = n.group(0).endswith(")") or body[n.end() : n.end() + 4].lstrip(" \t|").startswith(")")
    if opened and closed:  # "(7,410)", and "(7,410 )" or "( 7,410 )" with the parenthesis in a cell of its own
        value = -value
    return value, n.start(1), n.end(1)


def _whole(body: str, start: int) -> bool:
    before = re.search(r"([\w-]+)(?:\([ivx\d]{1,4}\)|\*)?[ \t]*$", body[max(0, start - 30) : start])  # "Products(ii)"
    return before is None or before.group(1).lower() not in _PART


_NEG_MONEY = re.compile(r"\$\s?\((?P<n>\d[\d,]*(?:\.\d+)?)\)(?:\s*(?P<s>million|billion|thousand)\b)?", _I)
_SCALE_WORDS = {"million": 1e6, "billion": 1e9, "thousand": 1e3}


def _money_after(body: str, at: int) -> MoneyMention | None:
    """The money right after a cue, a negative in parentheses included: "$(4.9) million" and "($4.9
    million)" start at the parenthesis or dollar sign, so the mention's first characters tell the sign."""
    neg = _NEG_MONEY.match(body, at)
    if neg:
        amount = float(neg.group("n").replace(",", "")) * _SCALE_WORDS.get((neg.group("s") or "").lower(), 1.0)
        return MoneyMention(Money(int(amount) if amount == int(amount) else amount, "USD"), None, at, neg.end())
    mention = next(money_in(body, at, at + 40), None)
    if mention and body[at : mention.start].strip() == "(":
        return MoneyMention(mention.money, mention.high, body.index("(", at), mention.end)
    return mention


# a figure told for a longer period than the headline quarter: "for the nine months, net income was …"
_LONGER_PERIOD = re.compile(
    r"\b(?:six|nine|twelve|26|39|52)[\s-]+(?:months|weeks)|year[\s-]to[\s-]date|full[\s-]year|fiscal\s+year"
)


def _sentence_before(low: str, at: int) -> str:
    return low[max(low.rfind(". ", 0, at), low.rfind("\n", 0, at), 0) : at]


def _longer(low: str, at: int) -> bool:
    """The figure at ``at`` is a longer period's than the headline quarter, by the words before or after it."""
    return bool(_LONGER_PERIOD.search(_sentence_before(low, at))) or _longer_after(low, at)


def _longer_after(low: str, at: int) -> bool:
    """The figure at ``at`` is told "for the six months ended …" after it, before any comparison or the
    sentence's end: "a net loss of $3.3 million, or $0.82 per share, for the six months ended June 30"."""
    end = low.find(". ", at)
    rest = low[at : end if 0 <= end < at + 200 else at + 200]
    rest = re.split(r"compared|versus|\bvs\b", rest)[0]
    return bool(re.search(r"\bfor\s+the\s+(?:six|nine|twelve|26|39|52)[\s-]+(?:months|weeks)", rest))


# "… compared with net income of $1.34 billion in Q1 2023": the prior period's figure
_COMPARED = re.compile(r"(?:compared\s+(?:with|to)|versus|vs\.?|from)(?:\s+an?|\s+the)?\s+$")


def _figures(region: Region, low: str, values: dict[str, object], sources: list[FieldSource]) -> None:
    body = region.body[:12000]
    for name, pattern in (("revenue", _REVENUE), ("net_income", _NET_INCOME)):
        if name in values:
            continue
        found = (
            m
            for m in pattern.finditer(low, 0, 12000)
            if _reported(low, m, adjusted=name == "net_income")
            and not _COMPARED.search(low, max(0, m.start() - 40), m.start())
            and not (values.get("quarterly") and (_longer(low, m.start()) or _LONGER_PERIOD.search(m.group(0))))
        )
        m = next((m for m in found if name != "revenue" or _whole(low, m.start())), None)
        mention = _money_after(body, m.end()) if m else None
        if m is not None and mention is not None and mention.money.amount >= 1000:
            money = mention.money
            negative = body[mention.start] == "(" or bool(_NEG_MONEY.match(body, mention.start))
            if name == "net_income" and (m.group("kind") == "loss" or negative):
                money = dataclasses.replace(money, amount=-money.amount)
            values[name] = money
            sources.append(FieldSource(name, "text", span(region, mention.start, mention.end)))
    # a match inside a table row ("Diluted EPS\t$\t1.89\t$\t2.81") is the table's, read by its columns
    eps = [
        m
        for m in _EPS.finditer(low, 0, 12000)
        if _reported(low, m)
        and not (values.get("quarterly") and (_longer(low, m.start()) or _LONGER_PERIOD.search(m.group(0))))
    ]
    m = next((m for m in eps if "\t" not in m.group(0)), eps[0] if eps else None)
    if "eps" not in values and m is not None:
        if "\t" in m.group(0):
            values["eps_in_row"] = True  # a table row's cell: the table, read by its columns, may replace it
        group = next(g for g in (1, 2, 3, 4, 5) if m.group(g))
        loss = re.match(r"net\s+loss", m.group(0)) or re.search(r"\bloss\s+per\b", m.group(0))
        printed = m.group(group)
        value = float(printed.strip("()")) / (100 if group == 5 else 1)  # "or 27 cents a share"
        paren = "(" in printed or ")" in printed or "(" in low[max(0, m.start(group) - 3) : m.start(group)]
        values["eps"] = -value if loss or paren else value
        sources.append(FieldSource("eps", "text", span(region, m.start(group), m.end(group))))


def _number(value: object) -> float | None:
    if isinstance(value, Money):
        return float(value.amount)
    return float(value) if isinstance(value, (int, float)) else None


def _merge_tables(
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


def _table_figures(region: Region, low: str, values: dict[str, object], sources: list[FieldSource]) -> None:
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
