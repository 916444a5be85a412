"""`GET /me/export`: the signed-in account's data across every domain."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.core.problems import answers
from app.core.responses import respond
from app.exports.account import examples, service
from app.exports.account.models import UserExport
from app.users.auth import SignedIn

router = APIRouter(prefix="/me", tags=["me"])


@router.get(
    "/export",
    summary="Export everything you own",
    description="Your profile, routines, self-checks and session logs in one JSON document "
    "(the same as the `python -m app export-user` command).",
    response_model=UserExport,
    responses=answers(examples.account_export, 401),
)
async def export_me(unit: SignedIn, catalog: CatalogDep) -> Response:
    return respond(
        await unit.run(service.export_user, catalog),
        headers={"Content-Disposition": 'attachment; filename="medius-export.json"'},
    )
