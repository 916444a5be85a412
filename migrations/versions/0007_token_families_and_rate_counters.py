"""token families and rate counters

Sign-ins become rows (token_family) that access tokens name, so ending one (logout,
refresh-token reuse, password change) stops its access tokens too; refresh tokens
point at their family, which now holds the revocation. Login failures (one row per
failure, counted and checked in separate statements) give way to atomic fixed-window
counters (rate_counter) shared by sign-in and sign-up limits.

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-29 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.sqltypes

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_counter",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("rate_counter", schema=None) as batch_op:
        batch_op.create_index("ix_rate_counter_expires_at", ["expires_at"], unique=False)

    op.create_table(
        "token_family",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("revoked_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("token_family", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_token_family_user_id"), ["user_id"], unique=False)

    # Every existing sign-in becomes a family; one revoked token revoked its whole family.
    op.execute(
        "INSERT INTO token_family (id, user_id, revoked_at, created_at) "
        "SELECT family_id, user_id, MAX(revoked_at), MIN(created_at) "
        "FROM refresh_token GROUP BY family_id, user_id"
    )
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.create_foreign_key(
            "fk_refresh_token_family_id_token_family",
            "token_family",
            ["family_id"],
            ["id"],
            ondelete="CASCADE",
        )

    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failure_key_at")
    op.drop_table("login_failure")


def downgrade() -> None:
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("failed_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index("ix_login_failure_key_at", ["key", "failed_at"], unique=False)

    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.drop_constraint("fk_refresh_token_family_id_token_family", type_="foreignkey")
        batch_op.add_column(
            sa.Column("revoked_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute(
        "UPDATE refresh_token SET revoked_at = (SELECT token_family.revoked_at FROM token_family "
        "WHERE token_family.id = refresh_token.family_id)"
    )

    with op.batch_alter_table("token_family", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_token_family_user_id"))
    op.drop_table("token_family")

    with op.batch_alter_table("rate_counter", schema=None) as batch_op:
        batch_op.drop_index("ix_rate_counter_expires_at")
    op.drop_table("rate_counter")
