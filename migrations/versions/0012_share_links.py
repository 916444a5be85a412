"""share links

A patient's read-only links to one routine's handout or to their progress summary: the
token stored only as its SHA-256, expiring, revocable (kept after, so the access log can
keep naming what was used).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.sqltypes

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "share_link",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("routine_id", sa.Uuid(), nullable=True),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("request_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["routine_id"], ["routine.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash", name="uq_share_link_token_hash"),
    )
    with op.batch_alter_table("share_link", schema=None) as batch_op:
        batch_op.create_index(
            "ix_share_link_owner_created", ["owner_id", "created_at", "id"], unique=False
        )
        batch_op.create_index("ix_share_link_routine_id", ["routine_id"], unique=False)


def downgrade() -> None:
    op.drop_table("share_link")
