"""Several people under one verb: "appointed A, President, Markets, and B as Co-Presidents", "A, 61, and
B, 56, have been elected Co-Presidents". Each person gets their own event.

Names are ``(name, start, end)`` tuples with offsets into the sentence, as ``people._names`` gives them.
"""

from __future__ import annotations

import re

from eightk.parse.registrant import norm_name

__all__ = [
    "appositive_role",
    "joined_persons",
    "singular_role",
    "spelled_out",
    "without_company",
    "without_defined_term",
]

Name = tuple[str, int, int]

# what may stand between two joined names: their appositions (titles, ages), a comma, "and"
_GAP_END = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)$")
_GAP_MAX = 160
# a verb in the gap means the next name starts another clause ("… as CFO, and Jane Roe will remain …")
_GAP_VERB = re.compile(
    r"\b(?:is|was|will|has|had|who|remains?|continues?|succeed\w*|replac\w*|resign\w*|retir\w*|join\w*|(?<!to\s)serv\w*)\b",
    re.I,
)
# after a joined object name: its apposition, its own "as …", the next name ("A, B and C"), or the end
_AFTER_OBJECT = re.compile(r"\s*(?:,|\(|as\b|to\b|and\b|\.|;|$)|\s+(?:Chief|Senior|Executive|Vice|President|General)\b")
_OWN_CLAUSE = re.compile(r"(?:,[^,;]{1,80},)?\s+(?:will|is|was|has|had|shall|would)\b")
# a plural verb group right before the cue: "have been elected", "were appointed", "will each be named"
_AND_GAP = re.compile(r",?\s+and\s+")
_RIGHT_BEFORE = re.compile(r"\s+(?:(?:have|had)\s+)?(?:each\s+|both\s+)?")
# "A, B and C, each a member of the Board, notified …", "A and B each notified …": the subjects are several
_EACH = re.compile(r",?\s+(?:each|both)\b|,\s+all\b")
_PLURAL_VERB = re.compile(r"\b(?:have|were|are|will)\s+(?:each\s+|both\s+)?(?:been\s+|be\s+)?$", re.I)


def _joined(sent: str, a: Name, b: Name) -> bool:
    gap = sent[a[2] : b[1]]
    return len(gap) <= _GAP_MAX and bool(_GAP_END.search(gap)) and not _GAP_VERB.search(gap) and ". " not in gap


def joined_persons(sent: str, names: list[Name], first: Name, cue: re.Match[str]) -> list[Name]:
    """``first`` and the names coordinated with it under the cue: later objects of an appointing verb, or
    earlier subjects of a plural passive ("A and B have been elected"), of a list said to be several ("A, B
    and C, each a member of the Board, notified …") or of a verb right after "A and B" ("A and B resigned").
    Only ``[first]`` otherwise."""
    out = [first]
    if first[1] >= cue.end():  # objects: "appointed A, …, and B, …, as …"
        for n in names:
            own_clause = _OWN_CLAUSE.match(sent, n[2])  # "…, and B, currently COO, will become …": B's own clause
            if n[1] > out[-1][1] and _joined(sent, out[-1], n) and _AFTER_OBJECT.match(sent, n[2]) and not own_clause:
                out.append(n)
            elif n[1] > out[-1][1]:
                break
        return out
    plural = _PLURAL_VERB.search(sent, max(0, cue.start() - 30), cue.start()) or _EACH.match(sent, first[2])
    # "A and B resigned from the Board": the verb right after names joined by "and"
    before = [n for n in names if n[2] <= first[1]]
    joined_by_and = bool(before) and _AND_GAP.fullmatch(sent, before[-1][2], first[1]) is not None
    if not plural and not (joined_by_and and _RIGHT_BEFORE.fullmatch(sent, first[2], cue.start())):
        return out
    for n in reversed([n for n in names if n[2] <= first[1]]):
        if _joined(sent, n, out[0]):
            out.insert(0, n)
        else:
            break
    return out


def singular_role(role: tuple[str, int, int], sent: str) -> tuple[str, int, int]:
    """A title shared by several people, said in the plural ("Co-Presidents"), as one person holds it:
    the span drops the plural "s" too, so its quote is still the text."""
    title, start, end = role
    last = title.split()[-1] if title.split() else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss") and sent[end - 1 : end] == "s":
        title, end = title[:-1], end - 1
    # "Co-Presidents and Co-Chief Operating Officer": each joined title is one person's too
    title = re.sub(
        r"\b(Co-[A-Z]\w+|[A-Z]\w*(?:President|Officer|Head|Chair|Director|Manager))s\b(?=\s+and\b)", r"\1", title
    )
    return title, start, end


# "President and Chief Executive Officer (“CEO”)" defines an abbreviation a later title uses
_ABBREVIATION = re.compile(
    r"(?<![\w&\-])(?P<long>(?:[A-Z][\w&\-]*\s+(?:and\s+|of\s+)?){1,5}[A-Z][\w&\-]*)\s*\(\s*(?:the\s+)?[“\"]"
    r"(?P<abbr>[A-Z]{2,5})[”\"]\s*\)"  # from a word's start only: a long word is read once
)


def spelled_out(text: str, role: tuple[str, int, int]) -> tuple[str, int, int]:
    """The title with each abbreviation the text defines spelled out ("President and CEO" → "President
    and Chief Executive Officer" where the text says "Chief Executive Officer (“CEO”)"); the span stays on
    the printed title."""
    words = role[0].split()
    if not any(w.isupper() and 2 <= len(w) <= 5 for w in words):
        return role
    defined: dict[str, str] = {}
    for m in _ABBREVIATION.finditer(text):
        initials = "".join(w[0] for w in m.group("long").split() if w[0].isupper())
        long = m.group("long")
        while initials.endswith(m.group("abbr")) and len(initials) > len(m.group("abbr")):  # trim lead words
            long, initials = long.split(None, 1)[1], initials[1:]
            long = re.sub(r"^(?:and|of)\s+", "", long)
        if initials == m.group("abbr"):
            defined.setdefault(m.group("abbr"), " ".join(long.split()))
    title = " ".join(defined.get(w, w) for w in words)
    return title, role[1], role[2]


_SUFFIXES = frozenset("inc incorporated corp corporation co company ltd llc plc the de and of".split())


def without_company(sent: str, role: tuple[str, int, int], company: str) -> tuple[str, int, int]:
    """ "President and Chief Executive Officer of Amazon.com" → the title without the registrant, and
    "Apple’s Senior Vice President" without its owner; only the registrant's own name is cut, at the
    title's end ("President of International Operations" at International Paper stays whole)."""
    core = norm_name(company)  # "AMAZON.COM, INC." → "amazon com"
    if len(core) < 3:
        return role

    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w&'-]*", company) if w.lower() not in _SUFFIXES).upper()

    def names_registrant(words: str) -> bool:
        if re.fullmatch(r"(?:the\s+)?(?:Company|Registrant|Corporation)", words.strip()):
            return True  # "… Chief Financial Officer of the Company"
        norm = norm_name(words)
        if len(norm) >= 3 and core.startswith(norm):
            return True
        if len(initials) >= 2 and words.strip() == initials:  # "of AMD" at Advanced Micro Devices, Inc.
            return True
        # "of Alphabet and Google LLC": the registrant and another company (its own subsidiary)
        first = core.split()[0]
        return len(first) >= 3 and re.match(rf"{re.escape(first)}\s+(?:and|&)\s+\S", norm) is not None

    start, end = role[1], role[2]
    title = sent[start:end]
    own = re.match(r"([\w.&\-]+(?:\s+[\w.&\-]+){0,3})['’]s\s+", title)  # "Apple’s Senior Vice President"
    if own and names_registrant(own.group(1)) and own.end() < len(title):
        start += own.end()
        title = sent[start:end]
    for cut in re.finditer(r"\s+of\s+(?:the\s+)?", title):
        if names_registrant(title[cut.end() :]):
            end = start + cut.start()
            break
    if (start, end) == (role[1], role[2]):
        return role
    return " ".join(sent[start:end].split()).strip(" ,"), start, end


_DEFINED_TERM_AFTER = re.compile(r"\s*\((?:the\s+)?[“\"][^”\"]{1,40}[”\"]\)$")


def without_defined_term(role: tuple[str, int, int]) -> tuple[str, int, int]:
    """ "Chairman of the Board of Directors (the “Board”)" without its trailing defined term."""
    cut = _DEFINED_TERM_AFTER.search(role[0])
    if cut is None or cut.start() == 0:
        return role
    title = role[0][: cut.start()]
    return title, role[1], role[1] + len(title) + (role[2] - role[1] - len(role[0]))


_APPOSITIVE = re.compile(
    r",\s+(?:age\s+\d+,\s+)?(?:(?:its|our|the\s+Company['’]s|the\s+Registrant['’]s|"
    r"(?:the\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,2}['’]s)\s+)?"
    r"(?P<t>[A-Z](?:[^.;]|(?<=\bSr)\.|(?<=\bExec)\.){2,120}?|(?:senior|executive|vice|chief|president|general|principal|interim|acting)\s[^.;]{2,120}?),\s+"
    r"(?:is|was|will|would|has|had|informed|notified|announced|resigned|retired|plans|intends|expects|"
    r"decided|tendered|submitted|effective|passed|died|stepped|left|ceased|agreed|advised|provided|gave)\b"
)


def appositive_role(sent: str, name_end: int) -> tuple[str, int, int] | None:
    """The title in an apposition after a name ("Jane Roe, Senior Vice President, Markets, will …"), also
    in lower case when it starts with a title word ("Jane Roe, senior vice president, finance, plans …")."""
    m = _APPOSITIVE.match(sent, name_end)
    if not m:
        return None
    title = m.group("t").rstrip(" ,")
    return " ".join(title.split()), m.start("t"), m.start("t") + len(title)
