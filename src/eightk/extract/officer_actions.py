"""The words that tell an officer change, as data: each action (``retired``, ``departed``, ``elected``,
``appointed``) with the pattern of its cues, tried in this order over each sentence by ``people``.

A departure: "resigned", "will step down", "has left the company", "terminated the employment agreement of",
"will transition the position of CEO to", "will transition from his position as", "passed away". An
appointment: "appointed", "named", "promoted to", "the promotion of", "will join the board of directors",
"will become", "will move to", "succeeds", "succeeded by", "Succeeding Mr. X as CFO on DATE, will be".
"""

from __future__ import annotations

import re

from eightk.parse.text import fold

__all__ = ["ACTIONS", "actions_in", "last_cue"]

ACTIONS = (
    ("retired", re.compile(r"\bretir(?:e|ed|es|ing|ement)\b", re.I)),
    (
        "departed",
        re.compile(
            r"\b(?:resign(?:ed|ation|s|ing)?|step(?:ped|s|ping)?\s+down|depart(?:ed|ure|s|ing)?|will\s+leave|(?:is\s+)?leaving|"
            r"(?:will\s+)?cease[sd]?\s+(?:to\s+(?:be|serve)|serving)|(?:has|have)\s+left\s+(?:the|its|our)\s+[Cc]ompany|"
            r"separat(?:ion|ed)\s+from|(?:following\s+(?:a|the)\s+)?transition\s+of\s+(?:duties|responsibilities)\s+from|not\s+(?:to\s+)?stand\s+for\s+re-?election|(?:will|would|not\s+to)\s+(?:not\s+)?seek\s+re-?election|"
            r"terminated\s+the\s+employment\s+agreement(?=\s+of\s)|terminat(?:ed|ion)\s+(?:of\s+)?(?:his|her|the)\s+employment|(?:was|were|has\s+been)\s+terminated(?=\s+(?:as|from)\b)|ceased?\s+to\s+serve|no\s+longer\s+(?:serve|be)|"
            r"transition(?:s|ed|ing)?\s+(?:from\s+)?(?:his|her|their)\s+(?:role|position)|transition(?:s|ed|ing)?\s+the(?=\s+(?:role|position)\s+of\b)|(?:decided|plans?|intends?)\s+to\s+leave|"
            r"passed\s+away|died|removed\s+(?:from|as)|relieved\s+(?:from|of)\s+(?:his|her)\s+(?:duties|position|responsibilities)|"
            r"relieved(?=\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w.\s]{2,40}?\s+(?:of|from)\s+(?:his|her)\s)|removed(?=\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w.\s]{2,40}?\s+(?:as|from)\s)|employment(?=[^.;]{0,100}?\b(?:will|would|shall)\s+(?:end|terminate)\b))\b",
            re.I,
        ),
    ),
    ("elected", re.compile(r"\belected\b(?!\s+not)|\belection\s+of\b(?=\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z])", re.I)),
    (
        "appointed",
        re.compile(
            r"(?<!to\sbe\s)\b(?:(?:appointed|promoted|named|elected)\s+to\s+the\s+(?:new(?:ly\s+created)?\s+|additional\s+)?"
            r"(?:role|position|title|office)\s+of|promoted\s+to|mov(?:e|es|ed|ing)\s+from\s+[^.;]{2,80}?\s+to(?:\s+the\s+"
            r"(?:new\s+)?(?:role|position)\s+of)?|will\s+move\s+to(?=\s+(?:the\s+)?[A-Z])|transition(?:s|ed|ing)?\s+from\s+[^.;]{2,120}?\s+to\s+the\s+(?:[a-z]+\s+)?(?:role|position)\s+of|transition(?:ing|s|ed)?\s+to\s+the\s+"
            r"(?:new(?:ly\s+created)?\s+)?(?:role|position)\s+of|"
            r"will\s+serve(?=\s+as\s+(?:the\s+)?(?:[Cc]ompany['’]s\s+)?(?:interim|acting|temporary|Interim|Acting|Temporary)\b)|"
            r"appointed|appoint|named(?!\s+executive\s+officers?\b)|promoted|hired|designated|selected(?=\s+(?:(?:mr|ms|mrs|dr)\.\s+)?[A-Z][^.;,]{2,40}?\s+as\s)|welcomed\s+back|will\s+become|"
            r"succeed(?:s|ed)?\b(?!\s+by)|succeeding(?=\s+(?:(?:mr|ms|mrs|dr)\.\s+)?[^.;]{0,160}?,\s+will\s+be\s+(?:(?:mr|ms|mrs|dr)\.\s+)?[A-Z])|join(?:s|ed|ing)?\s+(?:the\s+Company|us|[A-Z][\w.&\-]*)(?=\s+as\s)|"
            r"join(?:s|ed|ing)?\s+(?=(?:the\s+|its\s+|our\s+)?(?:[A-Z][\w.&\-’']*,?\s+){0,4}?[Bb]oard\s+of\s+[Dd]irectors\b)|begin(?:s|ning)?\s+a\s+new\s+role(?:\s+(?:within|at|with)\s+[A-Z][^,.;]{0,40}?(?=\s+as\b))?|"
            r"title\s+(?:was|has\s+been|will\s+be)\s+changed\s+to|"
            r"succeeded\s+by|appointments?(?:\s+(?:on|as\s+of|effective)\s+[^;.]{3,30}?,)?\s+of|promotions?\s+of(?=\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z])|promotion\s+to|assum(?:ed|es|e|ing)\s+the\s+(?:new(?:ly\s+created)?\s+|"
            r"additional\s+)?(?:role|position|title)\s+of)\b",
            re.I,
        ),
    ),
)


# the action patterns in lower case, for positions only: case-sensitive over the folded text finds the same
# matches twice as fast as IGNORECASE over the original (the patterns use no upper-case escapes)
_FOLDED = tuple(
    re.compile(p.pattern.lower()) for _a, p in ACTIONS if p.flags & re.I and not re.search(r"\\[A-Z]", p.pattern)
)


# for each action, word stems (lower case) of which every match of its pattern holds one: a pattern is tried
# only over a text that holds one of them (``in`` runs at C speed; the patterns, which open with ``\b``, are
# tried at every word). A stem added to a pattern must be added here (``test_officer_actions`` checks it)
STEMS = {
    "retired": ("retir",),
    "departed": (
        "resign", "step", "depart", "leav", "cease", "left", "separat", "transition", "stand", "seek", "terminat",
        "longer", "passed", "died", "removed", "relieved", "employment",
    ),
    "elected": ("elect",),
    "appointed": (
        "appoint", "promot", "mov", "transition", "serve", "named", "elect", "hired", "designated", "selected",
        "welcomed", "become", "succeed", "join", "begin", "title", "assum",
    ),
}  # fmt: skip


def _holds_stem(action: str, low: str) -> bool:
    return any(w in low for w in STEMS[action])


def last_cue(body: str) -> int:
    """Where the last action word of ``body`` starts (-1 without one): no change is told after it."""
    if len(_FOLDED) != len(ACTIONS):  # a pattern with an upper-case escape: the slow way
        return max((m.start() for _a, p in ACTIONS for m in p.finditer(body)), default=-1)
    low = fold(body)
    gated = [f for (a, _p), f in zip(ACTIONS, _FOLDED, strict=True) if _holds_stem(a, low)]
    return max((m.start() for f in gated for m in f.finditer(low)), default=-1)


def actions_in(sent: str) -> list[tuple[str, re.Pattern[str]]]:
    """The ``ACTIONS`` whose pattern matches somewhere in ``sent``, in order (found over the folded text,
    which is faster; the caller then runs each one's own pattern for its matches)."""
    if len(_FOLDED) != len(ACTIONS):
        return list(ACTIONS)
    low = fold(sent)
    return [a for a, f in zip(ACTIONS, _FOLDED, strict=True) if _holds_stem(a[0], low) and f.search(low)]
