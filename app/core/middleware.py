"""ASGI guards that run before routing: body size (413), content type (415), a body sent
too slowly (408), bytes that are not what the contract says (400): a query string or a
JSON body that is not UTF-8, and JSON that RFC 8259 does not allow (NaN, Infinity, lone
surrogates); and a query parameter holding a control character (422, as such a character
in a JSON string is). And the security headers every response carries."""

from __future__ import annotations

import math
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

import anyio
import orjson
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.problems import HEAD_REQUEST, ProblemFieldErrorBody, problem_response
from app.core.types import control_characters

# DELETE too: deleting an account carries the password in a (bounded, JSON) body.
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# What the guard can answer on a body-taking method, declared in OpenAPI by app.core.openapi.
GUARD_STATUSES = (413, 415)
# What it answers on any request, whatever parameters the operation declares: a query
# string not in UTF-8 (400), or one holding a control character (422).
QUERY_GUARD_STATUSES = (400, 422)
JSON_TYPES = ("application/json",)
# Where the guard leaves the JSON body it parsed, for `ParsedJsonRoute`.
PARSED_JSON = "medius.parsed_json"
_UNPARSED = object()


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media in JSON_TYPES or (media.startswith("application/") and media.endswith("+json"))


class RequestGuard:
    """Refuse oversized bodies and non-JSON bodies before any handler runs.

    The body is read here (at most `max_body_bytes` + 1) and replayed to the app,
    so a lying or missing Content-Length cannot smuggle a larger body through.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        form_paths: frozenset[str],
        body_timeout: float = math.inf,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.form_paths = form_paths
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        if not utf8_query(query):
            await self._reject(scope, send, 400, "The query string is not valid UTF-8.")
            return
        controlled = _controlled_parameter(query)
        if controlled is not None:
            await self._reject(
                scope,
                send,
                422,
                "The query string holds a control character (such as %00).",
                [
                    {
                        "loc": ["query", controlled],
                        "msg": "control characters are not allowed",
                        "type": "string_control_characters",
                    }
                ],
            )
            return
        if scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path: str = scope["path"]
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._reject(scope, send, 413, self._too_large())
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        # The whole body must arrive within body_timeout: a client trickling bytes (or
        # stopping half way) would otherwise hold a connection and a worker slot forever.
        deadline = anyio.current_time() + self.body_timeout
        while more:
            message: Message | None = None
            with anyio.move_on_after(deadline - anyio.current_time()):
                message = await receive()
            if message is None:
                await self._reject(
                    scope,
                    send,
                    408,
                    f"The request body did not arrive within {self.body_timeout:g} seconds.",
                    headers={"Connection": "close"},
                )
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._reject(scope, send, 413, self._too_large())
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        content_type = headers.get("content-type", "")
        if body and not self._accepted(path, content_type):
            detail = (
                "Send the body as application/x-www-form-urlencoded."
                if path in self.form_paths
                else "Send the body as application/json."
            )
            await self._reject(scope, send, 415, detail)
            return
        if body and path not in self.form_paths:
            try:
                # Kept for the route (`ParsedJsonRoute`): the body is parsed once.
                scope[PARSED_JSON] = orjson.loads(body)
            except orjson.JSONDecodeError as exc:
                problem = _json_problem(exc)
                await self._reject(
                    scope, send, 400, "The request body is not valid JSON.", [problem]
                )
                return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _accepted(self, path: str, content_type: str) -> bool:
        if path in self.form_paths:
            media = content_type.split(";", 1)[0].strip().lower()
            return media in ("application/x-www-form-urlencoded", "multipart/form-data")
        return _is_json(content_type)

    def _too_large(self) -> str:
        return f"The request body is larger than {self.max_body_bytes} bytes."

    @staticmethod
    async def _reject(
        scope: Scope,
        send: Send,
        status: int,
        detail: str,
        field_errors: list[ProblemFieldErrorBody] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        response = problem_response(
            None, status, detail, field_errors=field_errors, path=scope["path"], headers=headers
        )
        await response(scope, _drain, send)


def utf8_query(query: bytes) -> bool:
    """Whether the query string, percent-decoded, is UTF-8 (else the guard answers 400)."""
    try:
        unquote_to_bytes(query).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def query_refused(query: bytes) -> bool:
    """Whether `RequestGuard` refuses this query string (400 or 422) before any route."""
    return bool(query) and (not utf8_query(query) or _controlled_parameter(query) is not None)


def _controlled_parameter(query: bytes) -> str | None:
    """The name of the first query parameter whose name or value holds a control character.

    One check for every parameter of every route (search text, cursors, filters), before
    any of them can reach a database that cannot store NUL.
    """
    if not query:
        return None
    pairs = parse_qsl(query.decode("utf-8", "replace"), keep_blank_values=True)
    for name, value in pairs:
        if control_characters(name) or control_characters(value):
            return name
    return None


def _json_problem(exc: orjson.JSONDecodeError) -> ProblemFieldErrorBody:
    """Why the body is not RFC 8259 JSON in UTF-8, as a problem's field error.

    Python's own parser (FastAPI's) also takes UTF-16/32, NaN and Infinity, and lone
    surrogates that no database can store; orjson takes none of them, and stops at 1024
    levels of nesting.
    """
    return {
        "loc": ["body", exc.pos],
        "msg": f"not RFC 8259 JSON in UTF-8: {exc.msg}",
        "type": "json_invalid",
    }


class _ParsedJsonRequest(Request):
    """A request whose JSON body is the one the guard parsed (orjson), not parsed again by
    Python's `json` (for any body RFC 8259 allows, the same value)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            parsed = self.scope.get(PARSED_JSON, _UNPARSED)
            self._json = orjson.loads(await self.body()) if parsed is _UNPARSED else parsed
        return self._json


class ParsedJsonRoute(APIRoute):
    """A route taking a JSON body reads it as `RequestGuard` parsed it: one parse instead
    of two (a 500-entry session is about a millisecond of Python's `json`)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handler(request: Request) -> Response:
            return await handle(_ParsedJsonRequest(request.scope, request.receive))

        return handler


async def _drain() -> Message:
    return {"type": "http.disconnect"}


# A JSON API has nothing to frame, run or load: refuse it all unless a page says otherwise
# (the documentation pages send their own policy, app/main.py).
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


class SecurityHeaders:
    """Add nosniff, frame denial, a referrer policy and a default CSP to every response.

    Outermost, so answers from the response cache and the guards carry them too; a
    header the response already has (the docs' own CSP) is left as it is.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", API_CSP.encode()))
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """Answer HEAD as the GET of the same URL without its body (RFC 9110 section 9.3.2).

    The request goes on as a GET, so routing, the access decision and the access log, the
    catalog cache and conditional requests (304) are the GET's: a HEAD of a patient's data
    is a read like any other, because its headers (ETag, Content-Length) tell something of
    the data. Only the body is dropped. A path without GET answers 405 as a GET would, with
    an `Allow` that names HEAD wherever it names GET (app/core/problems.py).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", HEAD_REQUEST: True}, receive, headers_only)
