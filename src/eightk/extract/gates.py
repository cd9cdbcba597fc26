"""Word gates before costly cue patterns. A pattern that opens with ``\\b`` or a look-behind gives the regex
engine no first character to skip to, so it is tried at every position of a text; when every match of it
holds one of a few words, a text holding none of them has no match, and ``in`` finds that at C speed. An
IGNORECASE pattern is then looked for case-sensitively in the lower-cased text (twice as fast), and the
match returned is the pattern's own at that place, on the original text.
"""

from __future__ import annotations

import re

from eightk.extract.text import exact_lower

__all__ = ["Cue"]


class Cue:
    """An IGNORECASE ``pattern`` every match of which holds one of ``words``; ``search`` answers as
    ``pattern.search`` does. The pattern must use no upper-case escape (``\\S``, ``\\W``), which lower-casing
    would turn into another."""

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        if not pattern.flags & re.I or re.search(r"\\[A-Z]|\(\?-i", pattern.pattern):
            raise ValueError(f"not a pattern to fold: {pattern.pattern[:40]}")
        self.pattern, self.words = pattern, words
        self._folded = re.compile(pattern.pattern.lower(), pattern.flags & ~re.I)

    def search(self, text: str) -> re.Match[str] | None:
        low = exact_lower(text)
        if low is None:  # a character IGNORECASE and lower-casing treat apart: searched as it is
            return self.pattern.search(text)
        if not any(w in low for w in self.words) or (at := self._folded.search(low)) is None:
            return None
        return self.pattern.match(text, at.start()) or self.pattern.search(text)  # (the first, always)
