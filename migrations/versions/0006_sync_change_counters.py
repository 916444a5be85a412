"""sync change counters

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 21:00:00

A per-user change counter and a `change_seq` on sessions and exercises, so sync
follows commit order instead of a clock read before commit (app/core/changes.py).
Existing rows are numbered in their `updated_at` order.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_change_counter",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    with op.batch_alter_table("workout_session") as batch:
        batch.add_column(
            sa.Column("change_seq", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch.create_index("ix_session_owner_change", ["owner_id", "change_seq", "id"])
    with op.batch_alter_table("exercise") as batch:
        batch.add_column(
            sa.Column("change_seq", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch.create_index("ix_exercise_change_seq_id", ["change_seq", "id"])
    op.execute(
        """
        UPDATE workout_session SET change_seq = ranked.n
        FROM (
            SELECT id, ROW_NUMBER() OVER (PARTITION BY owner_id ORDER BY updated_at, id) AS n
            FROM workout_session
        ) AS ranked
        WHERE workout_session.id = ranked.id
        """
    )
    op.execute(
        """
        INSERT INTO user_change_counter (user_id, seq)
        SELECT owner_id, MAX(change_seq) FROM workout_session GROUP BY owner_id
        """
    )
    op.execute(
        "UPDATE exercise SET change_seq = "
        "COALESCE((SELECT revision FROM catalog_state WHERE id = 1), 0)"
    )


def downgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.drop_index("ix_exercise_change_seq_id")
        batch.drop_column("change_seq")
    with op.batch_alter_table("workout_session") as batch:
        batch.drop_index("ix_session_owner_change")
        batch.drop_column("change_seq")
    op.drop_table("user_change_counter")
