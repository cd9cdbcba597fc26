"""The per-filing time budget (issue 13): the last defence. A genuinely slow input (a large text: no
hook, no mock) with a small budget is stopped in the stage that ran out, the record or the quarantine
says which, and the batch goes on. Budgets are set from CPU times measured in the same run, so the
tests hold on a loaded machine; what is compared is time with and without the budget, never a clock."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from eightk import parse_filing
from eightk.parse.budget import STAGES, Budget, TimeBudgetExceeded
from eightk.read import parse_input
from eightk.sources.local import Input
from tests.conftest import SAMPLES

CLI = [sys.executable, "-m", "eightk"]
_LINE = b"Item 8.01 Other Events. On May 1, 2020, Acme Corp. entered into a License Agreement with Beta Inc.\n"
_STOPPED = re.compile(r"time budget exceeded in (\w+) \(([\d.]+) of ([\d.e-]+) CPU seconds\)")


def _slow(lines: int = 40_000) -> bytes:
    """About 4 MB of item paragraphs: linear work, but a lot of it (some tenths of a CPU second)."""
    return _LINE * lines


def _deal_text(party: str, times: int = 2000) -> bytes:
    """One item whose events take far longer than its parse (deal sentences, told again and again)."""
    sentence = (
        f"On May 1, 2020, {party} Corp. entered into a license agreement with Beta Inc. under which Beta will "
        f"pay {party} an upfront payment of $5 million and milestones of up to $100 million, and royalties on "
        "net sales. John Smith was appointed Chief Executive Officer. "
    )
    return ("Item 1.01 Entry into a Material Definitive Agreement\n\n" + sentence * times).encode()


def _cpu(call: Callable[[], object]) -> tuple[float, object]:
    started = time.process_time()
    got = call()
    return time.process_time() - started, got


def _stopped_in(messages: list[str]) -> tuple[str, float, float]:
    for message in messages:
        m = _STOPPED.search(message)
        if m:
            return m.group(1), float(m.group(2)), float(m.group(3))
    raise AssertionError(f"no time budget problem among {messages}")


def test_a_slow_input_is_stopped_in_the_stage_that_ran_out() -> None:
    raw = _slow()
    full, record = _cpu(lambda: parse_input(Input("slow.txt", raw), time_budget=None))
    assert not [p for p in record.problems if p.severity == "error"]  # type: ignore[attr-defined]
    budget = full / 10
    spent, stopped = _cpu(lambda: parse_input(Input("slow.txt", raw), time_budget=budget))
    problems = [p for p in stopped.problems if p.code == "time_budget"]  # type: ignore[attr-defined]
    assert len(problems) == 1 and problems[0].severity == "error"
    stage, used, allowed = _stopped_in([problems[0].message])
    assert stage in STAGES[:-1] and allowed == pytest.approx(budget, rel=0.01) and used >= budget * 0.99
    assert not stopped.items and stopped.source.sha256 == record.source.sha256  # type: ignore[attr-defined]
    assert spent < full / 2, f"the work went on: {spent:.3f} CPU s of {full:.3f} with a budget of {budget:.3f}"


def test_a_stage_is_interrupted_in_its_middle_not_only_between_stages() -> None:
    """One stage of a 4 MB HTML document (its items) takes about half of the parse. In a thread, where no
    signal comes, the checks between stages stop the parse only when that stage ends; in the main thread
    the CPU-time signal stops it in the middle, soon after the budget (a tenth of the parse)."""
    raw = b"<html><body>" + b"<p>Item 8.01 Other Events. The Company <b>announced</b> results.</p>" * 60_000
    full, _ = _cpu(lambda: parse_filing(raw, events=False))
    budget = full / 10
    spent, stopped = _cpu(lambda: parse_input(Input("slow.htm", raw), events=False, time_budget=budget))
    in_thread: list[float] = []

    def without_signals() -> None:
        started = time.thread_time()
        parse_input(Input("slow.htm", raw), events=False, time_budget=budget)
        in_thread.append(time.thread_time() - started)

    worker = threading.Thread(target=without_signals)
    worker.start()
    worker.join()
    stage, _, _ = _stopped_in([p.message for p in stopped.problems])  # type: ignore[attr-defined]
    assert in_thread[0] > full / 4, ("the slow stage is not long enough to tell", in_thread, full)
    assert spent < full / 4, (stage, spent, full)


def test_events_that_run_out_leave_the_record_without_them() -> None:
    parse_only, _ = _cpu(lambda: parse_filing(_deal_text("Acme"), events=False))
    with_events, whole = _cpu(lambda: parse_filing(_deal_text("Acme"), events=True))
    assert whole.events and with_events > 4 * parse_only, (parse_only, with_events)  # type: ignore[attr-defined]
    budget = parse_only + (with_events - parse_only) / 3  # spent in the events, never before them
    got = parse_input(Input("deal.txt", _deal_text("Zenith")), time_budget=budget)  # another text: no cache
    unbudgeted = parse_filing(_deal_text("Zenith"), events=False)
    assert got.items and not got.events and got.registrant == unbudgeted.registrant
    failed = [p for p in got.problems if p.code == "events_failed"]
    assert len(failed) == 1 and _stopped_in([failed[0].message])[0] == "events"
    assert not [p for p in got.problems if p.code == "time_budget"]


def test_a_budget_spent_by_the_end_of_the_events_keeps_the_whole_record() -> None:
    # without the CPU-time signal (parse_filing called directly, as a Dask thread does), events that end
    # after the budget ran out are kept: the check between the events and the last quick stage used to
    # throw the finished record away ("time budget exceeded in events", no form type, no registrant)
    parse_only, _ = _cpu(lambda: parse_filing(_deal_text("Acme"), events=False))
    with_events, _ = _cpu(lambda: parse_filing(_deal_text("Acme"), events=True))
    budget = Budget(parse_only + (with_events - parse_only) / 2)
    got = parse_filing(_deal_text("Nadir"), budget=budget)  # another text: no cache
    assert budget.spent() > budget.seconds  # the events did run past the budget
    assert got.items and got.events and got.registrant == parse_filing(_deal_text("Nadir"), events=False).registrant
    assert not [p for p in got.problems if p.severity == "error"]


def test_no_budget_and_a_generous_one_give_the_same_record() -> None:
    raw = (SAMPLES / "2000s" / "immunogen-genentech-2000-05-04.txt").read_bytes()
    plain = parse_input(Input("seed.txt", raw), time_budget=None)
    assert parse_input(Input("seed.txt", raw), time_budget=60.0) == plain
    assert parse_filing(raw, name="seed.txt", budget=Budget(60.0)) == plain


def test_a_budget_checks_between_stages_and_goes_quiet_when_finished() -> None:
    budget = Budget(1e-9)
    time.sleep(0)  # the clock moves on
    while budget.spent() <= budget.seconds:
        pass
    with pytest.raises(TimeBudgetExceeded) as caught:
        budget.enter("items")
    assert caught.value.stage == "read" and caught.value.code == "time_budget"
    budget.finish()
    budget.enter("checks")  # a finished parse is never stopped
    for bad in (0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="positive number of seconds"):
            Budget(bad)


def _corpus(folder: Path, slow: bytes) -> list[Path]:
    folder.mkdir()
    samples = [SAMPLES / "2000s" / "immunogen-genentech-2000-05-04.txt"]
    samples += sorted((SAMPLES / "2010s").glob("*.txt"))[:2]
    for path in samples:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "slow.txt").write_bytes(slow)
    return samples


def test_ingest_quarantines_the_input_that_ran_out_and_stores_the_rest(tmp_path: Path) -> None:
    """A real ``eightk ingest`` with two worker processes: the slow input is quarantined with the stage
    that ran out, the others are stored, and a second run skips the quarantined input."""
    slow = _slow()
    full, _ = _cpu(lambda: parse_input(Input("slow.txt", slow), time_budget=None))
    samples = _corpus(tmp_path / "in", slow)
    for path in samples:  # the budget is far above what an ordinary filing takes
        took, _ = _cpu(lambda path=path: parse_input(Input(path.name, path.read_bytes() + b" "), time_budget=None))
        assert took < full / 8, (path.name, took, full)
    db = tmp_path / "b.db"
    cmd = [*CLI, "ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "2", "--time-budget", f"{full / 4:.4f}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    conn = sqlite3.connect(db)
    try:
        quarantined = conn.execute("SELECT name, reason FROM quarantine").fetchall()
        stored = conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
    finally:
        conn.close()
    assert [Path(n).name for n, _ in quarantined] == ["slow.txt"] and stored == len(samples)
    assert quarantined[0][1].startswith("time_budget: ") and _stopped_in([quarantined[0][1]])[0] in STAGES
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    # a re-run stores nothing twice and says the slow input was quarantined before (still a failure: exit 1)
    assert f"{len(samples)} already stored" in again.stdout, again.stdout
    assert "0 quarantined (1 more quarantined before)" in again.stdout and again.returncode == 1, again.stdout


def test_parse_names_the_stage_and_goes_on(tmp_path: Path) -> None:
    slow = _slow(20_000)
    full, _ = _cpu(lambda: parse_input(Input("slow.txt", slow), time_budget=None))
    samples = _corpus(tmp_path / "in", slow)
    cmd = [*CLI, "parse", str(tmp_path / "in"), "--summary", "--time-budget", f"{full / 5:.4f}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    lines = [ln for ln in out.stderr.splitlines() if "time budget exceeded in" in ln]
    assert len(lines) == 1 and "slow.txt: time_budget: " in lines[0], out.stderr
    assert f"Read {len(samples) + 1} filings" in out.stdout and f"{len(samples)} clean, 1 with errors" in out.stdout


@pytest.mark.parametrize("value", ["-1", "abc", "inf", "nan", "1e999"])
def test_a_bad_time_budget_is_a_usage_error(tmp_path: Path, value: str) -> None:
    folder = str(SAMPLES / "2000s")
    for command in (["parse", folder], ["ingest", folder, "--db", str(tmp_path / "x.db")]):
        out = subprocess.run([*CLI, *command, "--time-budget", value], capture_output=True, text=True, check=False)
        assert out.returncode == 2 and "--time-budget" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert not (tmp_path / "x.db").exists()


def test_in_a_thread_the_checks_between_stages_still_stop_it() -> None:
    """Only the main thread receives signals (a Dask worker parses in threads): there the budget is
    checked between stages, and the record names the stage all the same."""
    raw = _slow(20_000)
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(parse_input(Input("slow.txt", raw), time_budget=1e-3)))
    worker.start()
    worker.join()
    [record] = got
    problems = [p for p in record.problems if p.code == "time_budget"]  # type: ignore[attr-defined]
    assert len(problems) == 1 and _stopped_in([problems[0].message])[0] in STAGES[:-1]
