"""uvicorn's h11 protocol with TCP_NODELAY set on each connection.

Under ``uvicorn --workers N`` the accepted sockets come without TCP_NODELAY; a response written as
headers then body then waits for the client's delayed ACK (about 40 ms per request on Linux). Measured
with benchmarks/serve.py: 45-50 ms per keep-alive request before, 2-3 ms after.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11(H11Protocol):
    """``H11Protocol`` that turns Nagle's algorithm off for its connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
