"""Bytes → str: UTF-8 when it is, else cp1252 (a superset of Latin-1 for what filers typed).

Stray NULs and control bytes are dropped; line ends become ``\\n``. Never raises.
"""

from __future__ import annotations

import re

__all__ = ["cr_only", "decode", "from_utf16", "looks_binary"]

# C0 controls except tab, newline, form feed and carriage return; DEL.
_CONTROL_SET = bytes([*range(0, 9), 11, *range(14, 32), 127])
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def from_utf16(raw: bytes) -> bytes:
    """A file saved as UTF-16 with a byte-order mark (EDGAR never took one, re-saved copies can be) as
    UTF-8, so the byte-level SGML reader sees ASCII markup; any other bytes unchanged."""
    if raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return raw
    return raw.decode("utf-16", errors="replace").encode("utf-8")  # a stray odd byte costs one character


def cr_only(sample: bytes) -> bool:
    """Whether ``sample`` (a file, or its first chunk) ends its lines with CR alone (old Mac editors, some
    feed files): the byte-level readers then need LF line ends to see its lines."""
    return b"\r" in sample and sample.count(b"\n") * 2 < sample.count(b"\r")


def looks_binary(sample: bytes) -> bool:
    """True when a sample is not text: NULs, or many control bytes (ESC allowed for old printers)."""
    if not sample:
        return False
    if sample.count(b"\x00") > max(2, len(sample) // 1000):
        return True
    return len(_CONTROL_BYTES.findall(sample)) > max(8, len(sample) // 100)


def decode(raw: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; encoding is ``"utf-8"`` or ``"cp1252"``."""
    if len(raw.translate(None, _CONTROL_SET)) != len(raw):  # fast check; control bytes are never
        raw = raw.translate(None, _CONTROL_SET)  # part of a UTF-8 or cp1252 character, so drop them here
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        encoding = "cp1252"
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding
