"""Several people under one verb: "appointed A, President, Markets, and B as Co-Presidents", "A, 61, and
B, 56, have been elected Co-Presidents". Each person gets their own event.

Names are ``(name, start, end)`` tuples with offsets into the sentence, as ``people._names`` gives them.
"""

from __future__ import annotations

import re

__all__ = ["joined_persons", "singular_role"]

Name = tuple[str, int, int]

# what may stand between two joined names: their appositions (titles, ages), a comma, "and"
_GAP_END = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)$")
_GAP_MAX = 160
# a verb in the gap means the next name starts another clause ("… as CFO, and Jane Roe will remain …")
_GAP_VERB = re.compile(
    r"\b(?:is|was|will|has|had|who|remains?|continues?|succeed\w*|replac\w*|resign\w*|retir\w*|join\w*|serv\w*)\b",
    re.I,
)
# after a joined object name: its apposition, its own "as …", or the end
_AFTER_OBJECT = re.compile(r"\s*(?:,|\(|as\b|to\b|\.|;|$)")
# a plural verb group right before the cue: "have been elected", "were appointed", "will each be named"
_PLURAL_VERB = re.compile(r"\b(?:have|were|are|will)\s+(?:each\s+|both\s+)?(?:been\s+|be\s+)?$", re.I)


def _joined(sent: str, a: Name, b: Name) -> bool:
    gap = sent[a[2] : b[1]]
    return len(gap) <= _GAP_MAX and bool(_GAP_END.search(gap)) and not _GAP_VERB.search(gap) and ". " not in gap


def joined_persons(sent: str, names: list[Name], first: Name, cue: re.Match[str]) -> list[Name]:
    """``first`` and the names coordinated with it under the cue: later objects of an appointing verb, or
    earlier subjects of a plural passive ("A and B have been elected"). Only ``[first]`` otherwise."""
    out = [first]
    if first[1] >= cue.end():  # objects: "appointed A, …, and B, …, as …"
        for n in names:
            if n[1] > out[-1][1] and _joined(sent, out[-1], n) and _AFTER_OBJECT.match(sent, n[2]):
                out.append(n)
            elif n[1] > out[-1][1]:
                break
        return out
    if not _PLURAL_VERB.search(sent, max(0, cue.start() - 30), cue.start()):
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
        return title[:-1], start, end - 1
    return role
