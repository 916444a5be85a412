"""Registration, sign-in, token refresh, logout and the signed-in user's own profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.security import OAuth2PasswordRequestForm
from starlette.responses import Response

from app.core.deps import ClientAddress, IfMatch, SessionDep, SettingsDep
from app.core.problems import answers
from app.core.responses import respond
from app.users import examples, service
from app.users.auth import CurrentUser, SignedIn
from app.users.emails import EMAIL_MAX_LENGTH
from app.users.models import (
    PASSWORD_MAX_LENGTH,
    AccountDeletion,
    PasswordChange,
    RefreshRequest,
    SignInName,
    Token,
    UserCreate,
    UserPublic,
    UserUpdate,
)

auth_router = APIRouter(prefix="/auth", tags=["auth"])
me_router = APIRouter(prefix="/me", tags=["me"])


class SignInForm(OAuth2PasswordRequestForm):
    """OAuth2's password-flow form with bounded fields: over-long input is 422, never cut."""

    def __init__(
        self,
        *,
        username: Annotated[
            SignInName,
            Form(min_length=1, max_length=EMAIL_MAX_LENGTH, description="Your email."),
        ],
        password: Annotated[
            str,
            Form(
                min_length=1,
                max_length=PASSWORD_MAX_LENGTH,
                json_schema_extra={"format": "password"},
            ),
        ],
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
        scope: Annotated[str, Form(max_length=1000)] = "",
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
    "/register",
    status_code=201,
    summary="Create an account",
    description="Register with email and password (10-256 characters, not a common password). "
    "Emails are compared case-insensitively after Unicode (NFC) and IDNA normalisation; a "
    "second account for one email is 409. Sign-ups are limited per client address "
    "(`REGISTER_MAX_PER_ADDRESS` per `REGISTER_WINDOW_SECONDS`; 429 with `Retry-After`).",
    response_model=UserPublic,
    responses=answers(examples.user, 400, 409, 413, 415, 422, 429, status=201),
)
async def register(
    data: UserCreate, session: SessionDep, settings: SettingsDep, address: ClientAddress
) -> Response:
    user = await service.register(session, data, settings, address)
    return respond(service.profile(user), status_code=201)


@auth_router.post(
    "/token",
    summary="Sign in (OAuth2 password flow)",
    description="Form fields `username` (your email) and `password` (at most 256 characters; "
    "longer is 422). Returns a short-lived bearer access token and a single-use refresh "
    "token. Attempts are limited per account and client address and per client address "
    "(429 with `Retry-After`); repeated failures on one account from anywhere only slow "
    "its sign-ins down, so the owner can always sign in from elsewhere.",
    response_model=Token,
    responses=answers(examples.token, 401, 415, 422, 429),
)
async def sign_in(
    form: Annotated[SignInForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
    address: ClientAddress,
) -> Response:
    token = await service.sign_in(session, form.username, form.password, address, settings)
    return respond(token)


@auth_router.post(
    "/refresh",
    summary="Rotate the refresh token",
    description="Exchange a refresh token for a new access token and a new refresh token. "
    "Each refresh token works once; presenting a used one ends the whole sign-in (its "
    "refresh and access tokens), since it means the token was copied.",
    response_model=Token,
    responses=answers(examples.token, 400, 401, 415, 422),
)
def refresh_tokens(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> Response:
    return respond(service.refresh(session, body.refresh_token, settings))


@auth_router.post(
    "/logout",
    status_code=204,
    summary="Sign out",
    description="Ends the sign-in the refresh token belongs to: its refresh tokens and its "
    "access tokens stop working at once (other sign-ins, e.g. on another device, stay). "
    "Repeating it is harmless (204 again); an unknown token is 401.",
    responses=answers(None, 400, 401, 415, 422, status=204, description="Signed out"),
)
def logout(body: RefreshRequest, session: SessionDep) -> Response:
    service.logout(session, body.refresh_token)
    return respond()


@me_router.get(
    "",
    summary="Your profile",
    description="The signed-in user's profile, with an `ETag` for conditional updates.",
    response_model=UserPublic,
    responses=answers(examples.user, 401),
)
async def read_me(unit: SignedIn) -> Response:
    return respond(service.profile(await unit.caller()))


@me_router.patch(
    "",
    summary="Update your profile",
    description="Change display name, IANA time zone or units (JSON merge patch). Send "
    "`If-Match` with the ETag you read.",
    response_model=UserPublic,
    responses=answers(examples.user, 400, 401, 412, 413, 415, 422, 428),
)
async def update_me(changes: UserUpdate, unit: SignedIn, if_match: IfMatch = None) -> Response:
    return respond(
        await unit.write(
            lambda db, user: service.update_profile(db, user, changes=changes, if_match=if_match)
        )
    )


@me_router.post(
    "/password",
    summary="Change your password",
    description="Send `current_password` and `new_password` (the same rules as registration). "
    "Every sign-in of the account ends (all refresh and access tokens, on every device); "
    "the answer carries the tokens of a new sign-in for this client. Your calendar feed's "
    "token ends too (its URL answers 404; issue a new one with `POST /me/calendar-token`); "
    "share links stay, since each is a deliberate share you list and revoke on its own. "
    "A wrong current "
    "password is 403 and counts as a failed sign-in (429 when over the limit).",
    response_model=Token,
    responses=answers(examples.token, 400, 401, 403, 409, 413, 415, 422, 429),
)
async def change_password(
    body: PasswordChange,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    address: ClientAddress,
) -> Response:
    return respond(await service.change_password(session, user, body, address, settings))


@me_router.delete(
    "",
    status_code=204,
    summary="Delete your account",
    description="Deletes the account and everything it owns: routines, self-checks, "
    "session logs and tokens. This cannot be undone, so it needs your `password` in the "
    "body (a wrong one is 403 and counts as a failed sign-in) and `If-Match` with the "
    "ETag of `GET /me` (missing is 428, stale is 412).",
    responses=answers(
        None, 400, 401, 403, 412, 413, 415, 422, 428, 429, status=204, description="Deleted"
    ),
)
async def delete_me(
    body: AccountDeletion,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    address: ClientAddress,
    if_match: IfMatch = None,
) -> Response:
    await service.delete_account(session, user, body, if_match, address, settings)
    return respond()
