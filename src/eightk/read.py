"""Sources meet the parser: every filing under some paths, parsed, errors as records.

Batch code (the CLI, the store's ingest, distributed runners) calls ``parse_input`` or ``parse_paths``;
large plain files are streamed through ``parse_filing_stream`` so memory stays bounded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator

from eightk.model import Filing, Problem, Source
from eightk.parse.pipeline import parse_filing, parse_filing_stream
from eightk.sources.local import Input, InputError, iter_inputs

__all__ = ["failed_record", "parse_input", "parse_paths"]

_EMPTY_SHA = hashlib.sha256(b"").hexdigest()


def failed_record(err: InputError) -> Filing:
    """The record of an input that could not be read at all."""
    return Filing(
        source=Source(err.name, _EMPTY_SHA, 0, "text"), problems=(Problem("error", "unreadable", err.reason),)
    )


def parse_input(item: Input | InputError, *, events: bool = True) -> Filing:
    if isinstance(item, InputError):
        return failed_record(item)
    if item.streamed:
        try:
            return parse_filing_stream(item.chunks(), name=item.name, events=events)
        except OSError as exc:
            return failed_record(InputError(item.name, f"cannot read file: {exc.strerror or exc}"))
    return parse_filing(item.data, name=item.name, events=events)


def parse_paths(paths: Iterable[str | os.PathLike[str]], *, events: bool = True) -> Iterator[Filing]:
    """Every filing under ``paths`` (files, directories, archives), parsed in order. This is a batch
    boundary: a parser bug on one input gives that input a failed record, and the batch goes on."""
    for item in iter_inputs(paths):
        try:
            yield parse_input(item, events=events)
        except Exception as exc:  # noqa: BLE001 - the batch boundary: one bad input never stops the batch
            reason = f"internal error (a bug in eightk): {type(exc).__name__}: {exc}"
            yield failed_record(InputError(item.name, reason[:500]))
