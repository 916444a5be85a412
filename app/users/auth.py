"""Who may call: the dependencies routers declare (`CurrentUser`, `AdminUser`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from app.core.deps import SessionDep, SettingsDep
from app.core.errors import Forbidden
from app.users import service
from app.users.models import Role, User

TOKEN_URL = "/api/v1/auth/token"  # noqa: S105
bearer = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)


def current_user(
    session: SessionDep, settings: SettingsDep, token: Annotated[str | None, Depends(bearer)]
) -> User:
    return service.user_for_token(session, token, settings)


CurrentUser = Annotated[User, Depends(current_user)]


def admin_user(user: CurrentUser) -> User:
    if user.role != Role.ADMIN.value:
        raise Forbidden("Only catalog administrators may do this.")
    return user


AdminUser = Annotated[User, Depends(admin_user)]


def optional_user(
    session: SessionDep, settings: SettingsDep, token: Annotated[str | None, Depends(bearer)]
) -> User | None:
    """The caller if a token was sent (and valid: a bad token is still 401), else None."""
    return service.user_for_token(session, token, settings) if token else None


OptionalUser = Annotated[User | None, Depends(optional_user)]
