"""Reliability under hostile input and crashes (issue 13): fuzz the parser, kill ingests, print figures.

    .venv/bin/python benchmarks/reliability.py [--seconds 300] [--kills 50] [--seed 1] [--files 120]

1. **Fuzz** (``--seconds``): ``parse_filing`` in a child process over inputs made from the corpus and
   from nothing: mutated real filings (truncated anywhere, tags dropped or doubled, two filings
   spliced, blocks repeated, encodings mixed, giant lines, 10^5-deep nesting, 10^4–10^5 documents,
   entity declarations, giant numeric references), token soup, random bytes, and the hand-built
   hostile cases of issue 13. Input ``i`` of seed ``s`` is made from ``Random(f"{s}:{i}")`` alone, so
   any input the run reports can be made again. Every tenth input runs with events (the extraction
   layer), the rest without. An input that raises, or takes over 2 s per MB, is written to ``--save``.
   Seconds are the parsing process's CPU seconds (on a shared machine, wall time measures the
   neighbours); an input under 50 KB counts as 50 KB (a fixed cost is not a rate). An input still
   running after ``--hang`` seconds is counted, saved, and its process replaced.
2. **Kills** (``--kills``): ``eightk ingest`` of ``--files`` corpus filings (and a few broken ones),
   killed with SIGKILL after a random delay, again and again; after each kill ``PRAGMA
   integrity_check`` must say ok and no stored row may have gone. A run that finishes before its kill
   ends a cycle: its database must equal a clean run's (inputs, filings, quarantine, full-text rows),
   and a new cycle starts from an empty database.

Prints: inputs fuzzed (by family), exceptions, inputs over 2 s per MB, max seconds per MB, peak RSS,
kills survived, integrity failures, rows lost and duplicated. Exit status 1 when any of those is not 0.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "filings"
SLOW = 2.0  # seconds per MB
FLOOR_MB = 0.05

# ---------------------------------------------------------------------------------------------------
# Inputs

_TOKENS = [
    b"<DOCUMENT>\n",
    b"</DOCUMENT>\n",
    b"<TYPE>8-K\n",
    b"<TYPE>EX-99.1\n",
    b"<TYPE>EX-101.INS\n",
    b"<SEQUENCE>1\n",
    b"<TEXT>\n",
    b"</TEXT>\n",
    b"<SEC-HEADER>\n",
    b"</SEC-HEADER>\n",
    b"<SUBMISSION>\n",
    b"<FILER>\n",
    b"CENTRAL INDEX KEY:\t0000320193\n",
    b"COMPANY CONFORMED NAME:\tACME CORP\n",
    b"ITEM INFORMATION:\tOther Events\n",
    b"CONFORMED PERIOD OF REPORT:\t20200101\n",
    b"<html>",
    b"<body>",
    b"<p>",
    b"</p>",
    b'<div style="display:none">',
    b"</div>",
    b"<td>",
    b"<tr>",
    b"<table>",
    b'<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">',
    b"<ix:header>",
    b'<ix:nonNumeric name="dei:EntityRegistrantName">',
    b'<ix:nonNumeric name="dei:DocumentType">',
    b"</ix:nonNumeric>",
    b"&#160;",
    b"&amp;",
    b"&#x2014;",
    b"&#" + b"9" * 40 + b";",
    b"\n",
    b"\n\n",
    b"  ",
    b"\t",
    b"Item 8.01",
    b"ITEM 5.",
    b"Item 2.02 Results of Operations",
    b"Items 1 and 2.",
    b"Other Events",
    b"SIGNATURE",
    b"SIGNATURES\n",
    b"(Registrant)",
    b"By: /s/ Jane Doe\n",
    b"Chief Executive Officer",
    b"Date: May 4, 2000",
    b"Exhibit 99.1",
    b"Press release dated",
    b"$1,000,000",
    b"$2.5 million",
    b"upfront payment",
    b"milestone",
    b"royalties",
    b"license agreement",
    b"the Company",
    b"entered into",
    b"Inc.",
    b"Corporation",
    b"- 2 -",
    b"<PAGE>",
    b"begin 644 x.jpg\n",
    b"M" + b"A" * 60 + b"\n",
    b"end\n",
    b"\x00",
    b"\xff\xfe",
    b"\xe9",
    b"\xc3\xa9",
    b"\x85",
]
_HOSTILE = [  # issue 13's one-line inputs, each a kind
    b'<DOCUMENT>\n<TYPE>EX-101.INS\n<TEXT>\n<html xmlns:ix="x"><p>Item 8.01</p></html>\n</TEXT>\n</DOCUMENT>\n',
    b"The Company completed the acquisition of " + b"ACME WIDGET " * 4000,
    b"Acme Widget Inc." + b" " * 16000 + b"announced",
    b'<html xmlns:ix="x">' + b'<ix:nonNumeric name="dei:EntityRegistrantName">' * 5000 + b"x" * 200_000,
    b'<html xmlns:ix="x">'
    + b'<ix:nonNumeric name="dei:EntityRegistrantName">' * 5000
    + b"x" * 200_000
    + b"</ix:nonNumeric>",
    b"Item 8.01 Other Events\n" * 40_000,
    b"Item 8.01 Other Events. The Company announced its results for the quarter.\n" * 100_000,
    b"<DOCUMENT>\n<SEQUENCE>1\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n" * 20_000,
    b"<DOCUMENT>\n" * 100_000,
    b"<div>" * 100_000 + b"Item 8.01 Other Events" + b"</div>" * 100_000,
    b"<p>&#" + b"1" * 5000 + b";</p>",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<html xmlns:ix="x"><ix:nonNumeric name="dei:EntityRegistrantName">&c;&e;</ix:nonNumeric></html>',
    b"\xff\xfe" + "Item 8.01 Other Events\n".encode("utf-16-le") * 1000,
]


def _corpus_files(limit_bytes: int = 3 << 20) -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and p.stat().st_size <= limit_bytes)


class Maker:
    """Input ``i`` from ``Random(f"{seed}:{i}")`` and the corpus: (family, bytes)."""

    def __init__(self, seed: int, files: list[Path] | None = None) -> None:
        self.seed = seed
        self.files = files or _corpus_files()
        self.cache: dict[Path, bytes] = {}

    def _filing(self, rng: random.Random) -> bytes:
        path = rng.choice(self.files)
        if path not in self.cache:
            if len(self.cache) > 40:
                self.cache.pop(next(iter(self.cache)))
            self.cache[path] = path.read_bytes()
        return self.cache[path]

    def make(self, i: int) -> tuple[str, bytes]:
        if i < len(_HOSTILE):
            return "hostile", _HOSTILE[i]
        rng = random.Random(f"{self.seed}:{i}")
        roll = rng.random()
        if roll < 0.55:  # small inputs, many of them: the bulk of the count
            return "soup", b"".join(rng.choice(_TOKENS) for _ in range(rng.choice((4, 30, 200))))
        if roll < 0.75:
            return "bytes", rng.randbytes(rng.choice((16, 256, 2048, 16384)))
        if roll < 0.97:  # a slice of a real filing, mutated lightly
            raw = self._filing(rng)
            a = _at(rng, raw)
            return "mutated", self._mutate(rng, raw[a : a + rng.choice((2048, 16384, 65536))], _LIGHT)
        return "mutated-heavy", self._mutate(rng, self._filing(rng), _MUTATIONS)

    def _mutate(self, rng: random.Random, raw: bytes, kinds: list) -> bytes:
        for _ in range(rng.randint(1, 3)):
            raw = rng.choice(kinds)(rng, raw, self)
            if len(raw) > 8 << 20:
                raw = raw[: 8 << 20]
        return raw


def _at(rng: random.Random, raw: bytes) -> int:
    return rng.randint(0, len(raw))


def _truncate(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    return raw[: _at(rng, raw)]


def _drop_tag(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    start = raw.find(b"<", _at(rng, raw))
    end = raw.find(b">", start)
    return raw if start < 0 or end < 0 else raw[:start] + raw[end + 1 :]


def _double_tag(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    start = raw.find(b"<", _at(rng, raw))
    end = raw.find(b">", start)
    return (
        raw
        if start < 0 or end < 0
        else raw[: end + 1] + raw[start : end + 1] * rng.choice((1, 2, 100)) + raw[end + 1 :]
    )


def _splice(rng: random.Random, raw: bytes, maker: Maker) -> bytes:
    other = maker._filing(rng)
    return raw[: _at(rng, raw)] + other[_at(rng, other) :]


def _repeat(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    a = _at(rng, raw)
    block = raw[a : a + rng.randint(1, 4096)]
    times = rng.choice((2, 10, 1000, 20_000))
    times = min(times, (4 << 20) // max(1, len(block)))
    return raw[:a] + block * times + raw[a:]


def _encoding(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    a = _at(rng, raw)
    piece = rng.choice(
        (b"\xe9\xe8\x93\x94", "caf\u00e9 \u2014 \u4e2d".encode("utf-16"), b"\xc3\x28\xa0\xa1", b"\x00" * 50)
    )
    return raw[:a] + piece + raw[a:]


def _giant_line(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    if rng.random() < 0.5:
        return raw.replace(b"\n", b" ")
    a = _at(rng, raw)
    return raw[:a] + rng.choice((b"x", b"Item 8.01 ", b"<b>", b" ")) * (1 << 20) + raw[a:]


def _nesting(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    a, depth = _at(rng, raw), rng.choice((1000, 100_000))
    tag = rng.choice((b"div", b"table", b"ix:nonNumeric", b"font"))
    return raw[:a] + (b"<" + tag + b">") * depth + raw[a:] + (b"</" + tag + b">") * depth


def _documents(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    block = rng.choice((b"<DOCUMENT>\n", b"<DOCUMENT>\n<SEQUENCE>1\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n"))
    return raw + block * rng.choice((10_000, 100_000))


def _references(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    a = _at(rng, raw)
    ref = rng.choice((b"&#" + b"9" * 5000 + b";", b"&#x" + b"f" * 3000 + b";", b"&" + b"a" * 5000 + b";"))
    return raw[:a] + ref * rng.choice((1, 100)) + raw[a:]


def _entities(rng: random.Random, raw: bytes, _: Maker) -> bytes:
    return _HOSTILE[11] + raw


_LIGHT = [_truncate, _drop_tag, _double_tag, _splice, _encoding]
_MUTATIONS = [
    _truncate, _drop_tag, _double_tag, _splice, _repeat, _encoding, _giant_line, _nesting, _documents, _references,
    _entities,
]  # fmt: skip

# ---------------------------------------------------------------------------------------------------
# Fuzzing in a child process


def _warm_up(parse: Callable[..., object]) -> None:
    """Parse the bundled samples once (with events), so that imports and first compilations of patterns
    are not charged to the first fuzz inputs' seconds per MB: the bound is on the parser's work, not on a
    process's start. At most a few seconds."""
    started = time.process_time()
    for path in sorted((REPO / "samples").rglob("*")):
        if path.is_file() and path.suffix != ".tsv" and time.process_time() - started < 5:
            parse(path.read_bytes(), name=path.name, events=True)


def _fuzz_child(conn: mp.connection.Connection, seed: int, first: int, deadline: float, events_every: int) -> None:
    from eightk import parse_filing

    _warm_up(parse_filing)
    maker = Maker(seed)
    i = first
    while time.time() < deadline:
        family, raw = maker.make(i)
        conn.send(("start", i))
        error = None
        started = time.process_time()  # CPU seconds: the other processes of a shared machine do not count
        try:
            parse_filing(raw, name=f"fuzz-{i}", events=family == "hostile" or i % events_every == 0)
        except Exception as exc:  # noqa: BLE001 - what the fuzzer looks for
            error = f"{type(exc).__name__}: {exc}"[:300]
        conn.send(("done", i, family, len(raw), time.process_time() - started, error))
        i += 1
    conn.send(("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _save(save: Path, seed: int, i: int, why: str) -> None:
    save.mkdir(parents=True, exist_ok=True)
    family, raw = Maker(seed).make(i)
    (save / f"seed{seed}-input{i}-{family}.bin").write_bytes(raw)
    with open(save / "index.tsv", "a", encoding="utf-8") as fh:
        fh.write(f"seed{seed}-input{i}-{family}.bin\t{why}\n")


def fuzz(seconds: float, seed: int, hang: float, save: Path, events_every: int = 10) -> dict:
    """Run the fuzzer for ``seconds``; the figures as a dict."""
    deadline = time.time() + seconds
    stats: dict = {"families": Counter(), "exceptions": 0, "slow": 0, "hangs": 0, "max_s_per_mb": 0.0,
                   "max_at": None, "rss_kb": 0, "errors": Counter()}  # fmt: skip
    ctx = mp.get_context("fork")
    first = 0
    while time.time() < deadline:
        here, there = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_fuzz_child, args=(there, seed, first, deadline, events_every), daemon=True)
        child.start()
        there.close()
        current = first
        while True:
            if not here.poll(hang):
                child.kill()
                stats["hangs"] += 1
                _save(save, seed, current, f"still running after {hang:.0f} s")
                first = current + 1
                break
            try:
                msg = here.recv()
            except EOFError:  # the child died (out of memory?): counted as an exception, then go on
                stats["exceptions"] += 1
                stats["errors"]["child process died"] += 1
                _save(save, seed, current, "the parsing process died")
                first = current + 1
                break
            if msg[0] == "start":
                current = msg[1]
            elif msg[0] == "done":
                _count(stats, msg, save, seed)
            else:
                stats["rss_kb"] = max(stats["rss_kb"], msg[1])
                first = current + 1
                break
        child.join(5)
        stats["rss_kb"] = max(stats["rss_kb"], resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return stats


def _count(stats: dict, msg: tuple, save: Path, seed: int) -> None:
    _, i, family, size, seconds, error = msg
    stats["families"][family] += 1
    rate = seconds / max(size / 1e6, FLOOR_MB)
    if rate > stats["max_s_per_mb"]:
        stats["max_s_per_mb"], stats["max_at"] = rate, (i, family, size, seconds)
    if error:
        stats["exceptions"] += 1
        stats["errors"][error.split(":")[0]] += 1
        _save(save, seed, i, error)
    if rate > SLOW:
        stats["slow"] += 1
        _save(save, seed, i, f"{seconds:.2f} s for {size:,} bytes")


# ---------------------------------------------------------------------------------------------------
# Kills during ingest


def _fingerprint(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        q = conn.execute
        return {
            "inputs": sorted(q("SELECT sha256, key FROM inputs").fetchall()),
            "filings": sorted(q("SELECT sha256, accession, company, date FROM filings").fetchall(), key=repr),
            "quarantine": sorted(q("SELECT name, sha256, reason FROM quarantine").fetchall()),
            "search_rows": q("SELECT COUNT(*) FROM search_rows").fetchone()[0],
            "fts": q("SELECT COUNT(*) FROM search").fetchone()[0],
        }
    finally:
        conn.close()


def _integrity(db: Path) -> tuple[bool, int, int]:
    """(integrity ok, filings stored, filings stored twice) of a database a killed ingest left."""
    if not db.exists():
        return True, 0, 0
    conn = sqlite3.connect(db, timeout=30)  # read-write: a leftover write-ahead log is recovered
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        try:
            conn.execute("INSERT INTO search(search) VALUES('integrity-check')")
        except sqlite3.DatabaseError:
            ok = False
        except sqlite3.OperationalError:
            pass  # no schema yet: killed before it was made
        try:
            n, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM filings").fetchone()
        except sqlite3.OperationalError:
            n, distinct = 0, 0
        return ok, n, n - distinct
    finally:
        conn.close()


def _folder(files: int, where: Path, seed: int, pool: list[Path]) -> Path:
    folder = where / "inputs"
    folder.mkdir()
    chosen = random.Random(seed).sample(pool, min(files, len(pool)))
    for path in chosen:
        os.symlink(path, folder / path.name)
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 64)
    (folder / "noise.bin.txt").write_bytes(random.Random(seed).randbytes(5000))
    return folder


def _ingest(folder: Path, db: Path, batch: int = 20) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "eightk",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--workers",
        "2",
        "--batch",
        str(batch),
    ]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _reap(proc: subprocess.Popen[bytes]) -> None:
    """Wait for the killed writer and for its workers, which leave by themselves."""
    proc.wait(30)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)  # counted nowhere: the ingest tests check that workers leave


def _stored(db: Path) -> int:
    """Filings the database holds now, read without writing (0 before its schema is made)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    except sqlite3.OperationalError:
        return 0
    try:
        return int(conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def _wait_for_commit(proc: subprocess.Popen[bytes], db: Path, stored: int, limit: float) -> None:
    """Returns once the ingest ``proc`` has committed filings beyond ``stored`` (or ended, or ``limit``
    seconds passed): the moment to kill it mid-way."""
    deadline = time.perf_counter() + limit
    while proc.poll() is None and time.perf_counter() < deadline and _stored(db) <= stored:
        time.sleep(0.02)


def kills(count: int, files: int, seed: int, pool: list[Path] | None = None, batch: int = 20) -> dict:
    """Kill ``count`` ingests of ``files`` filings drawn from ``pool`` (default: the corpus), committing
    every ``batch`` inputs, at random moments; the figures as a dict."""
    rng = random.Random(seed)
    stats = {"kills": 0, "integrity_failures": 0, "lost": 0, "duplicated": 0, "cycles": 0, "mismatched_cycles": 0,
             "killed_mid_way": 0}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="eightk-reliability-") as tmp:
        work = Path(tmp)
        folder = _folder(files, work, seed, pool or _corpus_files())
        clean = work / "clean.db"
        started = time.perf_counter()
        _ingest(folder, clean, batch).wait()
        clean_seconds = time.perf_counter() - started
        want = _fingerprint(clean)
        db = work / "killed.db"
        stored = 0
        while stats["kills"] < count:
            proc = _ingest(folder, db, batch)
            try:  # past the start-up (about a quarter of a clean run), before a whole run could end
                if stats["kills"] % 2:  # every other kill right after a commit of this run: on a loaded machine
                    _wait_for_commit(proc, db, stored, 3 * clean_seconds)  # random moments may all come before one
                    proc.wait(0)  # still running: TimeoutExpired, killed now
                else:
                    proc.wait(rng.uniform(0.25, 0.9) * clean_seconds)
                finished = True
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                _reap(proc)
                finished = False
                stats["kills"] += 1
            ok, now, twice = _integrity(db)
            stats["killed_mid_way"] += not finished and stored < now
            stats["integrity_failures"] += not ok
            stats["lost"] += max(0, stored - now)
            stats["duplicated"] += twice
            stored = now
            if finished:
                stats["cycles"] += 1
                got = _fingerprint(db)
                stats["mismatched_cycles"] += got != want
                stats["lost"] += max(0, len(want["filings"]) - len(got["filings"]))
                stats["duplicated"] += max(0, len(got["filings"]) - len(want["filings"]))
                for path in work.glob("killed.db*"):
                    path.unlink()
                stored = 0
    return stats


# ---------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300, help="fuzzing time budget (default 300)")
    ap.add_argument("--kills", type=int, default=50, help="kill -9s during ingest (default 50)")
    ap.add_argument("--files", type=int, default=120, help="corpus filings per ingest in the kill test")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hang", type=float, default=60, help="seconds after which one input counts as a hang")
    ap.add_argument("--save", type=Path, default=Path(tempfile.gettempdir()) / "eightk-fuzz-findings")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    f = fuzz(args.seconds, args.seed, args.hang, args.save) if args.seconds > 0 else None
    k = kills(args.kills, args.files, args.seed) if args.kills > 0 else None
    print(f"reliability (seed {args.seed}, {time.perf_counter() - started:.0f} s)")
    bad = 0
    if f is not None:
        total = sum(f["families"].values())
        fams = ", ".join(f"{n} {c:,}" for n, c in sorted(f["families"].items()))
        print(f"  inputs fuzzed              {total:>12,}  ({fams}) in {args.seconds:.0f} s")
        print(f"  exceptions                 {f['exceptions']:>12,}  {dict(f['errors']) or ''}")
        print(f"  inputs over {SLOW:.0f} s per MB      {f['slow']:>12,}  (CPU s; under 50 KB counted as 50 KB)")
        print(f"  hangs (over {args.hang:.0f} s)         {f['hangs']:>12,}")
        print(f"  max seconds per MB         {f['max_s_per_mb']:>12.2f}  (input, family, bytes, s: {f['max_at']})")
        print(f"  peak RSS of the parser     {f['rss_kb'] / 1024:>12.0f} MB")
        bad += f["exceptions"] + f["slow"] + f["hangs"]
        if f["exceptions"] + f["slow"] + f["hangs"]:
            print(f"  inputs found are in {args.save}")
    if k is not None:
        print(f"  kills survived             {k['kills']:>12,}  ({k['killed_mid_way']} after a commit of the same run; "
              f"{k['cycles']} ingests ran to the end in between)")  # fmt: skip
        print(f"  integrity_check failures   {k['integrity_failures']:>12,}")
        print(f"  rows lost                  {k['lost']:>12,}")
        print(f"  rows duplicated            {k['duplicated']:>12,}")
        print(f"  finished runs unlike clean {k['mismatched_cycles']:>12,}")
        bad += k["integrity_failures"] + k["lost"] + k["duplicated"] + k["mismatched_cycles"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
