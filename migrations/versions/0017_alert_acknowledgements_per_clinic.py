"""alert acknowledgements per clinic

Each clinic acknowledges a patient's alert for itself (issue #22: one clinic's
acknowledgement closed the alert for every other and showed its note, author and clinic to
them). The acknowledgement moves from columns of `alert` to `alert_acknowledgement`, one
row per (alert, clinic); the existing acknowledgements move with it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 10:00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.core.sqltypes import UTCDateTime

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTE = sqlmodel.sql.sqltypes.AutoString(length=500)


def upgrade() -> None:
    acknowledgement = op.create_table(
        "alert_acknowledgement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("alert_id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=True),
        sa.Column("acknowledged_by", sa.Uuid(), nullable=True),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=False),
        sa.Column("note", NOTE, nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["acknowledged_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alert_id", "clinic_id", name="uq_alert_acknowledgement_clinic"),
    )
    alert = sa.table(
        "alert",
        sa.column("id", sa.Uuid()),
        sa.column("acknowledged_at", UTCDateTime()),
        sa.column("acknowledged_by", sa.Uuid()),
        sa.column("acknowledged_clinic_id", sa.Uuid()),
        sa.column("acknowledgement_note", NOTE),
    )
    bind = op.get_bind()
    acknowledged = bind.execute(
        sa.select(
            alert.c.id,
            alert.c.acknowledged_clinic_id,
            alert.c.acknowledged_by,
            alert.c.acknowledged_at,
            alert.c.acknowledgement_note,
        ).where(alert.c.acknowledged_at.is_not(None))
    ).all()
    if acknowledged:
        op.bulk_insert(
            acknowledgement,
            [
                {
                    "id": uuid.uuid4(),
                    "alert_id": alert_id,
                    "clinic_id": clinic_id,
                    "acknowledged_by": by,
                    "acknowledged_at": at,
                    "note": note or "",
                }
                for alert_id, clinic_id, by, at, note in acknowledged
            ],
        )
    op.drop_index("ix_alert_patient_acknowledged", table_name="alert")
    with op.batch_alter_table("alert") as batch_op:
        batch_op.drop_column("acknowledgement_note")
        batch_op.drop_column("acknowledged_clinic_id")
        batch_op.drop_column("acknowledged_by")
        batch_op.drop_column("acknowledged_at")


def downgrade() -> None:
    with op.batch_alter_table("alert") as batch_op:
        batch_op.add_column(sa.Column("acknowledged_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("acknowledged_by", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("acknowledged_clinic_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("acknowledgement_note", NOTE, nullable=True))
        batch_op.create_foreign_key(
            "fk_alert_acknowledged_by", "app_user", ["acknowledged_by"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_foreign_key(
            "fk_alert_acknowledged_clinic",
            "clinic",
            ["acknowledged_clinic_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Back to one acknowledgement per alert: the earliest clinic's.
    ack = sa.table(
        "alert_acknowledgement",
        sa.column("alert_id", sa.Uuid()),
        sa.column("clinic_id", sa.Uuid()),
        sa.column("acknowledged_by", sa.Uuid()),
        sa.column("acknowledged_at", UTCDateTime()),
        sa.column("note", NOTE),
    )
    alert = sa.table(
        "alert",
        sa.column("id", sa.Uuid()),
        sa.column("acknowledged_at", UTCDateTime()),
        sa.column("acknowledged_by", sa.Uuid()),
        sa.column("acknowledged_clinic_id", sa.Uuid()),
        sa.column("acknowledgement_note", NOTE),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            ack.c.alert_id,
            ack.c.clinic_id,
            ack.c.acknowledged_by,
            ack.c.acknowledged_at,
            ack.c.note,
        ).order_by(ack.c.acknowledged_at.desc())
    ).all()
    for alert_id, clinic_id, by, at, note in rows:  # the earliest is written last
        bind.execute(
            sa.update(alert)
            .where(alert.c.id == alert_id)
            .values(
                acknowledged_at=at,
                acknowledged_by=by,
                acknowledged_clinic_id=clinic_id,
                acknowledgement_note=note,
            )
        )
    op.create_index("ix_alert_patient_acknowledged", "alert", ["patient_id", "acknowledged_at"])
    op.drop_table("alert_acknowledgement")
