"""Prescribing for a patient in care: resolve the source, write through the routines'
service, and record every call in the patient's access log (a write in its transaction,
a read in its own short one first)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from app.care.prescriptions.models import PrescriptionCreate, RoutinePrescribedData
from app.care.team.access import PatientAccess, no_patient, sees
from app.care.team.access_log import record_access
from app.care.team.names import clinician_name
from app.care.team.repository import clinic_names
from app.catalog.live.snapshot import CatalogSpecs
from app.core.db import begin_write
from app.core.pagination import PageBody
from app.core.responses import Resource
from app.core.vocabulary import AccessAction, CareScope, WebhookEventType
from app.training.routines import builder_service
from app.training.routines import service as routines
from app.training.routines.builder_service import SelfCheckRefused
from app.training.routines.models import (
    DeletedPrescriptionBody,
    RoutineCreate,
    RoutineUpdate,
    RoutineVersionBody,
)
from app.training.routines.service import RoutineBody
from app.training.routines.versions import PrescriberInfo
from app.users.models import Caller
from app.users.repository import get_caller
from app.webhooks import outbox

DEFAULT_NAME = "Prescribed routine"


def _prescriber(session: Session, access: PatientAccess) -> PrescriberInfo:
    clinician = access.caller
    clinic = clinic_names(session, {access.clinic_id}).get(access.clinic_id)
    if clinic is None:  # pragma: no cover - the access check just read the clinic
        raise no_patient(access.patient_id)
    return PrescriberInfo(
        user_id=clinician.id,
        name=clinician_name(clinician.display_name),
        clinic_id=access.clinic_id,
        clinic_name=clinic,
    )


def _logged_read(session: Session, access: PatientAccess, resource: str) -> None:
    """Record a read in its own short transaction (which re-checks the relationship)."""
    begin_write(session)
    record_access(session, access, action=AccessAction.READ, resource=resource)
    session.commit()


def _source(
    session: Session,
    access: PatientAccess,
    patient: Caller,
    data: PrescriptionCreate,
    catalog: CatalogSpecs,
) -> tuple[RoutineCreate, uuid.UUID | None]:
    """The routine to prescribe, and the self-check it was built with (builder only)."""
    if data.routine is not None:
        return data.routine, None
    if data.template_id is not None:
        made = routines.template_as_create(
            session, data.template_id, data.name, ["body", "template_id"]
        )
        return made, None
    assert data.builder is not None
    try:
        built, check = builder_service.plan_for(
            session,
            patient,
            data.builder,
            data.name or DEFAULT_NAME,
            catalog,
            ("body", "builder"),
            read_self_check=sees(access.standing, CareScope.SELF_CHECKS),
        )
    except SelfCheckRefused as refused:
        # The refusal shows what the self-check holds (its pain, its weak side): a read of
        # it, logged like any other (only reachable with `self_checks`).
        _logged_read(session, access, f"self-check:{refused.check_id}")
        raise
    return built, None if check is None else check.id


def _announce(
    db: Session, access: PatientAccess, routine_id: uuid.UUID, catalog: CatalogSpecs, revised: bool
) -> None:
    """Queue `routine.prescribed` in the prescription's transaction (app/webhooks/outbox.py)
    for the patient's endpoints and this clinic's alone (the worker decides which of them
    subscribe)."""

    def body() -> RoutinePrescribedData:
        db.expire_all()  # the routine as this transaction has just written it
        made = routines.read_prescription(
            db, access.clinic_id, access.patient_id, routine_id, catalog
        )
        return {"routine": made.body, "clinic_id": access.clinic_id, "revised": revised}

    outbox.emit(
        db,
        owner_id=access.patient_id,
        event_type=WebhookEventType.ROUTINE_PRESCRIBED,
        subject=f"routine:{routine_id}",
        data=body,
        care_of=access.clinic_id,
        clinic_private=None,  # another clinic learns nothing of this prescription
    )


def prescribe(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    data: PrescriptionCreate,
    catalog: CatalogSpecs,
    most_prescriptions: int,
) -> tuple[Resource[RoutineBody], bool]:
    """A new prescription (True), or the one an earlier try with this id made (False);
    the clinic keeps at most `most_prescriptions` for the patient."""
    patient = get_caller(session, access.patient_id)
    if patient is None:
        raise no_patient(access.patient_id)
    routine, self_check = _source(session, access, patient, data, catalog)
    # One entry for the prescription, naming the self-check it read when it read one.
    read_too = "" if self_check is None else f" with self-check:{self_check}"

    def audit(db: Session, routine_id: uuid.UUID) -> None:
        record_access(
            db, access, action=AccessAction.CREATE, resource=f"routine:{routine_id}{read_too}"
        )
        _announce(db, access, routine_id, catalog, revised=False)

    made, created = routines.prescribe(
        session,
        _prescriber(session, access),
        access.patient_id,
        routine,
        data.id,
        catalog,
        most_prescriptions=most_prescriptions,
        request=data.model_dump(mode="json", exclude={"id"}),
        audit=audit,
    )
    if not created:  # a retry: what it showed is a read of the stored prescription
        _logged_read(session, access, f"routine:{data.id}")
    return made, created


def list_prescriptions(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    sort: str | None,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineBody]:
    _logged_read(session, access, "routines")
    return routines.list_prescriptions(
        session,
        access.clinic_id,
        access.patient_id,
        sort=sort,
        cursor=cursor,
        limit=limit,
        catalog=catalog,
    )


def read(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    routine_id: uuid.UUID,
    catalog: CatalogSpecs,
) -> Resource[RoutineBody]:
    routines.prescription(session, access.clinic_id, access.patient_id, routine_id)
    _logged_read(session, access, f"routine:{routine_id}")
    return routines.read_prescription(
        session, access.clinic_id, access.patient_id, routine_id, catalog
    )


def revise(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    routine_id: uuid.UUID,
    changes: RoutineUpdate,
    if_match: str | None,
    catalog: CatalogSpecs,
) -> Resource[RoutineBody]:
    def audit(db: Session, revised: uuid.UUID) -> None:
        record_access(db, access, action=AccessAction.UPDATE, resource=f"routine:{revised}")
        _announce(db, access, revised, catalog, revised=True)

    return routines.revise(
        session,
        _prescriber(session, access),
        access.patient_id,
        routine_id,
        changes,
        if_match,
        catalog,
        audit,
    )


def versions(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    routine_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineVersionBody]:
    routines.prescription(session, access.clinic_id, access.patient_id, routine_id)
    _logged_read(session, access, f"routine:{routine_id}/versions")
    return routines.prescription_versions(
        session, access.clinic_id, access.patient_id, routine_id, cursor, limit, catalog
    )


def deleted(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[DeletedPrescriptionBody]:
    """The clinic's record of prescriptions the patient deleted (a logged read)."""
    _logged_read(session, access, "routines:deleted")
    return routines.deleted_prescriptions(
        session, access.clinic_id, access.patient_id, cursor, limit, catalog
    )
