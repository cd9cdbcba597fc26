"""uvicorn's HTTP protocols with TCP_NODELAY set on each connection, and the API's JSON error shape for a
request the HTTP parser refuses (uvicorn answers those in plain text, before any app code runs).

Under ``uvicorn --workers N`` the accepted sockets come without TCP_NODELAY; a response written as
headers then body then waits for the client's delayed ACK (about 40 ms per request on Linux). Measured
with benchmarks/serve.py: 45-50 ms per keep-alive request before, 2-3 ms after.

``NoDelayHttpTools`` (httptools' C parser, when the package is installed) costs less CPU per request
than ``NoDelayH11`` (pure Python); ``PROTOCOL`` names the one ``eightk serve`` uses.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

from eightk.web.app import SECURITY_HEADERS

__all__ = ["PROTOCOL", "NoDelayH11", "bad_request", "no_delay"]


def bad_request(transport: asyncio.BaseTransport, reason: str) -> None:
    """Answer 400 in the API's error shape, with the security headers, and close the connection."""
    message = f"the server could not read this HTTP request ({reason.rstrip('.')}); a URL is at most 64 KB"
    body = json.dumps({"error": {"status": 400, "code": "bad_request", "message": message}}).encode()
    head = [b"HTTP/1.1 400 Bad Request", b"content-type: application/json", b"connection: close"]
    head += [f"{k}: {v}".encode() for k, v in SECURITY_HEADERS.items()]
    head.append(b"content-length: " + str(len(body)).encode())
    transport.write(b"\r\n".join(head) + b"\r\n\r\n" + body)  # type: ignore[attr-defined]
    transport.close()


def no_delay(transport: asyncio.BaseTransport) -> None:
    """Turn Nagle's algorithm off for the TCP connection under ``transport`` (not for a Unix socket)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayH11(H11Protocol):
    """``H11Protocol`` that turns Nagle's algorithm off for its connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        no_delay(transport)
        super().connection_made(transport)

    def send_400_response(self, msg: str) -> None:
        bad_request(self.transport, msg)


PROTOCOL = "eightk.web._protocol:NoDelayH11"

if importlib.util.find_spec("httptools") is not None:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class NoDelayHttpTools(HttpToolsProtocol):
        """``HttpToolsProtocol`` that turns Nagle's algorithm off for its connection."""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            no_delay(transport)
            super().connection_made(transport)

        def send_400_response(self, msg: str) -> None:
            bad_request(self.transport, msg)

    PROTOCOL = "eightk.web._protocol:NoDelayHttpTools"
