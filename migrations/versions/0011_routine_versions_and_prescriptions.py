"""routine versions and prescriptions

Routines gain a content `version`, the provenance of a prescription (prescriber, clinic,
both names as written) and the digest of a request made under a client-chosen id;
`routine_version` keeps every version whole (append-only). Every routine already stored
gets its version 1 here, from its current items. Sessions record the version followed
(existing sessions with a routine followed its version 1: the only one there was).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 02:10:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.sqltypes

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ITEM_KEYS = (
    "exercise_slug",
    "sets",
    "reps",
    "steps",
    "hold_seconds",
    "side",
    "rest_seconds",
    "notes",
    "reason",
)


def upgrade() -> None:
    with op.batch_alter_table("routine", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("prescribed_by", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("clinic_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "prescriber_name", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("clinic_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True)
        )
        batch_op.add_column(
            sa.Column("request_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.create_foreign_key(
            "fk_routine_prescribed_by_app_user",
            "app_user",
            ["prescribed_by"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            "fk_routine_clinic_id_clinic", "clinic", ["clinic_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_routine_prescribed_by", ["prescribed_by"], unique=False)
        batch_op.create_index("ix_routine_clinic_id", ["clinic_id"], unique=False)
    with op.batch_alter_table("routine", schema=None) as batch_op:
        batch_op.alter_column("version", server_default=None)

    versions = op.create_table(
        "routine_version",
        sa.Column("routine_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", app.core.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("progression", sa.JSON(), nullable=True),
        sa.Column("prescribed_by", sa.Uuid(), nullable=True),
        sa.Column("clinic_id", sa.Uuid(), nullable=True),
        sa.Column("prescriber_name", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("clinic_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.ForeignKeyConstraint(["prescribed_by"], ["app_user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["routine_id"], ["routine.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("routine_id", "version"),
    )
    _backfill_first_versions(versions)

    with op.batch_alter_table("workout_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("routine_version", sa.Integer(), nullable=True))
    op.execute("UPDATE workout_session SET routine_version = 1 WHERE routine_id IS NOT NULL")


def _backfill_first_versions(versions: sa.Table) -> None:
    """Version 1 of every routine already stored: what it holds now, whole."""
    bind = op.get_bind()
    routine = sa.table(
        "routine",
        sa.column("id", sa.Uuid()),
        sa.column("name", sa.String()),
        sa.column("notes", sa.String()),
        sa.column("sessions_per_week", sa.Integer()),
        sa.column("progression", sa.JSON()),
        sa.column("updated_at", app.core.sqltypes.UTCDateTime(timezone=True)),
    )
    item = sa.table(
        "routine_item",
        sa.column("routine_id", sa.Uuid()),
        sa.column("position", sa.Integer()),
        *[sa.column(key) for key in _ITEM_KEYS],
    )
    items: dict[Any, list[dict[str, Any]]] = {}
    for row in bind.execute(sa.select(item).order_by(item.c.routine_id, item.c.position)):
        values = {key: getattr(row, key) for key in _ITEM_KEYS}
        values["exercise"] = values.pop("exercise_slug")
        values["order"] = row.position
        items.setdefault(row.routine_id, []).append(values)
    rows = [
        {
            "routine_id": r.id,
            "version": 1,
            "created_at": r.updated_at,
            "name": r.name,
            "notes": r.notes,
            "sessions_per_week": r.sessions_per_week,
            "items": items.get(r.id, []),
            "progression": r.progression,
        }
        for r in bind.execute(sa.select(routine))
    ]
    if rows:
        bind.execute(sa.insert(versions), rows)


def downgrade() -> None:
    with op.batch_alter_table("workout_session", schema=None) as batch_op:
        batch_op.drop_column("routine_version")
    op.drop_table("routine_version")
    with op.batch_alter_table("routine", schema=None) as batch_op:
        batch_op.drop_index("ix_routine_clinic_id")
        batch_op.drop_index("ix_routine_prescribed_by")
        batch_op.drop_constraint("fk_routine_clinic_id_clinic", type_="foreignkey")
        batch_op.drop_constraint("fk_routine_prescribed_by_app_user", type_="foreignkey")
        batch_op.drop_column("request_digest")
        batch_op.drop_column("clinic_name")
        batch_op.drop_column("prescriber_name")
        batch_op.drop_column("clinic_id")
        batch_op.drop_column("prescribed_by")
        batch_op.drop_column("version")
