"""Word gates before costly cue patterns. A pattern that opens with ``\\b`` or a look-behind gives the regex
engine no first character to skip to, so it is tried at every position of a text; when every match of it
holds one of a few words, a text holding none of them has no match, and ``in`` finds that at C speed.
"""

from __future__ import annotations

import re

__all__ = ["search_with_words"]

# under IGNORECASE "ı" and "İ" match "i", "ſ" matches "s", though ``lower()`` keeps them apart: a text
# holding one is searched whatever its words
_ODD_CASES = "ıſİ"


def search_with_words(pattern: re.Pattern[str], words: tuple[str, ...], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, tried only when ``text`` holds one of ``words`` (lower case, matched in any
    case): the same answer whenever every match of ``pattern`` holds one of them."""
    low = text.lower()
    if any(w in low for w in words) or any(c in text for c in _ODD_CASES):
        return pattern.search(text)
    return None
