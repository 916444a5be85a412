"""Typed dependencies shared by every router."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlmodel import Session

from app.core.config import Settings


def get_db(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


async def get_app_settings(request: Request) -> Settings:
    # async: it only reads app.state, so it needs no thread-pool hop.
    settings: Settings = request.app.state.settings
    return settings


def client_address(request: Request) -> str:
    """The caller's IP address: the connection's, or the one a `TRUSTED_PROXIES` proxy
    named (uvicorn applies X-Forwarded-For from those only; app/core/server.py)."""
    return request.client.host if request.client else "unknown"


SessionDep = Annotated[Session, Depends(get_db)]
ClientAddress = Annotated[str, Depends(client_address)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
IfMatch = Annotated[
    str | None,
    Header(
        max_length=200,
        description="Required: the ETag from your last read. Stale is 412, missing is 428.",
    ),
]
