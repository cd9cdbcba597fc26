"""The ASGI application: read-only stores per thread, one JSON error shape, security headers, static page.

``create_app(db)`` returns a FastAPI app over the eightk database at ``db`` (opened read-only; a
``StoreError`` when it is missing or not an eightk database). Routes are in ``eightk.web.routes``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eightk.errors import EightkError
from eightk.store import Store
from eightk.web.cache import AnswerCache, CachedAnswers

__all__ = [
    "CACHE_MB", "QUERY_SECONDS", "RATE_LIMIT", "SECURITY_HEADERS", "THREADS",
    "Json", "RateLimit", "Stores", "create_app", "dumps",
]  # fmt: skip

STATIC = Path(__file__).resolve().parent / "static"
RATE_LIMIT = 100.0  # API requests per second per client address, by default
# Threads per server process that run the (synchronous) endpoints. SQLite gives up the GIL while it
# works, so a second thread overlaps one waiting on the disk; more threads only fight over the GIL (each
# sqlite3 call gives it up and waits to take it back). Measured with benchmarks/serve.py, deals at 50
# clients on the 200,000-filing store: server CPU per request 2.0-2.4 ms with anyio's default 40 threads,
# 1.18 ms with 3 and 0.97 ms with 1; search 5.4-6.5, 4.4 and 3.5 ms.
THREADS = 2
CACHE_MB = 64.0  # answer cache per server process, by default (eightk.web.cache)
QUERY_SECONDS = 5.0  # a database query running longer is stopped and answered 400 query_too_slow
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
        " base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
_log = logging.getLogger("eightk.web")


class Stores:
    """One read-only ``Store`` per server thread (SQLite connections are not shared), each with a time
    limit: a query running past ``QUERY_SECONDS`` is interrupted (``sqlite3.OperationalError``); and the
    answer cache (``cache_mb`` megabytes; 0: none) in the SQLite file ``cache_file`` (":memory:": this
    process's own; ``eightk.web.cache``)."""

    def __init__(self, path: str, cache_mb: float = CACHE_MB, cache_file: str = ":memory:") -> None:
        self.path = path
        self.local = threading.local()
        self.watch = Store(path, readonly=True)  # fail at start, not on the first request
        self.cache = AnswerCache(self.watch.conn, int(cache_mb * 1e6), cache_file)

    def get(self) -> Store:
        store: Store | None = getattr(self.local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True)
            self.local.store = store
        # again for every request: ``Store.search`` sets a handler of its own while it runs and clears it
        # after, which would leave this thread's later queries without their time limit
        store.conn.set_progress_handler(self._overdue, 10_000)
        self.local.deadline = time.monotonic() + QUERY_SECONDS
        return store

    def _overdue(self) -> int:
        return 1 if time.monotonic() > getattr(self.local, "deadline", float("inf")) else 0


def dumps(content: Any) -> bytes:
    """JSON bytes by orjson (dict keys that are not text, such as None, become strings)."""
    return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class Json(Response):
    """A JSON answer: a value serialized by ``dumps``, or bytes already serialized (a cached answer).

    Endpoints return one of these rather than a dict, so FastAPI does not validate the answer again
    against its response model (the models still make the OpenAPI spec, and the schemathesis test
    checks the answers against it): measured on the filing endpoint of the 200,000-filing store, this
    and httptools took it from 1,249 to 1,747 req/s at 50 clients (p95 67 -> 45 ms)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else dumps(content)


def error(status: int, code: str, message: str) -> JSONResponse:
    """The API's one error shape: ``{"error": {"status", "code", "message"}}``."""
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


class SecurityHeaders:
    """Pure ASGI middleware adding ``SECURITY_HEADERS`` to every response (cached API answers included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RateLimit:
    """Pure ASGI middleware: at most ``rate`` API requests per second from one client address, in bursts
    of up to ``2 * rate`` (a token bucket per address, per server process). Past it: 429 with
    Retry-After and the API's error shape. Addresses idle long enough to have a full bucket are
    forgotten when more than ``MAX_CLIENTS`` are tracked, so memory stays bounded."""

    MAX_CLIENTS = 10_000

    def __init__(self, app: ASGIApp, rate: float) -> None:
        self.app = app
        self.rate = rate
        self.burst = max(1.0, 2 * rate)
        self.buckets: dict[str, tuple[float, float]] = {}  # address -> (tokens, time of last refill)

    def _allow(self, address: str) -> bool:
        now = time.monotonic()
        tokens, last = self.buckets.get(address, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if len(self.buckets) > self.MAX_CLIENTS:
            full = [a for a, (t, seen) in self.buckets.items() if t + (now - seen) * self.rate >= self.burst]
            for a in full:
                del self.buckets[a]
        self.buckets[address] = (tokens - 1, now) if tokens >= 1 else (tokens, now)
        return tokens >= 1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not scope["path"].startswith("/api/")
            or self._allow((scope.get("client") or ("",))[0])
        ):
            await self.app(scope, receive, send)
            return
        response = error(429, "too_many_requests", f"more than {self.rate:g} requests per second from this address")
        response.headers["retry-after"] = "1"
        await response(scope, receive, send)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "query")
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid parameter " + "; ".join(parts)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        response = error(exc.status_code, codes.get(exc.status_code, "bad_request"), str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, "invalid_parameter", _validation_message(exc))

    @app.exception_handler(EightkError)
    async def eightk_error(request: Request, exc: EightkError) -> JSONResponse:
        return error(400, exc.code, exc.reason)

    @app.exception_handler(sqlite3.OperationalError)
    async def slow(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        if "interrupted" in str(exc):
            return error(400, "query_too_slow", f"the query ran past {QUERY_SECONDS:g} s and was stopped; narrow it")
        _log.exception("database error on %s", request.url.path)
        return error(500, "internal", "the server could not answer this request")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        _log.exception("unexpected error on %s", request.url.path)
        return error(500, "internal", "the server could not answer this request")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def create_app(
    db: str, *, rate_limit: float = RATE_LIMIT, cache_mb: float = CACHE_MB, cache_file: str = ":memory:"
) -> FastAPI:
    """The eightk HTTP API and web page over the database file ``db`` (read-only), answering at most
    ``rate_limit`` API requests per second per client address (0: no limit), with an answer cache of
    ``cache_mb`` megabytes (0: none) in ``cache_file`` (":memory:", or a file that server processes
    share; ``eightk.web.cache``).

    Raises ``StoreError`` when ``db`` cannot be opened as an eightk database."""
    from eightk.web.routes import router

    app = FastAPI(
        title="eightk",
        summary="SEC Form 8-K filings as structured records: search, filings, events, deals, companies",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.stores = Stores(db, cache_mb, cache_file)
    _install_errors(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.add_middleware(CachedAnswers, cache=app.state.stores.cache, turns=THREADS)
    if rate_limit > 0:
        app.add_middleware(RateLimit, rate=rate_limit)
    app.add_middleware(SecurityHeaders)
    return app
