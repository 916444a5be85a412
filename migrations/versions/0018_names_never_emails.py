"""names, never emails

Before a clinician needed a display name to ask a patient's consent (issue #21), a
prescription and the patient's access log named a clinician without one by their email,
and handouts and share links printed it (issue #22). The names are kept as written, like
a signature; an email written as a name is replaced here by the neutral name the app now
gives a clinician without a display name (`app/care/team/names.py`). Nothing to undo.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# app.care.team.names.UNNAMED_CLINICIAN as of this revision (a migration never imports app code
# that may change after it).
UNNAMED_CLINICIAN = "your clinician"
# (table, the column naming a person, the column holding that person's user id)
NAMED = (
    ("routine", "prescriber_name", "prescribed_by"),
    ("routine_version", "prescriber_name", "prescribed_by"),
    ("deleted_prescription", "prescriber_name", "prescribed_by"),
    ("access_log", "actor_name", "actor_id"),
)


def upgrade() -> None:
    for table, name, person in NAMED:
        op.execute(
            sa.text(
                f"UPDATE {table} SET {name} = :unnamed "  # noqa: S608 (names from NAMED above)
                f"WHERE {name} IS NOT NULL AND {name} = "
                f"(SELECT email FROM app_user WHERE app_user.id = {table}.{person})"
            ).bindparams(unnamed=UNNAMED_CLINICIAN)
        )


def downgrade() -> None:
    """The emails are not written back: they were never meant to be there."""
