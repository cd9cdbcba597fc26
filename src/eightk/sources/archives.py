"""The filings inside archives (.tar, .tar.gz/.tgz, .zip, .gz), read without extracting anything.

Nothing is extracted, so no member name can place a file anywhere: the one copy ever written is a
large member of a compressed tar, decompressed once into a file that ``tempfile`` names in a spool
folder the caller owns (see ``local.iter_inputs``). An archive is still hostile until shown otherwise;
each of these is refused with its reason and the rest is read:

- a member whose name is absolute or climbs out with ``..``; a link (symbolic or hard) or a device;
- an archive inside an archive, known by its name or its first bytes: nested archives are not opened;
- zip entries whose data overlap (the zip-bomb construction that reuses one compressed block);
- expansion past ``expansion_limit(archive size)``: ``MAX_RATIO`` times the archive's size on disk,
  at least ``RATIO_FLOOR``, at most ``local.MAX_ARCHIVE_BYTES`` in all. The bytes counted are those
  the reader will decompress (a tar's skipped members too), and bytes actually read are counted again
  while reading, whatever the headers claim;
- more than ``local.MAX_ARCHIVE_MEMBERS`` members.

A tar is walked one header at a time and its member list is not kept, so memory stays flat however
many members it has.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import posixpath
import shutil
import stat
import struct
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from eightk.sources import local
from eightk.sources.local import Input, InputError

__all__ = ["MAX_RATIO", "RATIO_FLOOR", "archive_kind", "expansion_limit", "iter_archive", "open_member"]

MAX_RATIO = 100  # 8-K text deflates 4-10 times; an archive that expands 100 times is a bomb
RATIO_FLOOR = 64 * 1024 * 1024  # a small archive may still expand this far
MAX_ZIP_ENTRIES = 500_000  # zipfile holds every entry while it reads: ~300 MB at this count

# What the archive libraries raise on a damaged or hostile archive: one clear reason, never a traceback.
LIBRARY_ERRORS = (
    EOFError,
    zlib.error,
    tarfile.TarError,
    zipfile.BadZipFile,
    gzip.BadGzipFile,
    ValueError,
    RuntimeError,
    NotImplementedError,
    KeyError,
    IndexError,  # zipfile on an entry whose extra field is cut short (found by tests/test_properties.py)
    struct.error,
)
ARCHIVE_ERRORS = (OSError, *LIBRARY_ERRORS)


class ArchiveLimit(OSError):
    """An archive reached a limit (expansion, members): what was read stays, the rest is refused."""


def expansion_limit(archive_bytes: int) -> int:
    """How many decompressed bytes an archive of ``archive_bytes`` bytes may give in all."""
    return min(local.MAX_ARCHIVE_BYTES, max(RATIO_FLOOR, MAX_RATIO * archive_bytes))


def archive_kind(head: bytes) -> str | None:
    """The archive format that bytes starting with ``head`` (512 bytes or more) are in, else None."""
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    if head[:3] == b"BZh" and head[3:4].isdigit():
        return "bzip2"
    if head[:6] == b"\xfd7zXZ\x00":
        return "xz"
    return None


def _unsafe_name(name: str) -> str | None:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path in an archive; not read"
    if ".." in posixpath.normpath(name.replace("\\", "/")).split("/"):
        return "a path that climbs out of the archive ('..'); not read"
    if "\0" in name:
        return "a NUL byte in a member name; not read"
    return None


class _Budget:
    """Decompressed bytes an archive may still give."""

    def __init__(self, archive: Path) -> None:
        self.archive = archive
        self.limit = expansion_limit(archive.stat().st_size)
        self.used = 0

    def take(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise ArchiveLimit(
                f"expands past {self.limit:,} bytes ({MAX_RATIO} times its size, at least {RATIO_FLOOR:,}): "
                "a decompression bomb? stopped"
            )


def iter_archive(path: Path, spool: Path | None = None) -> Iterator[Input | InputError]:
    """An archive's filings and refusals, in order; an archive that yields nothing (an empty tar, a
    gzip of zeros that reads as one) is reported, never silently skipped. ``spool``: see
    ``local.iter_inputs``."""
    low = path.name.lower()
    found = 0
    try:
        if low.endswith(".zip"):
            members = _iter_zip(path)
        elif low.endswith((".tar", ".tar.gz", ".tgz")) or (low.endswith(".gz") and _gz_holds_tar(path)):
            members = _iter_tar(path, spool)
        else:  # a single gzipped filing
            members = _iter_gz(path)
        for got in members:
            found += 1
            yield got
    except ArchiveLimit as exc:
        yield InputError(str(path), str(exc))
        return
    except ARCHIVE_ERRORS as exc:
        yield InputError(str(path), f"broken archive: {_first_line(exc)}")
        return
    if not found:
        yield InputError(str(path), "archive holds no files to read")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(":")


def _gz_holds_tar(path: Path) -> bool:
    try:
        return tarfile.is_tarfile(path)
    except ARCHIVE_ERRORS:
        return False  # read as a single gzipped file, which reports what is wrong with it


def _refusal(label: str, name: str, data: bytes | None = None) -> InputError | None:
    reason = _unsafe_name(name)
    if reason is None and local.is_archive(name):
        reason = "an archive inside an archive; nested archives are not opened"
    if reason is None and data is not None and (kind := archive_kind(data[:512])):
        reason = f"holds a {kind} archive, inside an archive; nested archives are not opened"
    return InputError(label, reason) if reason else None


def _read_member(
    stream: IO[bytes] | gzip.GzipFile, label: str, where: tuple[Path, str, int | None], stated: int | None = None
) -> Input:
    """A member's bytes, held when small; past STREAM_MIN_BYTES (whatever its header claimed) it is
    left to be streamed from the archive later (``where``: archive, member name, entry number).
    ``stated``: the size the archive gives (a read buffer of that size, not of STREAM_MIN_BYTES)."""
    cap = local.STREAM_MIN_BYTES + 1
    data = stream.read(min(cap, stated + 1) if stated is not None else cap) or b""
    if stated is not None and len(data) > stated and len(data) < cap:  # the stated size was short
        data += stream.read(cap - len(data)) or b""
    if len(data) > local.STREAM_MIN_BYTES:
        archive, member, index = where
        return Input(label, path=str(archive), member=member, index=index)
    return Input(label, bytes(data))


def _iter_gz(path: Path) -> Iterator[Input | InputError]:
    budget = _Budget(path)
    name = str(path)
    with open(path, "rb") as raw:
        raw.seek(max(0, path.stat().st_size - 4))
        stated = int.from_bytes(raw.read(4), "little")  # the gzip trailer: the size, modulo 4 GB
    with gzip.open(path, "rb") as fh:
        if stated > local.STREAM_MIN_BYTES:  # large (or a damaged trailer): streamed, not read twice
            fh.read(tarfile.RECORDSIZE)  # that far, the data must at least be gzip
            yield Input(name, path=name, member="")
            return
        got = _read_member(fh, name, (path, "", None))
    budget.take(len(got.raw or b""))
    refused = _refusal(name, "", got.raw) if got.raw is not None else None
    yield refused or got


def _tar_member(
    tar: tarfile.TarFile, member: tarfile.TarInfo, path: Path, index: int, spool: Path | None
) -> Input | InputError | None:
    label = f"{path}!{member.name}"
    if member.isdir():
        return None
    if member.issym() or member.islnk():
        return InputError(label, "a link inside an archive; links are never followed")
    if not member.isfile():
        return InputError(label, "not a regular file (a device or pipe); not read")
    if not local.wanted(member.name):
        return None
    refused = _refusal(label, member.name)
    if refused:
        return refused
    if member.size > local.MAX_STREAM_BYTES:
        return InputError(label, f"member too large ({member.size:,} bytes)")
    if member.size > local.STREAM_MIN_BYTES:
        if spool is not None and not path.name.lower().endswith(".tar"):  # a plain tar is read again by seeking
            return _spooled(tar, member, label, spool)
        return Input(label, path=str(path), member=member.name, index=index)
    fh = tar.extractfile(member)
    if fh is None:
        return InputError(label, "cannot read member")
    with fh:
        got = _read_member(fh, label, (path, member.name, index), member.size)
    return (_refusal(label, member.name, got.raw) if got.raw is not None else None) or got


def _spooled(tar: tarfile.TarFile, member: tarfile.TarInfo, label: str, spool: Path) -> Input | InputError:
    """A large member of a compressed tar, copied to a spool file as the walk decompresses it (it must:
    the next header lies past it), so it is not decompressed again from the archive's start. The copy
    holds ``member.size`` bytes at most (counted in the archive's expansion limit before this)."""
    fh = tar.extractfile(member)
    if fh is None:
        return InputError(label, "cannot read member")
    fd, name = tempfile.mkstemp(prefix="member-", suffix=".spool", dir=spool)
    try:
        with fh, os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(fh, out, local.CHUNK)
    except BaseException:
        os.unlink(name)
        raise
    return Input(label, path=name, spooled=True)


def _iter_tar(path: Path, spool: Path | None = None) -> Iterator[Input | InputError]:
    budget = _Budget(path)
    with tarfile.open(path, "r:*") as tar:
        index = -1
        while (member := tar.next()) is not None:
            tar.members.clear()  # type: ignore[attr-defined]  # one header at a time: 100,000 members cost what one does
            index += 1
            if index >= local.MAX_ARCHIVE_MEMBERS:
                raise ArchiveLimit(f"has more than {local.MAX_ARCHIVE_MEMBERS:,} members; stopped")
            budget.take(tarfile.BLOCKSIZE + (member.size if member.isfile() else 0))  # read or skipped, all of it
            got = _tar_member(tar, member, path, index, spool)
            if got is not None:
                yield got


def _overlapping(infos: list[zipfile.ZipInfo], central_start: int) -> bool:
    """Whether two entries' data overlap, or run into the central directory: each entry's data must
    end before the next entry's local header starts."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    ends = [i.header_offset for i in ordered[1:]] + [central_start] if ordered else []
    # 30 bytes of local header at least (its name and extra field are left out: never a false alarm)
    return any(info.header_offset + 30 + info.compress_size > end for info, end in zip(ordered, ends, strict=True))


def _zip_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, index: int, budget: _Budget
) -> Input | InputError | None:
    label = f"{path}!{info.filename}"
    if info.is_dir() or not local.wanted(info.filename):
        return None
    if stat.S_ISLNK(info.external_attr >> 16):
        return InputError(label, "a link inside an archive; links are never followed")
    refused = _refusal(label, info.filename)
    if refused:
        return refused
    if info.file_size > local.MAX_STREAM_BYTES:
        return InputError(label, f"member too large ({info.file_size:,} bytes)")
    budget.take(info.file_size)  # zipfile never reads past an entry's stated size
    if info.file_size > local.STREAM_MIN_BYTES:
        return Input(label, path=str(path), member=info.filename, index=index)
    try:
        with zf.open(info) as fh:
            got = _read_member(fh, label, (path, info.filename, index), info.file_size)
    except ARCHIVE_ERRORS as exc:
        return InputError(label, f"cannot read member: {_first_line(exc)}")
    return (_refusal(label, info.filename, got.raw) if got.raw is not None else None) or got


def _stated_entries(path: Path) -> int:
    """The entry count a zip's end record states (0 when there is none): zipfile holds an object per
    entry as it opens an archive (about 600 bytes each), so the count is checked first."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 65_557))  # the end record (22 bytes) and a comment of up to 65,535
        tail = fh.read()
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) < end + 12:
        return 0
    count = int.from_bytes(tail[end + 10 : end + 12], "little")
    z64 = tail.rfind(b"PK\x06\x06", 0, end)  # a zip64 end record states the count in 8 bytes
    if count == 0xFFFF and z64 >= 0 and len(tail) >= z64 + 40:
        count = int.from_bytes(tail[z64 + 32 : z64 + 40], "little")
    return count


def _iter_zip(path: Path) -> Iterator[Input | InputError]:
    budget = _Budget(path)
    if _stated_entries(path) > MAX_ZIP_ENTRIES:
        raise ArchiveLimit(f"states more than {MAX_ZIP_ENTRIES:,} entries; not read (split it, or use a tar)")
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > local.MAX_ARCHIVE_MEMBERS:
            raise ArchiveLimit(f"has more than {local.MAX_ARCHIVE_MEMBERS:,} members; not read")
        if _overlapping(infos, zf.start_dir):
            raise ArchiveLimit("entries whose data overlap (a zip bomb's construction); not read")
        for index, info in sorted(enumerate(infos), key=lambda p: p[1].filename):
            got = _zip_member(zf, info, path, index, budget)
            if got is not None:
                yield got


@contextlib.contextmanager
def open_member(path: str, member: str, index: int | None = None) -> Iterator[_Capped]:
    """One member of an archive (the ``index``-th entry when given; ``""`` for a .gz's one file),
    opened for reading; reading past the archive's expansion limit raises ``ArchiveLimit``."""
    limit = expansion_limit(os.path.getsize(path))
    with contextlib.ExitStack() as stack:
        fh: IO[bytes] | None
        if path.lower().endswith(".zip"):
            zf = stack.enter_context(zipfile.ZipFile(path))
            fh = stack.enter_context(zf.open(_zip_entry(zf, member, index)))
        elif member == "":
            fh = stack.enter_context(gzip.GzipFile(path, "rb"))  # type: ignore[assignment]
        else:
            tar = stack.enter_context(tarfile.open(path, "r:*"))
            fh = tar.extractfile(_tar_entry(tar, member, index))
            if fh is None:
                raise OSError(f"{path}!{member}: not a regular file")
            stack.enter_context(fh)
        assert fh is not None
        yield _Capped(fh, limit)


class _Capped:
    """A read-only stream that refuses to give more than ``limit`` bytes in all."""

    def __init__(self, fh: IO[bytes], limit: int) -> None:
        self.fh, self.limit, self.read_so_far = fh, limit, 0

    def read(self, size: int = -1) -> bytes:
        block = self.fh.read(size)
        self.read_so_far += len(block)
        if self.read_so_far > self.limit:
            raise ArchiveLimit(f"expands past {self.limit:,} bytes ({MAX_RATIO} times the archive's size); stopped")
        return block


def _zip_entry(zf: zipfile.ZipFile, member: str, index: int | None) -> zipfile.ZipInfo | str:
    if index is None:
        return member
    infos = zf.infolist()
    if index >= len(infos) or infos[index].filename != member:
        raise OSError(f"{member}: not entry {index} of the archive any more")
    return infos[index]


def _tar_entry(tar: tarfile.TarFile, member: str, index: int | None) -> tarfile.TarInfo | str:
    if index is None:
        return member
    for i in range(index + 1):
        info = tar.next()
        tar.members.clear()  # type: ignore[attr-defined]
        if info is None:
            break
        if i == index and info.name == member:
            return info
    raise OSError(f"{member}: not entry {index} of the archive any more")
