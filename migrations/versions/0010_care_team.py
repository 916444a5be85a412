"""care team

Clinics and their members, single-use clinic and care invitations (codes stored as
digests), care relationships (at most one active per clinic, clinician and patient: a
partial unique index) and the append-only access log of issue #14.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 01:49:15
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.sqltypes

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clinic",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "care_invitation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("clinician_id", sa.Uuid(), nullable=False),
        sa.Column("scopes", sa.String(length=100), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinician_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["used_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    with op.batch_alter_table("care_invitation", schema=None) as batch_op:
        batch_op.create_index("ix_care_invitation_clinic", ["clinic_id"], unique=False)

    op.create_table(
        "care_relationship",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("clinician_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("scopes", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinician_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("care_relationship", schema=None) as batch_op:
        batch_op.create_index(
            "ix_care_relationship_clinician", ["clinic_id", "clinician_id", "status"], unique=False
        )
        batch_op.create_index(
            "ix_care_relationship_patient", ["patient_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "uq_care_relationship_active",
            ["clinic_id", "clinician_id", "patient_id"],
            unique=True,
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )

    op.create_table(
        "clinic_invitation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["used_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    with op.batch_alter_table("clinic_invitation", schema=None) as batch_op:
        batch_op.create_index("ix_clinic_invitation_clinic", ["clinic_id"], unique=False)

    op.create_table(
        "clinic_member",
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("clinic_id", "user_id"),
    )
    with op.batch_alter_table("clinic_member", schema=None) as batch_op:
        batch_op.create_index("ix_clinic_member_user", ["user_id"], unique=False)

    op.create_table(
        "access_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_name", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
        sa.Column("clinic_id", sa.Uuid(), nullable=True),
        sa.Column("clinic_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=True),
        sa.Column("share_link_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("resource", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["app_user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["patient_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["relationship_id"], ["care_relationship.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index("ix_access_log_patient_at", ["patient_id", "at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index("ix_access_log_patient_at")

    op.drop_table("access_log")
    with op.batch_alter_table("clinic_member", schema=None) as batch_op:
        batch_op.drop_index("ix_clinic_member_user")

    op.drop_table("clinic_member")
    with op.batch_alter_table("clinic_invitation", schema=None) as batch_op:
        batch_op.drop_index("ix_clinic_invitation_clinic")

    op.drop_table("clinic_invitation")
    with op.batch_alter_table("care_relationship", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_care_relationship_active",
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )
        batch_op.drop_index("ix_care_relationship_patient")
        batch_op.drop_index("ix_care_relationship_clinician")

    op.drop_table("care_relationship")
    with op.batch_alter_table("care_invitation", schema=None) as batch_op:
        batch_op.drop_index("ix_care_invitation_clinic")

    op.drop_table("care_invitation")
    op.drop_table("clinic")
