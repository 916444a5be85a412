"""The rows the FHIR export reads that no other domain's repository answers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.catalog.exercises.models import Equipment, Exercise
from app.core.vocabulary import Origin
from app.logbook.sessions.models import WorkoutSession
from app.training.routines.models import Routine
from app.training.self_checks.models import Assessment


def exercise_any(session: Session, slug: str) -> Exercise | None:
    """An exercise by slug, removed ones included: a CarePlan may still name it."""
    return session.exec(select(Exercise).where(col(Exercise.slug) == slug)).first()


def templates(session: Session) -> Sequence[Routine]:
    return session.exec(
        select(Routine)
        .where(col(Routine.is_template).is_(True))
        .order_by(col(Routine.name), col(Routine.id))
    ).all()


def template(session: Session, template_id: uuid.UUID) -> Routine | None:
    return session.exec(
        select(Routine).where(col(Routine.id) == template_id, col(Routine.is_template).is_(True))
    ).first()


def template_versions(session: Session) -> dict[uuid.UUID, int]:
    """Every template's revision by id: the version of its PlanDefinition."""
    rows = session.exec(
        select(Routine.id, Routine.revision).where(col(Routine.is_template).is_(True))
    ).all()
    return dict(rows)


def exercise_versions(session: Session) -> dict[str, int]:
    """Every exercise's revision by slug, removed ones included: the version of its
    ActivityDefinition, which CarePlans and PlanDefinitions pin."""
    return dict(session.exec(select(Exercise.slug, Exercise.revision)).all())


def owned_routine(session: Session, routine_id: uuid.UUID) -> Routine | None:
    """A routine someone owns (not a template), whoever it is: access is decided after."""
    return session.exec(
        select(Routine).where(col(Routine.id) == routine_id, col(Routine.owner_id).is_not(None))
    ).first()


def prescriptions_of(
    session: Session, patient_id: uuid.UUID, clinic_id: uuid.UUID
) -> Sequence[Routine]:
    """The routines prescribed to the patient at the clinic: all of a patient's routines a
    clinic's FHIR base shows (as its REST prescription routes), oldest first."""
    return session.exec(
        select(Routine)
        .where(
            col(Routine.owner_id) == patient_id,
            col(Routine.clinic_id) == clinic_id,
            col(Routine.origin) == Origin.PRESCRIPTION,
        )
        .order_by(col(Routine.created_at), col(Routine.id))
    ).all()


def live_session(session: Session, session_id: uuid.UUID) -> WorkoutSession | None:
    """A session log that is not deleted, whoever's: access is decided after."""
    return session.exec(
        select(WorkoutSession).where(
            col(WorkoutSession.id) == session_id, col(WorkoutSession.deleted_at).is_(None)
        )
    ).first()


def assessment(session: Session, assessment_id: uuid.UUID) -> Assessment | None:
    return session.get(Assessment, assessment_id)


def exercise_names(session: Session) -> list[tuple[str, str]]:
    """Every exercise's (slug, name), removed ones included, by slug."""
    rows = session.exec(select(Exercise.slug, Exercise.name).order_by(col(Exercise.slug)))
    return [(slug, name) for slug, name in rows.all()]


def equipment_names(session: Session) -> list[tuple[str, str]]:
    rows = session.exec(select(Equipment.slug, Equipment.name).order_by(col(Equipment.slug)))
    return [(slug, name) for slug, name in rows.all()]
