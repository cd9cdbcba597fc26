"""Bytes from the local machine: files, directories and archives (.tar, .tar.gz, .tgz, .zip, .gz).

``iter_inputs(paths)`` yields one ``Input`` per filing, or one ``InputError`` per thing that could not
be read (a missing or unreadable file, a broken or hostile archive). It never raises for bad inputs:
the caller decides what to do with the errors, and the other inputs still come through.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["Input", "InputError", "STREAM_MIN_BYTES", "iter_inputs", "is_archive", "source_of"]

# A file or archive member larger than STREAM_MIN_BYTES is not held in memory: it is read as a stream
# (see ``Input.chunks`` and ``parse_filing_stream``), up to MAX_STREAM_BYTES.
STREAM_MIN_BYTES = 32 * 1024 * 1024
MAX_STREAM_BYTES = 64 * 1024 * 1024 * 1024
CHUNK = 1024 * 1024
# An archive whose members add up to more than this (uncompressed) is treated as hostile.
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 5_000_000

_SKIP_NAMES = {"MANIFEST.tsv", "README.md", ".DS_Store"}
_SKIP_SUFFIXES = (".json", ".tsv", ".md", ".py", ".db", ".sqlite", ".parquet", ".csv", "-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Input:
    """One filing's bytes: held (``data``), or, for a large file or archive member, where to stream
    them from: the file at ``path``, or ``member`` of the archive at ``path`` ("" for a .gz's one file),
    the archive's entry number ``index`` (an archive may hold two members of the same name).
    Only strings are kept, so an input crosses to a worker process cheaply."""

    name: str  # a path, or "archive.tar.gz!member" for archive members
    raw: bytes | None = None
    path: str | None = None
    member: str | None = None
    index: int | None = None

    @property
    def streamed(self) -> bool:
        return self.raw is None and self.path is not None

    @property
    def data(self) -> bytes:
        """All the bytes (read now for a streamed input: prefer ``chunks()`` for those)."""
        if self.raw is not None:
            return self.raw
        return b"".join(self.chunks())

    def chunks(self, size: int = CHUNK) -> Iterator[bytes]:
        """The bytes in pieces. A file or archive that cannot be read to the end (gone, truncated,
        corrupt) raises OSError, whatever the archive library raised."""
        if self.raw is not None:
            yield self.raw
            return
        try:
            with _open_stream(self.path or self.name, self.member, self.index) as fh:
                read = 0
                while block := fh.read(size):
                    read += len(block)
                    if read > MAX_STREAM_BYTES:
                        raise OSError(f"more than {MAX_STREAM_BYTES:,} bytes")
                    yield block
        except (EOFError, zlib.error, tarfile.TarError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise OSError(f"broken archive: {exc}") from exc


@contextlib.contextmanager
def _open_stream(path: str, member: str | None, index: int | None = None) -> Iterator[IO[bytes]]:
    """A plain file, or one member of an archive (the ``index``-th entry when given), opened for reading."""
    with contextlib.ExitStack() as stack:
        fh: IO[bytes] | None
        if member is None:
            fh = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
        elif path.lower().endswith(".zip"):
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
        yield fh


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
    for i, info in enumerate(tar):
        if i == index:
            if info.name != member:
                break
            return info
    raise OSError(f"{member}: not entry {index} of the archive any more")


@dataclass(frozen=True, slots=True)
class InputError:
    name: str
    reason: str


def source_of(name: str) -> str:
    """The file an input's name comes from: "feed.tar.gz!a.txt" → "feed.tar.gz"; a plain file's own path."""
    cut = name.find("!")
    while cut >= 0:
        if is_archive(name[:cut]):
            return name[:cut]
        cut = name.find("!", cut + 1)
    return name


def is_archive(name: str) -> bool:
    low = name.lower()
    return low.endswith((".tar", ".tar.gz", ".tgz", ".zip", ".gz"))


def _wanted(name: str) -> bool:
    base = os.path.basename(name)
    return bool(base) and base not in _SKIP_NAMES and not base.startswith(".") and not base.endswith(_SKIP_SUFFIXES)


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Input | InputError]:
    """Every filing under ``paths`` (files, directories walked in sorted order, archives)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _iter_dir(path)
        elif path.exists() or path.is_symlink():
            yield from _iter_file(path)
        else:
            yield InputError(str(path), "no such file or directory")


def _iter_dir(root: Path) -> Iterator[Input | InputError]:
    def on_error(exc: OSError) -> None:
        errors.append(InputError(str(exc.filename or root), f"cannot read directory: {exc.strerror or exc}"))

    errors: list[InputError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield from errors
        errors.clear()
        for fn in sorted(filenames):
            full = Path(dirpath) / fn
            if _wanted(fn):
                yield from _iter_file(full)
    yield from errors


def _iter_file(path: Path) -> Iterator[Input | InputError]:
    name = str(path)
    try:
        if not path.is_file():
            yield InputError(name, "not a regular file")
            return
        size = path.stat().st_size
        if is_archive(name):
            yield from _iter_archive(path)
            return
        if size > MAX_STREAM_BYTES:
            yield InputError(name, f"file too large ({size:,} bytes; limit {MAX_STREAM_BYTES:,})")
            return
        if size > STREAM_MIN_BYTES:
            with open(path, "rb"):  # readable? (the bytes are streamed later)
                pass
            yield Input(name, path=str(path))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(name, f"cannot read file: {exc.strerror or exc}")
        return
    yield Input(name, data)


def _iter_archive(path: Path) -> Iterator[Input | InputError]:
    """An archive's filings; an archive that yields nothing (an empty tar, a gzip of zeros that reads as
    one) is reported, never silently skipped."""
    low = path.name.lower()
    found = 0
    try:
        if low.endswith(".zip"):
            members = _iter_zip(path)
        elif low.endswith((".tar", ".tar.gz", ".tgz")) or (low.endswith(".gz") and tarfile.is_tarfile(path)):
            members = _iter_tar(path)
        else:  # a single gzipped filing
            members = _iter_gz(path)
        for got in members:
            found += 1
            yield got
    except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile, gzip.BadGzipFile, ValueError) as exc:
        yield InputError(str(path), f"broken archive: {exc}")
        return
    if not found:
        yield InputError(str(path), "archive holds no files to read")


def _read_limited(
    stream: IO[bytes] | gzip.GzipFile, name: str, archive: Path, member: str, index: int | None = None
) -> Input | InputError:
    """A member's bytes, held when small; past STREAM_MIN_BYTES (whatever its header claimed) it is
    left to be streamed from the archive later."""
    data = stream.read(STREAM_MIN_BYTES + 1)
    if data is None:
        return InputError(name, "cannot read member")
    if len(data) > STREAM_MIN_BYTES:
        return Input(name, path=str(archive), member=member, index=index)
    return Input(name, bytes(data))


def _iter_gz(path: Path) -> Iterator[Input | InputError]:
    name = str(path)
    with gzip.open(path, "rb") as fh:
        yield _read_limited(fh, name, path, "")


def _iter_tar(path: Path) -> Iterator[Input | InputError]:
    total = 0
    count = 0
    with tarfile.open(path, "r:*") as tar:
        for member in tar:
            count += 1
            if count > MAX_ARCHIVE_MEMBERS:
                yield InputError(str(path), f"archive has more than {MAX_ARCHIVE_MEMBERS:,} members; stopped")
                return
            label = f"{path}!{member.name}"
            if not member.isfile():
                continue  # directories, links, devices: never followed
            if not _wanted(member.name):
                continue
            total += member.size
            if total > MAX_ARCHIVE_BYTES:
                yield InputError(str(path), "archive expands beyond the size limit; stopped")
                return
            if member.size > MAX_STREAM_BYTES:
                yield InputError(label, f"member too large ({member.size:,} bytes)")
                continue
            if member.size > STREAM_MIN_BYTES:
                yield Input(label, path=str(path), member=member.name, index=count - 1)
                continue
            fh = tar.extractfile(member)
            if fh is None:
                yield InputError(label, "cannot read member")
                continue
            with fh:
                yield _read_limited(fh, label, path, member.name, count - 1)


def _iter_zip(path: Path) -> Iterator[Input | InputError]:
    total = 0
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ARCHIVE_MEMBERS:
            yield InputError(str(path), f"archive has more than {MAX_ARCHIVE_MEMBERS:,} members")
            return
        for index, info in sorted(enumerate(infos), key=lambda p: p[1].filename):
            label = f"{path}!{info.filename}"
            if info.is_dir() or not _wanted(info.filename):
                continue
            total += info.file_size
            if total > MAX_ARCHIVE_BYTES:
                yield InputError(str(path), "archive expands beyond the size limit; stopped")
                return
            if info.file_size > MAX_STREAM_BYTES:
                yield InputError(label, f"member too large ({info.file_size:,} bytes)")
                continue
            if info.file_size > STREAM_MIN_BYTES:
                yield Input(label, path=str(path), member=info.filename, index=index)
                continue
            try:
                with zf.open(info) as fh:
                    yield _read_limited(fh, label, path, info.filename, index)
            except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError) as exc:
                yield InputError(label, f"cannot read member: {exc}")
