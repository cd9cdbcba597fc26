"""Defined terms: what a parenthesized term ('("AVEO")', '(the “Licensee”)', '(CRT / Licensor)', '(Gloria)')
or a trade name ('d/b/a …') names, the role label it gives, and the label words that then mention that
organization ("the Licensee").
"""

from __future__ import annotations

import re

from eightk.extract.entity_names import (
    _ATTRIBUTIVE,
    _CAP,
    _JOIN,
    _NOT_NAME,
    _NOT_PARTY_TERM,
    _PLACE_WORDS,
    _ROLE_LABEL,
    _SEP,
    LABEL_CAPS,
    Org,
    _acceptable,
    _clean,
    _short_forms,
    _squash,
)

# '("AVEO")', '(the “Licensee”)', '(hereinafter, “PALOMAR”, as …)', '(herein known as "AMI")',
# '(hereinafter referred to as DVA)', '(hereinafter called "LICENSOR")'
_DEFINED = re.compile(
    r"\(\s*(?:(?:together\s+with[^()]{0,120}?|collectively\s+(?:with[^()]{0,80}?)?|individually\s+and\s+collectively\s+)?"
    r"(?:referred\s+to\s+(?:in\s+this\s+\w+\s+|herein(?:after)?\s+)?)?(?:as\s+)?)?(?:the\s+|hereinafter,?\s+(?:referred\s+to\s+as\s+|called\s+)?|herein\s+(?:known\s+as|called)\s+)?"
    r"(?:[“\"]\s*(?P<q>[^”\"()]{1,60}?)\s*[,]?[”\"“]|(?<=as\s|ed\s)(?P<u>[A-Z][A-Z0-9&\-]{1,20})\)|"
    r"(?P<q2>[A-Z][^“”\"()]{0,40}?)[”\"]\s*\))"  # an opening quote lost: '(OUI”)', '(the Licensee”)'
)
_BARE_LABEL = re.compile(
    r"[ \t]?\(\s*(?:the\s+)?(Licensee|Licensor|LICENSEE|LICENSOR|Buyer|Seller|Purchaser|BUYER|SELLER|PURCHASER|"
    r"Assignee|Assignor|ASSIGNEE|ASSIGNOR|Company|Registrant)\s*\)"
    # a title page's label after the name, unbracketed: "WRANGLER APPAREL CORP. LICENSOR AND CHAMBERS BELT …"
    rf"|[ \t]+({LABEL_CAPS})(?=[ \t]+AND[ \t]|[ \t]*(?:\n|$)|[ \t]+[A-Z][a-z])"
)
_OR_LABEL = re.compile(r"\s*(?:or|and)\s+(?:the\s+)?[“\"](\w+)[”\"]")
# "(CRT / Licensor)", "(Licensee / RPT)": a short name and a role label, unquoted, in one parenthesis
_SLASH_DEFINED = re.compile(r"\(\s*(?P<a>[A-Z][\w&\-]{1,20})\s*/\s*(?P<b>[A-Z][\w&\-]{1,20})\s*\)")
# "Chongqing Jingdong Junzhuo Pharmaceutical Co., Ltd., or CJ." — a defined term without parentheses
_OR_DEFINED = re.compile(r"(?<=[.,])\s+or\s+(?:the\s+)?[“\"]?(?P<u>[A-Z][A-Za-z0-9&\-]{1,12})[”\"]?(?=[,.;)])")
# unbracketed: 'Ener1, Inc. hereinafter called “LICENSEE”, a corporation …'
_HEREINAFTER = re.compile(
    r"(?<=[\w.,])[ \t]*,?[ \t]*(?:hereinafter|herein)[ \t]+"
    r"(?:called|referred[ \t]+to[ \t]+as|known[ \t]+as|designated[ \t]+as)[ \t]+(?:the[ \t]+)?"
    r"[“\"](?P<q>[^”\"()]{1,40}?)[”\"]"
)
# '(“Gloria” and together with HST, the “Purchaser Parties” or the “Licensee”)': a role label that the term's
# organization shares with another, given later in the same parenthesis
_SHARED_LABEL = re.compile(
    r"[^()]{0,40}?\b(?:together|collectively)\s+with\b[^()]{0,100}?[“\"](?:the\s+)?(\w+)[”\"]\s*\)"
)
# a title page's label on its own line under the name: "CLARUS THERAPEUTICS HOLDINGS, INC., and CLARUS
# THERAPEUTICS, INC.,\n\nSELLERS,\n\nTolmar, Inc.\n\nPURCHASER," (a plural label names the names joined before)
_LINE_LABEL = re.compile(
    r"[ \t]*,?[ \t]*\n[\s|]{0,12}(LICENSOR|LICENSEE|SELLER|BUYER|PURCHASER)(S?)[ \t]*,?[ \t]*(?=\n|$)"
)
_FIELD_LABEL = re.compile(r"(?:^|(?<=[\s|]))(LICENSEE|LICENSOR|Licensee|Licensor|BUYER|SELLER|PURCHASER)[ \t]*:[ \t]*$")
_SHORT_WORD = re.compile(r"[ \t]?\(([A-Z][a-z][\w&\-]{1,30})\)")
_ACRONYM = re.compile(r"[ \t]?\(([A-Z][A-Z0-9&]{1,7}|[A-Z][A-Za-z0-9&]+(?:[ \t][A-Z][A-Za-z0-9&]+){1,2})\)")


def _labels_and_acronyms(text: str, occ: list[Org]) -> None:
    """What stands right at a name: a role label before it ("LICENSEE: THE TOPPS COMPANY, INC.") or after it
    ("Virtuel Medical Devices, Inc. (Licensee)"), an acronym ("Bristol-Myers Squibb Company (BMS)") or a word
    of the name ("Harbin Gloria Pharmaceuticals Co., Ltd. (Gloria)")."""
    for o in list(occ):
        if o.label is None and (field := _FIELD_LABEL.search(text, max(0, o.start - 16), o.start)):
            o.label = _ROLE_LABEL[field.group(1).lower()]
            o.aliases.append(field.group(1))
            continue
        if (bare := _BARE_LABEL.match(text, o.end)) and o.label is None:
            o.label = _ROLE_LABEL[(bare.group(1) or bare.group(2)).lower()]
            continue
        if (line := _LINE_LABEL.match(text, o.end)) and o.label is None:
            o.label = _ROLE_LABEL[line.group(1).lower()]
            if line.group(2):  # "A, and B,\n\nSELLERS": A too
                for other in occ:
                    if other.label is None and re.fullmatch(r",?\s*(?:and|AND|&)\s+", text[other.end : o.start]):
                        other.label = o.label
            continue
        if (acro := _ACRONYM.match(text, o.end)) and acro.group(1) not in o.aliases:
            short = acro.group(1)  # "(BMS)", "(NW Medical)"; not "(Licensee)", "(United States)"
            if " " not in short or (
                short.lower() not in _ROLE_LABEL
                and not _NOT_PARTY_TERM.search(short)
                and not all(w.lower() in _PLACE_WORDS for w in short.split())
            ):
                o.aliases.append(short)
        elif (word := _SHORT_WORD.match(text, o.end)) and word.group(1) in set(o.name.split()) - set(o.aliases):
            o.aliases.append(word.group(1))


def _definitions(text: str, occ: list[Org]) -> None:
    """Attach each parenthesized defined term to the organization it names (the nearest name ending
    before it, within a short reach), or make one from the capitalized words right before it."""
    _labels_and_acronyms(text, occ)
    since = 0  # where the phrase a definition closes begins: after the previous definition
    found = [*_DEFINED.finditer(text), *_OR_DEFINED.finditer(text), *_SLASH_DEFINED.finditer(text)]
    if "herein" in text:
        found += _HEREINAFTER.finditer(text)
    for m in sorted(found, key=lambda m: m.start()):
        alias, label = _term_of(m)
        if label is None and (more := _OR_LABEL.match(text, m.end()) or _SHARED_LABEL.match(text, m.end())):
            label = _ROLE_LABEL.get(more.group(1).lower())  # '(… as “WVURC” or “Licensor”)'
        begin, since = max(since, m.start() - 260), m.end()
        if not alias or len(alias.split()) > 6 or (label is None and _NOT_PARTY_TERM.search(alias)):
            continue
        owner = _owner(text, occ, begin, m.start(), alias)
        if owner is None and label is not None:  # '(1) X, …, Vienna, Austria,\n\n("LICENSOR")': a party list's
            owner = _owner(text, occ, begin, m.start(), alias, blank_lines=True)  # entries stand apart
        if owner is None:
            window = text[max(0, m.start() - 80) : m.start()]
            b = re.search(rf"({_CAP}(?:{_SEP}(?:{_CAP}|{_JOIN})){{0,5}})[\s,\-–—]*(?:or\s+order\s*)?$", window)
            if not b or not _acceptable(
                b.group(1)
            ):  # else the phrase's first words: "and FUTURE MEDIA, a … corporation"
                window = text[begin : m.start()]
                b = re.search(
                    rf"(?:\band|\bbetween|\bBETWEEN|\bAND)\s+({_CAP}(?:[ \t]{{1,3}}(?:{_CAP}|{_JOIN})){{0,5}})\s*[,(]",
                    window,
                )
            if not b:
                continue
            name, start = _clean(b.group(1), m.start() - len(window) + b.start(1))
            if (
                not _acceptable(name)
                or _ATTRIBUTIVE.match(text, m.end())  # "the High Intensity Focused Ultrasound (“HIFU”) technology"
                or _NOT_NAME.match(name.split()[0])
                or _NOT_PARTY_TERM.search(name)
                or alias.lower() == name.lower()
                or (label is None and not _names_it(alias, name))
                # "Represented by Mr. Michel GRECO, its DIRECTEUR GENERAL, (… "LICENSOR")": a title; "…, 1050
                # Vienna, Austria, ("LICENSOR")": an address's last words
                or re.search(
                    r"\b(?:its|his|her|their)\s+$|\d{3,}\s+[A-Z][\w\-]+,\s*$", text[max(0, start - 40) : start]
                )
            ):
                continue
            occ.append(Org(_squash(name), start, start + len(name)))
            owner = len(occ) - 1
        org = occ[owner]
        if label and org.label is None:
            org.label = label
        if alias not in org.aliases and alias != org.name:
            org.aliases.append(alias)


# what a definition does not reach back across: a quote, a sentence end (not an address's "No. 5" or
# "St. Louis"), a blank line
_BREAK = re.compile(
    r"[“\"]|[a-z]\.(?<!\bNo\.)(?<!\bSt\.)(?<!\bAve\.)(?<!\bBlvd\.)(?<!\bSte\.)(?<!\bRd\.)(?<!\bDr\.)(?<!\bFl\.)"
    r"(?<!\bMt\.)(?<!\bFt\.)(?<!\bPkwy\.)(?<!\bHwy\.)\s+[A-Z]|\n\s*\n"
)


_BREAK_IN_LINES = re.compile(_BREAK.pattern.removesuffix(r"|\n\s*\n"))


def _owner(text: str, occ: list[Org], begin: int, at: int, alias: str = "", *, blank_lines: bool = False) -> int | None:
    """The organization a definition ``alias`` at ``at`` names: the nearest name it abbreviates ("USHIFU,
    LLC (“USHIFU”)"), else the last name the phrase opens with "and" or "between" ("between A, …, at B
    Street, and C ("C'")" names C), else the first name of its phrase ("X, a company …, whose office is at
    Y ("X'")" names X). ``blank_lines``: the phrase may run across blank lines (a role label's reach)."""
    brk = _BREAK_IN_LINES if blank_lines else _BREAK
    cands = [i for i, o in enumerate(occ) if begin <= o.start and o.end <= at and not brk.search(text, o.end, at)]
    named = [i for i in cands if alias and _names_it(alias, occ[i].name)]
    if not named and alias:  # "Graceway Pharmaceuticals, LLCTM (“Graceway”)": an earlier name, printed here
        near = " ".join(text[max(0, at - 60) : at].split())  # in a form no finder took
        named = [i for i, o in enumerate(occ) if o.end <= at and _names_it(alias, o.name) and _printed_in(o.name, near)]
    if not cands and not named:
        return None
    if named:  # "the sale to USHIFU, LLC (“USHIFU”)": the name the term abbreviates
        return max(named, key=lambda i: occ[i].start)
    right_before = [i for i in cands if not text[occ[i].end : at].strip(" \t\n,")]
    if (
        right_before
        and not re.search(  # "A, the wholly owned subsidiary of P (the “Registrant”)": kept for A
            r"\b(?:subsidiary|parent|affiliate|division|unit)(?:\s+of)?\s*,?\s+(?:the\s+)?$",
            text[max(0, occ[right_before[-1]].start - 40) : occ[right_before[-1]].start],
        )
    ):  # 'entered into by NBA Properties, Inc. ("NBAP")': the name the term follows
        return right_before[-1]
    led = [
        i
        for i in cands
        if re.search(r"(?:\band|\bAND|\bbetween|\bBETWEEN)\s+$", text[max(0, occ[i].start - 9) : occ[i].start])
    ]
    return max(led, key=lambda i: occ[i].start) if led else min(cands, key=lambda i: occ[i].start)


def _term_of(m: re.Match[str]) -> tuple[str, str | None]:
    """A definition's term and the role label it gives, if any: "Licensee" gives ("Licensee", "licensee"),
    "CRT / Licensor" gives ("CRT", "licensor")."""
    groups = m.groupdict()
    if "a" in groups:
        a, b = groups["a"], groups["b"]
        la, lb = _ROLE_LABEL.get(a.lower()), _ROLE_LABEL.get(b.lower())
        return (b, la) if la and not lb else (a, lb) if lb and not la else ("", None)
    alias = _squash(groups.get("q") or groups.get("q2") or groups.get("u") or "").strip(" ,.")
    key = re.sub(r"^the\s+", "", alias.lower())  # '(hereinafter called "the Licensor")'
    side = re.fullmatch(r"(\w+)\s+(?:parent|guarantor|affiliate|holdco|holdings)", key)
    return alias, _ROLE_LABEL.get(side.group(1) if side else key)  # "Licensee Parent": its side


def _printed_in(name: str, near: str) -> bool:
    """Whether ``name`` without its suffix ("Graceway Pharmaceuticals") is printed in ``near``."""
    base = (_short_forms(name) or (name,))[0]  # the name without its corporate suffix
    return len(base) >= 4 and base in near


def _names_it(alias: str, name: str) -> bool:
    """Whether a defined term is a short name for ``name``: its words are among the name's ("Titan" for
    "TITAN SPORTS"), or its letters are the name's initials ("DVA"). "Uber Eats India" does not name "India"."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", name.lower())]
    short = [w for w in re.findall(r"[A-Za-z0-9]+", alias.lower())]
    if short and all(w in words for w in short):
        return True
    letters = alias.replace(".", "").replace(" ", "").lower()
    return len(letters) >= 2 and all(c in "".join(w[0] for w in words) for c in letters)


_DBA = re.compile(r"\s*,?\s*(?:d/b/a|dba|doing\s+business\s+as|also\s+known\s+as|a/k/a)\s+(?:the\s+)?", re.I)


def _trade_names(text: str, occ: list[Org]) -> list[Org]:
    """ "The General Hospital Corporation, d/b/a Massachusetts General Hospital": the trade name is the
    same organization (an alias of the first), not a second party."""
    occ = sorted(occ, key=lambda o: o.start)
    out: list[Org] = []
    for o in occ:
        prev = out[-1] if out else None
        if prev is not None and prev.end <= o.start and _DBA.fullmatch(text, prev.end, o.start):
            if o.name not in prev.aliases:
                prev.aliases.append(o.name)
            continue
        out.append(o)
    return out


def _split_joined(occ: list[Org]) -> None:
    """'Displays and Atmel Corporation' where "Displays" is another company's defined term: the name is
    the part after "and"."""
    terms = {a for o in occ for a in o.aliases}
    terms |= {f for o in occ if " and " not in o.name for f in _short_forms(o.name)}
    for o in occ:
        head, sep, rest = o.name.partition(" and ")
        if sep and head in terms and rest:  # also "Matritech and Inverness Medical Innovations, Inc."
            o.start, o.name = o.start + len(head) + len(sep), rest


def _label_forms(orgs: list[Org]) -> dict[str, int]:
    """ "Licensee", "the Licensor", "LICENSEE": a contract's role label names the one organization it was
    given to (none when two share a label)."""
    holders: dict[str, list[int]] = {}
    for i, o in enumerate(orgs):
        if o.label in ("licensee", "licensor", "buyer", "seller"):
            holders.setdefault(o.label, []).append(i)
    out: dict[str, int] = {}
    for label, which in holders.items():
        if len(which) == 1:
            for word in {k for k, v in _ROLE_LABEL.items() if v == label}:
                out[word.capitalize()] = out[word.upper()] = which[0]
    return out
