"""webhooks under consent

Who registered each webhook endpoint (a clinic's endpoint carries patients' events only
while its registrant is an owner of the clinic), and the access log's record of events
sent to a clinic's endpoints (which endpoint, which event). Clinic endpoints registered
before this revision have no known registrant: they are disabled (`registrant-left`)
until an owner enables one again and answers for it. They would carry nothing anyway
until patients grant the new `clinic_systems` scope.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import app.core.sqltypes

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_endpoint") as batch:
        batch.add_column(
            sa.Column(
                "created_by",
                sa.Uuid(),
                sa.ForeignKey(
                    "app_user.id",
                    name="fk_webhook_endpoint_created_by",
                    ondelete="SET NULL",
                ),
                nullable=True,
            )
        )
    with op.batch_alter_table("access_log") as batch:
        batch.add_column(sa.Column("endpoint_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("event_id", sa.Uuid(), nullable=True))
    endpoint = sa.table(
        "webhook_endpoint",
        sa.column("clinic_id", sa.Uuid()),
        sa.column("owner_id", sa.Uuid()),
        sa.column("enabled", sa.Boolean()),
        sa.column("disabled_reason", sa.String()),
        sa.column("disabled_at", app.core.sqltypes.UTCDateTime()),
        sa.column("created_by", sa.Uuid()),
    )
    op.execute(
        endpoint.update()
        .where(endpoint.c.owner_id.is_not(None))
        .values(created_by=endpoint.c.owner_id)
    )
    op.execute(
        endpoint.update()
        .where(endpoint.c.clinic_id.is_not(None), endpoint.c.enabled.is_(True))
        .values(
            enabled=False,
            disabled_reason="registrant-left",
            disabled_at=datetime.now(UTC),
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("access_log") as batch:
        batch.drop_column("event_id")
        batch.drop_column("endpoint_id")
    with op.batch_alter_table("webhook_endpoint") as batch:
        batch.drop_column("created_by")
