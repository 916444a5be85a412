"""Share links: the patient's `/me/share-links`, and the public `GET /shared/{token}`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.core.deps import ClientAddress
from app.core.examples import example_body, lazy_example, retry_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from app.core.problems import answers, problem_responses
from app.core.responses import respond, respond_created
from app.exports.handout.params import CONTENT_DISPOSITION, HANDOUT_CONTENT
from app.exports.handout.render import program_response
from app.exports.sharing import examples, service
from app.exports.sharing.models import ShareLinkCreate, ShareLinkCreated, ShareLinkPublic
from app.exports.sharing.params import LinkID, Token
from app.users.auth import SignedIn, VisitorUnit

router = APIRouter(tags=["sharing"])

# A shared document is someone's health data opened from a link: kept by no cache, sent
# to no site it links to, listed by no search engine.
SHARED_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Vary": "Accept",
}


@router.post(
    "/me/share-links",
    status_code=201,
    summary="Share a handout or your progress",
    description="A read-only link for someone without an account to one thing: a routine's "
    "printable handout (`routine_handout` with `routine_id`: one of yours, a prescription "
    "or a template), your progress summary (`progress`) or your progress report with "
    "charts (`progress_report`: the last 12 weeks, every section, as `GET /me/report` "
    "shows it to you, opened as HTML or PDF). It stops working after "
    "`expires_in_days` (default 30, at most 90) or at `expires_at`, or when you revoke it. "
    "The `token` is shown only in this answer and stored hashed. Send your own `id` to make "
    "retries safe (a retry answers 200 without the token). Every use is recorded for you. "
    "At most 50 active links (1000 in all) per account: 409 `quota-exceeded`.",
    response_model=ShareLinkCreated,
    openapi_extra=example_body(examples.create),
    responses={
        **answers(examples.created, 400, 401, 409, 413, 415, 422, status=201),
        **retry_response(examples.replayed, "the link this id made (no token)", ShareLinkCreated),
    },
)
async def create_share_link(data: ShareLinkCreate, unit: SignedIn) -> Response:
    body, created = await unit.write(lambda db, caller: service.create(db, caller, data=data))
    return respond_created(body, created)


@router.get(
    "/me/share-links",
    summary="Your share links",
    description="Every link you made, newest first, with its `status` (`active`, "
    "`expired`, `revoked`); never the tokens.",
    response_model=Page[ShareLinkPublic],
    responses=answers(examples.link_page, 401, 422),
)
async def list_share_links(
    unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    page = await unit.read(
        lambda db, caller: service.list_for(db, caller, cursor=cursor, limit=limit)
    )
    return respond(page)


@router.delete(
    "/me/share-links/{link_id}",
    status_code=204,
    summary="Revoke a share link",
    description="The link answers 404 from the next request on. Revoking a revoked link "
    "again is 204 too (no `If-Match`: revocation only ever narrows access).",
    responses=answers(None, 401, 404, 422, status=204, description="Revoked"),
)
async def revoke_share_link(link_id: LinkID, unit: SignedIn) -> Response:
    await unit.write(lambda db, caller: service.revoke(db, caller, link_id=link_id))
    return respond()


@router.get(
    "/shared/{token}",
    summary="Open a share link (no sign-in)",
    description="What a live link shares: a routine's handout, by `Accept` as "
    "`GET /routines/{id}/handout` (`text/html`, also `*/*` or none; `application/pdf`), "
    "without the owner's pain warnings; a progress summary as JSON (the last 12 weeks, "
    "shaped as `GET /me/progress`); or the owner's progress report (the last 12 weeks, as "
    "`GET /me/report`, HTML or PDF by `Accept`). An unknown, expired or revoked link is "
    "the same 404. "
    "`Cache-Control: no-store`, `Referrer-Policy: no-referrer`. Each use is recorded for "
    "the link's owner.",
    response_class=Response,
    responses={
        200: {
            "description": "The shared handout, progress summary or progress report",
            "headers": {
                "Cache-Control": {
                    "description": "`no-store`.",
                    "required": True,
                    "schema": {"type": "string", "enum": ["no-store"]},
                },
                "Referrer-Policy": {
                    "description": "`no-referrer`: the link never leaks to sites it links to.",
                    "required": True,
                    "schema": {"type": "string", "enum": ["no-referrer"]},
                },
                "Content-Disposition": CONTENT_DISPOSITION,
            },
            "content": {
                **HANDOUT_CONTENT,
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/Progress"},
                    "example": lazy_example(examples.progress_summary),
                },
            },
        },
        **problem_responses(404, 406, 422),
    },
)
async def open_share_link(
    token: Token, request: Request, address: ClientAddress, catalog: CatalogDep
) -> Response:
    # Anyone may open a link: no credentials are read, not even a stale token sent along.
    unit = VisitorUnit(request.app.state.engine, None)
    accept = request.headers.get("accept")
    # A read that writes only the use's line in the owner's access log.
    shared = await unit.read_logged(
        lambda db, visitor: service.shared(
            db, visitor, token=token, accept=accept, address=address, catalog=catalog
        )
    )
    if isinstance(shared, dict):
        return respond(shared, headers=SHARED_HEADERS)
    return program_response(shared, SHARED_HEADERS)
