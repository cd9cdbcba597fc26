"""Earnings releases: 2.02, old Item 12, and pre-2003 releases furnished under old Items 5 and 9 (8.01/7.01):
period end, revenue, net income and EPS from the release's words or its financial-table rows."""

from __future__ import annotations

import dataclasses
import re

from eightk.extract.bare import bare_regions, is_bare_release
from eightk.extract.earnings_tables import merge_tables, table_figures
from eightk.extract.money import MoneyMention, money_in
from eightk.extract.text import Region, dates_in, headed_matches, near_words, span
from eightk.model import Earnings, FieldSource, Filing, Money
from eightk.parse.text import fold

__all__ = ["earnings"]

_I = re.IGNORECASE


def _items(regions: list[Region], *codes: str) -> list[Region]:
    return [r for r in regions if r.kind == "item" and r.code in codes]


_PERIOD = re.compile(
    r"(?:quarters?|years?|periods?|months|weeks)(?:\s+of\s+(?:fiscal\s+)?\d{4},?\s+which)?\s+ended(?:\s*\n[ \t]*\|)?\s+"
)
_REVENUE = re.compile(
    r"(?:total\s+(?:net\s+)?(?:revenues?|sales)|net\s+(?:revenues?|sales)|revenues?|sales)"
    r"(?:\s+(?:for|in)\s+(?:the\s+(?:\w+\s+){0,3}?(?:quarter|year|period|months)(?:\s+of\s+(?:fiscal\s+)?\d{4})?|"
    r"fiscal\s+(?:year\s+)?\d{4})"
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
    r"(?:for\s+the\s+[^$.;]{3,60}?\s+)?(?:of|was|were|totaled|(?:rose|increased|grew|fell|decreased|declined)\s+to)"
    r"(?:\s+an?\s+(?:record|quarterly|all-time)(?:\s+high)?)?|net\s+(?:income|earnings)\s+and\s+[^$.]{0,50}?\s+(?:were|was)|reported\s+(?:(?!full|annual|year)[\w-]+\s+){0,3}?(?:earnings|profits?)\s+of)\s+"
    r"(?=\$|\(\$)",
)
_EPS = re.compile(
    r"\$\s?(\(?\d*\.\d{2}\)?)\s+per\s+(?:diluted\s+share|share\s*[-–—,]\s*diluted)|"
    r"(?:diluted\s+(?:earnings|net\s+income|eps)|(?:reported\s+|gaap\s+)?\beps(?<!comparable\seps)(?<!adjusted\seps)(?<!core\seps)(?<!operating\seps)"
    r"\s+(?=was|were|of|(?:grew|increased|rose|decreased|declined|fell)\s))"
    r"[^$.]{0,60}?\$\s?(\(?\d*\.\d{2}\)?)|"
    r"(?:earnings|profit|net\s+income|net\s+loss)\s+per\s+(?:diluted\s+|common\s+)?share\s*(?:\(diluted\)\s*)?"
    r"(?:(?:of|was|were|is|are)\s+(?:(?:unchanged|up|down|flat)\b[^$.]{0,30}?\b(?:at|to)\s+)?)?\$\s?(\(?\d*\.\d{2}\)?)|"
    r"(?:net\s+(?:income|earnings|profit|loss)(?:\s+(?:attributable|available)\s+to\s+[\w .,]{1,120}?)?|"
    r"reported\s+(?:(?!full|annual|year)[\w-]+\s+){0,3}?earnings)\s+(?:for\s+the\s+[^$.;]{3,60}?\s+)?(?:of|was)\s+"
    r"(?:an?\s+(?:record|quarterly|all-time)\s+(?:high\s+)?)?"
    r"\$\s?\(?[\d.,]+\)?(?:\s+(?:million|billion))?,?\s+or\s+"
    r"(?:a\s+(?:net\s+)?(?:loss|profit)\s+of\s+)?(?:\$\s?(\(?\d*\.\d{2}\)?)|(\d{1,2})\s+cents)\s+(?:per|a)\s+"
    r"(?:(?:basic\s+and\s+)?diluted\s+|basic\s+(?:and\s+diluted\s+)?|common\s+)?share",
)
# every form of _EPS holds one of these words, within _EPS_REACH characters of either end
_EPS_WORD = re.compile(r"share|eps|diluted")
_EPS_REACH = 450
# the words every match of a pattern starts with: it is tried only where one begins (text.headed_matches),
# not at every character of the release
_HEADS = {
    "eps": ("$", "diluted", "reported", "gaap", "eps", "earnings", "profit", "net"),
    "revenue": ("total", "net", "revenue", "sales"),
    "net_income": ("net", "reported"),
    "period": ("quarter", "year", "period", "months", "weeks"),
}


def _eps_in(low: str, stop: int) -> list[re.Match[str]]:
    """``_EPS``'s matches in ``low[:stop]``, searched only around its words (the pattern tried at every
    position cost a third of the earnings family's time)."""
    return near_words(_EPS, _EPS_WORD, low, _EPS_REACH, stop, heads=_HEADS["eps"])


# Not the reported GAAP figure: "adjusted net income", "non-GAAP EPS", "core earnings per share"
_ADJUSTED = re.compile(
    r"(?:non-?\s?gaap|adjusted|comparable|pro\s+forma|operating|core|cash|underlying|normalized|"
    r"excluding\s+[\w\s]{0,30}?)\s+$"
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


_NET_WORDS = re.compile(r"\bnet\s+(?:income|loss|earnings)\b", _I)
_SALES_WORDS = re.compile(r"\b(?:revenues?|(?:net\s+)?sales)\b", _I)
_PERIOD_WORDS = re.compile(r"\b(?:quarter|three\s+months|fiscal\s+year)\b", _I)


def _results_opening(head: str) -> bool:
    """A release's opening that tells results: it says so ("announced … results"), or it gives the
    period's net income and revenue or sales ("Net sales for the first quarter … Net income for the first
    quarter of 2009 was …")."""
    return bool(
        _TELLS_RESULTS.search(head)
        or _NET_WORDS.search(head)
        and _SALES_WORDS.search(head)
        and _PERIOD_WORDS.search(head)
    )


_EACH_PERIOD = re.compile(
    r"\bfor\s+each\s+of\s+the\s+(?:\w+\s+)?(?:quarters|periods|years|fiscal\s+years)\s+ended\b", _I
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
    if not items:  # a user's file that is the release itself, or its highlights and table without a headline
        items = [r for r in regions if is_bare_release(filing, r) and _results_opening(r.body[:_HEADLINE])]
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
        table_figures(region, folded[id(region)], tables, table_sources)
    merge_tables(values, sources, tables, table_sources)
    values.pop("eps_in_row", None)
    values.pop("quarterly", None)
    several = any(_EACH_PERIOD.search(r.body[:3000]) for r in items)
    if several and values.get("net_income") is None and values.get("eps") is None:
        return []  # data furnished for several periods ("for each of the three quarters ended …"): no results
    found = any(values.get(k) is not None for k in ("period_end", "revenue", "net_income", "eps"))
    if not found and (filing.document_kind != "filing" or not any(_TELLS_RESULTS.search(r.body) for r in items)):
        return []  # a 2.02 with no period, no figure and no word of results (guidance, a charge to come); a bare
        # text's mention of results ("disappointing fourth-quarter results") with nothing read is no release
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
    for m in headed_matches(_PERIOD, low, _HEADS["period"], 0, 8000):
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
            for m in headed_matches(pattern, low, _HEADS[name], 0, 12000)
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
    if "eps" in values:
        return  # an earlier region gave it: no need to search this one's words for it
    # a match inside a table row ("Diluted EPS\t$\t1.89\t$\t2.81") is the table's, read by its columns
    eps = [
        m
        for m in _eps_in(low, 12000)
        if _reported(low, m)
        and not (values.get("quarterly") and (_longer(low, m.start()) or _LONGER_PERIOD.search(m.group(0))))
    ]
    m = next((m for m in eps if "\t" not in m.group(0)), eps[0] if eps else None)
    if m is not None:
        if "\t" in m.group(0):
            values["eps_in_row"] = True  # a table row's cell: the table, read by its columns, may replace it
        group = next(g for g in (1, 2, 3, 4, 5) if m.group(g))
        loss = re.match(r"net\s+loss", m.group(0)) or re.search(r"\bloss\s+(?:per|of)\b", m.group(0))
        printed = m.group(group)
        value = float(printed.strip("()")) / (100 if group == 5 else 1)  # "or 27 cents a share"
        # "$(0.06)", "($0.06)"; not an aside opened before the figure ("($3.48 per share - diluted)")
        closed = ")" in printed or low[m.end(group) : m.end(group) + 1] == ")"
        paren = closed and ("(" in printed or "(" in low[max(0, m.start(group) - 3) : m.start(group)])
        values["eps"] = -value if loss or paren else value
        sources.append(FieldSource("eps", "text", span(region, m.start(group), m.end(group))))
