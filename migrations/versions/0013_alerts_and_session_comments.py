"""alerts, session comments and calendar feeds

Alerts raised for a patient (unique per patient, kind and source), the per-exercise
advice state that tells when progression advice turns to "reduce", the care team's
comments on sessions, and each user's calendar feed token (hashed).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 02:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.core.sqltypes import UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "alert",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("kind", _text(24), nullable=False),
        sa.Column("source", _text(120), nullable=False),
        sa.Column("message", _text(500), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("assessment_id", sa.Uuid(), nullable=True),
        sa.Column("exercise", _text(64), nullable=True),
        sa.Column("week", _text(10), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("raised_at", UTCDateTime(), nullable=False),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.Uuid(), nullable=True),
        sa.Column("acknowledged_clinic_id", sa.Uuid(), nullable=True),
        sa.Column("acknowledgement_note", _text(500), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["acknowledged_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["acknowledged_clinic_id"], ["clinic.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("patient_id", "kind", "source", name="uq_alert_patient_kind_source"),
    )
    op.create_index("ix_alert_patient_raised", "alert", ["patient_id", "raised_at", "id"])
    op.create_index("ix_alert_patient_acknowledged", "alert", ["patient_id", "acknowledged_at"])
    op.create_table(
        "alert_advice_state",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("exercise", _text(64), nullable=False),
        sa.Column("reducing", sa.Boolean(), nullable=False),
        sa.Column("episodes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("patient_id", "exercise"),
    )
    op.create_table(
        "session_comment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("clinic_id", sa.Uuid(), nullable=True),
        sa.Column("body", _text(2000), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["workout_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["app_user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_session_comment_session_created", "session_comment", ["session_id", "created_at", "id"]
    )

    op.create_table(
        "calendar_feed",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", _text(64), nullable=False),
        sa.Column("minute_of_day", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
        sa.UniqueConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("calendar_feed")
    op.drop_index("ix_session_comment_session_created", table_name="session_comment")
    op.drop_table("session_comment")
    op.drop_table("alert_advice_state")
    op.drop_index("ix_alert_patient_acknowledged", table_name="alert")
    op.drop_index("ix_alert_patient_raised", table_name="alert")
    op.drop_table("alert")
