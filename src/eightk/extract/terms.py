"""A deal's other terms: the clauses on cost and profit sharing, co-exclusive or co-promotion rights,
options, rights of first negotiation, research funding and sublicensing that the typed fields do not
hold. Each term is the short clause that states it, with its span."""

from __future__ import annotations

import re

from eightk.extract.text import squash

__all__ = ["TERM_KINDS", "other_terms"]

_I = re.IGNORECASE
TERM_KINDS: dict[str, re.Pattern[str]] = {
    "responsibilities": re.compile(
        r"\b(?:will|shall|is|are)\s+(?:be\s+)?(?:solely\s+|primarily\s+|fully\s+)?responsible\s+for\b", _I
    ),
    "reimbursement": re.compile(r"\b(?:be|is|are)\s+reimbursed\b|\breimburse\s+\w+\s+for\b", _I),
    "co-exclusive": re.compile(r"\bco-?exclusive\b", _I),
    "costs": re.compile(
        r"\b(?:(?:development|research|commercialization)\s+(?:and\s+\w+\s+)?costs|share\s+(?:equally\s+)?"
        r"(?:in\s+)?(?:all\s+)?(?:the\s+)?costs|costs?\s+shar\w*)\b",
        _I,
    ),
    "profits": re.compile(
        r"\b(?:profits?\s+and\s+loss(?:es)?|profit[-\s]shar\w*|share\s+(?:equally\s+)?(?:in\s+)?profits)\b", _I
    ),
    "co-promotion": re.compile(r"\bco-?(?:promot\w*|commerciali[sz]\w*)\b", _I),
    "option": re.compile(r"\boption\s+to\s+(?:acquire|license|obtain|negotiate|purchase|extend)\b", _I),
    "first rights": re.compile(r"\bright\s+of\s+first\s+(?:negotiation|refusal|offer)\b", _I),
    "research funding": re.compile(r"\b(?:research\s+funding|fund\s+(?:the\s+)?research)\b", _I),
    "sublicense": re.compile(r"\bright\s+to\s+(?:grant\s+)?sub-?licens\w*\b", _I),
}
# Safe-harbor boilerplate speaks of "reimbursement" and "costs" too; its sentences hold no terms.
_BOILERPLATE = re.compile(r"forward-looking|uncertaint|\brisks?\b|\bmay\s+differ", _I)
# Clauses end at semicolons and at enumerations: "(i) co-exclusive rights …  and (ii) exclusive rights …"
_CLAUSE_BREAK = re.compile(r";|\s(?:and\s+|or\s+)?\((?:[ivx]{1,4}|[a-h])\)\s")
_MAX = 260  # a term longer than this is cut to the comma-delimited part around its cue


def other_terms(sent: str) -> list[tuple[str, str, int, int]]:
    """``(kind, text, start, end)`` for each kind of term the sentence states (offsets into ``sent``);
    a clause that states two kinds is given once, under the first."""
    if _BOILERPLATE.search(sent):
        return []
    out: list[tuple[str, str, int, int]] = []
    for kind, pattern in TERM_KINDS.items():
        m = pattern.search(sent)
        if m is None:
            continue
        a, b = _clause(sent, m.start(), m.end())
        text = squash(sent[a:b])
        if text and all(b <= a0 or a >= b0 for _k, _t, a0, b0 in out):  # one term per stretch of text
            out.append((kind, text, a, b))
    return out


def _clause(sent: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between clause breaks, narrowed to commas, then to whole words,
    when longer than ``_MAX``."""
    a = max((m.end() for m in _CLAUSE_BREAK.finditer(sent, 0, start)), default=0)
    nxt = _CLAUSE_BREAK.search(sent, end)
    b = nxt.start() if nxt else len(sent)
    if b - a > _MAX:
        comma = sent.rfind(", ", a, start)
        after = sent.find(",", end, b)
        a2 = comma + 2 if comma >= 0 else a
        b2 = after if after >= 0 else b
        if b2 - a2 <= _MAX:
            a, b = a2, b2
        else:  # a window of _MAX characters that holds the cue, from the clause's start when it can
            a = a2 if end - a2 <= _MAX * 2 // 3 else start - _MAX // 3
            b = min(b2, a + _MAX)
            while a > 0 and not sent[a - 1].isspace():  # whole words only
                a += 1
            while b < len(sent) and not sent[b].isspace() and b > end:
                b -= 1
    while a < b and sent[a] in " ,;.":
        a += 1
    while b > a and sent[b - 1] in " ,.;":
        b -= 1
    return a, b
