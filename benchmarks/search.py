"""Search latency of the store: single words, phrases and filtered queries, p50/p95, and an extrapolation.

    .venv/bin/python benchmarks/search.py --db /tmp/eightk-200k/generated.db   # made by benchmarks/ingest.py

Each query runs ``--repeats`` times through ``Store.search`` (ranking, filters, snippets, limit 20) on
the given database; the first run of each query is reported apart (cold), the others make p50/p95 per
kind. To extrapolate to the full EDGAR 8-K archive (about 2.2 million filings), the script counts each
query's matching texts (not timed), fits latency = a + b * matches per kind by least squares, and
evaluates the fit at the matches scaled by 2.2M / (filings in the database). That assumes costs grow
with the number of matches, which is what the query plans walk (see ``eightk.search.plan``). It
asserts nothing and exits 0.
"""

from __future__ import annotations

import argparse
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


def fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares latency = a + b * matches."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0
    return my - b * mx, max(b, 0.0)


def run_kind(store: Any, kind: str, queries: list[tuple[str, dict[str, Any]]], repeats: int, scale: float) -> None:
    warm: list[float] = []
    cold: list[float] = []
    points: list[tuple[float, float]] = []
    print(f"\n{kind}")
    for query, filters in queries:
        first, rest, hits = timed(store, query, filters, repeats)
        m = matches(store, query)
        cold.append(first)
        warm += rest
        points.append((m, statistics.median(rest)))
        label = query + (" " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else "")
        print(f"  {label[:64]:<64} {m:>9,} matching texts {hits:>3} hits  median {statistics.median(rest):7.1f} ms")
    a, b = fit(points)
    predicted = [a + b * m * scale for m, _ in points]
    print(f"  => p50 {pct(warm, 50):.1f} ms, p95 {pct(warm, 95):.1f} ms, max {max(warm):.1f} ms (warm); "
          f"first runs p95 {pct(cold, 95):.1f} ms")  # fmt: skip
    print(f"     extrapolated to {ARCHIVE:,} filings (x{scale:.1f}): p50 {pct(predicted, 50):.1f} ms, "
          f"p95 {pct(predicted, 95):.1f} ms (fit {a:.1f} ms + {b * 1000:.3f} ms per 1000 matches)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--repeats", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(4)
    with open_store(args.db) as store:
        n = store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
        texts = store.conn.execute("SELECT MAX(rowid) FROM search_rows").fetchone()[0] or 0
        size = sum(Path(str(args.db) + s).stat().st_size for s in ("", "-wal") if Path(str(args.db) + s).exists())
        print(
            f"{args.db}: {n:,} filings, {texts:,} indexed texts, {size / 1e9:.2f} GB ({size / max(n, 1):,.0f} B/filing)"
        )
        scale = ARCHIVE / max(n, 1)
        run_kind(store, "single words", [(w, {}) for w in WORDS], args.repeats, scale)
        run_kind(store, "phrases", [(p, {}) for p in PHRASES], args.repeats, scale)
        run_kind(store, "filtered queries", filtered(store, rng), args.repeats, scale)


if __name__ == "__main__":
    main()
