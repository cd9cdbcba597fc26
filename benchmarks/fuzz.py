"""Coverage-guided fuzzing of ``parse_filing`` and of the archive reader (issue 13), for a time budget.

    .venv/bin/python benchmarks/fuzz.py [--target parse|archive] [--seconds 300] [--seed 1]

Atheris is not a dependency (it is built against libFuzzer), so the guidance is eightk's own: each
input runs under a line tracer limited to eightk's modules, and an input that reaches a line no input
reached before joins the pool that later inputs are mutated from (bytes flipped, tokens of the
SGML/HTML/8-K grammar inserted, ranges dropped or doubled, two pool inputs spliced). The pool starts
from slices of the corpus (``parse``) or from small archives of corpus filings (``archive``: .tar.gz,
.zip, .gz; each member read as a batch reads it, ``iter_inputs`` then ``parse_input``).

Prints: inputs run, exceptions (each input saved to ``--save``), lines reached, pool size. Exit status 1
when anything raised. Speed per MB is ``benchmarks/reliability.py``'s (tracing slows every input).
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eightk  # noqa: E402
from eightk import parse_filing  # noqa: E402
from eightk.read import parse_input  # noqa: E402
from eightk.sources.local import iter_inputs  # noqa: E402
from reliability import _TOKENS, _corpus_files  # noqa: E402 - the grammar's tokens and the corpus, shared

_OURS = str(Path(eightk.__file__).resolve().parent)


class Lines:
    """The (file, line) pairs of eightk's code that ran while tracing."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, int]] = set()

    def run(self, call: Callable[[], object]) -> set[tuple[str, int]]:
        reached: set[tuple[str, int]] = set()

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "line":
                reached.add((frame.f_code.co_filename, frame.f_lineno))
            return local

        def wanted(frame: FrameType, event: str, arg: Any) -> Any:
            return local if frame.f_code.co_filename.startswith(_OURS) else None

        sys.settrace(wanted)
        try:
            call()
        finally:
            sys.settrace(None)
        new = reached - self.seen
        self.seen |= reached
        return new


def _mutate(rng: random.Random, raw: bytes, pool: list[bytes]) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(raw))
        kind = rng.randrange(6)
        if kind == 0 and raw:  # flip a byte
            i = rng.randrange(len(raw))
            raw = raw[:i] + bytes([rng.randrange(256)]) + raw[i + 1 :]
        elif kind == 1:  # a grammar token
            raw = raw[:at] + rng.choice(_TOKENS) * rng.choice((1, 1, 2, 50)) + raw[at:]
        elif kind == 2:  # drop a range
            raw = raw[:at] + raw[at + rng.randint(1, 256) :]
        elif kind == 3:  # double a range
            raw = raw[:at] + raw[at : at + rng.randint(1, 256)] * rng.choice((2, 10)) + raw[at:]
        elif kind == 4:  # splice another pool input
            other = rng.choice(pool)
            raw = raw[:at] + other[rng.randint(0, len(other)) :]
        else:  # truncate
            raw = raw[:at]
    return raw[: 1 << 18]


def _parse_seeds(rng: random.Random) -> list[bytes]:
    files = _corpus_files(1 << 20)
    return [p.read_bytes()[: rng.choice((2048, 8192, 32768))] for p in rng.sample(files, min(40, len(files)))]


def _archive_seeds(rng: random.Random) -> list[bytes]:
    filings = [p.read_bytes()[:4096] for p in rng.sample(_corpus_files(1 << 20), 6)]
    tar_buf = io.BytesIO()
    with tarfile.open(fileobj=tar_buf, mode="w:gz") as tar:
        for i, data in enumerate(filings[:3]):
            info = tarfile.TarInfo(f"f{i}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    zip_buf = io.BytesIO()
    with zipfile.ZipFile(zip_buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, data in enumerate(filings[3:]):
            zf.writestr(f"f{i}.txt", data)
    return [b"T" + tar_buf.getvalue(), b"Z" + zip_buf.getvalue(), b"G" + gzip.compress(filings[0])]


def _archive_target(folder: Path) -> Callable[[bytes], object]:
    suffix = {ord("T"): ".tar.gz", ord("Z"): ".zip", ord("G"): ".gz"}

    def read(raw: bytes) -> object:
        path = folder / ("input" + suffix.get(raw[0] if raw else 0, ".tar.gz"))
        path.write_bytes(raw[1:])
        got = [parse_input(item, events=False).problems for item in iter_inputs([path])]  # as a batch reads them
        path.unlink()
        return got

    return read


def fuzz(target: str, seconds: float, seed: int, save: Path) -> dict[str, int]:
    """Run for ``seconds``; the figures as a dict."""
    rng = random.Random(seed)
    lines = Lines()
    with tempfile.TemporaryDirectory(prefix="eightk-fuzz-") as tmp:
        run: Callable[[bytes], object]
        if target == "parse":
            pool = _parse_seeds(rng)
            run = lambda raw: parse_filing(raw, events=rng.random() < 0.2)  # noqa: E731
        else:
            pool = _archive_seeds(rng)
            run = _archive_target(Path(tmp))
        stats = {"inputs": 0, "exceptions": 0, "finds": 0}
        for raw in pool:
            lines.run(lambda raw=raw: run(raw))
        deadline = time.time() + seconds
        while time.time() < deadline:
            raw = _mutate(rng, rng.choice(pool[-200:] if rng.random() < 0.7 else pool), pool)
            stats["inputs"] += 1
            try:
                new = lines.run(lambda raw=raw: run(raw))
            except Exception as exc:  # noqa: BLE001 - what the fuzzer looks for
                stats["exceptions"] += 1
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{target}-seed{seed}-{stats['inputs']}.bin").write_bytes(raw)
                print(f"  {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
                continue
            if new:
                stats["finds"] += 1
                pool.append(raw)
        stats["lines"] = len(lines.seen)
        stats["pool"] = len(pool)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", choices=("parse", "archive"), default="parse")
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", type=Path, default=Path(tempfile.gettempdir()) / "eightk-fuzz-findings")
    args = ap.parse_args(argv)
    got = fuzz(args.target, args.seconds, args.seed, args.save)
    print(f"coverage-guided fuzz of {args.target} (seed {args.seed}, {args.seconds:.0f} s)")
    print(f"  inputs run                 {got['inputs']:>10,}")
    print(f"  exceptions                 {got['exceptions']:>10,}")
    print(f"  lines of eightk reached    {got['lines']:>10,}")
    print(f"  pool (inputs with new lines) {got['pool']:>8,}  ({got['finds']:,} found by mutation)")
    return 1 if got["exceptions"] else 0


if __name__ == "__main__":
    sys.exit(main())
