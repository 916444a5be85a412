"""membership hygiene and deletable prescriptions

Invitation codes can be revoked (`revoked_at` on clinic and care invitations): by an owner
or their issuer, and when the issuer leaves the clinic or stops being an owner, for good.
Care codes of clinicians who left and rejoined before this revision are revoked here (they
were issued under a membership that ended). A patient may delete a prescribed routine;
its clinic keeps a record of it (`deleted_prescription`, app/training/routines/models.py).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 01:50:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.core.sqltypes import UTCDateTime

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    for table in ("clinic_invitation", "care_invitation"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("revoked_at", UTCDateTime(), nullable=True))

    care = sa.table(
        "care_invitation",
        sa.column("clinic_id", sa.Uuid()),
        sa.column("clinician_id", sa.Uuid()),
        sa.column("created_at", UTCDateTime()),
        sa.column("used_at", UTCDateTime()),
        sa.column("revoked_at", UTCDateTime()),
    )
    member = sa.table(
        "clinic_member",
        sa.column("clinic_id", sa.Uuid()),
        sa.column("user_id", sa.Uuid()),
        sa.column("created_at", UTCDateTime()),
    )
    rejoined = (
        sa.select(sa.literal(1))
        .where(
            member.c.clinic_id == care.c.clinic_id,
            member.c.user_id == care.c.clinician_id,
            member.c.created_at > care.c.created_at,
        )
        .exists()
    )
    op.execute(
        care.update()
        .where(care.c.used_at.is_(None), care.c.revoked_at.is_(None), rejoined)
        .values(revoked_at=datetime.now(UTC))
    )

    op.create_table(
        "deleted_prescription",
        sa.Column("routine_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("prescribed_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("version_created_at", UTCDateTime(), nullable=False),
        sa.Column("name", _text(120), nullable=False),
        sa.Column("notes", _text(2000), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("progression", sa.JSON(), nullable=True),
        sa.Column("prescribed_by", sa.Uuid(), nullable=True),
        sa.Column("prescriber_name", _text(254), nullable=True),
        sa.Column("clinic_name", _text(120), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["prescribed_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("routine_id"),
    )
    op.create_index(
        "ix_deleted_prescription_patient",
        "deleted_prescription",
        ["patient_id", "clinic_id", "deleted_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_deleted_prescription_patient", table_name="deleted_prescription")
    op.drop_table("deleted_prescription")
    for table in ("care_invitation", "clinic_invitation"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("revoked_at")
