"""How uvicorn serves Medius: which proxies it believes, and an HTTP protocol with a bound
on how long a request head may take to arrive.

uvicorn believes `X-Forwarded-For` from 127.0.0.1 unless told otherwise, so any process on
the host (or anything a local service relays) could pick the client address the rate
limits count and the access log records. `proxy_options` turns proxy headers on only for
the `TRUSTED_PROXIES` the settings name, and names exactly those.

uvicorn closes a connection idle between requests (`timeout_keep_alive`) but waits
forever for a request that was started and never finished: a client that sends half
its headers and stops keeps the connection open for good (slowloris). This protocol
gives every request head `header_timeout_seconds` from its first byte (or from the
connection's opening) and answers 408 and closes when it runs out. Bodies are bounded
by the request guard (app/core/middleware.py), which answers 408 with `Connection:
close`; the rest of a body still unsent when its response is complete (a 413, a GET
with a body) must arrive within `body_timeout_seconds` too, or the connection closes.
"""

from __future__ import annotations

import asyncio
from typing import Any, TypedDict

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.core.config import Settings, get_settings

_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"content-length: 0\r\n"
    b"connection: close\r\n\r\n"
)


class ProxyOptions(TypedDict):
    """The keyword arguments of `uvicorn.run` that decide whom proxy headers are taken from."""

    proxy_headers: bool
    forwarded_allow_ips: list[str]


def proxy_options(settings: Settings) -> ProxyOptions:
    """uvicorn's `proxy_headers` and `forwarded_allow_ips` for `settings`: off without
    trusted proxies (uvicorn's own default would trust loopback, or FORWARDED_ALLOW_IPS)."""
    trusted = [str(network) for network in settings.trusted_proxies]
    return {"proxy_headers": bool(trusted), "forwarded_allow_ips": trusted}


class BoundedHttpProtocol(HttpToolsProtocol):
    """HttpToolsProtocol whose request heads must arrive within a deadline."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = get_settings()
        self.header_timeout = settings.header_timeout_seconds
        self.body_timeout = settings.body_timeout_seconds
        self._head_timer: asyncio.TimerHandle | None = None
        self._drain_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        self._disarm_drain_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_head_timer()  # the next request on a kept-alive connection

    def on_headers_complete(self) -> None:
        self._disarm_head_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.cycle is not None and self.cycle.more_body and not self.transport.is_closing():
            # Answered before the body was all sent: uvicorn reads and drops the rest,
            # which must still come in time. Closing at once instead would reset the
            # connection under a client still sending, and it might never read the answer.
            self._drain_timer = self.loop.call_later(self.body_timeout, self._drain_timed_out)

    def on_message_complete(self) -> None:
        self._disarm_drain_timer()
        super().on_message_complete()

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _disarm_drain_timer(self) -> None:
        if self._drain_timer is not None:
            self._drain_timer.cancel()
            self._drain_timer = None

    def _drain_timed_out(self) -> None:
        self._drain_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.write(_TIMEOUT_RESPONSE)
            self.transport.close()
