"""Users, refresh tokens and login attempts (SQLModel multiple-models pattern)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from functools import lru_cache
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema
from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import ONE_LINE, utcnow
from app.core.vocabulary import Role, Units
from app.users.emails import EMAIL_MAX_LENGTH, normalise_email


@lru_cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _known_zone(value: str) -> str:
    if value not in _zones():
        raise ValueError("not an IANA time zone name, e.g. Europe/London")
    return value


# Lengths shared by the wire types and the columns.
TIME_ZONE_MAX = 64
DISPLAY_NAME_MAX = 80
TimeZone = Annotated[
    str,
    StringConstraints(min_length=1, max_length=TIME_ZONE_MAX),
    AfterValidator(_known_zone),
    Field(description="IANA time zone; calendar-day figures use it.", examples=["Europe/Berlin"]),
]
DisplayName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=DISPLAY_NAME_MAX),
    ONE_LINE,
]
PASSWORD_MAX_LENGTH = 256
# The sign-in form's `username` (an email): bounded and free of control characters.
SignInName = Annotated[str, StringConstraints(min_length=1, max_length=EMAIL_MAX_LENGTH), ONE_LINE]
Password = Annotated[
    str,
    StringConstraints(min_length=1, max_length=PASSWORD_MAX_LENGTH),
    Field(description="At least 10 characters and not a common password."),
]
CurrentPassword = Annotated[
    str,
    StringConstraints(min_length=1, max_length=PASSWORD_MAX_LENGTH),
    Field(description="Your current password (re-authentication)."),
]
Email = Annotated[
    str,
    StringConstraints(max_length=EMAIL_MAX_LENGTH),
    AfterValidator(normalise_email),
    WithJsonSchema({"type": "string", "format": "email", "maxLength": EMAIL_MAX_LENGTH}),
]


class User(SQLModel, table=True):
    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("email", name="uq_app_user_email"),)

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    email: str = SQLField(sa_column=Column(String(EMAIL_MAX_LENGTH), nullable=False))
    password_hash: str = SQLField(max_length=255)
    display_name: str | None = SQLField(default=None, max_length=DISPLAY_NAME_MAX)
    time_zone: str = SQLField(default="UTC", max_length=TIME_ZONE_MAX)
    units: Units = SQLField(default=Units.METRIC, sa_type=VocabularyColumn(Units, 16))
    role: Role = SQLField(default=Role.USER, sa_type=VocabularyColumn(Role, 16))
    revision: int = SQLField(default=1)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


@dataclass(frozen=True, slots=True)
class Caller:
    """The signed-in user as a request sees it: the profile's columns read as one row by
    the sign-in check (app/users/repository.py), not an ORM entity, and no password hash
    (re-authentication reads that itself). Every signed-in route and service takes this."""

    id: uuid.UUID
    email: str
    display_name: str | None
    time_zone: str
    units: str
    role: str
    revision: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, user: User) -> Caller:
        """An account loaded some other way (the CLI, tests) as a caller."""
        return cls(*(getattr(user, name) for name in CALLER_FIELDS))


CALLER_FIELDS = tuple(f.name for f in fields(Caller))


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Email
    password: Password
    display_name: DisplayName | None = None
    time_zone: TimeZone = "UTC"
    units: Units = Units.METRIC


class UserUpdate(BaseModel):
    """JSON merge patch of the profile: only the fields sent change."""

    model_config = ConfigDict(extra="forbid")
    display_name: DisplayName | None = None
    time_zone: TimeZone | None = None
    units: Units | None = None


class UserPublic(BaseModel):
    id: uuid.UUID
    email: str
    display_name: str | None
    time_zone: str
    units: Units
    role: Role
    created_at: datetime
    updated_at: datetime


class TokenFamily(SQLModel, table=True):
    """One sign-in: its refresh tokens rotate within it, its access tokens name it.

    Revoking the family (logout, refresh-token reuse, password change) ends the
    sign-in at once: authentication reads this row with the user's, by primary key.
    """

    __tablename__ = "token_family"

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    revoked_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class RefreshToken(SQLModel, table=True):
    """One issued refresh token; tokens rotated from one sign-in share a family."""

    __tablename__ = "refresh_token"
    __table_args__ = (Index("ix_refresh_token_family", "family_id"),)

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    family_id: uuid.UUID = SQLField(
        sa_column=Column(
            Uuid(),
            ForeignKey("token_family.id", ondelete="CASCADE"),
            nullable=False,
        )
    )
    secret_digest: str = SQLField(max_length=64)
    expires_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class Token(BaseModel):
    access_token: str
    token_type: str = Field(default="bearer", examples=["bearer"])
    expires_in: int = Field(description="Seconds until the access token expires.", examples=[900])
    refresh_token: str = Field(description="Single use; exchange at /auth/refresh.")


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    refresh_token: Annotated[str, StringConstraints(min_length=1, max_length=200), ONE_LINE]


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: CurrentPassword
    new_password: Password


class AccountDeletion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    password: CurrentPassword
