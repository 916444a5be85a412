"""`/clinics/{clinic_id}/patients/{patient_id}/routines`: a clinician's prescriptions."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.care.prescriptions import examples, service
from app.care.prescriptions.models import PrescriptionCreate
from app.care.team.auth import PrescribeCare
from app.care.team.params import ClinicID, PatientID
from app.catalog.live.deps import CatalogDep
from app.core.deps import IfMatch, SettingsDep
from app.core.examples import example_body, retry_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond, respond_created
from app.training.routines import examples as routine_examples
from app.training.routines.models import (
    DeletedPrescriptionPublic,
    RoutinePublic,
    RoutineUpdate,
    RoutineVersionPublic,
)
from app.training.routines.params import RoutineID

router = APIRouter(tags=["care"])

ROUTINES = "/clinics/{clinic_id}/patients/{patient_id}/routines"
IN_CARE = (
    " Only for a clinician of the clinic in an active care relationship with the patient "
    "that grants `prescribe` (404 otherwise, as for an unknown patient; 403 "
    "`scope-not-granted` without the scope). Every call is recorded in the patient's "
    "access log."
)
WRITE_ERRORS = (400, 401, 403, 404, 413, 415, 422)


@router.post(
    ROUTINES,
    status_code=201,
    summary="Prescribe a routine to a patient",
    description="A routine for the patient, from one source: a public template "
    "(`template_id`), the routine builder run with `builder` constraints and the patient's "
    "latest self-check, or written by hand (`routine`). It is the patient's routine, shows "
    "you as its `prescriber`, and is read-only for them (they may copy it, and delete it: see "
    "`GET .../deleted-prescriptions`). It never counts against the patient's own routines: "
    "a clinic keeps at most `max_prescriptions_per_clinic` (default 50) for one patient "
    "(409 `quota-exceeded`, saying how many it keeps). Send your own `id` to make retries "
    "safe (the same id and body: 200 with the stored one; another body: 409)." + IN_CARE,
    response_model=RoutinePublic,
    openapi_extra=example_body(examples.prescribe),
    responses={
        **answers(routine_examples.prescribed_routine, *WRITE_ERRORS, 409, status=201),
        **retry_response(
            routine_examples.prescribed_routine, "the prescription this id made", RoutinePublic
        ),
    },
)
async def prescribe_routine(
    clinic_id: ClinicID,
    patient_id: PatientID,
    data: PrescriptionCreate,
    care: PrescribeCare,
    catalog: CatalogDep,
    settings: SettingsDep,
) -> Response:
    most = settings.max_prescriptions_per_clinic
    made, created = await care.write(
        lambda db, access: service.prescribe(
            db, access.caller, access, data=data, catalog=catalog, most_prescriptions=most
        )
    )
    return respond_created(made, created)


@router.get(
    ROUTINES,
    summary="A patient's prescriptions",
    description="The routines this clinic prescribed to the patient (not the patient's own "
    "routines). Sort by `name`, `created_at` or `updated_at`." + IN_CARE,
    response_model=Page[RoutinePublic],
    responses=answers(examples.prescription_page, 401, 403, 404, 422),
)
async def list_prescriptions(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: PrescribeCare,
    catalog: CatalogDep,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    # The prescription services log their reads themselves: `write`, for the log line.
    page = await care.write(
        lambda db, access: service.list_prescriptions(
            db, access.caller, access, sort=sort, cursor=cursor, limit=limit, catalog=catalog
        )
    )
    return respond(page)


@router.get(
    ROUTINES + "/{routine_id}",
    summary="One prescription",
    description="A routine this clinic prescribed to the patient, with its `ETag` for "
    "`PATCH`." + IN_CARE,
    response_model=RoutinePublic,
    responses=answers(routine_examples.prescribed_routine, 401, 403, 404, 422),
)
async def get_prescription(
    clinic_id: ClinicID,
    patient_id: PatientID,
    routine_id: RoutineID,
    care: PrescribeCare,
    catalog: CatalogDep,
) -> Response:
    found = await care.write(
        lambda db, access: service.read(
            db, access.caller, access, routine_id=routine_id, catalog=catalog
        )
    )
    return respond(found)


@router.patch(
    ROUTINES + "/{routine_id}",
    summary="Revise a prescription",
    description="JSON merge patch as `PATCH /routines/{id}` takes it; every revision is the "
    "routine's next `version`, kept whole and signed by you. Send `If-Match` (412 when "
    "stale, 428 when missing): of concurrent revisions from one ETag exactly one is made."
    + IN_CARE,
    response_model=RoutinePublic,
    openapi_extra=example_body(routine_examples.routine_patch),
    responses=answers(routine_examples.prescribed_routine, *WRITE_ERRORS, 409, 412, 428),
)
async def revise_prescription(
    clinic_id: ClinicID,
    patient_id: PatientID,
    routine_id: RoutineID,
    changes: RoutineUpdate,
    care: PrescribeCare,
    catalog: CatalogDep,
    if_match: IfMatch = None,
) -> Response:
    revised = await care.write(
        lambda db, access: service.revise(
            db,
            access.caller,
            access,
            routine_id=routine_id,
            changes=changes,
            if_match=if_match,
            catalog=catalog,
        )
    )
    return respond(revised)


@router.get(
    ROUTINES + "/{routine_id}/versions",
    summary="A prescription's versions",
    description="Every version of the prescription, newest first, each whole." + IN_CARE,
    response_model=Page[RoutineVersionPublic],
    responses=answers(routine_examples.version_page, 401, 403, 404, 422),
)
async def list_prescription_versions(
    clinic_id: ClinicID,
    patient_id: PatientID,
    routine_id: RoutineID,
    care: PrescribeCare,
    catalog: CatalogDep,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.write(
        lambda db, access: service.versions(
            db,
            access.caller,
            access,
            routine_id=routine_id,
            cursor=cursor,
            limit=limit,
            catalog=catalog,
        )
    )
    return respond(page)


@router.get(
    "/clinics/{clinic_id}/patients/{patient_id}/deleted-prescriptions",
    summary="Prescriptions the patient deleted",
    description="A patient may delete any routine prescribed to them; the clinic keeps its "
    "record of each one it prescribed: when, when the patient deleted it, and its last "
    "version whole (earlier versions and the patient's sessions are not kept). Newest "
    "deletion first." + IN_CARE,
    response_model=Page[DeletedPrescriptionPublic],
    responses=answers(examples.deleted_page, 401, 403, 404, 422),
)
async def list_deleted_prescriptions(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: PrescribeCare,
    catalog: CatalogDep,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.write(
        lambda db, access: service.deleted(
            db, access.caller, access, cursor=cursor, limit=limit, catalog=catalog
        )
    )
    return respond(page)
