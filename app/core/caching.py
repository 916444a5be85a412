"""ETag / If-None-Match for public reads and ETag / If-Match for updates."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Header
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from app.core.db import begin_write
from app.core.errors import PreconditionFailed, PreconditionRequired
from app.core.types import OpenAPIObject

PRIVATE = "private, no-store"
IF_NONE_MATCH_MAX = 1024
# The end of the description of every route answering with `public_json`.
CACHE_NOTE = " Sends `ETag` and `Cache-Control: public`; repeat with `If-None-Match` to get 304."
STALE_WRITE = "The record changed since you read it; fetch it again and reapply your change."

# OpenAPI `headers` of a public cached read; schemathesis checks every response sends them.
PUBLIC_CACHE_HEADERS: OpenAPIObject = {
    "ETag": {
        "description": "Version of this representation; send it back in `If-None-Match`.",
        "required": True,
        "schema": {"type": "string", "pattern": '^"[^"]+"$'},
    },
    "Cache-Control": {
        "description": "`public, max-age=N`: shared caches may keep the response N seconds.",
        "required": True,
        "schema": {"type": "string", "pattern": r"^public, max-age=\d+$"},
    },
}


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def revision_etag(kind: str, key: object, revision: int) -> str:
    return f'"{kind}-{key}-r{revision}"'


def etag_matches(header: str | None, etag: str, *, strong: bool = False) -> bool:
    """Whether `If-None-Match` (weak comparison) or `If-Match` (`strong`) names `etag`.

    RFC 9110 section 13.1.1: If-Match compares strongly, so a weak tag (`W/"..."`)
    never matches there; If-None-Match compares weakly. `*` matches any current version.
    """
    if not header:
        return False
    tags = {tag.strip() for tag in header.split(",")}
    if "*" in tags:
        return True
    if strong:
        return etag in tags and not etag.startswith("W/")
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}


def _if_none_match(
    if_none_match: Annotated[
        str | None,
        Header(
            alias="If-None-Match",
            max_length=IF_NONE_MATCH_MAX,
            description="An `ETag` from an earlier read (or `*`): 304 with no body while current.",
            examples=['"0c2f9d1e5b7a4c3d8e6f1a2b3c4d5e6f"', "*"],
        ),
    ] = None,
) -> None:
    """Declares and bounds `If-None-Match` in OpenAPI; `public_json` reads it from the request."""


# `dependencies=` of every route answering with `public_json`.
CONDITIONAL_READ = [Depends(_if_none_match)]


def public_json(
    request: Request,
    body: bytes,
    max_age: int,
    etag: str | None = None,
    content_encoding: str | None = None,
    media_type: str = "application/json",
) -> Response:
    """A cacheable JSON response, or 304 when the client already holds this version."""
    tag = etag or strong_etag(body)
    headers = {
        "ETag": tag,
        "Cache-Control": f"public, max-age={max_age}",
        "Vary": "Accept-Encoding",
    }
    if content_encoding:
        headers["Content-Encoding"] = content_encoding
    if etag_matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    return Response(content=body, media_type=media_type, headers=headers)


def cacheable_responses(ok: OpenAPIObject) -> dict[int | str, OpenAPIObject]:
    """OpenAPI `responses=` for a `public_json` read: its 200 and 304, both with cache headers."""
    return {
        200: {**ok, "headers": PUBLIC_CACHE_HEADERS},
        304: {
            "description": "Not Modified: the `If-None-Match` ETag is current; no body.",
            "headers": PUBLIC_CACHE_HEADERS,
        },
    }


def require_if_match(if_match: str | None, current_etag: str) -> None:
    """Refuse an update that names no version (428) or a stale one (412)."""
    if if_match is None:
        raise PreconditionRequired(
            "Send If-Match with the ETag you last read, so a concurrent change is never lost."
        )
    if not etag_matches(if_match, current_etag, strong=True):
        raise PreconditionFailed(STALE_WRITE)


@contextmanager
def conditional_write(session: Session) -> Iterator[Callable[[bool], None]]:
    """The write of a conditional update, after `require_if_match` and the body's checks.

    Takes the write lock (`begin_write`), runs the caller's writes, and commits them.
    The caller passes the result of its compare-and-set on the revision it read to the
    yielded `current`: False (another writer got there first) is 412 with nothing
    written. Any error inside rolls the whole write back. The If-Match check stays a
    separate first step because the body is validated between the two, before the lock.
    """

    def current(written: bool) -> None:
        if not written:
            raise PreconditionFailed(STALE_WRITE)

    begin_write(session)
    try:
        yield current
    except BaseException:
        session.rollback()
        raise
    session.commit()
