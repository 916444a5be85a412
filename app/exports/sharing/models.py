"""Share links (SQLModel multiple-models pattern): the token is shown once, stored hashed."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator
from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.shapes import mirror
from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import SHORT_TEXT_MAX, AwareDatetime, ShortText, utcnow
from app.core.vocabulary import ShareKind, ShareStatus

DEFAULT_DAYS = 30
MAX_DAYS = 90
# Links one account keeps (README, "Limits"): active ones at once, and ever (revoked and
# expired links stay, so the access log keeps naming what was used).
MAX_ACTIVE_LINKS = 50
MAX_LINKS = 1000
TOKEN_BYTES = 32  # 256 bits from `secrets`; the URL carries 43 base64url characters
TOKEN_MAX = 100


class ShareLink(SQLModel, table=True):
    __tablename__ = "share_link"
    __table_args__ = (
        UniqueConstraint("token_hash", name="uq_share_link_token_hash"),
        Index("ix_share_link_owner_created", "owner_id", "created_at", "id"),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE")
    kind: ShareKind = SQLField(sa_type=VocabularyColumn(ShareKind, 16))
    routine_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="routine.id", ondelete="CASCADE", index=True
    )
    label: str = SQLField(default="", max_length=SHORT_TEXT_MAX)
    # SHA-256 of the token: a stolen database holds no usable link.
    token_hash: str = SQLField(max_length=64)
    # SHA-256 of the create request made under a client-chosen id (a retry finds it).
    request_digest: str | None = SQLField(default=None, max_length=64)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    expires_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    revoked_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))


class ShareLinkCreate(BaseModel):
    """A new link to one thing: a routine's handout (`routine_id`) or your progress."""

    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your UUID for the link makes retries safe: the same id and body answer "
        "the link already made (200, without its token, which is shown only once); the same "
        "id with another body is 409.",
    )
    kind: ShareKind
    routine_id: uuid.UUID | None = Field(
        default=None, description="For `routine_handout`: one of your routines (or a template)."
    )
    label: ShortText | None = Field(
        default=None, description="Your note of whom it is for, e.g. `Coach Sam`."
    )
    expires_in_days: StrictInt | None = Field(
        default=None,
        ge=1,
        le=MAX_DAYS,
        description=f"Days until it stops working: default {DEFAULT_DAYS}, at most {MAX_DAYS}.",
    )
    expires_at: AwareDatetime | None = Field(
        default=None,
        description=f"Or the moment it stops working: in the future, at most {MAX_DAYS} days on.",
    )

    @model_validator(mode="after")
    def _one_thing(self) -> Self:
        if self.expires_in_days is not None and self.expires_at is not None:
            raise ValueError("give expires_in_days or expires_at, not both")
        if (self.kind is ShareKind.ROUTINE_HANDOUT) != (self.routine_id is not None):
            raise ValueError("routine_id is required for routine_handout and only for it")
        return self


class ShareLinkPublic(BaseModel):
    id: uuid.UUID
    kind: ShareKind
    routine_id: uuid.UUID | None
    label: str
    status: ShareStatus = Field(description="`active`, or `expired`/`revoked`: then it shows 404.")
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


class ShareLinkCreated(ShareLinkPublic):
    token: str | None = Field(
        description="The secret part of the link, shown once (null on a retry's answer: "
        "revoke that link and make another if you lost it)."
    )
    path: str | None = Field(description="Where the link opens: `/api/v1/shared/<token>`.")


class ShareLinkBody(TypedDict):
    """`ShareLinkPublic` as the service builds it (a dict, encoded without validation)."""

    id: uuid.UUID
    kind: ShareKind
    routine_id: uuid.UUID | None
    label: str
    status: ShareStatus
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


class ShareLinkCreatedBody(ShareLinkBody):
    token: str | None
    path: str | None


mirror(ShareLinkBody, ShareLinkPublic)
mirror(ShareLinkCreatedBody, ShareLinkCreated)
