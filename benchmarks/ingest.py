"""Ingest throughput of the store, end to end, through the real CLI: parse + events + store + index.

    .venv/bin/python benchmarks/ingest.py                          # the corpus, 2 workers
    .venv/bin/python benchmarks/ingest.py --generate 200000        # a generated corpus of 200,000 filings
    .venv/bin/python benchmarks/ingest.py --generate 200000 --keep /tmp/eightk-200k   # keep corpus and DB

The generated corpus replicates the real corpus filings under fresh accession numbers with perturbed
text (a few words inserted at random places, a per-copy token), packed like EDGAR's daily feed: one
``.nc.tar.gz`` bundle per 1,000 filings, under /tmp. ``eightk ingest --workers 2`` runs on it in a child
process; the script samples the resident memory of the whole process tree (writer + workers) every
0.2 s and prints filings/s, MB/s, database bytes per filing and peak RSS (per process and summed).
It asserts nothing and exits 0.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
BUNDLE = 1000
_ACC_HEADER = re.compile(rb"(ACCESSION NUMBER:\s*)\d{10}-\d{2}-\d{6}")
_ACC_TAG = re.compile(rb"(<ACCESSION-NUMBER>\s*)\d{10}-\d{2}-\d{6}")
_ACC_NAME = re.compile(r"\d{10}-\d{2}-\d{6}")


def sources(corpus: Path) -> list[Path]:
    return sorted(p for p in (corpus / "filings").iterdir() if p.is_file() and p.name != "MANIFEST.tsv")


def accession(n: int) -> str:
    return f"{9000000000 + n // 1_000_000:010d}-26-{n % 1_000_000:06d}"


def perturb(data: bytes, n: int, rng: random.Random) -> bytes:
    """A fresh accession in the header, a few inserted words in the text (after ' the ')."""
    acc = accession(n).encode()
    data = _ACC_HEADER.sub(lambda m: m.group(1) + acc, data, count=1)
    data = _ACC_TAG.sub(lambda m: m.group(1) + acc, data, count=1)
    spots = [m.start() for m in re.finditer(rb" the ", data[:200_000])]
    for pos in sorted(rng.sample(spots, min(len(spots), 5)), reverse=True):
        word = f" the kw{rng.randrange(5000)} copy{n % 997}".encode()
        data = data[:pos] + word + data[pos + 4 :]
    return data


def _bundle(job: tuple[int, int, list[str], str, int]) -> int:
    """Write one daily-feed-like bundle of filings [start, stop); return the bytes written."""
    start, stop, files, out, seed = job
    rng = random.Random(seed + start)
    blobs = {f: Path(f).read_bytes() for f in {files[i % len(files)] for i in range(start, stop)}}
    path = Path(out) / f"feed-{start // BUNDLE:05d}.nc.tar.gz"
    total = 0
    with tarfile.open(path, "w:gz", compresslevel=1) as tar:
        for i in range(start, stop):
            src = files[i % len(files)]
            data = perturb(blobs[src], i, rng)
            name = Path(src).name
            member = f"{accession(i)}.nc" if _ACC_NAME.search(name) is None else _ACC_NAME.sub(accession(i), name)
            info = tarfile.TarInfo(member)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            total += len(data)
    return total


def generate(corpus: Path, count: int, out: Path, jobs: int = 2) -> int:
    files = [str(p) for p in sources(corpus)]
    out.mkdir(parents=True, exist_ok=True)
    work = [(s, min(s + BUNDLE, count), files, str(out), 8) for s in range(0, count, BUNDLE)]
    with ProcessPoolExecutor(jobs) as pool:
        return sum(pool.map(_bundle, work))


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, max) resident bytes of a process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += children.get(p, [])
    values = [rss.get(p, 0) for p in seen]
    return sum(values), max(values, default=0)


def run_ingest(paths: list[Path], db: Path, workers: int) -> dict[str, float]:
    cmd = [sys.executable, "-m", "eightk", "ingest", *map(str, paths), "--workers", str(workers), "--db", str(db)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak_sum = peak_max = 0
    while proc.poll() is None:
        total, largest = _tree_rss(proc.pid)
        peak_sum, peak_max = max(peak_sum, total), max(peak_max, largest)
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    summary = proc.stdout.read() if proc.stdout else ""
    print(summary.strip())
    m = re.search(r"Ingested (\d+) filings \(([\d.]+) MB\)", summary)
    stored, mb = (int(m.group(1)), float(m.group(2))) if m else (0, 0.0)
    size = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())
    return {"stored": stored, "mb": mb, "seconds": seconds, "db_bytes": size, "rss_sum": peak_sum, "rss_max": peak_max}


def report(title: str, r: dict[str, float]) -> None:
    print(f"\n{title}")
    print(f"  filings stored      {r['stored']:>12,.0f}")
    print(f"  wall time           {r['seconds']:>12.1f} s (process start to exit)")
    per = r["db_bytes"] / max(r["stored"], 1)
    print(f"  throughput          {r['stored'] / r['seconds']:>12.1f} filings/s, {r['mb'] / r['seconds']:.1f} MB/s")
    print(f"  database            {r['db_bytes'] / 1e6:>12.1f} MB, {per:,.0f} bytes/filing")
    print(
        f"  peak RSS            {r['rss_sum'] / 2**20:>12.1f} MB all processes, {r['rss_max'] / 2**20:.1f} MB largest"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--generate", type=int, default=0, help="ingest a generated corpus of this many filings")
    ap.add_argument("--keep", type=Path, help="folder for the generated corpus and database (kept)")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="eightk-bench-", dir="/tmp"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if not args.generate:
            db = work / "corpus.db"
            db.unlink(missing_ok=True)
            report(f"corpus ({args.corpus / 'filings'}), {args.workers} workers",
                   run_ingest([args.corpus / "filings"], db, args.workers))  # fmt: skip
            return
        feed = work / "feed"
        if not feed.exists():
            t = time.perf_counter()
            written = generate(args.corpus, args.generate, feed)
            print(f"generated {args.generate:,} filings ({written / 1e9:.2f} GB) in {time.perf_counter() - t:.0f} s")
        db = work / "generated.db"
        for suffix in ("", "-wal", "-shm"):  # a kept folder's feed is reused; its database never is
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        r = run_ingest([feed], db, args.workers)
        report(f"generated corpus of {args.generate:,} filings (.nc.tar.gz bundles), {args.workers} workers", r)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
