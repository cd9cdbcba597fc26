"""Progress for long runs (``parse`` and ``ingest`` of many inputs, ``reparse``): a tqdm bar with the
percentage, rate and time left on a terminal; nothing when standard error is not one (logs, pipes, CI).

tqdm is an optional extra (``pip install 'eightk[progress]'``); without it a terminal gets one line
saying so, and the run goes on without a bar. The total is counted before the run only when a bar is
shown: files under the paths, and the members of zip archives (their index lists them); a tar archive
would have to be read through to be counted, so with one the bar shows the count and rate only.
"""

from __future__ import annotations

import os
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from eightk.sources.local import (
    is_archive,
    wanted,  # the readers' own rule for which files are filings
)

__all__ = ["Bar", "count_inputs"]

_HINT = "eightk: for a progress bar, install tqdm: pip install 'eightk[progress]'\n"
_MIN_INPUTS = 2  # a bar for one input is noise


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many inputs ``paths`` hold (the files the readers take: no hidden files, no JSON, …), or None
    when an archive cannot be counted without reading it through."""
    total = 0
    for p in paths:
        path = Path(p)
        files = [path] if not path.is_dir() else _files_under(path)
        for f in files:
            n = _members(f) if is_archive(f.name) else 1
            if n is None:
                return None
            total += n
    return total


def _files_under(root: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        out += [Path(dirpath) / fn for fn in filenames if wanted(fn)]
    return out


def _members(path: Path) -> int | None:
    low = path.name.lower()
    if low.endswith(".zip"):
        try:
            with zipfile.ZipFile(path) as zf:
                return sum(not info.is_dir() for info in zf.infolist())
        except (OSError, zipfile.BadZipFile):
            return 1  # reported as one broken input
    if low.endswith((".tar", ".tar.gz", ".tgz")):
        return None
    return 1  # a gzipped filing (a .gz holding a tar is counted as one: the bar then runs past its end)


class Bar:
    """``with Bar(paths) as bar: … bar.update(n) …``: a tqdm bar on a terminal, else nothing.

    ``paths`` are counted for the total (see ``count_inputs``); ``total`` gives it instead. ``note``
    prints a line above the bar (or to standard error when there is none)."""

    def __init__(
        self, paths: Iterable[str | os.PathLike[str]] = (), *, total: int | None = None, unit: str = "filing"
    ) -> None:
        self._bar: Any = None
        if not sys.stderr.isatty():
            return
        try:
            from tqdm import tqdm
        except ModuleNotFoundError:
            sys.stderr.write(_HINT)
            return
        total = count_inputs(paths) if total is None else total
        if total is not None and total < _MIN_INPUTS:
            return
        self._bar = tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True)

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()

    def update(self, n: int = 1) -> None:
        """``n`` more inputs done."""
        if self._bar is not None:
            self._bar.update(n)

    def update_to(self, done: int) -> None:
        """``done`` inputs done in all."""
        if self._bar is not None and done > self._bar.n:
            self._bar.update(done - self._bar.n)

    def note(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)
