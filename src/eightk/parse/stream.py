"""Very large submissions, read as a stream of chunks in bounded memory.

``reduce_stream`` copies a submission but leaves out the bodies of uuencoded and binary documents
(keeping their first 4 KB and last 512 bytes, enough to classify them and to see that they end), and
clips a text document's body beyond ``TEXT_CAP``, and a bare file (no document bodies) likewise. It
hashes and measures the original bytes on the way, so the record still names the file's real sha256 and
size and each document's real size. A file with CR-only line ends is read as if they were LF.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from eightk.parse.decode import cr_only, looks_binary

__all__ = ["HEAD", "TEXT_CAP", "Reduced", "reduce_stream"]

HEAD = 4096  # bytes of a body kept to classify it
TAIL = 512  # bytes of a skipped body kept to see its "end" line
TEXT_CAP = 16 * 1024 * 1024  # a text document's body beyond this is clipped (8-K texts run to a few MB)


@dataclass(slots=True)
class Reduced:
    data: bytes
    sha256: str
    size: int
    omitted: dict[int, int] = field(default_factory=dict)  # document index (0-based) → bytes left out
    clipped: list[int] = field(default_factory=list)  # indexes of text documents clipped at TEXT_CAP


def _skippable(head: bytes) -> bool:
    h = head.lstrip()
    upper = h[:16].upper()
    return upper.startswith(b"<PDF>") or h.startswith(b"begin ") or looks_binary(h[:HEAD])


class _Reducer:
    def __init__(self) -> None:
        self.out = bytearray()
        self.result = Reduced(b"", "", 0)
        self.doc = -1
        self.in_body = False
        self.head = bytearray()
        self.mode = ""  # "" while reading the head, then "keep" or "skip"
        self.kept = 0
        self.tail = b""
        self.outside = 0  # bytes kept that are not in a document body

    def line(self, line: bytes) -> None:
        if self.in_body:
            stripped = line.lstrip()[:12].upper()
            if stripped.startswith((b"</TEXT>", b"</DOCUMENT>")):
                self._end_body()
                self.out += line
            else:
                self._body(line)
            return
        upper = line.lstrip()[:12].upper()
        if upper.startswith(b"<DOCUMENT>"):
            self.doc += 1
        elif self.outside > TEXT_CAP and not upper.startswith((b"<TEXT>", b"</", b"<SEC-", b"<TYPE>")):
            # no document body: a bare file (or text between documents) longer than a text may be
            if max(self.doc, 0) not in self.result.clipped:
                self.result.clipped.append(max(self.doc, 0))
            return
        self.outside += len(line)
        self.out += line
        if upper.startswith(b"<TEXT>"):
            self.in_body, self.head, self.mode, self.kept, self.tail = True, bytearray(), "", 0, b""

    def _body(self, line: bytes) -> None:
        if self.mode == "":
            self.head += line
            if len(self.head) >= HEAD:
                self._decide()
            return
        if self.mode == "keep":
            if self.kept + len(line) > TEXT_CAP:
                self.result.clipped.append(self.doc)
                self.mode = "skip"
            else:
                self.out += line
                self.kept += len(line)
                return
        self.result.omitted[self.doc] = self.result.omitted.get(self.doc, 0) + len(line)
        self.tail = (self.tail + line)[-TAIL:]

    def _decide(self) -> None:
        self.mode = "skip" if _skippable(bytes(self.head)) else "keep"
        self.out += self.head
        self.kept = len(self.head)

    def _end_body(self) -> None:
        if self.mode == "":
            self._decide()
        if self.tail:  # the last bytes of a skipped body, so its end line is still seen
            self.result.omitted[self.doc] -= len(self.tail)
            if not self.out.endswith(b"\n"):
                self.out += b"\n"
            self.out += self.tail
        self.in_body = False


def reduce_stream(chunks: Iterable[bytes]) -> Reduced:
    """Read a submission chunk by chunk; return it without its binary bodies (see module docs)."""
    reducer = _Reducer()
    digest = hashlib.sha256()
    size = 0
    carry = b""
    cr = None  # CR-only line ends (decided on the first chunk): read as LF
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
        if cr is None:
            cr = cr_only(chunk)
        data = carry + (chunk.replace(b"\r", b"\n") if cr else chunk)
        start = 0
        while (nl := data.find(b"\n", start)) >= 0:
            reducer.line(data[start : nl + 1])
            start = nl + 1
        carry = data[start:]
        if len(carry) > HEAD * 16:  # a very long line: pass it on in pieces
            reducer.line(carry)
            carry = b""
    if carry:
        reducer.line(carry)
    if reducer.in_body:
        reducer._end_body()
    result = reducer.result
    result.data = bytes(reducer.out)
    result.sha256 = digest.hexdigest()
    result.size = size
    return result
