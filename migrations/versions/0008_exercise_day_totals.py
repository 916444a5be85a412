"""exercise day totals

Per-(owner, exercise, local day) sums of the session log, kept with every session write
(app/logbook/sessions/totals.py), so /me/progress reads days x exercises small rows instead of
every set; the time zone each owner's rows are dated in; and each session's worst pain
(`workout_session.pain_max`), so pain alerts read sessions, not sets. Backfilled here
from the stored entries, each owner's days in the owner's time zone.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 23:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.logbook.sessions.totals import backfill

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FIGURES = (
    "sessions",
    "sets",
    "reps",
    "steps",
    "hold_seconds",
    "best_reps",
    "best_steps",
    "best_hold",
    "pain_sum",
    "pain_max",
    "effort_sum",
    "left_sets",
    "left_counted",
    "left_held",
    "right_sets",
    "right_counted",
    "right_held",
)


def upgrade() -> None:
    op.create_table(
        "exercise_day_total",
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("exercise_slug", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in _FIGURES],
        sa.ForeignKeyConstraint(["owner_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("owner_id", "day", "exercise_slug"),
    )
    op.create_table(
        "exercise_day_zone",
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("time_zone", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("owner_id"),
    )
    with op.batch_alter_table("workout_session") as batch:
        batch.add_column(sa.Column("pain_max", sa.Integer(), nullable=True))
    backfill(op.get_bind(), weeks=False)  # 0009 adds the week rows


def downgrade() -> None:
    with op.batch_alter_table("workout_session") as batch:
        batch.drop_column("pain_max")
    op.drop_table("exercise_day_zone")
    op.drop_table("exercise_day_total")
