"""Sources meet the parser: every filing under some paths, parsed, errors as records.

Batch code (the CLI, the store's ingest, distributed runners) calls ``parse_input`` or ``parse_paths``;
large plain files are streamed through ``parse_filing_stream`` so memory stays bounded. Each input may
be given a time budget (CPU seconds, ``TIME_BUDGET`` by default in batches): the pipeline checks it
between its stages, and here a CPU-time signal interrupts a stage that runs on, so one input that is
slow in a way nobody foresaw costs at most its budget and the batch goes on (issue 13).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from eightk.model import Filing, Problem, Source
from eightk.parse.budget import Budget
from eightk.parse.pipeline import parse_filing, parse_filing_stream
from eightk.sources.local import Input, InputError, discard, iter_inputs

__all__ = ["TIME_BUDGET", "failed_record", "parse_input", "parse_paths"]

TIME_BUDGET = 60.0  # CPU seconds per input in batches (--time-budget); the slowest corpus filing takes ~1 s
_REPEAT = 0.25  # an interrupt that some handler swallowed comes again this often (CPU seconds)
_RETRY = 0.005  # CPU seconds to the next try when the signal came outside the parser's own code
# The parser's code, and the re module it calls (a long match checks for signals): where an interrupt
# may be raised. Elsewhere (a gc callback, a __del__) it waits for the parser's code to run again.
_INTERRUPTIBLE = (os.path.dirname(os.path.abspath(__file__)), os.path.dirname(os.path.abspath(re.__file__)))

_EMPTY_SHA = hashlib.sha256(b"").hexdigest()


def failed_record(err: InputError) -> Filing:
    """The record of an input that could not be read at all."""
    return Filing(
        source=Source(err.name, _EMPTY_SHA, 0, "text"), problems=(Problem("error", "unreadable", err.reason),)
    )


def parse_input(item: Input | InputError, *, events: bool = True, time_budget: float | None = None) -> Filing:
    """The record of one input. ``time_budget``: CPU seconds it may take (None: no limit); when they run
    out, the record says in which stage (a ``time_budget`` error, or ``events_failed`` in the events).
    Raises ValueError when ``time_budget`` is not a positive number."""
    if isinstance(item, InputError):
        return failed_record(item)
    if time_budget is None:
        return _parse_input(item, events, None)
    if events:
        import eightk.extract  # noqa: F401 - its first import (compiling patterns) is not this input's cost
    budget = Budget(time_budget)
    with _interrupts(budget):
        return _parse_input(item, events, budget)


def _parse_input(item: Input, events: bool, budget: Budget | None) -> Filing:
    if item.streamed:
        try:
            return parse_filing_stream(item.chunks(), name=item.name, events=events, budget=budget)
        except OSError as exc:
            return failed_record(InputError(item.name, f"cannot read file: {exc.strerror or exc}"))
    return parse_filing(item.data, name=item.name, events=events, budget=budget)


@contextlib.contextmanager
def _interrupts(budget: Budget) -> Iterator[None]:
    """While the block runs, a CPU-time signal (SIGPROF) raises ``budget.exceeded()`` in it once the
    budget is spent, and again every ``_REPEAT`` CPU seconds until the parse is over. Only the main
    thread receives signals: elsewhere (a Dask thread) the pipeline's checks between stages remain."""
    if threading.current_thread() is not threading.main_thread() or budget.seconds == float("inf"):
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        if budget.finished or budget.interrupted:
            return  # raised once already: a second raise inside the first one's handler would lose the record
        left = budget.seconds - budget.spent()
        # The kernel's CPU timer counts in ticks and may ring a little early; and an error raised in a
        # garbage-collector callback or a __del__ is printed and lost: so ring again soon instead.
        if left > 0 or frame is None or not frame.f_code.co_filename.startswith(_INTERRUPTIBLE):
            signal.setitimer(signal.ITIMER_PROF, max(left, _RETRY), _REPEAT)
            return
        budget.interrupted = True
        raise budget.exceeded()

    previous = signal.signal(signal.SIGPROF, interrupt)
    signal.setitimer(signal.ITIMER_PROF, max(budget.seconds - budget.spent(), 1e-6), _REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def parse_paths(
    paths: Iterable[str | os.PathLike[str]], *, events: bool = True, time_budget: float | None = TIME_BUDGET
) -> Iterator[Filing]:
    """Every filing under ``paths`` (files, directories, archives), parsed in order. This is a batch
    boundary: a parser bug on one input gives that input a failed record, and the batch goes on; so
    does an input that takes more than ``time_budget`` CPU seconds (see ``parse_input``)."""
    with tempfile.TemporaryDirectory(prefix="eightk-spool-") as spool:  # see iter_inputs
        for item in iter_inputs(paths, spool=Path(spool)):
            yield _parsed(item, events, time_budget)
            discard(item)


def _parsed(item: Input | InputError, events: bool, time_budget: float | None) -> Filing:
    """``parse_input``, at a batch boundary."""
    try:
        return parse_input(item, events=events, time_budget=time_budget)
    except Exception as exc:  # noqa: BLE001 - the batch boundary: one bad input never stops the batch
        reason = f"internal error (a bug in eightk): {type(exc).__name__}: {exc}"
        return failed_record(InputError(item.name, reason[:500]))
