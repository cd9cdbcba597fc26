"""Search latency of the store: single words, phrases and filtered queries, p50/p95, and an extrapolation.

    .venv/bin/python benchmarks/search.py --db /tmp/eightk-200k/generated.db   # made by benchmarks/ingest.py
    .venv/bin/python benchmarks/search.py --db BIG.db --smaller SMALL.db       # and extrapolate to 2.2M filings

Each query runs ``--repeats`` times through ``Store.search`` (filters, ranking, snippets, limit 20) on
the database; the first run of each query is reported apart (cold), the others give the median per
query and p50/p95 per kind. With ``--smaller`` (a database of the same corpus at a smaller size, e.g.
100,000 of the same generated filings), every query is also timed there, its growth exponent
``a = log(t_big / t_small) / log(n_big / n_small)`` is measured (at least 0), and its latency at the
full EDGAR 8-K archive (about 2.2 million filings) is estimated as ``t_big * (2.2M / n_big) ** a``.
It asserts nothing and exits 0.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import time
from pathlib import Path
from typing import Any

from eightk.api import open_store
from eightk.errors import SearchError

ARCHIVE = 2_200_000
WORDS = ["agreement", "company", "revenue", "dividend", "resignation", "merger", "auditor", "bankruptcy",
         "maytansinoid", "herceptin", "kw1234", "kw77", "copy123"]  # fmt: skip
PHRASES = ['"chief executive officer"', '"press release"', '"definitive agreement"', '"board of directors"',
           '"exclusively licensed"', '"results of operations"', '"forward looking statements"']  # fmt: skip


def filtered(store: Any, rng: random.Random) -> list[tuple[str, dict[str, Any]]]:
    ciks = [r[0] for r in store.conn.execute("SELECT DISTINCT cik FROM filings WHERE cik IS NOT NULL LIMIT 200")]
    out: list[tuple[str, dict[str, Any]]] = [
        ("agreement", {"item": "1.01"}),
        ("officer", {"item": "5.02"}),
        ("results", {"item": "2.02", "date_from": "2015-01-01", "date_to": "2019-12-31"}),
        ("revenue", {"date_from": "2020-01-01"}),
        ("announced", {"item": "5"}),
        ("appointed", {"event": "officer_change"}),
        ("license", {"min_amount": 1_000_000, "amount_field": "upfront"}),
        ("quarter", {"company": "amazon"}),
        ("quarter", {"ticker": "NVDA"}),
        ('"press release"', {"form": "8-K", "date_to": "2010-12-31"}),
    ]
    out += [("agreement", {"cik": c}) for c in rng.sample(ciks, min(5, len(ciks)))]
    return out


def matches(store: Any, query: str) -> int:
    row = store.conn.execute("SELECT COUNT(*) FROM search WHERE search MATCH ?", (query,)).fetchone()
    return int(row[0])


def timed(store: Any, query: str, filters: dict[str, Any], repeats: int) -> tuple[float, list[float], int]:
    times = []
    hits = 0
    for _ in range(repeats):
        t = time.perf_counter()
        try:
            hits = len(store.search(query, limit=20, **filters))
        except SearchError as exc:
            print(f"  {query!r}: {exc}")
            return 0.0, [0.0], 0
        times.append((time.perf_counter() - t) * 1000)
    return times[0], times[1:] or times, hits


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


Query = tuple[str, dict[str, Any]]


def measure(store: Any, queries: list[Query], repeats: int) -> list[tuple[float, float, int, int]]:
    """Per query: (first run ms, median of the other runs ms, hits, matching texts)."""
    out = []
    for query, filters in queries:
        first, rest, hits = timed(store, query, filters, repeats)
        out.append((first, statistics.median(rest), hits, matches(store, query)))
    return out


def describe(query: str, filters: dict[str, Any]) -> str:
    return (query + (" " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else ""))[:60]


def report(kind: str, queries: list[Query], big: list[tuple[float, float, int, int]], small: Any, sizes: Any) -> None:
    print(f"\n{kind}")
    predicted = []
    for i, (query, filters) in enumerate(queries):
        first, median, hits, m = big[i]
        line = f"  {describe(query, filters):<60} {m:>9,} texts {hits:>3} hits {median:7.1f} ms"
        if small is not None:
            n_small, n_big = sizes
            t_small = max(small[i][1], 0.05)
            ratio = math.log(n_big / n_small) if n_big > n_small else 0.0
            growth = max(0.0, math.log(max(median, 0.05) / t_small) / ratio) if ratio else 0.0
            predicted.append(median * (ARCHIVE / n_big) ** growth)
            line += f"  (smaller DB {t_small:6.1f} ms, exponent {growth:4.2f}, at 2.2M ~{predicted[-1]:7.1f} ms)"
        print(line)
    warm = [b[1] for b in big]
    cold = [b[0] for b in big]
    print(f"  => p50 {pct(warm, 50):.1f} ms, p95 {pct(warm, 95):.1f} ms, max {max(warm):.1f} ms (medians of warm runs);"
          f" first runs p50 {pct(cold, 50):.1f} ms, p95 {pct(cold, 95):.1f} ms")  # fmt: skip
    if predicted:
        p50, p95 = pct(predicted, 50), pct(predicted, 95)
        print(f"     extrapolated to {ARCHIVE:,} filings: p50 {p50:.1f} ms, p95 {p95:.1f} ms")


def describe_db(store: Any, path: Path) -> int:
    n = int(store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0])
    texts = store.conn.execute("SELECT COUNT(*) FROM search_rows").fetchone()[0] or 0
    size = sum(Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists())
    print(f"{path}: {n:,} filings, {texts:,} indexed texts, {size / 1e9:.2f} GB ({size / max(n, 1):,.0f} B/filing)")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--smaller", type=Path, help="the same corpus at a smaller size, to extrapolate")
    ap.add_argument("--repeats", type=int, default=6)
    args = ap.parse_args()
    with open_store(args.db) as store:
        n_big = describe_db(store, args.db)
        kinds = {
            "single words": [(w, {}) for w in WORDS],
            "phrases": [(p, {}) for p in PHRASES],
            "filtered queries": filtered(store, random.Random(4)),
        }
        big = {k: measure(store, q, args.repeats) for k, q in kinds.items()}
    small: dict[str, Any] = {k: None for k in kinds}
    sizes = None
    if args.smaller:
        with open_store(args.smaller) as store:
            sizes = (describe_db(store, args.smaller), n_big)
            small = {k: measure(store, q, args.repeats) for k, q in kinds.items()}
    for kind, queries in kinds.items():
        report(kind, queries, big[kind], small[kind], sizes)
    everything = [b[1] for k in kinds for b in big[k]]
    print(f"\nall queries: p50 {pct(everything, 50):.1f} ms, p95 {pct(everything, 95):.1f} ms at {n_big:,} filings")


if __name__ == "__main__":
    main()
