"""Parsed filings as Parquet shards, and back: what the distributed ingest writes and ``eightk load`` reads.

A shard is one partition of the inputs, in input order, as one Parquet file per table under
``DIR/<table>/part-NNNNN.parquet``: ``inputs`` (one row per input: name, sha256, size, why it failed,
the ``filings`` columns and its raw bytes, zlib-compressed), then ``filers``, ``items``, ``events``,
``event_values``, ``documents``, … and ``search`` (the full-text rows), each row tagged with its
input's number. Columns carry the database's column names, so the shards are also a data set in their own
right (pyarrow, DuckDB, pandas). ``read_shard`` rebuilds exactly the rows ``prepare`` made, so loading
shards and ingesting directly write the same database.

Needs pyarrow (``pip install eightk[dask]``).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eightk.errors import SourceError
from eightk.store.ingest import Parsed
from eightk.store.schema import migrate
from eightk.store.write import FilingRows

__all__ = ["CHILD_TABLES", "read_shard", "shard_names", "write_shard"]

CHILD_TABLES = (
    "filers",
    "securities",
    "items",
    "signatures",
    "exhibits",
    "documents",
    "events",
    "event_values",
    "problems",
)
_SEARCH_COLUMNS = ("kind", "ref", "code", "part", "label", "text", "tags")
_INPUT_COLUMNS = (
    "input_name",
    "input_sha256",
    "input_bytes",
    "failure",
    "errors",
    "key",
    "rows_format",
    "rows_ok",
    "company_name",
    "company_cik",
)
_RAW_COLUMNS = ("raw_name", "raw_sha256", "raw_bytes", "raw_zlib")


@functools.cache
def _columns(table: str) -> tuple[str, ...]:
    """The database's columns of ``table`` that a prepared row holds (no ids)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    names = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    conn.close()
    return tuple(n for n in names if n not in ("id", "key", "filing_id"))


def _pa() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        from eightk.errors import UsageError

        raise UsageError("Parquet shards need pyarrow: pip install 'eightk[dask]'") from None
    return pa, pq


def _table(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> Any:
    """A pyarrow table of ``rows``; a column whose values pyarrow cannot type as one (a number in
    some rows, text in others) is kept as JSON text and named in the schema's ``eightk.json`` metadata."""
    pa, _ = _pa()
    arrays, as_json = [], []
    for i, name in enumerate(columns):
        values = [r[i] for r in rows]
        try:
            arrays.append(pa.array(values))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays.append(pa.array([json.dumps(v) for v in values], pa.string()))
            as_json.append(name)
    return pa.table(arrays, names=list(columns)).replace_schema_metadata({"eightk.json": json.dumps(as_json)})


def shard_names(out: Path, part: int) -> dict[str, Path]:
    """The files of shard ``part`` under ``out``, by table."""
    return {t: out / t / f"part-{part:05d}.parquet" for t in ("inputs", *CHILD_TABLES, "search")}


def write_shard(out: Path, part: int, parsed: list[Parsed]) -> None:
    """Write one partition's parsed inputs as shard ``part``. Each file goes to a temporary name first,
    and the ``inputs`` file, which marks the shard complete, is renamed last."""
    _, pq = _pa()
    tables: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ("inputs", *CHILD_TABLES, "search")}
    for n, p in enumerate(parsed):
        r = p.rows
        company = r.company if r is not None and r.company else (None, None)
        head = (p.name, p.sha256, p.size, p.failure, json.dumps(list(p.errors)))
        head += (r.key, r.format, r.ok, *company) if r is not None else (None, None, None, None, None)
        filing = r.filing if r is not None else (None,) * len(_columns("filings"))
        raw = r.raw if r is not None and r.raw is not None else (None,) * len(_RAW_COLUMNS)
        tables["inputs"].append((n, *head, *filing, *raw))
        for table in CHILD_TABLES:
            tables[table] += [(n, *row) for row in (r.children.get(table, []) if r is not None else [])]
        tables["search"] += [(n, *row, text, tags) for row, text, tags in (r.search if r is not None else [])]
    names = shard_names(out, part)
    for table in (*CHILD_TABLES, "search", "inputs"):
        cols = ("input", *_columns_of(table))
        names[table].parent.mkdir(parents=True, exist_ok=True)
        tmp = names[table].with_name(names[table].name + ".part")
        pq.write_table(_table(cols, tables[table]), tmp, compression="zstd")
        os.replace(tmp, names[table])


def _columns_of(table: str) -> tuple[str, ...]:
    if table == "inputs":
        return _INPUT_COLUMNS + _columns("filings") + _RAW_COLUMNS
    if table == "search":
        return _SEARCH_COLUMNS
    return _columns(table)


def _rows(path: Path) -> Iterator[tuple[Any, ...]]:
    pa, pq = _pa()
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise SourceError(f"cannot read this shard: {exc}", path=str(path)) from None
    as_json = set(json.loads((table.schema.metadata or {}).get(b"eightk.json", b"[]")))
    columns = [
        [json.loads(v) for v in col.to_pylist()] if name in as_json else col.to_pylist()
        for name, col in zip(table.column_names, table.columns, strict=True)
    ]
    return zip(*columns, strict=True) if columns and table.num_rows else iter(())


def _grouped(path: Path) -> dict[int, list[tuple[Any, ...]]]:
    groups: dict[int, list[tuple[Any, ...]]] = {}
    for row in _rows(path):
        groups.setdefault(row[0], []).append(tuple(row[1:]))
    return groups


def read_shard(out: Path, part: int) -> list[Parsed]:
    """Shard ``part`` back as the ``Parsed`` inputs it was written from, in order."""
    names = shard_names(out, part)
    children = {t: _grouped(names[t]) for t in CHILD_TABLES}
    search = _grouped(names["search"])
    n_filing = len(_columns("filings"))
    parsed = []
    for row in _rows(names["inputs"]):
        n, name, sha, size, failure, errors, key, fmt, ok, company_name, company_cik = row[: 1 + len(_INPUT_COLUMNS)]
        rest = row[1 + len(_INPUT_COLUMNS) :]
        filing, raw = tuple(rest[:n_filing]), tuple(rest[n_filing:])
        rows = None
        if key is not None:
            rows = FilingRows(
                key=key,
                filing=filing,
                children={t: children[t].get(n, []) for t in CHILD_TABLES},
                search=[(tuple(r[:5]), r[5], r[6]) for r in search.get(n, [])],
                raw=raw if raw[3] is not None else None,
                format=fmt,
                ok=bool(ok),
                company=(company_name, company_cik) if company_name is not None else None,
            )
        parsed.append(Parsed(name, sha, rows, failure, size or 0, tuple(json.loads(errors))))
    return parsed
