"""People in a text, from evidence that they are people, never from capitalization alone.

``person_evidence(text, signers)`` returns the surnames (and full names) that the text shows to be a
person's. A capitalized run such as "Southwest Division" or "Corporate Controller" is a name candidate
only; it becomes a person when one of these holds:

- an honorific or rank names it or its surname anywhere in the text: "Mr. Hill", "Ms. Jane Roe", "Dr. Roe",
  "Captain Jane Roe", "Sir John Roe";
- an age stands beside it: "Jane Roe, 54,", "Jane Roe (54)", "Jane Roe, age 54";
- it begins with a given name of the census lists (``given_names.py``): "Deirdre O’Brien", "Bob Roe";
- it has a middle initial or a generational suffix: "Jane A. Roe", "John Roe Jr.", "J. Roe";
- a signature of the filing ("/s/ Jane Roe") or the filing's signer list names it.

The families read names through ``is_person``; the rule is the same for every family and every
filing, so a stop-list of regions, divisions and titles is never needed to keep non-persons out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eightk.extract.entities import COMPANY_HEAD, CORPORATE_SUFFIX
from eightk.extract.given_names import GIVEN_NAMES

__all__ = ["PersonEvidence", "person_evidence"]

_HONORIFIC = re.compile(
    r"(?:(?:M[rs]s?|Dr)\.?|Captain|Admiral|Professor|Sir|Dame|Senator|Governor|Ambassador|Judge)[^\S\n]+"
    r"(?P<n>(?:(?:[A-Z][\w’'\-]+\.?|\([A-Z][a-z]+\))[^\S\n]+){0,3}"
    r"(?:(?:van|von|de|der|den|da|di|du|del|della|le|la|ter|ten)[^\S\n]+){0,2}[A-ZÀ-ÖØ-Þ][\w’'\-]+)"
)
# where an honorific can start: its first word alone. Every alternative opens with a capital, so the engine
# skips to the next such letter at C speed; ``_HONORIFIC`` itself (its first alternative a group) is tried at
# every position and cost four times as much over a filing's documents
_HONORIFIC_WORD = re.compile(r"M[rs]|Dr|Captain|Admiral|Professor|Sir|Dame|Senator|Governor|Ambassador|Judge")
# an age beside a name: found by the age first, then the name just before it (a scan that starts at every
# capitalized word of a long exhibit costs more than the rest of the family together)
_AGE_MARK = re.compile(r",\s+(?:age\s+|aged\s+)?\d{2},|\((?:age\s+)?\d{2}\)|,\s+(?:age|aged)\s+\d{2}\b")
_NAME_BEFORE = re.compile(r"(?P<n>[A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]+){1,3})$")
_SLASH_S = re.compile(r"/s/\s*(?P<n>[A-Z][^\n/]{2,60}?)\s*(?:\n|$|\s{2,})")
_INITIAL = re.compile(r"^(?:[A-Z][a-z’'\-]+\s+[A-Z]\.\s+[A-Z]|[A-Z]\.\s+[A-Z][a-z])")
_SUFFIX = re.compile(r"\s(?:Jr\.?|Sr\.?|II|III|IV)$")


# capitalized at a sentence's start, never a given name: "With Catz", "And Roe"
_FUNCTION_WORDS = frozenset("with and the for by from to as at on in of or but after before under".split())


_COMPANY_TAIL = re.compile(
    rf"(?:[^\S\n]+(?:[A-Z][\w&.'’\-]*|&|of|and)){{0,4}},?[^\S\n]+(?:{CORPORATE_SUFFIX}|{COMPANY_HEAD})(?![\w])"
)


_POSSESSIVE_S = re.compile(r"['’]s$")


def _surname(name: str) -> str:
    name = _POSSESSIVE_S.sub("", name)
    words = [w.strip(".,") for w in _SUFFIX.sub("", name.strip()).split()]
    return words[-1] if words else ""


@dataclass(slots=True)
class PersonEvidence:
    """Surnames and full names that a text shows to be people's (compared case-sensitively)."""

    surnames: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    company_texts: list[str] = field(default_factory=list)  # texts whose company names are no person's

    def _in_company(self, name: str) -> bool:
        """Whether ``name`` stands in a company's name in the texts ("Morgan Stanley" of "Morgan Stanley &
        Co. LLC", "Morgan Larkspur" of "Morgan Larkspur Capital LLC"): a corporate suffix or an
        institution's head word follows it within a few capitalized words. The entity layer's names, found
        more cheaply: only what follows each occurrence is read."""
        for text in self.company_texts:
            i = text.find(name)
            while i >= 0:
                if _COMPANY_TAIL.match(text, i + len(name)):
                    return True
                i = text.find(name, i + 1)
        return False

    def add(self, name: str) -> None:
        name = " ".join(name.split()).rstrip(",")
        if name:
            self.names.add(name)
            self.surnames.add(_surname(name))

    def is_person(self, name: str) -> bool:
        """True when ``name`` ("Jane A. Roe", "Jane Roe") is shown to be a person: its shape (a middle
        initial, "Jr."), a census given name, or the text's evidence for its surname or for the whole
        name; never a name within an organization's ("Morgan Stanley" of "Morgan Stanley & Co. LLC")."""
        name = " ".join(name.split())
        if name.split(" ", 1)[0].lower() in _FUNCTION_WORDS:
            return False
        suffixed = _SUFFIX.search(name) and len(name.split()) >= 3 and name.split(" ", 1)[0][1:].islower()
        given = name.split(" ", 1)[0]
        shown = bool(_INITIAL.match(name) or suffixed or given in GIVEN_NAMES or given.split("-")[0] in GIVEN_NAMES)
        if not (shown or name in self.names or _surname(name) in self.surnames):
            return False
        return not self._in_company(name)


def _honorifics(text: str) -> Iterator[re.Match[str]]:
    """``_HONORIFIC.finditer(text)``'s matches, the pattern tried only where its first word stands (every
    match opens with one): after a match, the next is looked for from its end, as ``finditer`` does."""
    end = 0
    for word in _HONORIFIC_WORD.finditer(text):
        if word.start() >= end and (m := _HONORIFIC.match(text, word.start())):
            end = m.end()
            yield m


def person_evidence(texts: Iterable[str], signers: Iterable[str] = ()) -> PersonEvidence:
    """Evidence over one or more texts (an item, its press release) and the filing's signer names."""
    ev = PersonEvidence()
    for name in signers:
        ev.add(name)
    for text in texts:
        for m in _honorifics(text):  # the word start is checked here: a leading look-behind is slow
            if not m.start() or not text[m.start() - 1].isalpha():
                ev.add(m.group("n"))
        for mark in _AGE_MARK.finditer(text):
            if text[mark.start()] == "(" and (not mark.start() or not text[mark.start() - 1].isspace()):
                continue  # "Jane Roe (54)": a space before the parenthesis
            if before := _NAME_BEFORE.search(text, max(0, mark.start() - 90), mark.start()):
                ev.add(before.group("n"))
        for m in _SLASH_S.finditer(text):
            ev.add(m.group("n"))
    return ev
