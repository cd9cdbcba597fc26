"""Name candidates in an officer sentence: capitalized runs of two to four words ("Jane A. Roe", "Erin
“Ellie” May", "Jean-Paul Roe", "Alan B. Graf, Jr.", "J. Michael Roe", "José Núñez", "Frans van Houten"),
with title words before a name skipped. A candidate
is a person only with evidence (``persons.PersonEvidence``); this module only finds the runs, and which
of them a cue is about (``cue_person``).
"""

from __future__ import annotations

import re

from eightk.extract.given_names import GIVEN_NAMES
from eightk.extract.persons import PersonEvidence

__all__ = ["CORPORATE_AFTER", "NOT_NAME_WORDS", "Known", "cue_person", "name_matches", "sentence_names"]

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals, Latin letters with accents included ("Núñez", "Søren")
_LOW = "a-zß-öø-ÿā-ž"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|le|la|ter|ten)"  # "Frans van Houten"
# a rank or honorific before a name is no part of it: "Captain Joseph C. Plumb", "Sir John Roe"
_RANK = r"(?:Captain|Admiral|Professor|Sir|Dame|Senator|Governor|Ambassador|Judge)"
# a suffix "Sr." is not "Sr. Vice President"
_NAME = re.compile(
    rf"(?:(?:Mr|Ms|Mrs|Dr)\.\s+|{_RANK}[^\S\n]+)?\b(?P<n>(?:[A-Z]\.[^\S\n]+)?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
    # a nickname: “Ellie”, (Fred), ("Deno")
    rf"(?:[^\S\n]+(?:[“\"][{_UP}][{_LOW}]+[”\"]|\([“\"]?[{_UP}][{_LOW}]+[”\"]?\)))?"
    # a particle joined to the surname: "Francis deSouza", "Ann vanDyke"
    rf"(?:[^\S\n]+(?:[A-Z]\.|\([{_UP}][{_LOW}]+\)|(?:{_PARTICLE}[^\S\n]+){{0,2}}(?:de|di|da|du|van|von|le|la)?"
    rf"[{_UP}][{_UP}{_LOW}’'\-]+)){{1,3}}"
    # a name wrapped after a middle initial: "Marc S.\nHermelin"
    rf"(?:(?<=[^\S\n][A-Z]\.)[^\S\n]*\n[^\S\n]*[{_UP}][{_LOW}’'\-]+)?"
    # "Alan B. Graf, Jr.", "Dan “Mac” Chandler, III"
    r"(?:,?[^\S\n]+(?:Jr|Sr)\.(?![^\S\n]+[A-Z])|,?[^\S\n]+(?:II|III|IV)\b|\b))"
)
NOT_NAME_WORDS = set(
    """Board Directors Director Company Chief Executive Officer President Vice Senior Financial Operating Accounting
    Corporation Inc Committee Nominating Governance Audit Compensation Item Section Form Exhibit Securities Exchange
    Act Plan Agreement Annual Meeting Stockholders Shareholders General Counsel Secretary Treasurer Chair Chairman
    Lead Independent Technology Officers Worldwide Consumer Retail People Business Development Strategy Ventures
    January February March April May June July August September October November December United States The This
    On In As Effective Following Prior Under Pursuant Dear Equity Incentive Restricted Stock Units Award Amended
    Restated Current Report Commission Human Resources Global Group Operations Principal Interim Executive""".split()
)


# a capital: every ``_NAME`` match starts with one (an honorific's, a rank's or the name's own)
_CAPITAL = re.compile(f"[{_UP}]")


def _search_name(sent: str, pos: int) -> re.Match[str] | None:
    """``_NAME.search(sent, pos)``, tried only at capitals: the engine, given no first character to skip to
    (the pattern opens with an optional honorific), tries it at every position, which costs twice as much."""
    return next((m for c in _CAPITAL.finditer(sent, pos) if (m := _NAME.match(sent, c.start()))), None)


def name_matches(sent: str) -> list[re.Match[str]]:
    """``_NAME`` matches, where a run that starts with a title word is tried again from its next word:
    "Chief Financial Officer Luca Roe" gives "Luca Roe"."""
    out, pos = [], 0
    while (m := _search_name(sent, pos)) is not None:
        first = m.group("n").split()[0].strip(".,")
        if first in NOT_NAME_WORDS and len(m.group("n").split()) > 2:
            pos = m.start("n") + len(first)
            continue
        out.append(m)
        pos = m.end()
    return out


_BARE = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'\-]+\b(?!\s+[A-Z])")
_SURNAME = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr)\.\s+(?:(?:van|von|de|der|den|da|di|du|del|della|le|la|ter|ten)\s+){0,2}(?P<n>[A-ZÀ-ÖØ-Þ][\w’'\-]+)"
)


CORPORATE_AFTER = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Company|Co|Ltd|LLC|L\.?P|plc|N\.V|S\.A|Holdings|Group)\b"
)

Known = dict[str, tuple[str, int, int]]  # surname (or "" for the last one named) → (full name, start, end)


_MONTHS = frozenset("January February March April May June July August September October November December".split())


# (compiled once: a pattern given to ``re.sub`` as text is looked up in re's cache at every call)
_WORD = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.?")
_POSSESSIVE_S = re.compile(r"['’]s$")


def _before_title(name: str) -> str:
    """A name without the title printed right after it: "Craig A. Rogerson President" (in "elected Craig
    A. Rogerson President and Chief Executive Officer") is "Craig A. Rogerson"."""
    parts = list(_WORD.finditer(name))
    for i, part in enumerate(parts):
        word = part.group(0).strip(".,")
        if i >= 2 and word in NOT_NAME_WORDS and word not in _MONTHS and not _INITIAL.fullmatch(parts[i - 1].group(0)):
            return name[: parts[i - 1].end()]
    return name


def _fuller(before: tuple[str, int, int] | None, name: str) -> str:
    """The fuller of a name and the one named before with the same surname, when their given names start
    alike ("Daniel Lehrfeld", then "Dan Lehrfeld"; "Thomas J. Crawford", then "Tom Crawford")."""
    if before is None:
        return name
    old, new = before[0].split(), name.split()
    if old[0][:1] != new[0][:1] or old[-1] != new[-1] or len(before[0]) <= len(name):
        return name
    return before[0]


_GENERATION = ("Jr", "Sr", "II", "III", "IV")


def sentence_names(
    sent: str, s: int, known: Known, people: PersonEvidence | None = None, *, bare: bool = True
) -> list[tuple[str, int, int]]:
    """Full names in the sentence (offsets into it), and "Mr. Glazer" where an earlier sentence named
    David Glazer. ``known`` maps each surname to the latest full name with it (absolute offsets, ``s`` is
    the sentence's start) and "" to the last person named. A name followed by "Inc." is a company's;
    with ``people``, a name the filing does not show to be a person's is no name. Without ``bare``, a
    surname alone ("Parker") is not looked for: it sets nothing in ``known``, and a sentence with no action
    word is read only for what it sets there."""
    out = []
    for m in name_matches(sent):
        name = _before_title(_POSSESSIVE_S.sub("", m.group("n")))
        words = [w.strip(".,") for w in name.split()]
        end = m.start("n") + len(name)
        if (
            any(
                w in NOT_NAME_WORDS and not (i and w in _MONTHS and words[0] in GIVEN_NAMES)
                for i, w in enumerate(words)
            )
            or len(words) < 2
            or CORPORATE_AFTER.match(sent, end)
            or CORPORATE_AFTER.fullmatch(" " + words[-1])
            or (people is not None and not people.is_person(name))
        ):
            continue
        # the surname, past a generational suffix read as a word ("John W. Wood Jr" is Mr. Wood)
        surname = next((w for w in reversed(words[1:]) if w not in _GENERATION), words[-1])
        name = _fuller(known.get(surname), name)  # "Dan Roe" after "Daniel Roe" is Daniel Roe
        out.append((name, m.start("n"), end))
        known[surname] = known[""] = (name, s + m.start("n"), s + end)
    taken = [(a, b) for _n, a, b in out]
    for m in _SURNAME.finditer(sent) if "r." in sent or "s." in sent else ():  # "Mr.", "Ms.", "Mrs.", "Dr."
        surname = _POSSESSIVE_S.sub("", m.group("n"))
        full = known.get(surname)
        if full and not any(a <= m.start("n") < b for a, b in taken):
            out.append((full[0], m.start("n"), m.start("n") + len(surname)))
            known[""] = (full[0], s + m.start("n"), s + m.start("n") + len(surname))
            taken.append((m.start("n"), m.start("n") + len(surname)))
    for m in _BARE.finditer(sent) if bare else ():  # "… as well as Parker until his departure": named before
        full = known.get(m.group(0)) if len(m.group(0)) >= 3 else None
        if full and not any(a <= m.start() < b for a, b in taken):
            out.append((full[0], m.start(), m.end()))
    out.sort(key=lambda n: n[1])
    return out


# Cues whose person is on one side only: "succeeded by Jane Roe" (after), "Jane Roe assumed the role of",
# "Jane Roe will become", "Jane Roe's promotion to" (before). Other cues take a name right after them
# ("appointed Jane Roe"), else the one before ("Jane Roe was appointed").
_PERSON_AFTER = re.compile(
    r"(?:succeeded\s+by|appointments?\b.*\bof|(?:election|promotions?)\s+of|^removed|^relieved|(?:duties|responsibilities)\s+from)$",
    re.I,
)
_PERSON_BEFORE = re.compile(
    r"(?:become|promotion\s+to|promoted\s+to|\bof|^mov\w*\s+from\b.*\bto|^succeed\w*|\bnew\s+role\b.*|changed\s+to|"
    r"^join\w*\s.*|^will\s+serve)$",
    re.I,
)
_OF_AFTER = re.compile(r"\s+of\s")
_WILL_BE = re.compile(r",\s+will\s+be\s+")
# a passive cue: its person is its subject, named before it, whoever is named after
_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|be)\s+$", re.I)
_ANOTHER_CLAUSE = re.compile(r"\band\s*,|\balong\s+with\b|\btogether\s+with\b")
# capitalized words that read as another name between a person and a cue, with an apposition after them
_ANOTHER_NAME = re.compile(r"[.,]?\s+(?P<w>(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+),")
# "would be appointed to succeed Mr. Lee as Chairman", "was appointed Chairman, succeeding Jane Roe": the name
# after is the one succeeded, not the appointee
_SUCCEEDED_ONE = re.compile(r"\b(?:succeed|replac)\w*\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$", re.I)


def cue_person(
    names: list[tuple[str, int, int]], cue: re.Match[str], possessive: object = None, *, leaving: bool = False
) -> tuple[str, int, int] | None:
    """The name right after the cue ("appointed Jane Roe"), else the last one before it. Only the one
    before after "his" or "her" ("until her retirement"), for subject cues ("assumed the role of") and
    for departures ("Jane Roe will retire"), unless "resignation of Jane Roe"; after "succeeded by" and
    "appointment of" only the one after."""
    words = cue.group(0)
    if words.lower() == "succeeding" and (inverted := _WILL_BE.search(cue.string, cue.end())):
        # "Succeeding Mr. Kaufman as Chief Financial Officer on March 31, 2010, will be Cynthia A. Russo"
        return next((n for n in names if 0 <= n[1] - inverted.end() <= 5), None)
    after = [n for n in names if 0 <= n[1] - cue.end() <= 60]
    if after and _SUCCEEDED_ONE.search(cue.string[cue.end() : after[0][1]]):
        after = []  # "appointed to succeed Mr. Lee": the appointee is named before
    if _PERSON_AFTER.search(words) or (leaving and _OF_AFTER.match(cue.string, cue.end())):
        return after[0] if after else None
    before = [n for n in names if n[2] <= cue.start()]
    if (
        before
        and after
        and _PASSIVE.search(cue.string, max(0, cue.start() - 12), cue.start())
        and _ANOTHER_CLAUSE.search(cue.string, cue.end(), after[0][1])
    ):
        return before[-1]  # "Claudia Batten has been appointed Deputy Chair and, along with Chair Rob Fyfe, …"
    if after and not possessive and not leaving and not _PERSON_BEFORE.search(words):
        return after[0]
    if before and (other := _ANOTHER_NAME.match(cue.string, before[-1][2], cue.start())):
        if not any(w in NOT_NAME_WORDS for w in other.group("w").split()):
            return None  # "… Rodger B. Dowdell, Jr.\nRob\nJohnson, APC Vice President, Named …": another's subject
    return before[-1] if before else None
