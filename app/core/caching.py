"""ETag / If-None-Match for public reads and ETag / If-Match for updates."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

from app.core.errors import PreconditionFailed, PreconditionRequired

PRIVATE = "private, no-store"
STALE_WRITE = "The record changed since you read it; fetch it again and reapply your change."


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def revision_etag(kind: str, key: object, revision: int) -> str:
    return f'"{kind}-{key}-r{revision}"'


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in candidates or etag in candidates


def public_json(request: Request, body: bytes, max_age: int, etag: str | None = None) -> Response:
    """A cacheable JSON response, or 304 when the client already holds this version."""
    tag = etag or strong_etag(body)
    headers = {
        "ETag": tag,
        "Cache-Control": f"public, max-age={max_age}",
        "Vary": "Accept-Encoding",
    }
    if _matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    return Response(content=body, media_type="application/json", headers=headers)


def require_if_match(if_match: str | None, current_etag: str) -> None:
    """Refuse an update that names no version (428) or a stale one (412)."""
    if if_match is None:
        raise PreconditionRequired(
            "Send If-Match with the ETag you last read, so a concurrent change is never lost."
        )
    if not _matches(if_match, current_etag):
        raise PreconditionFailed(STALE_WRITE)
