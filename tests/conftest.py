"""Shared test setup: the sample filings, the store tests' folder of them, and the --update-golden flag."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
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
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and not p.name.endswith((".json", ".tsv", ".md")))


_STORE_LIST = ROOT / "tests" / "data" / "store"


@functools.cache
def store_data() -> Path:
    """The store/ingest/search tests' filings in one folder: the samples listed in
    tests/data/store/FILES.txt (raw bytes live once, under samples/), with that folder's README.md and
    SOURCES.tsv. Made once per test run in a temporary folder, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="eightk-store-data-"))
    atexit.register(shutil.rmtree, folder, True)
    for rel in (_STORE_LIST / "FILES.txt").read_text(encoding="utf-8").split():
        shutil.copyfile(SAMPLES / rel, folder / Path(rel).name)
    for doc in ("README.md", "SOURCES.tsv"):
        shutil.copyfile(_STORE_LIST / doc, folder / doc)
    return folder


def sample_named(name: str) -> Path:
    """The sample filing with this file name, wherever its decade folder is."""
    found = [p for p in sample_files() if p.name == name]
    if len(found) != 1:
        raise FileNotFoundError(f"no single sample named {name!r} under {SAMPLES}")
    return found[0]
