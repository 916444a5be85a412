"""calendar schedule changes

A feed event's SEQUENCE and LAST-MODIFIED (issue #23) come from what is stored: the
routine's versions say when its program changed. What moves every event without a new
routine version, a change of the user's time zone or of the feed's time of day, had no
trace; the feed row now counts those changes and keeps the last one's time. Existing feeds
start at no change (their events keep the stamps of their routine's versions).

Revision ID: 0021
Revises: 0019
Create Date: 2026-12-07 06:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.sqltypes import UTCDateTime

revision: str = "0021"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("calendar_feed") as batch:
        batch.add_column(
            sa.Column("schedule_changes", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("schedule_changed_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("calendar_feed") as batch:
        batch.drop_column("schedule_changed_at")
        batch.drop_column("schedule_changes")
