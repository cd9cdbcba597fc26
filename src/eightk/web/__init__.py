"""The web shell: an HTTP API (OpenAPI at /openapi.json, docs at /docs) and a web page over a store.

Needs the ``serve`` extra (FastAPI, uvicorn, orjson): ``pip install 'eightk[serve]'``. Importing this package
never fails; ``create_app`` and ``serve`` raise ``UsageError`` naming the extra when it is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eightk.errors import UsageError

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["MISSING_EXTRA", "create_app", "require_extra", "serve"]

MISSING_EXTRA = "the web server needs the serve extra: pip install 'eightk[serve]' (FastAPI, uvicorn, orjson)"


def require_extra() -> None:
    """Raise ``UsageError`` naming the ``serve`` extra when FastAPI or uvicorn is not installed."""
    try:
        import fastapi  # noqa: F401
        import orjson  # noqa: F401
        import uvicorn  # noqa: F401
    except ModuleNotFoundError:
        raise UsageError(MISSING_EXTRA) from None


def create_app(db: str, *, rate_limit: float = 100.0, cache_mb: float = 64.0, cache_file: str = ":memory:") -> FastAPI:
    """The ASGI app over the eightk database file ``db``, read-only, answering at most ``rate_limit`` API
    requests per second per client address (0: no limit), with ``cache_mb`` megabytes of answer cache
    (0: none) in ``cache_file`` (":memory:": this process's own; a file: shared by the processes using
    it). Raises ``UsageError`` without the serve extra, ``StoreError`` when ``db`` is not an eightk
    database."""
    require_extra()
    from eightk.web.app import create_app as make

    return make(db, rate_limit=rate_limit, cache_mb=cache_mb, cache_file=cache_file)


def serve(  # noqa: PLR0913 - the command's options
    db: str, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, rate_limit: float = 100.0,
    cache_mb: float = 64.0,
) -> None:  # fmt: skip
    """Run the app under uvicorn until interrupted. ``workers`` > 1 runs that many server processes (each
    with its own per-address rate limit), sharing one answer cache of ``cache_mb`` megabytes (a SQLite
    file in a temporary folder, removed at exit)."""
    require_extra()
    import os
    import tempfile

    import uvicorn

    from eightk.web._protocol import PROTOCOL

    options = {"host": host, "port": port, "log_level": "warning", "access_log": False, "http": PROTOCOL}
    if workers == 1:
        # fail now, with a clear error, if the database cannot be opened
        uvicorn.run(create_app(db, rate_limit=rate_limit, cache_mb=cache_mb), **options)  # type: ignore[arg-type]
        return
    with tempfile.TemporaryDirectory(prefix="eightk-serve-") as folder:
        cache_file = os.path.join(folder, "answers.db")
        create_app(db, rate_limit=rate_limit, cache_mb=cache_mb, cache_file=cache_file)  # fail now, as above
        os.environ["EIGHTK_SERVE_DB"] = db
        os.environ["EIGHTK_SERVE_RATE_LIMIT"] = str(rate_limit)
        os.environ["EIGHTK_SERVE_CACHE_MB"] = str(cache_mb)
        os.environ["EIGHTK_SERVE_CACHE_FILE"] = cache_file
        uvicorn.run("eightk.web._worker:app", workers=workers, **options)  # type: ignore[arg-type]
