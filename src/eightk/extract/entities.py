"""The entity layer: organizations, their defined terms and every place the text mentions them.

``entities(text, registrant)`` reads one stretch of normalized text and returns an ``Entities``:

- ``orgs``: the organizations named, each once, with the span of its first full name, its defined terms
  ("AVEO", "Licensee", "UCLB"), the role a contract's label gives it ("Licensee" → licensee) and its
  ticker ("(NASDAQ: GILD)");
- ``mentions``: every mention in text order, as ``Mention(org, start, end)``, where ``org`` is an index
  into ``orgs`` or ``REGISTRANT`` for "the Company", "we", "our" and "us" when no organization of the
  text took "Company" as its defined term.

Organizations are found by several kinds of evidence, none of them capitalization alone:
a corporate suffix in any case and across a line break ("Brilliant Digital Entertainment,\\nInc."),
an institution's head word ("University of …", "… Research Foundation", "Department of Energy"), a
defined term in parentheses that names what precedes it ('Eurolink ("Licensee")'), an exchange ticker
('Gilead Sciences, Inc. (NASDAQ: GILD)'), and the counterparty slot of an agreement ("an asset purchase
agreement with Harrow"). Short forms ("Gilead" for "Gilead Sciences, Inc.") are mentions of the full name.
Every pattern is bounded (word counts, gaps), so time grows linearly with the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from eightk.extract.entity_groups import collective_terms, group_terms
from eightk.extract.entity_names import (
    _APPOSITIVE,
    _APPOSITIVE_HEAD,
    _BEFORE_TICKER,
    _HEAD,
    _INSTITUTION,
    _JOIN,
    _JOINED,
    _NOT_NAME,
    _NOT_PARTY_TERM,
    _OWNER_SLOT,
    _PAYER_SLOT,
    _PAYER_VERB,
    _PRONOUN,
    _SLOT,
    _SUBJECT_SLOT,
    _SUBJECT_VERB,
    _SUFFIX,
    _SUFFIXED,
    _TICKER,
    APPOSITIVE_HEAD_HEADS,
    COMPANY_HEAD,
    CORPORATE_SUFFIX,
    OWNER_SLOT_HEADS,
    PAYER_VERB_HEADS,
    PRONOUN_HEADS,
    REGISTRANT,
    SLOT_HEADS,
    SUBJECT_VERB_HEADS,
    Mention,
    Org,
    _acceptable,
    _clean,
    _short_forms,
    _squash,
)
from eightk.extract.entity_terms import _definitions, _label_forms, _split_joined, _trade_names
from eightk.extract.text import headed_matches
from eightk.model import Ticker
from eightk.parse.registrant import norm_name

__all__ = ["COMPANY_HEAD", "CORPORATE_SUFFIX", "REGISTRANT", "Entities", "Mention", "Org", "entities"]


@dataclass(slots=True)
class Entities:
    """The organizations of a text and their mentions in order (see the module docstring)."""

    orgs: list[Org]
    mentions: list[Mention]
    registrant: int | None = None  # the org that is the registrant, when the text names it

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside text[start:end], in order."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]


_SENTENCE_END = re.compile(  # a suffix that ends a sentence: "… with B Corp. B Corp. is the owner"
    r"\b(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|L\.P|N\.V|B\.V|S\.A|A\.G|K\.K|L\.L\.C|P\.L\.C|S\.p\.A)\.(?=\s+[A-Z])(?!\s+(?:Ltd|LTD|Limited|LIMITED|LLC|Inc|INC|KG)\b)"
)
_SUFFIX_WORD = re.compile(rf"{_SUFFIX}(?![\w])")  # preceded by a space or comma: checked in _windowed
_HEAD_WORD = re.compile(_HEAD)
_REACH = 240  # a name's words before its suffix or head word fit in this many characters


# the words every match of a trigger (or of a pattern read whole) starts with: it is tried only where one
# begins, not at every character (the same matches, a fraction of the time)
_TRIGGER_HEADS = {
    _APPOSITIVE_HEAD: APPOSITIVE_HEAD_HEADS,
    _SUBJECT_VERB: SUBJECT_VERB_HEADS,
    _PAYER_VERB: PAYER_VERB_HEADS,
}
_PATTERN_HEADS = {_SLOT: SLOT_HEADS, _OWNER_SLOT: OWNER_SLOT_HEADS}


def _windowed(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of ``pattern`` that hold a ``trigger`` (a suffix, an institution's head word), tried only
    near each trigger: time stays linear on long runs of capitalized words or spaces that hold none."""
    out: list[re.Match[str]] = []
    heads = _TRIGGER_HEADS.get(trigger)
    for t in headed_matches(trigger, text, heads) if heads else trigger.finditer(text):
        if out and out[-1].end() >= t.end():
            continue
        if trigger is _SUFFIX_WORD and (
            not t.start()
            or text[t.start() - 1] not in " \t\n,"
            or text[max(0, t.start() - 4) : t.start()] in ("the ", "The ")
        ):
            continue  # "the Company" is no name
        lo = max(0, t.start() - _REACH, out[-1].end() if out else 0)
        for m in pattern.finditer(text, lo, min(len(text), t.end() + _REACH)):
            if m.start() <= t.start() and m.end() >= t.end():
                out.append(m)
                break
    return out


def _found(text: str) -> list[tuple[str, int, int]]:
    """Names with their offsets, from suffixes, institutions, tickers and name slots (may overlap)."""
    out: list[tuple[str, int, int]] = []
    for pattern, trigger in ((_SUFFIXED, _SUFFIX_WORD), (_INSTITUTION, _HEAD_WORD)):
        for m in _windowed(pattern, trigger, text):
            g = 1 if m.group(1) else 2
            name, start = _clean(m.group(g), m.start(g))
            if pattern is _INSTITUTION and (marker := re.match(r"[A-Z0-9]\.\s+(?=[A-Z][a-z])", name)):
                name, start = name[marker.end() :], start + marker.end()  # a list marker "A."
            name = re.sub(r"\s*\([A-Z][A-Z0-9&]{1,7}\)$", "", name.rstrip(" ,\n\t"))  # "… Foundation (PSRF)"
            name = re.sub(rf"(?:\s+{_JOIN})+$", "", name)  # "University of Southampton of …": no trailing "of"
            words = name.split()
            if len(words) >= 4 and len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2 :]:
                name = " ".join(words[: len(words) // 2])  # "About Toshiba Corporation" over "Toshiba Corporation is"
            parts = _JOINED.split(name)
            if pattern is _SUFFIXED and len(parts) == 1 and (end := _SENTENCE_END.search(name)):
                parts = [name[: end.end()], name[end.end() :].lstrip()]  # two names, one a sentence's last
            left, sep, right = name.partition(" and ")
            if len(parts) == 1 and sep and _HEAD_WORD.search(left) and not _HEAD_WORD.search(right):
                parts = [left, right]  # "X University Medical Center and Y BV": an institution and a company
            for part in parts:  # "X Inc. and Y Inc.": two names
                at = start + name.find(part)
                if _acceptable(part):
                    out.append((part, at, at + len(part)))
    for m in _TICKER.finditer(text):
        b = _BEFORE_TICKER.search(text, max(0, m.start() - 80), m.start())
        if b:
            name, start = _clean(b.group(1), b.start(1))
            if _acceptable(name):
                out.append((name, start, start + len(name)))
    out += _slotted(text)
    return out


def _slotted(text: str) -> list[tuple[str, int, int]]:
    """Names without a suffix, from the places only a company stands: "X, a biopharmaceutical company",
    "X announced a … agreement", "an agreement with X", "granted X"."""
    out: list[tuple[str, int, int]] = []
    for pattern in (_APPOSITIVE, _SUBJECT_SLOT, _PAYER_SLOT, _SLOT, _OWNER_SLOT):
        trigger = {_APPOSITIVE: _APPOSITIVE_HEAD, _SUBJECT_SLOT: _SUBJECT_VERB, _PAYER_SLOT: _PAYER_VERB}.get(pattern)
        found = _windowed(pattern, trigger, text) if trigger else headed_matches(pattern, text, _PATTERN_HEADS[pattern])
        for m in found:
            name, start = _clean(m.group(1), m.start(1))
            name = re.sub(r"[\s,.;:]+$", "", name)
            while name and (_NOT_NAME.search(name.split()[-1]) or re.fullmatch(_JOIN, name.split()[-1])):
                name = " ".join(name.split()[:-1])  # "… with Harrow Effective …"
            if end := re.search(r"[a-z]{2}\.\s", name + " "):  # "from Gloria. The upfront …": a sentence ends it
                name = name[: end.start() + 2]
            name = re.sub(r"[\s,.;:]+$", "", name)
            if tail := re.search(rf",?\s{_SUFFIX}(?=\s+(?:of|in)\s)", name):  # "… Company Limited of Bangkok"
                name = name[: tail.end()]
            if re.match(r"[ \t]*\n[ \t]*[A-Z][a-z]", text[start + len(name) : start + len(name) + 30]):
                continue  # "… from the U.S. Food and Drug\nAdministration": the name runs on, the slot cut it
            parts = re.split(r"\s+and\s+", name)  # "JT and Torii": two names in a slot
            if len(parts) > 1 and re.search(r"[A-Z][\w&.\-'’]*[ \t]+$", text[max(0, start - 30) : start]):
                parts = parts[1:]  # "Graviton Bioscience and Beijing Tide …, a subsidiary": the slot cut the first
            for part in parts:
                at = start + name.find(part)
                ok = part and _acceptable(part) and not _NOT_NAME.match(part.split()[0])
                if ok and not _NOT_PARTY_TERM.search(part):
                    out.append((part, at, at + len(part)))
    return out


def _dedupe(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Non-overlapping occurrences, the longer one first where two overlap. The kept spans never overlap,
    so each candidate is checked against its two neighbours by start (bisect), not against every one."""
    kept: list[tuple[int, int, str]] = []  # (start, end, name), sorted by start
    for f in sorted(found, key=lambda f: (-(f[2] - f[1]), f[1])):
        name, a, b = f
        i = bisect.bisect_left(kept, (a,))
        if (i and kept[i - 1][1] > a) or (i < len(kept) and kept[i][0] < b):
            continue
        kept.insert(i, (a, b, name))
    return [(name, a, b) for a, b, name in kept]


@functools.lru_cache(maxsize=16)
def entities(text: str, registrant: str | None = None) -> Entities:
    """Organizations and their mentions in ``text`` (see the module docstring). ``registrant`` is the
    filer's name when known: the organization of that name is ``Entities.registrant``. The families read
    the same regions, so results are cached: callers must not change what they get back."""
    occ = [Org(_squash(n), s, e) for n, s, e in _split_pairs(_dedupe(_found(text))) if norm_name(n)]
    occ = _trade_names(text, occ)
    _definitions(text, occ)
    _tickers(text, occ)
    occ.sort(key=lambda o: o.start)
    _split_joined(occ)
    return _mentions(text, _merge(occ), registrant)


def _split_pairs(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "Pasteur Merieux Serums & Vaccins and DrugAbuse Sciences Inc." (a page title) is two names when the
    text names the second on its own elsewhere ("DRUG ABUSE SCIENCES INC"): split at that "and"."""

    def key(n: str) -> str:
        return re.sub(r"[^a-z0-9]", "", n.lower())

    keys = {key(n) for n, _, _ in found}
    out: list[tuple[str, int, int]] = []
    for n, a, b in found:
        cut = next((m for m in re.finditer(r"\s+and\s+", n) if key(n[m.end() :]) in keys - {key(n)}), None)
        if cut is None:
            out.append((n, a, b))
        else:
            out += [(n[: cut.start()], a, a + cut.start()), (n[cut.end() :], a + cut.end(), b)]
    return out


def _tickers(text: str, orgs: list[Org]) -> None:
    for o in orgs:
        t = _TICKER.match(text, o.end)
        if t and o.ticker is None:
            ex = "Nasdaq" if t.group("ex").upper().startswith("NASDAQ") else t.group("ex")
            o.ticker = Ticker(ex, t.group("sym"))


# the legal form a corporate suffix gives: "Medovex Corp." and "Medovex, LLC" are two companies
_FORMS = (
    ("llc", re.compile(r"\b(?:LLC|L\.L\.C\.)$")),
    ("corp", re.compile(r"\b(?:Inc\.?|INC\.?|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp\.?|CORP\.?)$")),
    ("lp", re.compile(r"\b(?:L\.P\.|LP|LLP)$")),
)


def _legal_form(name: str) -> str | None:
    return next((form for form, pattern in _FORMS if pattern.search(name)), None)


def _same_company(o: Org, p: Org) -> bool:
    key = norm_name(o.name)
    forms = (_legal_form(o.name), _legal_form(p.name))
    if None not in forms and forms[0] != forms[1]:
        return False  # "Medovex Corp." and its subsidiary "Medovex, LLC"
    return bool(key) and (
        key == norm_name(p.name)
        or o.name in p.aliases
        or o.name in _short_forms(p.name)
        or p.name in _short_forms(o.name)
        or (o.name.isupper() and o.name in [f.upper() for f in _short_forms(p.name)])  # "CHEMBIO"
        # "Stanford EB-101" (a slot's guess, no suffix) after "(“Stanford”)"; "Uber India Systems Private
        # Limited" is a company of its own, not "Uber"
        or (not _SUFFIX_WORD.search(o.name) and any(a in _short_forms(o.name) for a in p.aliases))
        or _initials_of(o.name, p.name)
        or _initials_of(p.name, o.name)
    )


def _initials_of(short: str, name: str) -> bool:
    """ "CPSI" for "Computing Products & Services Inc.": an upper-case short name made of the initials of a
    name's words (a suffix included or not; "&", "and", "of" skipped)."""
    if not (short.isalpha() and short.isupper() and 3 <= len(short) <= 6):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w\-]*", name) if w.lower() not in ("and", "of", "the", "for")]
    initials = "".join(w[0].upper() for w in words)
    return len(words) > 1 and short in (initials, initials[:-1])


def _merge(orgs: list[Org]) -> list[Org]:
    """One org per company: a later org whose name is a short form or alias of an earlier one joins it."""
    out: list[Org] = []
    for o in orgs:
        twin = next((p for p in out if _same_company(o, p)), None)
        if twin is None:
            out.append(o)
            continue
        for a in [o.name, *o.aliases]:
            if a not in twin.aliases and a != twin.name:
                twin.aliases.append(a)
        twin.label = twin.label or o.label
        twin.ticker = twin.ticker or o.ticker
    return out


def _wordish(c: str) -> bool:
    return c.isalnum() or c in "_&"


def _spaced_end(text: str, at: int, words: list[str]) -> int:
    """Where ``words`` end when they stand at ``at`` separated by any run of white space, else -1."""
    j = at
    for k, w in enumerate(words):
        if k:
            start = j
            while j < len(text) and text[j].isspace():
                j += 1
            if j == start:
                return -1
        if not text.startswith(w, j):
            return -1
        j += len(w)
    return j


def _occurrences(text: str, form: str, heads: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as whole words (a space in it matches any run of white space,
    a line break included). Found with str.find: one alternation of every form, compiled per text, cost
    more than the search. ``heads`` keeps where each first word starts a word, found once for all the
    forms that share it ("Gilead Sciences, Inc.", "Gilead Sciences", "Gilead")."""
    head = form.split(" ", 1)[0]
    if head not in heads:
        heads[head] = _word_starts(text, head)
    for i in heads[head]:
        j = i + len(form) if head == form else _spaced_end(text, i, form.split(" "))
        if j > 0 and (j == len(text) or not _wordish(text[j])):
            yield i, j


def _word_starts(text: str, word: str) -> list[int]:
    """Where ``word`` begins in ``text`` with no word character before it."""
    out = []
    i = text.find(word)
    while i >= 0:
        if i == 0 or not _wordish(text[i - 1]):
            out.append(i)
        i = text.find(word, i + 1)
    return out


_HEAD_FORM = re.compile(r"\b(Foundation|University|Institute|Trust|Hospital|College|Agency|Council|Society)$")


def _head_forms(orgs: list[Org]) -> dict[str, int]:
    """ "Foundation" for the one organization of the text named "… Foundation" (read in "the Foundation")."""
    heads: dict[str, list[int]] = {}
    for i, o in enumerate(orgs):
        if h := _HEAD_FORM.search(o.name):
            heads.setdefault(h.group(1), []).append(i)
    return {h: which[0] for h, which in heads.items() if len(which) == 1}


def _mentions(text: str, orgs: list[Org], registrant: str | None) -> Entities:
    forms: dict[str, int] = {}
    reg_org: int | None = None
    reg_key = norm_name(registrant) if registrant else None
    for i, o in enumerate(orgs):
        if o.label == "company" or (reg_key and norm_name(o.name) == reg_key):
            reg_org = i if reg_org is None else reg_org
        for f in [o.name, *o.aliases, *_short_forms(o.name)]:
            if f.lower() in ("company", "registrant") or len(f) < 2:
                continue
            forms.setdefault(f, i)
            if f in _short_forms(o.name) and " " not in f:
                forms.setdefault(f.upper(), i)  # "ONO" for Ono Pharmaceutical Co Ltd
    for h, i in _head_forms(orgs).items():
        forms.setdefault(h, i)
    for word, i in _label_forms(orgs).items():
        forms.setdefault(word, i)
    found: list[Mention] = []
    heads: dict[str, list[int]] = {}
    candidates = sorted(
        ((a, b, i) for f, i in forms.items() for a, b in _occurrences(text, f, heads)),
        key=lambda c: (c[0], c[0] - c[1]),
    )
    last_end = -1
    for a, b, i in candidates:  # leftmost first, the longest form where two start together
        if a >= last_end:
            found.append(Mention(i, a, b))
            last_end = b
    groups = group_terms(text, forms) + collective_terms(text, found)
    for alias, members in groups:  # a group term names every member at once
        if len(set(members)) < 2:
            continue
        for m in re.finditer(rf"(?<![\w&]){re.escape(alias)}(?![\w&])", text):
            found = [x for x in found if not (x.start == m.start() and x.end == m.end())]
            found += [Mention(i, m.start(), m.end()) for i in dict.fromkeys(members)]
    taken = sorted((m.start, m.end) for m in found)
    starts = [a for a, _ in taken]
    for m in headed_matches(_PRONOUN, text, PRONOUN_HEADS):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][0] <= m.start() < taken[k][1]:
            continue
        found.append(Mention(REGISTRANT if reg_org is None else reg_org, m.start(), m.end()))
    found.sort(key=lambda m: m.start)
    return Entities(orgs, found, reg_org)
