"""Group terms: one defined term that names two organizations of a text at once ("each of Roche Basel and
Genentech, individually and collectively, “Roche”"; "ENER1, INC. and ENER1 BATTERY COMPANY (hereinafter
collectively referred to as "ENER1")"). Read by ``entities``, which makes each use of the term a mention
of both."""

from __future__ import annotations

import re

from eightk.extract.entity_names import Mention, _squash
from eightk.extract.text import headed_matches

__all__ = ["collective_terms", "group_terms"]

_GROUP = re.compile(  # '(“Genentech,” each of Roche Basel and Genentech, individually and collectively, “Roche”)'
    r"\beach\s+of\s+(?P<a>[^,()“”\"]{2,60}?)\s+and\s+(?P<b>[^,()“”\"]{2,60}?),[^()“”\"]{0,80}?[“\"](?P<alias>[^”\"]{2,40})[”\"]"
)
_GROUP_HEADS = ("each",)  # every match starts with the word: the pattern is tried only where it stands


_COLLECTIVE = re.compile(
    r"\(\s*(?:hereinafter\s+)?(?:together|collectively)\b[^()“”\"]{0,40}?[“\"](?P<alias>[^”\"]{2,40})[”\"]\s*\)"
)


def group_terms(text: str, forms: dict[str, int]) -> list[tuple[str, list[int]]]:
    """ "each of Roche Basel and Genentech, …, “Roche”": the term names the organizations of both forms."""
    out: list[tuple[str, list[int]]] = []
    for g in headed_matches(_GROUP, text, _GROUP_HEADS):
        parts = (g.group("a"), g.group("b"))
        out.append((g.group("alias"), [i for part in parts for f, i in forms.items() if _squash(part) == _squash(f)]))
    return out


def collective_terms(text: str, found: list[Mention]) -> list[tuple[str, list[int]]]:
    """ "by and among ENER1, INC. and ENER1 BATTERY COMPANY (hereinafter collectively referred to as "ENER1")":
    the term names the two organizations joined by "and" right before it."""
    out: list[tuple[str, list[int]]] = []
    for g in _COLLECTIVE.finditer(text):
        before = [m for m in found if g.start() - 200 <= m.end <= g.start()]
        if len(before) < 2 or text[before[-1].end : g.start()].strip():
            continue
        a, b = before[-2], before[-1]
        if a.org != b.org and re.fullmatch(r"\s*,?\s*and\s+", text[a.end : b.start]):
            out.append((g.group("alias"), [a.org, b.org]))
    return out
