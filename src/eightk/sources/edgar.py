"""EDGAR over HTTP, politely: the one place eightk talks to a network.

``EdgarClient(user_agent=...)`` sends every request through one ``RateLimiter`` shared by all the threads
that use it (default 9 requests/s, never more than 10 in any one-second window), declares the required
User-Agent, retries 429/5xx answers and broken transfers with jittered exponential backoff (honouring
``Retry-After``, which also holds back every other worker), and downloads a file to a temporary name,
checks it, and only then renames it into place, so a file at its final name is always whole.
"""

from __future__ import annotations

import collections
import email.utils
import os
import random
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from eightk.errors import FetchError, UsageError
from eightk.sources.edgar_files import is_complete_submission

if TYPE_CHECKING:
    import httpx

__all__ = ["SEC_BASE_URL", "EdgarClient", "NotFound", "RateLimiter", "check_user_agent"]

SEC_BASE_URL = "https://www.sec.gov"
MAX_RATE = 10.0  # the SEC's published limit, requests per second
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_T = TypeVar("_T")


class NotFound(FetchError):
    """EDGAR answered 404: no such file (a day without an index, a wrong CIK/accession pair)."""


class Interrupted(FetchError):
    """The client was stopped (``EdgarClient.stop()``) while a request waited for its turn."""


def check_user_agent(user_agent: str | None) -> str:
    """The User-Agent to send, stripped; ``UsageError`` unless it names someone and gives an email
    contact, as the SEC requires (``"Jane Doe jane@example.org"`` or ``"Acme Research ops@acme.example"``)."""
    ua = (user_agent or "").strip()
    if not re.search(r"\S+@\S+\.\S+", ua) or len(ua.split()) < 2:
        raise UsageError(
            "EDGAR requires a User-Agent naming you and an email contact: pass --user-agent "
            '"Your Name you@example.org" or set EIGHTK_USER_AGENT'
        )
    return ua


class RateLimiter:
    """A token bucket of one token refilled ``rate`` times a second, plus a guard on the times requests
    actually start: never more than ``window_max`` starts within ``window`` seconds (1.1 s: the spare tenth of a
    second absorbs a thread that woke late, or a slow trip to the server). ``acquire()`` blocks the
    calling thread until its request may start; threads are served in arrival order. ``pause(seconds)``
    holds everyone back (a ``Retry-After``). ``ValueError`` for a rate that is not in (0, 10]."""

    def __init__(self, rate: float = 9.0, *, window_max: int = 10, window: float = 1.1) -> None:
        if not 0 < rate <= MAX_RATE:
            raise ValueError(f"rate must be more than 0 and at most {MAX_RATE:g} requests/s, not {rate:g}")
        self.interval = 1.0 / rate
        self.window_max = window_max
        self.window = window
        self._lock = threading.Lock()
        self._next = 0.0
        self._paused_until = 0.0
        self._starts: collections.deque[float] = collections.deque(maxlen=window_max)
        self._stopped = threading.Event()

    def acquire(self) -> None:
        """Wait for this request's turn; ``Interrupted`` if ``stop()`` was called. A turn that comes up
        while a ``pause`` holds, or too soon after the last ``window_max`` starts, is given up and a
        later one taken."""
        while True:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next, self._paused_until)
                self._next = start + self.interval
            if self._stopped.wait(max(0.0, start - now)):
                raise Interrupted("stopped")
            with self._lock:
                now = time.monotonic()
                full = len(self._starts) == self._starts.maxlen and now - self._starts[0] < self.window
                if now < self._paused_until or full:
                    self._next = max(self._next, self._starts[0] + self.window if full else now)
                    continue
                self._starts.append(now)
                return

    def pause(self, seconds: float) -> None:
        """No request starts in the next ``seconds`` (for anyone sharing this limiter, including those
        already waiting for their turn)."""
        with self._lock:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    def stop(self) -> None:
        """Wake every waiting thread with ``Interrupted`` (Ctrl-C)."""
        self._stopped.set()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    when = email.utils.parsedate_to_datetime(value) if value else None
    return max(0.0, when.timestamp() - time.time()) if when else None


class EdgarClient:
    """An HTTP client for EDGAR (or a mirror at ``base_url``). Thread-safe: share one among workers.

    ``get(path) -> bytes`` for small files (indexes, the feed, the ticker file); ``download(path, dest)``
    for submissions. ``path`` is relative to the base URL (``/Archives/edgar/...``). Both raise
    ``NotFound`` on 404 and ``FetchError`` when retries run out (``retries`` attempts after the first) or
    on an answer that retrying cannot fix (403: the User-Agent was refused). ``on_retry(reason)``, if
    given, is called before each retry (progress displays count them)."""

    def __init__(
        self,
        user_agent: str,
        *,
        base_url: str = SEC_BASE_URL,
        limiter: RateLimiter | None = None,
        retries: int = 8,
        timeout: float = 60.0,
        on_retry: Callable[[str], None] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.limiter = limiter or RateLimiter()
        self.retries = retries
        self.on_retry = on_retry
        headers = {"User-Agent": check_user_agent(user_agent), "Accept-Encoding": "gzip, deflate"}
        try:
            import httpx
        except ModuleNotFoundError:
            raise UsageError("talking to EDGAR needs httpx: pip install 'eightk[fetch]'") from None
        self._transport_errors = (httpx.TransportError, httpx.DecodingError)
        self.http = httpx.Client(headers=headers, timeout=timeout, follow_redirects=True)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> EdgarClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, path: str) -> bytes:
        """The body of ``path``, whole (checked against its Content-Length)."""
        return self._with_retries(path, lambda r: r.read())

    def download(self, path: str, dest: Path) -> int:
        """Save ``path`` at ``dest`` (its folder is made) and return its size in bytes. The body goes to
        ``dest`` + ``.part`` first; it is renamed to ``dest`` only once its length matches the server's
        Content-Length and, for a full submission, it ends with its closing tag. A failed attempt's
        partial file is overwritten by the next attempt (or the next run)."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        size = self._with_retries(path, lambda r: _save(r, part))
        os.replace(part, dest)
        return size

    def stop(self) -> None:
        """Stop: requests waiting for their turn raise ``Interrupted``."""
        self.limiter.stop()

    def _with_retries(self, path: str, consume: Callable[[httpx.Response], _T]) -> _T:
        url = self.base_url + path
        for attempt in range(self.retries + 1):
            self.limiter.acquire()
            wait, reason = None, ""
            try:
                with self.http.stream("GET", url) as response:
                    if response.status_code == 200:
                        return consume(response)
                    reason, wait = self._refusal(url, response)
            except self._transport_errors as exc:
                reason = f"{type(exc).__name__}: {exc}"
            except _Incomplete as exc:
                reason = str(exc)
            if attempt == self.retries:
                break
            backoff = wait if wait is not None else min(60.0, 0.5 * 2**attempt) * random.uniform(0.5, 1.0)
            if self.on_retry is not None:
                self.on_retry(reason)
            if self.limiter._stopped.wait(backoff):
                raise Interrupted("stopped")
        raise FetchError(f"gave up after {self.retries + 1} attempts: {reason}", path=url)

    def _refusal(self, url: str, response: httpx.Response) -> tuple[str, float | None]:
        status = response.status_code
        if status == 404:
            raise NotFound("404 Not Found", path=url)
        if status not in _RETRY_STATUS:
            hint = " (EDGAR refuses clients without a declared User-Agent, or over the rate)" if status == 403 else ""
            raise FetchError(f"HTTP {status}{hint}", path=url)
        wait = _retry_after(response)
        if wait is not None:
            wait *= random.uniform(1.0, 1.2)  # jitter, never earlier than asked
            self.limiter.pause(wait)
        return f"HTTP {status}", wait


class _Incomplete(Exception):
    """A body that arrived without error but is not whole (shorter than announced, no closing tag)."""


def _save(response: httpx.Response, part: Path) -> int:
    head, tail = b"", b""
    with open(part, "wb") as out:
        for chunk in response.iter_bytes(1 << 20):
            if len(head) < 4096:
                head += chunk[: 4096 - len(head)]
            tail = (tail + chunk)[-256:]
            out.write(chunk)
        size = out.tell()
    expected = response.headers.get("Content-Length")
    if expected is not None and expected.isdigit() and response.num_bytes_downloaded != int(expected):
        raise _Incomplete(f"body of {response.num_bytes_downloaded} bytes, {expected} announced")
    if not is_complete_submission(head, tail):
        raise _Incomplete(f"body of {size} bytes ends before the submission's closing tag")
    return size
