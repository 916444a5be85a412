"""exercise week totals

Per-(owner, exercise, local ISO week) sums beside the per-day ones of 0008, kept with
every session write (app/logbook/sessions/totals.py), so /me/progress reads whole weeks without
grouping day rows; only a range's clipped first and last weeks come from the day rows.
Backfilled here from the day rows (already dated in each owner's zone).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 00:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.logbook.sessions.repository import weeks_from_days

revision: str = "0009"
down_revision: str | None = "0008"
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
        "exercise_week_total",
        *[sa.Column(name, sa.Integer(), nullable=False) for name in _FIGURES],
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("exercise_slug", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("owner_id", "week", "exercise_slug"),
    )
    weeks_from_days(op.get_bind(), None, None)


def downgrade() -> None:
    op.drop_table("exercise_week_total")
