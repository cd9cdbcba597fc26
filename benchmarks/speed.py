"""Speed and memory: eightk per-filing parse time over the corpus, and edgartools on the same submissions.

Usage: ``.venv/bin/python benchmarks/speed.py [--corpus PATH] [--repeats N] [--no-edgartools]``.
Prints figures only; nothing is asserted. What it measures, in one run:

1. eightk on every file of ``corpus/filings``, in this one process (one core): a warm-up pass, then
   ``--repeats`` passes; each filing's time is the median of its repeats, and includes reading its bytes
   (from the page cache after the warm-up). Figures: filings/s and MB/s (= filings, bytes over the sum of
   the per-filing medians), median/p95/max per filing, overall and by corpus format, with events
   (``parse_filing(raw, name=...)``) and without (``events=False``), the two taking turns on each file of
   each pass; and how much the events add to parse time (sums of the per-file medians).
2. Peak RSS of this process after those passes (``resource.getrusage(RUSAGE_SELF).ru_maxrss``), and of a
   fresh child that parses a synthetic submission built in /tmp from a corpus filing plus a 50 MB
   uuencoded attachment, to show that memory stays bounded whatever the input size.
3. edgartools on the corpus's full submissions (files with an SGML header):
   ``Filing.from_sgml(path).obj()``, then ``.items`` and each item's text (``obj[item]``). The two are timed
   in alternation, ``--repeats`` rounds of one edgartools pass (warm-up and timed run per file) then one
   eightk pass, and each side's per-file time is its median over the rounds: on a shared, noisy machine a
   slow spell then slows both sides, not whichever ran during it. edgartools memoizes ``Filing.html()``,
   ``.text()`` … by accession number across instances, so those per-filing caches are cleared before every
   run; the first (cold) run is shown too. It runs in a child process under edgartools' own venv
   (``--edgartools-python``, default /work/venv-bench/bin/python) with the network cut by ``unshare -n``
   (``unshare -rn`` when not root), so that any file on which it reaches for EDGAR fails instead of
   downloading. Its failures are caught per file and reported with the reason. The headline is the median,
   over the files both could parse, of edgartools' time divided by eightk's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from binascii import b2a_uu
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    DEFAULT_CORPUS,
    NO_PARSER_MESSAGE,
    CorpusFile,
    ParseFiling,
    corpus_files,
    load_parse_filing,
)

EDGARTOOLS_PYTHON = Path("/work/venv-bench/bin/python")
EDGAR_IDENTITY = "eightk-bench bench@example.com"
ATTACHMENT_MB = 50
PER_FILE_TIMEOUT_S = 120

# ---------------------------------------------------------------------------
# eightk, in this process


@dataclass(slots=True)
class Timings:
    """Per-file median seconds (files that raised are in ``errors`` instead)."""

    seconds: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _time_one(parse: Callable[[bytes, str], object], path: Path) -> float:
    start = time.perf_counter()
    parse(path.read_bytes(), path.name)
    return time.perf_counter() - start


def time_eightk(
    files: Sequence[CorpusFile], parses: Sequence[Callable[[bytes, str], object]], repeats: int
) -> list[Timings]:
    """One ``Timings`` per parser in ``parses``. The parsers take turns on each file of each pass (a
    warm-up pass, then ``repeats`` timed ones), so that a slow spell of a shared machine slows each of them,
    not whichever ran during it; a file's time is the median of its timed passes."""
    outs = [Timings() for _ in parses]
    samples: list[dict[str, list[float]]] = [{} for _ in parses]
    for rep in range(repeats + 1):  # pass 0 is the warm-up
        for cf in files:
            name = cf.path.name
            for parse, out, got in zip(parses, outs, samples, strict=True):
                if name in out.errors:
                    continue
                try:
                    t = _time_one(parse, cf.path)
                except Exception as exc:  # a benchmark reports a crash as a result and goes on
                    out.errors[name] = f"{type(exc).__name__}: {exc}"
                    continue
                if rep:
                    got.setdefault(name, []).append(t)
    for out, got in zip(outs, samples, strict=True):
        for cf in files:
            name = cf.path.name
            if name in got and name not in out.errors:
                out.seconds[name] = statistics.median(got[name])
                out.sizes[name] = cf.path.stat().st_size
                out.formats[name] = cf.format or "?"
    return outs


def _summary_row(label: str, names: Iterable[str], t: Timings, errors: int) -> str:
    names = list(names)
    secs = sorted(t.seconds[n] for n in names)
    if not secs:
        return f"{label:<24} {'-':>9} {'-':>7} {'-':>9} {'-':>8} {'-':>8} {len(names):>5} {errors:>6}"
    total = sum(secs)
    mb = sum(t.sizes[n] for n in names) / 1e6
    p95 = secs[min(len(secs) - 1, int(0.95 * len(secs)))]
    return (
        f"{label:<24} {len(secs) / total:>9.1f} {mb / total:>7.2f} {1e3 * statistics.median(secs):>9.2f}"
        f" {1e3 * p95:>8.2f} {1e3 * secs[-1]:>8.2f} {len(secs):>5} {errors:>6}"
    )


def print_eightk(label: str, t: Timings) -> None:
    heads = ("filings/s", "MB/s", "median ms", "p95 ms", "max ms", "files", "errors")
    widths = (9, 7, 9, 8, 8, 5, 6)
    print(f"{label:<24} " + " ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    print(_summary_row("  all files", t.seconds, t, len(t.errors)))
    for fmt in sorted(set(t.formats.values())):
        names = [n for n, f in t.formats.items() if f == fmt]
        print(_summary_row(f"  {fmt}", names, t, 0))
    for name, err in t.errors.items():
        print(f"  error: {name}: {err}")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# ---------------------------------------------------------------------------
# The synthetic 50 MB attachment, parsed in a fresh child


def build_big_submission(source: Path, megabytes: int, directory: Path) -> Path:
    """``source`` (a full submission) with one more document: ``megabytes`` MB of uuencoded random bytes.

    Written piece by piece, so that this process's peak RSS (which a child inherits on Linux) stays small.
    """
    raw = source.read_bytes()
    rng = random.Random(8)
    chunk = b"".join(b2a_uu(rng.randbytes(45)) for _ in range(1000))  # 1000 lines of 61 bytes + newline
    cut = raw.rfind(b"</SEC-DOCUMENT>")
    cut = cut if cut >= 0 else len(raw)
    out = directory / f"big-{megabytes}mb-{source.name}"
    with out.open("wb") as fh:
        fh.write(raw[:cut])
        fh.write(
            b"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>99\n<FILENAME>bench-attachment.pdf\n"
            b"<DESCRIPTION>synthetic uuencoded attachment\n<TEXT>\nbegin 644 bench-attachment.pdf\n"
        )
        for _ in range(max(1, (megabytes * 1_000_000) // len(chunk))):
            fh.write(chunk)
        fh.write(b"`\nend\n</TEXT>\n</DOCUMENT>\n")
        fh.write(raw[cut:])
    return out


def vm_hwm_mb() -> float | None:
    """This process's own peak RSS (Linux ``VmHWM``; unlike ru_maxrss it does not carry the parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def rss_worker(path: Path, streamed: bool = False) -> int:
    """Child mode: parse one file, print JSON with this process's RSS before and after.

    ``streamed``: read it the way the CLI and ingest do (``eightk.read.parse_paths``), which streams
    plain files above 32 MB instead of holding their bytes."""
    parse_filing = load_parse_filing()
    if parse_filing is None:
        print(json.dumps({"error": NO_PARSER_MESSAGE}))
        return 0
    base = peak_rss_mb()
    start = time.perf_counter()
    if streamed:
        from eightk.read import parse_paths

        raw = b""
        after_read = base
        filing = next(iter(parse_paths([path])))
    else:
        raw = path.read_bytes()
        after_read = peak_rss_mb()
        filing = parse_filing(raw, name=path.name)
    seconds = time.perf_counter() - start
    docs = [(d.sequence, d.format, d.bytes, d.text_chars) for d in filing.documents]
    problems = [f"{p.severity}:{p.code}" for p in filing.problems]
    result = {
        "bytes": filing.source.bytes,
        "seconds": seconds,
        "rss_after_import_mb": base,
        "rss_after_read_mb": after_read,
        "peak_rss_mb": peak_rss_mb(),
        "vm_hwm_mb": vm_hwm_mb(),
        "documents": docs,
        "problems": problems,
    }
    print(json.dumps(result))
    return 0


def run_big(corpus_file: Path, megabytes: int = ATTACHMENT_MB, streamed: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="eightk-bench-", dir="/tmp") as tmp:
        big = build_big_submission(corpus_file, megabytes, Path(tmp))
        flag = "--_rss-worker-streamed" if streamed else "--_rss-worker"
        cmd = [sys.executable, str(Path(__file__).resolve()), flag, str(big)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        size = big.stat().st_size
    how = "read as the CLI reads files (streamed)" if streamed else "parsed from bytes in memory"
    print(f"\nsynthetic submission ({size / 1e6:.1f} MB): {corpus_file.name}", end="")
    print(f" + a {megabytes} MB uuencoded attachment, {how}, in a fresh process")
    try:
        r = json.loads(proc.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        print(f"  child failed (exit {proc.returncode}): {proc.stderr.strip()[-800:]}")
        return
    if "error" in r:
        print(f"  {r['error']}")
        return
    print(
        f"  parse {r['seconds']:.2f} s; RSS after imports {r['rss_after_import_mb']:.0f} MB,"
        f" after reading the bytes {r['rss_after_read_mb']:.0f} MB, peak {r['peak_rss_mb']:.0f} MB"
        f" (ru_maxrss; VmHWM {r['vm_hwm_mb'] or 0:.0f} MB)"
    )
    print(f"  documents (sequence, format, bytes, text chars): {r['documents']}")
    print(f"  problems: {r['problems'] or 'none'}")


# ---------------------------------------------------------------------------
# edgartools, in a child process with its own venv and no network


def _describe_failure(exc: BaseException) -> str:
    """The exception, the deepest edgartools frame it came from, and the Filing method that led there."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/edgar/" in f.filename]
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}" if frames else ""
    entry = next((f for f in frames if f.name in ("html", "homepage", "text", "sgml")), None)
    via = f" (via {entry.name})" if entry else ""
    return f"{type(exc).__name__}: {str(exc)[:160]}{where}{via}"


def edgartools_worker(paths: Sequence[str], repeats: int, out: Path) -> int:
    """Child mode (edgartools' venv): time each file, write JSON to ``out``. Imports nothing of eightk."""
    import signal
    import warnings
    from importlib.metadata import version

    warnings.simplefilter("ignore")
    from edgar import Filing

    # Filing.html(), .text(), .parse() … are lru_caches on the class, keyed by accession number: without
    # clearing them, every repeat after the first would get the previous run's html and text for free.
    per_filing_caches = [f for f in vars(Filing).values() if hasattr(f, "cache_clear")]

    def run(path: str) -> tuple[list[str], int]:
        for cached in per_filing_caches:
            cached.cache_clear()
        obj = Filing.from_sgml(path).obj()
        items = list(obj.items)
        chars = sum(len(obj[item] or "") for item in items)
        return items, chars

    def on_alarm(_sig: int, _frame: object) -> None:
        raise TimeoutError(f"no result after {PER_FILE_TIMEOUT_S} s")

    signal.signal(signal.SIGALRM, on_alarm)
    results: dict[str, Any] = {
        "version": version("edgartools"),
        "cleared": sorted(getattr(f, "__name__", "?") for f in per_filing_caches),
        "files": {},
    }
    for path in paths:
        name = Path(path).name
        signal.alarm(PER_FILE_TIMEOUT_S)
        try:
            start = time.perf_counter()
            items, chars = run(path)  # warm-up
            first = time.perf_counter() - start
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                run(path)
                times.append(time.perf_counter() - start)
            results["files"][name] = {
                "seconds": statistics.median(times),
                "first": first,
                "items": items,
                "chars": chars,
            }
        except Exception as exc:  # every failure of the other library is a result, reported per file
            results["files"][name] = {"error": _describe_failure(exc)}
        finally:
            signal.alarm(0)
    out.write_text(json.dumps(results))
    return 0


def run_edgartools(files: Sequence[CorpusFile], repeats: int, python: Path) -> dict[str, Any] | None:
    if not python.exists():
        print(f"\nedgartools: {python} not found (see benchmarks/README.md); skipped")
        return None
    unshare = shutil.which("unshare")
    if unshare is None:
        print("\nedgartools: `unshare` not found, cannot cut the network; skipped")
        return None
    with tempfile.TemporaryDirectory(prefix="eightk-bench-edgar-", dir="/tmp") as tmp:
        out = Path(tmp) / "edgartools.json"
        env = dict(os.environ, EDGAR_IDENTITY=EDGAR_IDENTITY, EDGAR_LOCAL_DATA_DIR=str(Path(tmp) / "edgar-data"))
        env.pop("PYTHONPATH", None)
        # As root a new network namespace is enough; otherwise map the user to root in a user namespace.
        cut = [unshare, "-n"] if os.geteuid() == 0 else [unshare, "-r", "-n"]
        cmd = [*cut, str(python), str(Path(__file__).resolve()), "--_edgartools-worker"]
        cmd += ["--repeats", str(repeats), "--out", str(out)] + [str(cf.path) for cf in files]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode != 0 or not out.exists():
            print(f"\nedgartools: the child failed (exit {proc.returncode}): {proc.stderr.strip()[-800:]}")
            return None
        result: dict[str, Any] = json.loads(out.read_text())
        return result


def print_comparison(result: dict[str, Any], with_events: Timings, without: Timings) -> None:
    files: dict[str, dict[str, Any]] = result["files"]
    ran = {n: r for n, r in files.items() if "seconds" in r}
    failed = {n: r["error"] for n, r in files.items() if "error" in r}
    both = [n for n in ran if n in with_events.seconds and n in without.seconds]
    print(
        f"\nedgartools {result['version']} (Filing.from_sgml(path).obj(), .items, obj[item] for each),"
        f" network cut with unshare -n: ran on {len(ran)} of {len(files)} headered submissions;"
        " timed in alternation with eightk (per-file medians over the rounds)"
    )
    print(f"(lru_caches of Filing cleared before every run: {', '.join(result['cleared'])})")
    print(f"{'file':<62} {'eightk ms':>9} {'edgar ms':>9} {'ratio':>7} {'1st run':>8}  edgartools items")
    ratios, ratios_no_events = [], []
    for n in both:
        e, k = ran[n]["seconds"], with_events.seconds[n]
        ratios.append(e / k)
        ratios_no_events.append(e / without.seconds[n])
        first, items = 1e3 * ran[n]["first"], ", ".join(ran[n]["items"])
        print(f"{n[:62]:<62} {1e3 * k:>9.2f} {1e3 * e:>9.2f} {e / k:>6.1f}x {first:>8.1f}  {items}")
    if ratios:
        print(
            f"median per-filing ratio edgartools/eightk over {len(ratios)} files:"
            f" {statistics.median(ratios):.1f}x (eightk with events),"
            f" {statistics.median(ratios_no_events):.1f}x (events=False)"
        )
    if failed:
        print(f"edgartools failed on {len(failed)} file(s):")
        for n, why in failed.items():
            print(f"  {n}: {why}")


# ---------------------------------------------------------------------------


def _parsers(
    parse_filing: ParseFiling,
) -> tuple[Callable[[bytes, str], object], Callable[[bytes, str], object]]:
    def with_events(raw: bytes, name: str) -> object:
        return parse_filing(raw, name=name)

    def without_events(raw: bytes, name: str) -> object:
        return parse_filing(raw, name=name, events=False)

    return with_events, without_events


def main(argv: Iterable[str] | None = None, parse_filing: ParseFiling | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)")
    ap.add_argument("--repeats", type=int, default=5, help="timed passes after the warm-up (default: 5)")
    ap.add_argument("--no-edgartools", action="store_true", help="skip the edgartools comparison")
    ap.add_argument("--edgartools-python", type=Path, default=EDGARTOOLS_PYTHON, help="default: %(default)s")
    ap.add_argument("--_rss-worker", dest="rss_worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--_rss-worker-streamed", dest="rss_worker_streamed", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--_edgartools-worker", dest="edgar_worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.edgar_worker:
        return edgartools_worker(args.paths, args.repeats, args.out)
    if args.rss_worker:
        return rss_worker(args.rss_worker)
    if args.rss_worker_streamed:
        return rss_worker(args.rss_worker_streamed, streamed=True)

    files = corpus_files(args.corpus)
    headered = [cf for cf in files if cf.has_sec_header]
    total_mb = sum(cf.path.stat().st_size for cf in files) / 1e6
    print(f"eightk speed — {len(files)} files ({total_mb:.1f} MB, {len(headered)} full submissions)", end="")
    print(f" from {args.corpus}")
    print(
        f"Python {platform.python_version()} on {platform.machine()}, one process, perf_counter,"
        f" warm-up pass + median of {args.repeats} repeats per filing (time includes reading the file)\n"
    )
    parse_filing = parse_filing or load_parse_filing()
    with_events = without = Timings()
    if parse_filing is None:
        print(NO_PARSER_MESSAGE)
    else:
        ev, no_ev = _parsers(parse_filing)
        without, with_events = time_eightk(files, (no_ev, ev), args.repeats)
        print_eightk("eightk, events=False", without)
        print_eightk("eightk, with events", with_events)
        both = [n for n in without.seconds if n in with_events.seconds]
        parse_s, events_s = sum(without.seconds[n] for n in both), sum(with_events.seconds[n] for n in both)
        print(f"\nevents add {100 * (events_s / parse_s - 1):.0f}% to parse time ({len(both)} files, sums of the")
        print("per-file medians, the two parses taking turns on each file)")
        print(f"\npeak RSS of this process after the corpus passes: {peak_rss_mb():.0f} MB")
        if headered:
            smallest = min(headered, key=lambda cf: cf.path.stat().st_size)
            run_big(smallest.path)
            run_big(smallest.path, 500, streamed=True)
    if not args.no_edgartools and headered and parse_filing is not None:
        compared = compare_interleaved(headered, _parsers(parse_filing), args.repeats, args.edgartools_python)
        if compared is not None:
            print_comparison(*compared)
    return 0


def compare_interleaved(
    files: Sequence[CorpusFile],
    parsers: tuple[Callable[[bytes, str], object], Callable[[bytes, str], object]],
    rounds: int,
    python: Path,
) -> tuple[dict[str, Any], Timings, Timings] | None:
    """edgartools and eightk timed in alternation: each round is one edgartools pass (a child process,
    one warm-up and one timed run per file) followed by one eightk pass with and one without events.
    Each side's per-file time is its median over the rounds, so a slow spell of this shared machine
    falls on both sides instead of on whichever ran during it."""
    runs: list[dict[str, Any]] = []
    samples: tuple[dict[str, list[float]], dict[str, list[float]]] = ({}, {})
    for _ in range(rounds):
        result = run_edgartools(files, 1, python)
        if result is None:
            return None
        runs.append(result)
        for parse, got in zip(parsers, samples, strict=True):
            for cf in files:
                got.setdefault(cf.path.name, []).append(_time_one(parse, cf.path))
    merged: dict[str, Any] = {"version": runs[0]["version"], "cleared": runs[0]["cleared"], "files": {}}
    for name, first in runs[0]["files"].items():
        tries = [r["files"].get(name, {"error": "missing from a round"}) for r in runs]
        error = next((t["error"] for t in tries if "error" in t), None)
        merged["files"][name] = {"error": error} if error else {
            **first, "seconds": statistics.median(t["seconds"] for t in tries)
        }  # fmt: skip
    with_events, without = Timings(), Timings()
    for t, got in zip((with_events, without), samples, strict=True):
        t.seconds = {name: statistics.median(v) for name, v in got.items()}
    return merged, with_events, without


if __name__ == "__main__":
    sys.exit(main())
