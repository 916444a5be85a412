"""ASGI guards that run before routing: body size (413) and content type (415)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.problems import problem_response

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# What the guard can answer on a body-taking method, declared in OpenAPI by app.core.openapi.
GUARD_STATUSES = (413, 415)
JSON_TYPES = ("application/json",)


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media in JSON_TYPES or (media.startswith("application/") and media.endswith("+json"))


class RequestGuard:
    """Refuse oversized bodies and non-JSON bodies before any handler runs.

    The body is read here (at most `max_body_bytes` + 1) and replayed to the app,
    so a lying or missing Content-Length cannot smuggle a larger body through.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int, form_paths: frozenset[str]) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.form_paths = form_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
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
        while more:
            message = await receive()
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
    async def _reject(scope: Scope, send: Send, status: int, detail: str) -> None:
        response = problem_response(None, status, detail, path=scope["path"])
        await response(scope, _drain, send)


async def _drain() -> Message:
    return {"type": "http.disconnect"}
