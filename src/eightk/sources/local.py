"""Bytes from the local machine: files, directories and archives (.tar, .tar.gz, .tgz, .zip, .gz).

``iter_inputs(paths)`` yields one ``Input`` per filing, or one ``InputError`` per thing that could not
be read (a missing or unreadable file, a broken or hostile archive). It never raises for bad inputs:
the caller decides what to do with the errors, and the other inputs still come through.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from eightk.sources.archives import _Capped

__all__ = ["Input", "InputError", "STREAM_MIN_BYTES", "discard", "iter_inputs", "is_archive", "source_of"]

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
    A large member of a compressed tar may be a ``spooled`` copy (``iter_inputs(spool=…)``): a plain
    file the caller removes with ``discard`` once the input is read. Only strings are kept, so an input
    crosses to a worker process cheaply."""

    name: str  # a path, or "archive.tar.gz!member" for archive members
    raw: bytes | None = None
    path: str | None = None
    member: str | None = None
    index: int | None = None
    spooled: bool = False  # ``path`` is a temporary copy of an archive member (see ``discard``)

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
        from eightk.sources.archives import LIBRARY_ERRORS

        try:
            with _open_stream(self.path or self.name, self.member, self.index) as fh:
                read = 0
                while block := fh.read(size):
                    read += len(block)
                    if read > MAX_STREAM_BYTES:
                        raise OSError(f"more than {MAX_STREAM_BYTES:,} bytes")
                    yield block
        except LIBRARY_ERRORS as exc:
            raise OSError(f"broken archive: {exc}") from exc


@contextlib.contextmanager
def _open_stream(path: str, member: str | None, index: int | None = None) -> Iterator[IO[bytes] | _Capped]:
    """A plain file, or one member of an archive (see ``archives.open_member``), opened for reading."""
    if member is None:
        with open(path, "rb") as fh:
            yield fh
        return
    from eightk.sources.archives import open_member

    with open_member(path, member, index) as fh:
        yield fh


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


def wanted(name: str) -> bool:
    """Whether a file or member of this name may be a filing (not a manifest, database, dot-file…)."""
    base = os.path.basename(name)
    return bool(base) and base not in _SKIP_NAMES and not base.startswith(".") and not base.endswith(_SKIP_SUFFIXES)


def iter_inputs(paths: Iterable[str | os.PathLike[str]], spool: Path | None = None) -> Iterator[Input | InputError]:
    """Every filing under ``paths`` (files, directories walked in sorted order, archives).

    ``spool``: a folder the caller owns (and removes). A member of a compressed tar too large to hold is
    then decompressed once, into a file there, as the tar is walked (which must decompress it anyway)
    rather than again from the archive's start when it is read; ``discard(item)`` removes the copy."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _iter_dir(path, spool)
        elif path.exists() or path.is_symlink():
            yield from _iter_file(path, spool)
        else:
            yield InputError(str(path), "no such file or directory")


def discard(item: Input | InputError) -> None:
    """Remove a spooled input's temporary copy (see ``iter_inputs``); other inputs are left alone."""
    if isinstance(item, Input) and item.spooled and item.path:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(item.path)


def _iter_dir(root: Path, spool: Path | None) -> Iterator[Input | InputError]:
    def on_error(exc: OSError) -> None:
        errors.append(InputError(str(exc.filename or root), f"cannot read directory: {exc.strerror or exc}"))

    errors: list[InputError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield from errors
        errors.clear()
        for fn in sorted(filenames):
            full = Path(dirpath) / fn
            if wanted(fn):
                yield from _iter_file(full, spool)
    yield from errors


def _iter_file(path: Path, spool: Path | None = None) -> Iterator[Input | InputError]:
    name = str(path)
    try:
        if not path.is_file():
            yield InputError(name, "not a regular file")
            return
        size = path.stat().st_size
        if is_archive(name):
            from eightk.sources.archives import iter_archive

            yield from iter_archive(path, spool)
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
    yield _unnamed_archive(name, data) or Input(name, data)


def _unnamed_archive(name: str, data: bytes) -> InputError | None:
    """An archive whose name does not say so is not read as a filing (nor opened: rename it)."""
    from eightk.sources.archives import archive_kind

    kind = archive_kind(data[:512])
    return InputError(name, f"a {kind} archive without an archive's name; not read") if kind else None
