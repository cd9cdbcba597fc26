"""A short fuzz run (issue 13): ``parse_filing`` and the archive reader never raise past their boundary
on mutated sample filings, token soup, random bytes and damaged archives. The long run is
``benchmarks/reliability.py``; its input maker is used here, seeded with the samples."""

from __future__ import annotations

import gzip
import importlib.util
import io
import random
import tarfile
import zipfile
from pathlib import Path

from eightk import parse_filing
from eightk.read import parse_input
from eightk.sources.local import iter_inputs
from tests.conftest import ROOT, sample_files


def _maker(seed: int):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reliability", ROOT / "benchmarks" / "reliability.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    small = [p for p in sample_files() if p.stat().st_size < 400_000]
    return module.Maker(seed, small)


def test_mutated_filings_soup_and_noise_give_records_whose_quotes_hold() -> None:
    maker = _maker(seed=20261130)
    families = set()
    for i in range(13, 613):  # the first 13 are the hand-built hostile cases, run by the benchmark
        family, raw = maker.make(i)
        families.add(family)
        filing = parse_filing(raw, name=f"fuzz-{i}", events=i % 5 == 0)
        texts = {d.sequence: d.text for d in filing.documents}
        for item in filing.items:
            assert texts[item.span.doc][item.span.start : item.span.end] == item.span.quote, (i, family)
        assert filing.to_dict()["schema"] == 1
    assert families >= {"soup", "bytes", "mutated"}


def _archives(folder: Path) -> list[bytes]:
    files = [(p.name, p.read_bytes()) for p in sample_files()[:4]]
    tar_io, zip_io = io.BytesIO(), io.BytesIO()
    with tarfile.open(fileobj=tar_io, mode="w:gz") as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with zipfile.ZipFile(zip_io, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(name, data)
    return [tar_io.getvalue(), zip_io.getvalue(), gzip.compress(files[0][1])]


def test_damaged_archives_are_read_or_refused_never_raised(tmp_path: Path) -> None:
    rng = random.Random(7)
    originals = _archives(tmp_path)
    for n in range(300):
        kind = n % 3
        data = bytearray(originals[kind])
        how = rng.choice(("flip", "cut", "zero", "splice"))
        at = rng.randrange(len(data))
        if how == "flip":
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif how == "cut":
            del data[at:]
        elif how == "zero":
            data[at : at + 512] = bytes(min(512, len(data) - at))
        else:
            data[at:at] = originals[(kind + 1) % 3][: rng.randrange(1, 2000)]
        path = tmp_path / f"a{n}{('.tar.gz', '.zip', '.txt.gz')[kind]}"
        path.write_bytes(bytes(data))
        for item in iter_inputs([path]):
            record = parse_input(item, events=False)
            assert record.source.path == item.name
