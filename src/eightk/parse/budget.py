"""A time budget for parsing one filing: the last defence, not the fix (issue 13).

Patterns and passes are linear by construction; a budget catches what nobody foresaw. ``Budget`` holds
the CPU seconds one filing may take and the stage the parse is in. The pipeline calls ``enter(stage)``
between its stages, which raises ``TimeBudgetExceeded`` once the seconds are spent; a batch caller
also interrupts a stage that runs on (``read.parse_input`` arms a CPU-time signal that raises the same
error in the middle of a stage). The pipeline turns the error into a problem on the record, so a batch
records which stage ran out of time and goes on.

This module only reads the process's CPU clock: no signal, file or global state.
"""

from __future__ import annotations

import time

from eightk.errors import ParseError

__all__ = ["STAGES", "Budget", "TimeBudgetExceeded"]

# The stages, in the order the pipeline runs them (a record names the one that ran out of time); "read"
# is reading and hashing the bytes, "done" the end (no stage ever runs out of time there).
STAGES = (
    "read", "submission", "text", "ixbrl", "items", "cover", "registrant", "signatures", "exhibits",
    "events", "checks", "done",
)  # fmt: skip


class TimeBudgetExceeded(ParseError):
    """Parsing one filing took more than its budget. ``stage`` is the stage that ran out of time (one of
    ``STAGES``), ``spent`` the CPU seconds used by then, ``seconds`` the budget."""

    code = "time_budget"

    def __init__(self, stage: str, spent: float, seconds: float) -> None:
        super().__init__(f"time budget exceeded in {stage} ({spent:.3g} of {seconds:.3g} CPU seconds)")
        self.stage, self.spent, self.seconds = stage, spent, seconds


class Budget:
    """``seconds`` of CPU time (``time.process_time``) for parsing one filing, counted from creation
    (``float("inf")``: no limit, the stage is only recorded).

    ``stage`` is the stage the parse is in (``STAGES``). Raises ValueError when ``seconds`` is not a
    positive number."""

    def __init__(self, seconds: float = float("inf")) -> None:
        if not seconds > 0:
            raise ValueError(f"a time budget is a positive number of seconds, not {seconds!r}")
        self.seconds = float(seconds)
        self.started = time.process_time()
        self.stage = "read"
        self.interrupted = False  # an interrupt has raised once: the parse now ends through its handlers

    def spent(self) -> float:
        """CPU seconds used since the budget was made."""
        return time.process_time() - self.started

    @property
    def finished(self) -> bool:
        """Whether the parse is over (an interrupt that arrives now must change nothing)."""
        return self.stage == "done"

    def enter(self, stage: str) -> None:
        """The parse moves on to ``stage``; raises TimeBudgetExceeded, naming the stage that just ran,
        when the budget is spent."""
        if self.finished:
            return  # after the events ran out of time the record is being finished: it stays "done"
        spent = self.spent()
        if spent > self.seconds:
            raise TimeBudgetExceeded(self.stage, spent, self.seconds)
        self.stage = stage

    def exceeded(self) -> TimeBudgetExceeded:
        """The error for the stage running now (raised by an interrupt in the middle of a stage)."""
        return TimeBudgetExceeded(self.stage, self.spent(), self.seconds)

    def finish(self) -> None:
        """The parse is over: later checks and interrupts do nothing."""
        self.stage = "done"
