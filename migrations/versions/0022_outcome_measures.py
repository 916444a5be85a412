"""outcome measures

Instruments assigned to a patient by a clinic on a schedule (`measure_assignment`), the
answers given and their scoring when written (`measure_answer`), and each care
relationship's latest change of a measure its clinic assigned
(`care_relationship.summary_measure_id`, kept by the answer's transaction; no answer
exists before this revision, so nothing to backfill).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 14:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.core.sqltypes import UTCDateTime

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "measure_assignment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=True),
        sa.Column("assigned_by", sa.Uuid(), nullable=True),
        sa.Column("instrument_id", _text(64), nullable=False),
        sa.Column("instrument_version", sa.Integer(), nullable=False),
        sa.Column("at_start", sa.Boolean(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("discharge_on", sa.Date(), nullable=True),
        sa.Column("request_digest", _text(64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["assigned_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_measure_assignment_patient",
        "measure_assignment",
        ["patient_id", "created_at", "id"],
    )
    op.create_index(
        "ix_measure_assignment_clinic_patient",
        "measure_assignment",
        ["clinic_id", "patient_id", "created_at"],
    )
    op.create_table(
        "measure_answer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("assignment_id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=True),
        sa.Column("instrument_id", _text(64), nullable=False),
        sa.Column("instrument_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("baseline_score", sa.Float(), nullable=True),
        sa.Column("change", sa.Float(), nullable=True),
        sa.Column("verdict", _text(8), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=False),
        sa.Column("entered_by", sa.Uuid(), nullable=True),
        sa.Column("reporter", _text(12), nullable=False),
        sa.Column("request_digest", _text(64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["assignment_id"], ["measure_assignment.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["entered_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_measure_answer_assignment", "measure_answer", ["assignment_id", "answered_at", "id"]
    )
    op.create_index(
        "ix_measure_answer_patient", "measure_answer", ["patient_id", "answered_at", "id"]
    )
    with op.batch_alter_table("care_relationship") as batch:
        batch.add_column(sa.Column("summary_measure_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("care_relationship") as batch:
        batch.drop_column("summary_measure_id")
    op.drop_index("ix_measure_answer_patient", table_name="measure_answer")
    op.drop_index("ix_measure_answer_assignment", table_name="measure_answer")
    op.drop_table("measure_answer")
    op.drop_index("ix_measure_assignment_clinic_patient", table_name="measure_assignment")
    op.drop_index("ix_measure_assignment_patient", table_name="measure_assignment")
    op.drop_table("measure_assignment")
