"""What the measures do when care ends (subscribed in app.main)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from app.care.team.attention import granted
from app.care.team.events import CareEnded
from app.care.team.models import CareRelationship
from app.core.vocabulary import CareScope, RelationshipStatus
from app.outcomes.measures import service as measures

R = CareRelationship.__table__  # type: ignore[attr-defined]


def on_care_ended(session: Session, ended: CareEnded) -> None:
    """The clinic's assignments of each patient no active relationship there still grants
    `measures` for end with the care: one read, one UPDATE."""
    still = set(
        session.execute(
            select(R.c.patient_id).where(
                R.c.clinic_id == ended.clinic_id,
                R.c.patient_id.in_(sorted(ended.patient_ids)),
                R.c.status == RelationshipStatus.ACTIVE.value,
                granted(CareScope.MEASURES),
            )
        ).scalars()
    )
    measures.end_care(session, ended.clinic_id, sorted(ended.patient_ids - still))
