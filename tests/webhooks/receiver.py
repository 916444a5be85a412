"""A real webhook receiver on loopback: an HTTP server in a thread that keeps what it got.

It can be down (nothing listens: connection refused), failing (answers 503), or holding
(keeps each request open until released), to play a receiver's bad days.
"""

from __future__ import annotations

import socket
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
from standardwebhooks.webhooks import Webhook


@dataclass(frozen=True)
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    @property
    def json(self) -> Any:
        return orjson.loads(self.body)

    def verify(self, secret: str) -> Any:
        """The body, if the signature verifies with `secret` (the library's own verifier)."""
        return Webhook(secret).verify(self.body, self.headers)


@dataclass
class Receiver:
    port: int = 0  # the port the OS gave it, once up
    path: str = "/hooks/medius"
    bind: str = "127.0.0.1"  # the address it listens on
    name: str | None = None  # the host its URL names (default: `bind`)
    tls: ssl.SSLContext | None = None  # serve HTTPS with this server context
    received: list[Received] = field(default_factory=list)
    failing: int = 0  # answer 503 to this many more requests
    holding: bool = False
    release: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        host = self.name or (f"[{self.bind}]" if ":" in self.bind else self.bind)
        return f"{scheme}://{host}:{self.port}{self.path}"

    def up(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver._lock:
                    receiver.received.append(Received(headers, body))
                    fail = receiver.failing > 0
                    if fail:
                        receiver.failing -= 1
                receiver.arrived.set()
                if receiver.holding:
                    receiver.release.wait(30)
                self.send_response(503 if fail else 204)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        family = socket.AF_INET6 if ":" in self.bind else socket.AF_INET

        class Server(ThreadingHTTPServer):
            address_family = family

        self._server = Server((self.bind, self.port), Handler)
        self.port = self._server.server_address[1]
        self._server.daemon_threads = True
        if self.tls is not None:
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        # shutdown() waits for the serving loop's next poll: 0.5 s by default, per test.
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def down(self) -> None:
        if self._server is not None:
            self.release.set()
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def ids(self) -> list[str]:
        with self._lock:
            return [r.webhook_id for r in self.received]

    def unique(self) -> dict[str, Received]:
        """What a receiver that deduplicates by `webhook-id` keeps, in arrival order."""
        with self._lock:
            kept: dict[str, Received] = {}
            for r in self.received:
                kept.setdefault(r.webhook_id, r)
            return kept
