"""Every error under the FHIR bases is a FHIR OperationOutcome, not problem+json.

The rest of the API answers RFC 9457 problems, made in one place (app/core/problems.py)
by the guards, the handlers and the routes alike. `FhirBoundary` sits in front of all of
them for the FHIR paths only and rewrites each problem into an OperationOutcome with the
same status and headers, so no error path needs a FHIR copy of its own: a 404 of an
unknown route, a 422 of the query guard, a 401 of the token check, a 500. It also
refuses (406) an `Accept` (or `_format`) that takes neither `application/fhir+json` nor
`application/json`, and under `Prefer: handling=strict` a query parameter the interaction
does not support (400), before the catalog cache could answer (app/exports/fhir/http.py);
every answer carries the negotiated media type and `Vary: Accept`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from http import HTTPStatus

import orjson
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import NotAcceptable
from app.core.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE
from app.core.responses import API_PREFIX
from app.exports.fhir import http, narrative
from app.exports.fhir.codes import FHIR_MEDIA_TYPE
from app.exports.fhir.resources import OperationOutcome, OperationOutcomeIssue

# The patient's own base and, per clinic, the clinic's.
FHIR_PATH = re.compile(rf"^{API_PREFIX}/(clinics/[^/]+/)?fhir(/|$)")
FHIR_ROUTE = re.compile(rf"^{API_PREFIX}/(clinics/{{clinic_id}}/)?fhir/")
PROBLEM_SYSTEM = PROBLEM_TYPE_BASE.rstrip("/")

# OperationOutcome.issue.code (http://hl7.org/fhir/issue-type) for each status.
ISSUE_TYPE = {
    400: "structure",
    401: "login",
    403: "forbidden",
    404: "not-found",
    405: "not-supported",
    406: "not-supported",
    408: "timeout",
    409: "conflict",
    412: "conflict",
    413: "too-costly",
    415: "not-supported",
    422: "invalid",
    428: "required",
    429: "throttled",
    500: "exception",
}

logger = logging.getLogger("medius")


def outcome(problem: Mapping[str, object]) -> OperationOutcome:
    """A problem document as an OperationOutcome: one issue for the problem, one per
    offending value. `problem` is JSON parsed back from the bytes a handler wrote (its
    members read as they come, so any problem any layer wrote still answers)."""
    given = problem.get("status")
    status = given if isinstance(given, int) else 500
    slug = str(problem.get("type", "")).removeprefix(PROBLEM_TYPE_BASE) or "error"
    issues: list[OperationOutcomeIssue] = [
        {
            "severity": "fatal" if status >= 500 else "error",
            "code": ISSUE_TYPE.get(status, "processing"),
            "details": {
                "coding": [{"system": PROBLEM_SYSTEM, "code": slug}],
                "text": str(problem.get("title") or HTTPStatus(status).phrase),
            },
            "diagnostics": str(problem.get("detail") or HTTPStatus(status).phrase),
        }
    ]
    errors = problem.get("errors")
    for error in errors if isinstance(errors, list) else []:
        where = ".".join(str(p) for p in error.get("loc", []))
        message = str(error.get("msg") or "invalid value")
        issue: OperationOutcomeIssue = {
            "severity": "error",
            "code": "invalid",
            "diagnostics": f"{where}: {message}" if where else message,
        }
        if error.get("type"):
            issue["details"] = {"text": str(error["type"])}
        issues.append(issue)
    made: OperationOutcome = {"resourceType": "OperationOutcome", "issue": issues}
    return narrative.narrated(made)


def outcome_bytes(status: int, slug: str, detail: str, code: str | None = None) -> bytes:
    problem = {"status": status, "type": PROBLEM_TYPE_BASE + slug, "detail": detail}
    made = outcome(problem)
    if code is not None:
        made["issue"][0]["code"] = code
    return orjson.dumps(made)


def _headers(
    start: Message, body: bytes | None, media_type: str = FHIR_MEDIA_TYPE
) -> list[tuple[bytes, bytes]]:
    """The response's headers with the negotiated media type (and the length of a
    rewritten body), and `Vary: Accept` beside whatever it varies on already."""
    dropped = (b"content-type", b"vary") + ((b"content-length",) if body is not None else ())
    headers = list(start.get("headers", []))
    kept = [(k, v) for k, v in headers if k.lower() not in dropped]
    content_type = next((v for k, v in headers if k.lower() == b"content-type"), None)
    varies = [v.decode("latin-1") for k, v in headers if k.lower() == b"vary"]
    vary = ", ".join(dict.fromkeys([*varies, "Accept"]))
    out = [*kept, (b"vary", vary.encode("latin-1"))]
    if content_type is not None or body is not None:
        out.append((b"content-type", media_type.encode()))
    if body is not None:
        out.append((b"content-length", str(len(body)).encode()))
    return out


class FhirBoundary:
    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute] = ()) -> None:
        self.app = app
        self._routes = routes
        self._served: list[http.Interaction] | None = None  # read on first use

    def _admit(self, scope: Scope) -> str | tuple[int, bytes]:
        """The media type to answer with, or the status and OperationOutcome of a request
        FHIR's HTTP rules refuse."""
        headers = dict(scope["headers"])
        query: bytes = scope.get("query_string", b"")
        accept = headers.get(b"accept")
        try:
            media_type = http.media_type(
                accept.decode("latin-1") if accept is not None else None,
                http.format_parameter(query),
            )
        except NotAcceptable as exc:
            return 406, outcome_bytes(406, "not-acceptable", exc.detail)
        prefer = headers.get(b"prefer")
        if query and http.strict(prefer.decode("latin-1") if prefer is not None else None):
            if self._served is None:
                self._served = http.interactions(self._routes, FHIR_ROUTE)
            unknown = http.unsupported(scope["method"], scope["path"], query, self._served)
            if unknown:
                detail = (
                    f"Unsupported parameters under Prefer: handling=strict: {', '.join(unknown)} "
                    "(the base's /metadata lists the search parameters of each resource)."
                )
                return 400, outcome_bytes(400, "unsupported-parameter", detail, "not-supported")
        return media_type

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not FHIR_PATH.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        admitted = self._admit(scope)
        if not isinstance(admitted, str):
            await _send(send, *admitted)
            return
        media_type = admitted
        started = False
        problem_start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal started, problem_start
            if message["type"] == "http.response.start":
                started = True
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if content_type.startswith(PROBLEM_MEDIA_TYPE.encode()):
                    problem_start = message
                    return
                message = {**message, "headers": _headers(message, None, media_type)}
            elif message["type"] == "http.response.body" and problem_start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = orjson.dumps(outcome(orjson.loads(b"".join(chunks))))
                rewritten = _headers(problem_start, body, media_type)
                await _send(send, problem_start["status"], body, rewritten)
                return
            await send(message)

        try:
            await self.app(scope, receive, rewrite)
        except Exception:
            # Starlette's last-resort handler sits outside every middleware; answer here so
            # a failure under the FHIR base is an OperationOutcome too.
            logger.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:
                raise
            detail = "An unexpected error occurred; it has been logged."
            body = outcome_bytes(500, "internal-error", detail)
            await _send(send, 500, body)


async def _send(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    if headers is None:
        headers = _headers({}, body)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
