"""Shared test setup: the sample filings and the --update-golden flag."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "2000s" / "immunogen-genentech-2000-05-04.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite samples/**/*.expected.json from the current parser (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def sample_files() -> list[Path]:
    """Every raw filing under samples/ (not the expected JSON, not SOURCES.tsv)."""
    return sorted(
        p for p in SAMPLES.rglob("*") if p.is_file() and not p.name.endswith((".json", ".tsv", ".md"))
    )
