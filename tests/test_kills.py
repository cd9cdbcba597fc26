"""kill -9 at random moments of an ingest (issue 13), through the real CLI on real corpus filings: after
every kill the database passes integrity_check and keeps every row it had; a run that finishes equals
a clean run. This runs benchmarks/reliability.py's driver with 10 kills; the benchmark runs 50."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import sample_files

ROOT = Path(__file__).resolve().parent.parent


def _reliability():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reliability", ROOT / "benchmarks" / "reliability.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_random_kills_during_ingest_lose_and_duplicate_nothing() -> None:
    reliability = _reliability()
    stats = reliability.kills(count=10, files=len(sample_files()), seed=13, pool=sample_files(), batch=3)
    assert stats["kills"] == 10 and stats["killed_mid_way"] >= 1  # some kills came after a commit of their run
    assert (stats["integrity_failures"], stats["lost"], stats["duplicated"], stats["mismatched_cycles"]) == (0, 0, 0, 0)
