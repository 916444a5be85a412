"""Who may manage a clinic's endpoints, and which of a patient's events a clinic receives.

A clinic endpoint receives patient P's event E only when some clinician X, still a member
of the clinic, holds an active care relationship with P there whose standing `sees` both
E's scope (`SCOPE_FOR_EVENT`: session events need `sessions`, `alert.raised` `alerts`,
`routine.prescribed` `prescribe`, `progress.advice_changed` `progress`; an event type
marked `NOT_FOR_CLINICS` goes to none, and a type with no entry stops the app at start) and
`clinic_systems`, the patient's consent to the clinic's connected systems, which the
consent preview states in words; and only while the owner who registered the endpoint is
still an owner of the clinic (one who leaves or is demoted has their endpoints disabled in
that transaction, pending deliveries given up: app/care/team/service.py).

The audience is decided when the worker expands the event (app/webhooks/outbox.py), one
query per event, as of when it was written: only relationships and endpoints that existed
then and still do. A revocation stops every event not yet expanded when it commits, and
(`on_care_ended`, in the revoking transaction) gives up what was queued before it. Each
event queued to a clinic endpoint is one entry of the patient's access log, written in
that same transaction (action `send`, resource `webhook:<event type>`, the endpoint, the
event, the registrant as actor, the consenting relationship), so it exists exactly when
the delivery does and a retried attempt never adds one.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Connection
from sqlmodel import Session

from app.care.team import repository as care_repository
from app.care.team.access import Standing, sees
from app.care.team.access_log import Sent, record_sends
from app.care.team.events import CareEnded
from app.care.team.scope_terms import NOT_FOR_CLINICS, SCOPE_FOR_EVENT
from app.care.team.service import require_role
from app.care.webhooks import repository
from app.core.vocabulary import CareScope, WebhookEventType
from app.users.models import Caller
from app.webhooks import repository as webhooks_repository
from app.webhooks.outbox import Database, Queued, Target, WebhookAudience
from app.webhooks.service import Holder

__all__ = [
    "SCOPE_FOR_EVENT",
    "check_audience_rules",
    "clinic_endpoints",
    "clinics_in_care",
    "on_care_ended",
    "on_webhook_audience",
]

_SCOPE_BY_TYPE: dict[str, CareScope] = {
    k.value: v for k, v in SCOPE_FOR_EVENT.items() if v is not NOT_FOR_CLINICS
}


class MissingAudienceRule(RuntimeError):
    """A webhook event type with neither a clinic audience rule nor `NOT_FOR_CLINICS`."""


def check_audience_rules() -> None:
    """Fail (at start) when a webhook event type has no decision for clinics' systems."""
    missing = [t.value for t in WebhookEventType if t not in SCOPE_FOR_EVENT]
    if missing:
        raise MissingAudienceRule(
            f"no clinic audience rule for {', '.join(missing)}: add each to SCOPE_FOR_EVENT "
            "(app/care/team/scope_terms.py), with its scope or NOT_FOR_CLINICS"
        )


def clinic_endpoints(session: Session, caller: Caller, clinic_id: uuid.UUID) -> Holder:
    """The clinic's endpoints, for one of its owners (a clinician is 403, anyone else 404)."""
    require_role(session, caller, clinic_id, owner=True)
    return Holder(
        None,
        clinic_id,
        caller.id,
        f"/clinics/{clinic_id}/webhooks",
        lambda s: care_repository.lock_clinic(s, clinic_id),
        "clinic",
    )


def carries(standing: Standing, event_type: str) -> bool:
    """Whether a relationship in `standing` lets its clinic's systems receive this event:
    the event's own scope and `clinic_systems`, both through `sees`."""
    scope = _SCOPE_BY_TYPE.get(event_type)
    return scope is not None and sees(standing, scope) and sees(standing, CareScope.CLINIC_SYSTEMS)


def clinics_in_care(
    db: Session | Connection, patient_id: uuid.UUID, as_of: datetime
) -> list[Target]:
    """The clinic endpoints that receive some of this patient's events written at `as_of`
    (endpoints and relationships there by then, and still now), each with the
    event types its subscription and the patient's consent let through, and, per event
    type, the relationship that consented (the oldest), and its clinic (which decides
    whether the event's body reaches it whole: app/webhooks/outbox.py): one query."""
    grants: dict[uuid.UUID, dict[str, Sent]] = {}
    clinic_of: dict[uuid.UUID, uuid.UUID] = {}
    for row in repository.clinic_endpoints_of(db, patient_id, as_of):
        clinic_of[row.endpoint_id] = row.clinic_id
        standing = Standing(row.relationship_id, row.scopes)
        granted = grants.setdefault(row.endpoint_id, {})
        for event_type in row.event_types:
            if event_type not in granted and carries(standing, event_type):
                granted[event_type] = Sent(
                    endpoint_id=row.endpoint_id,
                    clinic_id=row.clinic_id,
                    clinic_name=row.clinic_name,
                    registrant_id=row.registrant_id,
                    registrant_name=row.registrant_name,
                    relationship_id=row.relationship_id,
                )
    return [
        Target(endpoint_id, frozenset(granted), _log_sends, granted, clinic_of[endpoint_id])
        for endpoint_id, granted in grants.items()
        if granted
    ]


def _log_sends(db: Database, queued: Queued, targets: list[Target]) -> None:
    """The patient's access-log entries of one event queued to clinic endpoints."""
    record_sends(
        db,
        patient_id=queued.owner_id,
        event_id=queued.event_id,
        event_type=queued.event_type,
        sent=[target.grants[queued.event_type] for target in targets],
    )


CONSENT_ENDED = "consent ended"


def on_care_ended(session: Session, ended: CareEnded) -> None:
    """Give up what the clinic's endpoints were still to receive of these patients' events
    that no relationship left at the clinic `carries`: a revocation (or a clinician who
    goes) stops what was queued under it, not only what is written after. An event type
    another relationship of the patient there still carries keeps going. Two statements
    for one patient; one more per further set of event types still carried."""
    kept: dict[uuid.UUID, set[str]] = {p: set() for p in ended.patient_ids}
    for row in repository.scopes_in_care(session, ended.clinic_id, ended.patient_ids):
        standing = Standing(row.id, row.scopes)
        kept[row.patient_id].update(t for t in _SCOPE_BY_TYPE if carries(standing, t))
    patients_keeping: dict[frozenset[str], list[uuid.UUID]] = {}
    for patient_id, carried in kept.items():
        patients_keeping.setdefault(frozenset(carried), []).append(patient_id)
    for kept_types, patient_ids in patients_keeping.items():
        webhooks_repository.give_up_pending_at_clinic(
            session, ended.clinic_id, sorted(patient_ids), kept_types, CONSENT_ENDED
        )


def on_webhook_audience(session: Session, audience: WebhookAudience) -> None:
    """The clinics in care receive their patients' events (as their consent lets through)."""
    audience.targets.extend(clinics_in_care(session, audience.owner_id, audience.as_of))
