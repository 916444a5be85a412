"""write path and clinic at scale

Issue #25. The webhook outbox (`webhook_outbox`): a write now leaves one row per event,
and the worker fans it out (audiences, deliveries, advice) in order, exactly once
(app/webhooks/outbox.py). Each care relationship keeps its patient's summary as the
clinician's view ranks it (app/care/team/attention.py): the attention order's keys, the
sessions counted in the four whole weeks before the current one and when that count goes
stale, the last session; indexed in attention order, and by staleness. Backfilled here
for every active relationship, as of the migration's run, by the code that keeps them.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 06:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.sqltypes
from app.care.team.attention import refresh_all
from app.core.types import utcnow

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STALE = sa.text("'1970-01-01 00:00:00+00:00'")
ATTENTION = ["rank_alerts", "rank_adherence", "rank_last", "patient_id"]


def upgrade() -> None:
    op.create_table(
        "webhook_outbox",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("care_of", sa.Uuid(), nullable=True),
        sa.Column("clinic_private", sa.Text(), nullable=True),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_webhook_outbox_owner_id"), ["owner_id"], unique=False)

    with op.batch_alter_table("care_relationship", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rank_alerts", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("rank_adherence", sa.Integer(), nullable=False, server_default="1001")
        )
        batch_op.add_column(
            sa.Column("rank_last", sa.BigInteger(), nullable=False, server_default="-1")
        )
        batch_op.add_column(
            sa.Column("summary_done", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("summary_last_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "summary_until",
                app.core.sqltypes.UTCDateTime(timezone=True),
                nullable=False,
                server_default=STALE,
            )
        )
        batch_op.create_index(
            "ix_care_relationship_attention",
            ["clinic_id", "clinician_id", "status", *ATTENTION],
            unique=False,
        )
        batch_op.create_index(
            "ix_care_relationship_summary_until",
            ["clinic_id", "clinician_id", "status", "summary_until"],
            unique=False,
        )
    refresh_all(op.get_bind(), utcnow())


def downgrade() -> None:
    with op.batch_alter_table("care_relationship", schema=None) as batch_op:
        batch_op.drop_index("ix_care_relationship_summary_until")
        batch_op.drop_index("ix_care_relationship_attention")
        for column in (
            "summary_until",
            "summary_last_id",
            "summary_done",
            "rank_last",
            "rank_adherence",
            "rank_alerts",
        ):
            batch_op.drop_column(column)
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_owner_id"))
    op.drop_table("webhook_outbox")
