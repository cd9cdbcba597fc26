"""Events on real corpus filings (in samples/) against their gold files in tests/data/events (SOURCES.tsv)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eightk import parse_filing
from eightk.model import Filing
from eightk.parse.registrant import norm_name
from tests.conftest import sample_named

DATA = Path(__file__).parent / "data" / "events"  # gold files; the filings themselves are samples
FILES = sorted(sample_named(p.name.removesuffix(".gold.json")) for p in DATA.glob("*.gold.json"))
# the fields that identify an event of each type (the benchmark scores the others)
KEYS = {
    "acquisition": ("target", "status"),
    "officer_change": ("person", "action"),
    "auditor_change": ("former", "new"),
    "earnings": ("period_end",),
    "agreement": ("counterparty",),
    "delisting": ("counterparty",),
}


def _norm(value: Any) -> Any:
    return norm_name(value) if isinstance(value, str) else value


def _key(event: dict[str, Any]) -> tuple[Any, ...]:
    if event["type"] in ("license", "collaboration", "asset_purchase"):
        return (event["type"], *sorted(_norm(p["name"]) for p in event["parties"]))
    return (event["type"], *(_norm(event.get(k)) for k in KEYS.get(event["type"], ())))


def _parse(path: Path) -> Filing:
    return parse_filing(path.read_bytes(), name=path.name)


def test_fixtures_present() -> None:
    assert len(FILES) >= 9
    for path in FILES:
        assert (DATA / f"{path.name}.gold.json").is_file(), path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:48])
def test_events_match_gold(path: Path) -> None:
    gold = json.loads((DATA / f"{path.name}.gold.json").read_text(encoding="utf-8"))["events"]
    got = _parse(path).to_dict()["events"]
    assert Counter(e["type"] for e in got) == Counter(e["type"] for e in gold)
    assert sorted(map(_key, got), key=repr) == sorted(map(_key, gold), key=repr)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:48])
def test_every_value_has_a_true_span(path: Path) -> None:
    filing = _parse(path)
    texts = {d.sequence: d.text for d in filing.documents}
    assert filing.events
    for event in filing.events:
        assert event.evidence, event.type
        for s in event.evidence:
            assert texts[s.doc][s.start : s.end] == s.quote
        for value in event.values:
            assert value.span is not None, (event.type, value.field)
            assert texts[value.span.doc][value.span.start : value.span.end] == value.span.quote
