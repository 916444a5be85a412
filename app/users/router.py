"""Registration, sign-in, token refresh and the signed-in user's own profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.security import OAuth2PasswordRequestForm
from starlette.responses import Response

from app.catalog.examples import example_response
from app.core.deps import IfMatch, SessionDep, SettingsDep
from app.core.problems import problem_responses
from app.core.responses import private_json
from app.users import service
from app.users.auth import CurrentUser
from app.users.examples import TOKEN_EXAMPLE, USER_EXAMPLE
from app.users.export import UserExport, export_example, export_user
from app.users.models import (
    RefreshRequest,
    SignInName,
    Token,
    UserCreate,
    UserPublic,
    UserUpdate,
)

auth_router = APIRouter(prefix="/auth", tags=["auth"])
me_router = APIRouter(prefix="/me", tags=["me"])


@auth_router.post(
    "/register",
    status_code=201,
    summary="Create an account",
    description="Register with email and password (10+ characters, not a common password). "
    "Emails are compared case-insensitively; a second account for one email is 409.",
    response_model=UserPublic,
    responses={201: example_response(USER_EXAMPLE), **problem_responses(400, 409, 413, 415, 422)},
)
def register(data: UserCreate, session: SessionDep) -> Response:
    user = service.register(session, data)
    return private_json(
        service.to_public(user),
        status_code=201,
        headers={"Location": "/api/v1/me", "ETag": service.user_etag(user)},
    )


class SignInForm(OAuth2PasswordRequestForm):
    """The OAuth2 password form with a bounded `username` free of control characters."""

    def __init__(
        self,
        *,
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
        username: Annotated[SignInName, Form()],
        password: Annotated[str, Form(max_length=1024)],
        scope: Annotated[str, Form(max_length=200)] = "",
        client_id: Annotated[str | None, Form(max_length=200)] = None,
        client_secret: Annotated[str | None, Form(max_length=200)] = None,
    ) -> None:
        super().__init__(
            grant_type=grant_type,
            username=username,
            password=password,
            scope=scope,
            client_id=client_id,
            client_secret=client_secret,
        )


@auth_router.post(
    "/token",
    summary="Sign in (OAuth2 password flow)",
    description="Form fields `username` (your email) and `password`. Returns a short-lived "
    "bearer access token and a single-use refresh token. Failed attempts are limited per "
    "account and per client address (429 with `Retry-After`).",
    response_model=Token,
    responses={200: example_response(TOKEN_EXAMPLE), **problem_responses(401, 415, 422, 429)},
)
def sign_in(
    request: Request,
    form: Annotated[SignInForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    attempt = service.LoginAttempt(
        email=form.username[:254],
        password=form.password[:256],
        client_address=request.client.host if request.client else "unknown",
    )
    return private_json(service.authenticate(session, attempt, settings))


@auth_router.post(
    "/refresh",
    summary="Rotate the refresh token",
    description="Exchange a refresh token for a new access token and a new refresh token. "
    "Each refresh token works once; presenting a used one revokes every token of that "
    "sign-in, since it means the token was copied.",
    response_model=Token,
    responses={200: example_response(TOKEN_EXAMPLE), **problem_responses(400, 401, 415, 422)},
)
def refresh_tokens(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> Response:
    return private_json(service.refresh(session, body.refresh_token, settings))


ME_ERRORS = problem_responses(401)


@me_router.get(
    "",
    summary="Your profile",
    description="The signed-in user's profile, with an `ETag` for conditional updates.",
    response_model=UserPublic,
    responses={200: example_response(USER_EXAMPLE), **ME_ERRORS},
)
def read_me(user: CurrentUser) -> Response:
    return private_json(service.to_public(user), headers={"ETag": service.user_etag(user)})


@me_router.patch(
    "",
    summary="Update your profile",
    description="Change display name, IANA time zone or units (JSON merge patch). Send "
    "`If-Match` with the ETag you read.",
    response_model=UserPublic,
    responses={
        200: example_response(USER_EXAMPLE),
        **problem_responses(400, 401, 412, 413, 415, 422, 428),
    },
)
def update_me(
    changes: UserUpdate, user: CurrentUser, session: SessionDep, if_match: IfMatch = None
) -> Response:
    updated = service.update_profile(session, user, changes, if_match)
    return private_json(service.to_public(updated), headers={"ETag": service.user_etag(updated)})


@me_router.delete(
    "",
    status_code=204,
    summary="Delete your account",
    description="Deletes the account and everything it owns: routines, self-checks, "
    "session logs and tokens. This cannot be undone.",
    responses={204: {"description": "Deleted"}, **ME_ERRORS},
)
def delete_me(user: CurrentUser, session: SessionDep) -> Response:
    service.delete_account(session, user)
    return Response(status_code=204, headers={"Cache-Control": "private, no-store"})


@me_router.get(
    "/export",
    summary="Export everything you own",
    description="Your profile, routines, self-checks and session logs in one JSON document "
    "(the same as the `python -m app export-user` command).",
    response_model=UserExport,
    responses={200: example_response(export_example()), **ME_ERRORS},
)
def export_me(user: CurrentUser, session: SessionDep) -> Response:
    return private_json(
        export_user(session, user),
        headers={"Content-Disposition": 'attachment; filename="medius-export.json"'},
    )
