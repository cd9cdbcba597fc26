"""Where a deal reaches: the territory its sentences give ("worldwide, except Japan", "in the Republic of Korea
(the "Territory")", a contract's "Territory: …"), not an option's reach nor a place named for something else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eightk.extract.deal_terms import Terms

__all__ = ["territory"]

_I = re.IGNORECASE
_WORLD = re.compile(r"\b(?:world-?wide|global(?:ly)?|throughout\s+the\s+world)\b", _I)
_PLACE = (
    r"(?:the\s+)?(?:United\s+States(?:\s+of\s+America)?|U\.S\.|USA|Canada|Mexico|Europe(?:an\s+Union)?|EU|"
    r"(?:North|South|Latin|Central)\s+America|Asia(?:\s+Pacific)?|Africa|(?:the\s+)?Middle\s+East|Greater\s+China|"
    r"(?:mainland\s+)?China|Chinese\s+mainland|People[’']s\s+Republic\s+of\s+China|PRC|Japan|(?:South\s+)?Korea|"
    r"Republic\s+of\s+Korea|Taiwan|Hong\s+Kong|Maca[uo]|India|Australia|New\s+Zealand|Israel|"
    r"Russia|Ukraine|Turkey|Brazil|Argentina|Italy|Spain|France|Germany|Switzerland|Austria|Belgium|Netherlands|"
    r"Sweden|Norway|Denmark|Finland|Ireland|United\s+Kingdom|U\.K\.|UK|Poland|Portugal|Greece|Singapore|Malaysia|"
    r"Indonesia|Philippines|Thailand|Vietnam|Southeast\s+Asia|Scandinavia|Nordic\s+countries|Oman|Bahrain|Qatar|"
    r"Saudi\s+Arabia|Kuwait|Lebanon|Syria|Jordan|Iraq|Yemen|United\s+Arab\s+Emirates|Egypt|South\s+Africa)"
)
_TERRITORY = re.compile(
    rf"\b(?:in|for|throughout|within|(?P<out>outside(?:\s+of)?))\s+(?:the\s+territor(?:y|ies)\s+of\s+)?(?P<t>{_PLACE}(?:\s*(?:,|and|or|,\s*and)\s*{_PLACE}){{0,14}}"
    rf"(?:\s*,?\s*(?:excluding|except(?:\s+for)?)\s+{_PLACE}(?:\s*(?:,|and|,\s*and)\s*{_PLACE}){{0,6}})?)"
)
_EXCEPT = re.compile(
    rf",?\s*(?:except(?:\s+for)?|excluding|other\s+than|outside(?:\s+of)?)\s+{_PLACE}(?:\s*(?:,|and|or|,\s*and)\s*{_PLACE}){{0,10}}"
)
_RIGHTS_WORDS = re.compile(r"licen|rights|commerciali|territor|market|distribut|sell", _I)


_LABELLED_TERRITORY = re.compile(r"\b(?:Territory|TERRITORY)\s*:\s*(?:-+\s*)?(?P<t>[A-Z][^.\n:]{3,120})")


_OPTION_REACH = re.compile(r"\boptions?\s+(?:for|to|over|on)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$")
_OPTION_NAME = re.compile(r"(?:\s+[A-Z][\w\-]*){0,3}\s+Option\b")


# 'worldwide (the "Territory")', 'in the Republic of Korea (the "Territory")': the place the deal defines
_DEFINED_TERRITORY = re.compile(r"\s*\(\s*(?:collectively,?\s+)?the\s+[“\"]Territory[”\"]\s*\)")


def _defined_territory(offset: int, sent: str, t: Terms) -> bool:
    """The place a sentence defines as "the Territory" (read right before it) wins over one named before."""
    for d in _DEFINED_TERRITORY.finditer(sent):
        head = sent[: d.start()]
        w = _WORLD.search(head, max(0, d.start() - 40))
        m = next((m for m in _TERRITORY.finditer(head, max(0, d.start() - 200)) if m.end() == d.start()), None)
        if w and w.end() == d.start():
            t.territory = ("worldwide", offset + w.start(), offset + w.end())
        elif m:
            t.territory = (" ".join(m.group("t").split()), offset + m.start("t"), offset + m.end("t"))
        else:
            continue
        t.territory_defined = True
        return True
    return False


# "global" that is no deal's reach: a market's, a company's, some regions' ("the global krill oil market", "in
# specified global regions", "Top Tier Global Pharmaceutical Company")
_NOT_REACH = re.compile(
    r"(?:\s+[\w\-]+){0,2}?\s+(?:markets?|marketplace|leaders?|compan(?:y|ies)|territories|regions|industry)\b", _I
)


# "global" before work or a company ("may contribute to global development", "a global leader"), with no rights
# or licence in the three words after it ("global development and commercialization rights" is a reach)
_NOT_A_REACH = re.compile(
    r"\s+(?:clinical\s+)?(?:development|trials?|studies|study|leader|company|companies|(?:bio)?pharmaceutical|"
    r"healthcare|presence|network|operations|footprint|headquarters|population|patients?)\b"
    r"(?!(?:\s+(?:and|or|,)?\s*[\w\-]+){0,3}?\s+(?:rights?|licen[cs]es?)\b)",
    _I,
)


# where a party is, not where the deal reaches: "organised and existing under the laws of the State of Virginia in
# the United States of America", "with its registered office in"
_SEAT = re.compile(r"\b(?:laws\s+of|organi[sz]ed|incorporated|domiciled|offices?|headquartered|located)\b", _I)


def territory(offset: int, sent: str, t: Terms) -> None:
    """The territory a sentence gives the deal: a contract's labelled "Territory:", the place a sentence defines as
    "the Territory", else the first one named where rights are told ("worldwide", "in Japan", "outside the U.S.")."""
    if t.territory_defined or _defined_territory(offset, sent, t) or t.territory is not None:
        return
    if m := _LABELLED_TERRITORY.search(sent):  # a contract's schedule: "3. Territory: All countries in which …"
        t.territory = (" ".join(m.group("t").split()), offset + m.start("t"), offset + m.end("t"))
        return
    if not _RIGHTS_WORDS.search(sent):
        return
    w = next((w for w in _WORLD.finditer(sent) if not _NOT_REACH.match(sent, w.end())), None)
    if w and w.group(0).lower() == "global" and _NOT_A_REACH.match(sent, w.end()):
        w = None  # "may contribute to global development": the work's reach, not the licence's
    if w and (_OPTION_REACH.search(sent[max(0, w.start() - 40) : w.start()]) or _OPTION_NAME.match(sent, w.end())):
        w = None  # "an exclusive option for global commercial rights", "the Global Commercialization Option": an
        # option's reach, not the licence's
    m = next((m for m in _TERRITORY.finditer(sent) if not _SEAT.search(sent, max(0, m.start() - 60), m.start())), None)
    if w and (m is None or w.start() < m.start()):
        but = _EXCEPT.match(sent, w.end())  # "worldwide, except Japan, South Korea and Taiwan"
        if but:
            t.territory = (" ".join(sent[w.start() : but.end()].split()), offset + w.start(), offset + but.end())
        else:
            t.territory = ("worldwide", offset + w.start(), offset + w.end())
    elif m:
        a = m.start("out") if m.group("out") else m.start("t")  # "outside the U.S." keeps its "outside"
        t.territory = (" ".join(sent[a : m.end("t")].split()), offset + a, offset + m.end("t"))
