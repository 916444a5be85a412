"""The egress matrix: every channel a patient's data leaves by towards a clinic, called by a
clinician in every relationship state with every scope set, against ONE table of what each
may see (issue #22).

A channel is a row of CHANNELS: what it needs (`needs`, any of these scopes, or every one
of them with `all_of`) and how it is called. The expected answer is read off the row, never
off the code under test: an active relationship holding what the row needs sees it
(`ok`, with what it shows checked), one without it is refused (403 for an operation,
absent for a field), and every other state (revoked by the patient, clinician removed
from the clinic, the clinic's owner without a relationship, another clinic's clinician)
gets what a stranger gets (404, or the patient absent). A relationship always holds at
least one scope, so the scope set `none` is that of the states without one.

The states x scope sets: `active`, `revoked` and `removed` with each single scope and all
of them; `owner` and `other_clinic` with none. Each call also counts the patient's access
log: an egress writes exactly one entry, a refusal none.

Isolation: another clinic (`elsewhere`) cares for the same patient with every scope; it
prescribes, comments and acknowledges an alert. Nothing of it ever reaches this clinic's
callers: not its prescription (REST or FHIR), its comment, its acknowledgement (which does
not close this clinic's alert either) or the patient's own routine.

The table fails for a channel without rows: every operation of the OpenAPI document whose
path names a patient or lies under the clinic's FHIR base, the clinician's view, and every
webhook event type must have one.
"""

from __future__ import annotations

import html
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlmodel import Session

from app.care.team.models import AccessLogEntry
from app.core.vocabulary import CareScope, WebhookEventType
from app.exports.fhir import ids
from app.training.self_checks import examples as assessment_examples
from app.users import service as users_service
from app.users.models import UserCreate
from tests.factories import ALL_SCOPES, care_code, routine_payload, session_payload, unique_email
from tests.webhooks.conftest import expand_outbox

PASSWORD = "egress matrix passphrase"
SCOPES = tuple(CareScope)
SCOPE_SETS: dict[str, frozenset[CareScope]] = {
    **{scope.value: frozenset({scope}) for scope in SCOPES},
    "all": frozenset(SCOPES),
}
RELATIONSHIP_STATES = ("active", "revoked", "removed")
NO_RELATIONSHIP_STATES = ("owner", "other_clinic")
CLINIC = "/api/v1/clinics/{clinic_id}"
PATIENT = CLINIC + "/patients/{patient_id}"
FHIR = CLINIC + "/fhir"


@dataclass
class Account:
    id: uuid.UUID
    access_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


@dataclass(frozen=True)
class Actor:
    """A caller of this clinic's channels: their state with the patient and scopes."""

    state: str
    scope_set: str
    account: Account

    @property
    def scopes(self) -> frozenset[CareScope]:
        return SCOPE_SETS.get(self.scope_set, frozenset())

    @property
    def name(self) -> str:
        return f"{self.state}:{self.scope_set}"


@dataclass
class World:
    app: FastAPI
    client: httpx.AsyncClient
    clinic_id: uuid.UUID
    patient: Account
    actors: list[Actor]
    ids: dict[str, str] = field(default_factory=dict)
    spare_alerts: list[str] = field(default_factory=list)

    def path(self, template: str, **extra: str) -> str:
        values = {"clinic_id": str(self.clinic_id), "patient_id": str(self.patient.id)}
        values |= {**self.ids, **extra}
        return template.format(**values)

    def log_size(self) -> int:
        with Session(self.app.state.engine) as session:
            count = session.execute(
                select(func.count())
                .select_from(AccessLogEntry)
                .where(AccessLogEntry.patient_id == self.patient.id)  # type: ignore[arg-type]
            ).scalar_one()
        return int(count)

    def last_logged(self) -> str:
        with Session(self.app.state.engine) as session:
            resource = session.execute(
                select(AccessLogEntry.resource)
                .where(AccessLogEntry.patient_id == self.patient.id)  # type: ignore[arg-type]
                .order_by(AccessLogEntry.at.desc())  # type: ignore[attr-defined]
                .limit(1)
            ).scalar_one()
        return str(resource)

    def never_shows_elsewhere(self, text: str, where: str) -> None:
        """Nothing of the other clinic's care, nor the patient's own routine, in `text`."""
        for name in (
            "elsewhere_clinic",
            "elsewhere_prescription",
            "own_routine",
            "elsewhere_measure",
        ):
            assert self.ids[name] not in text, f"{where} shows {name}"
        for words in ("Elsewhere's comment", "Elsewhere's note"):
            assert words not in text, f"{where} shows {words!r}"


# --- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """What one call showed: its status, whether the thing the row is about is visible,
    and how many access-log entries it wrote."""

    status: int
    visible: bool
    logged: int


Call = Callable[[World, Actor], Awaitable[httpx.Response]]
Visible = Callable[[World, Actor, httpx.Response], bool]


@dataclass(frozen=True)
class Channel:
    """One row: what it needs (any of `needs`; every one with `all_of`) and how it is
    called. `ok` is the success status; `visible` reads the answer for the thing shown
    (default: a success); `check` asserts what a success must (and must not) show."""

    needs: frozenset[CareScope]
    call: Call
    ok: int = 200
    all_of: bool = False
    refused: int = 403  # in care without what the operation needs
    visible: Visible | None = None
    check: Callable[[World, Actor, httpx.Response], None] | None = None
    logs: bool = True
    # For a part of an answer: what the operation itself needs (any of); default `needs`.
    operation_needs: frozenset[CareScope] | None = None
    # An id the clinic may never read: the answer in care with the scope (404).
    never: bool = False

    def granted(self, scopes: frozenset[CareScope]) -> bool:
        if not self.needs:
            return True
        return self.needs <= scopes if self.all_of else bool(self.needs & scopes)

    def answered(self, scopes: frozenset[CareScope]) -> bool:
        needs = self.needs if self.operation_needs is None else self.operation_needs
        return not needs or bool(needs & scopes)

    def seen(self, world: World, actor: Actor, answer: httpx.Response) -> bool:
        if self.visible is not None:
            return self.visible(world, actor, answer)
        return answer.status_code == self.ok


def _get(template: str, **params: str) -> Call:
    async def call(world: World, actor: Actor) -> httpx.Response:
        return await world.client.get(
            world.path(template), params=params, headers=actor.account.headers
        )

    return call


def _post(template: str, body: Callable[[World, Actor], dict[str, Any]]) -> Call:
    async def call(world: World, actor: Actor) -> httpx.Response:
        return await world.client.post(
            world.path(template), json=body(world, actor), headers=actor.account.headers
        )

    return call


async def _revise(world: World, actor: Actor) -> httpx.Response:
    current = await world.client.get(
        f"/api/v1/routines/{world.ids['prescription_id']}", headers=world.patient.headers
    )
    return await world.client.patch(
        world.path(PATIENT + "/routines/{prescription_id}"),
        json={"notes": f"revised by {actor.name}"},
        headers={**actor.account.headers, "If-Match": current.headers["etag"]},
    )


async def _acknowledge(world: World, actor: Actor) -> httpx.Response:
    """Each caller allowed to acknowledge takes an alert of its own (a clinic acknowledges
    once); the others try the one the other clinic acknowledged."""
    takes = CareScope.ALERTS in actor.scopes and actor.state == "active"
    alert_id = world.spare_alerts.pop() if takes else world.ids["elsewhere_alert"]
    return await world.client.post(
        world.path(PATIENT + f"/alerts/{alert_id}/acknowledge"),
        json={"note": f"Seen by {actor.name}."},
        headers=actor.account.headers,
    )


def _items(answer: httpx.Response) -> list[dict[str, Any]]:
    return list(answer.json()["items"])


def _overview_row(world: World, answer: httpx.Response) -> dict[str, Any] | None:
    if answer.status_code != 200:
        return None
    rows = [r for r in _items(answer) if r["patient"]["id"] == str(world.patient.id)]
    return rows[0] if rows else None


def _overview_field(*keys: str) -> Visible:
    def visible(world: World, actor: Actor, answer: httpx.Response) -> bool:
        value: Any = _overview_row(world, answer)
        for key in keys:
            if value is None:
                return False
            value = value[key]
        return value is not None

    return visible


def _listed(world: World, actor: Actor, answer: httpx.Response) -> bool:
    return _overview_row(world, answer) is not None


def _open_alerts_count_this_clinics_own(world: World, actor: Actor, answer: httpx.Response) -> None:
    row = _overview_row(world, answer)
    assert row is not None
    # The alert the other clinic acknowledged is still open here.
    assert row["open_alerts"] >= 1


def _bundle_has(resource: str, *, profile: str | None = None) -> Visible:
    def visible(world: World, actor: Actor, answer: httpx.Response) -> bool:
        if answer.status_code != 200:
            return False
        entries = [e["resource"] for e in answer.json().get("entry", [])]
        found = [r for r in entries if r["resourceType"] == resource]
        if profile == "session":
            found = [r for r in found if r["id"] == world.ids["session_id"]]
        elif profile == "self-check":
            found = [r for r in found if r["id"] == world.ids["assessment_id"]]
        return bool(found)

    return visible


def _care_plans_are_this_clinics(world: World, actor: Actor, answer: httpx.Response) -> None:
    entries = [e["resource"] for e in answer.json().get("entry", [])]
    plans = {r["id"] for r in entries if r["resourceType"] == "CarePlan"}
    assert world.ids["prescription_id"] in plans
    world.never_shows_elsewhere(answer.text, f"$everything for {actor.name}")


def _comments_are_this_clinics(world: World, actor: Actor, answer: httpx.Response) -> None:
    comments = _items(answer)
    assert {c["clinic_id"] for c in comments} == {str(world.clinic_id)}
    world.never_shows_elsewhere(answer.text, f"comments for {actor.name}")


def _alerts_show_only_this_clinics_acknowledgements(
    world: World, actor: Actor, answer: httpx.Response
) -> None:
    alerts = {a["id"]: a for a in _items(answer)}
    theirs = alerts[world.ids["elsewhere_alert"]]
    assert theirs["status"] == "open" and theirs["acknowledgements"] == []
    world.never_shows_elsewhere(answer.text, f"alerts for {actor.name}")


def _not_elsewhere(world: World, actor: Actor, answer: httpx.Response) -> None:
    world.never_shows_elsewhere(answer.text, actor.name)


def _report_not_elsewhere(world: World, actor: Actor, answer: httpx.Response) -> None:
    world.never_shows_elsewhere(html.unescape(answer.text), f"report for {actor.name}")
    # The other clinic assigned the PSFS: its chart is the patient's and that clinic's only.
    assert 'id="measure-psfs"' not in answer.text, f"report for {actor.name} shows the PSFS"


def _report_shows(section: str) -> Visible:
    def visible(world: World, actor: Actor, answer: httpx.Response) -> bool:
        return answer.status_code == 200 and f'<section id="{section}">' in answer.text

    return visible


def _report_shows_each_session(world: World, actor: Actor, answer: httpx.Response) -> bool:
    return answer.status_code == 200 and 'data-omitted="Pain of each session"' not in answer.text


def _progress_has_single_sessions(world: World, actor: Actor, answer: httpx.Response) -> bool:
    return answer.status_code == 200 and bool(answer.json()["alerts"])


def _built_with_self_check(world: World, actor: Actor, answer: httpx.Response) -> bool:
    """Whether the prescription read the self-check: said in the answer or in the log."""
    if answer.status_code != 201:
        return False
    check_id = world.ids["assessment_id"]
    return check_id in answer.text or f"self-check:{check_id}" in world.last_logged()


def _self_check_read_is_logged(world: World, actor: Actor, answer: httpx.Response) -> None:
    logged = world.last_logged()
    assert f"self-check:{world.ids['assessment_id']}" in logged, logged


def _builder(world: World, actor: Actor) -> dict[str, Any]:
    return {"builder": {"level": "beginner", "minutes": 15}, "name": f"Built {actor.name}"}


ANY_READ = frozenset(
    {CareScope.PRESCRIBE, CareScope.SESSIONS, CareScope.SELF_CHECKS, CareScope.MEASURES}
)
_PARAMETERS = {"resourceType": "Parameters", "parameter": [{"name": "_count", "valueInteger": 5}]}
PLANS = frozenset({CareScope.PRESCRIBE, CareScope.SESSIONS})
S = CareScope

# Every channel, keyed by operation (method, OpenAPI path) and, for a channel that shows
# several parts, `#part`.
OVERVIEW = "GET /api/v1/clinics/{clinic_id}/patients"
CHANNELS: dict[str, Channel] = {
    # The clinician's view: the patient listed to a clinician in care, each field by scope.
    OVERVIEW + "#listed": Channel(frozenset(), _get(CLINIC + "/patients"), visible=_listed),
    OVERVIEW + "#open_alerts": Channel(
        frozenset({S.ALERTS}),
        _get(CLINIC + "/patients"),
        visible=_overview_field("open_alerts"),
        check=_open_alerts_count_this_clinics_own,
    ),
    OVERVIEW + "#figures": Channel(
        frozenset({S.PROGRESS}), _get(CLINIC + "/patients"), visible=_overview_field("figures")
    ),
    OVERVIEW + "#latest_measure": Channel(
        frozenset({S.MEASURES}),
        _get(CLINIC + "/patients"),
        visible=_overview_field("latest_measure"),
    ),
    OVERVIEW + "#figures.latest_pain": Channel(
        frozenset({S.PROGRESS, S.SESSIONS}),
        _get(CLINIC + "/patients"),
        all_of=True,
        visible=_overview_field("figures", "latest_pain"),
    ),
    OVERVIEW + "#figures.last_session_at": Channel(
        frozenset({S.PROGRESS, S.SESSIONS}),
        _get(CLINIC + "/patients"),
        all_of=True,
        visible=_overview_field("figures", "last_session_at"),
    ),
    # REST under the patient's path.
    f"GET {PATIENT}/sessions": Channel(
        frozenset({S.SESSIONS}), _get(PATIENT + "/sessions"), check=_not_elsewhere
    ),
    f"GET {PATIENT}/progress": Channel(frozenset({S.PROGRESS}), _get(PATIENT + "/progress")),
    f"GET {PATIENT}/progress#alerts": Channel(
        frozenset({S.PROGRESS, S.SESSIONS}),
        _get(PATIENT + "/progress"),
        operation_needs=frozenset({S.PROGRESS}),
        all_of=True,
        visible=_progress_has_single_sessions,
    ),
    # The progress report (HTML): admitted under `progress`; each further part by its scope.
    f"GET {PATIENT}/report": Channel(
        frozenset({S.PROGRESS}), _get(PATIENT + "/report"), check=_report_not_elsewhere
    ),
    f"GET {PATIENT}/report#sessions": Channel(
        frozenset({S.PROGRESS, S.SESSIONS}),
        _get(PATIENT + "/report"),
        operation_needs=frozenset({S.PROGRESS}),
        all_of=True,
        visible=_report_shows_each_session,
    ),
    f"GET {PATIENT}/report#alerts": Channel(
        frozenset({S.PROGRESS, S.ALERTS}),
        _get(PATIENT + "/report"),
        operation_needs=frozenset({S.PROGRESS}),
        all_of=True,
        visible=_report_shows("alerts"),
        check=_report_not_elsewhere,
    ),
    f"GET {PATIENT}/report#measures": Channel(
        frozenset({S.PROGRESS, S.MEASURES}),
        _get(PATIENT + "/report"),
        operation_needs=frozenset({S.PROGRESS}),
        all_of=True,
        visible=_report_shows("measure-night-pain"),
        check=_report_not_elsewhere,
    ),
    f"GET {PATIENT}/assessments": Channel(
        frozenset({S.SELF_CHECKS}), _get(PATIENT + "/assessments")
    ),
    f"GET {PATIENT}/routines": Channel(
        frozenset({S.PRESCRIBE}), _get(PATIENT + "/routines"), check=_not_elsewhere
    ),
    # The clinic's record of its prescriptions the patient deleted (only its own).
    f"GET {PATIENT}/deleted-prescriptions": Channel(
        frozenset({S.PRESCRIBE}), _get(PATIENT + "/deleted-prescriptions"), check=_not_elsewhere
    ),
    f"POST {PATIENT}/routines": Channel(
        frozenset({S.PRESCRIBE}),
        _post(PATIENT + "/routines", lambda w, a: {"routine": routine_payload(name=a.name)}),
        ok=201,
    ),
    f"POST {PATIENT}/routines#builder": Channel(
        frozenset({S.PRESCRIBE}), _post(PATIENT + "/routines", _builder), ok=201
    ),
    f"POST {PATIENT}/routines#builder.self_check": Channel(
        frozenset({S.PRESCRIBE, S.SELF_CHECKS}),
        _post(PATIENT + "/routines", _builder),
        operation_needs=frozenset({S.PRESCRIBE}),
        ok=201,
        all_of=True,
        visible=_built_with_self_check,
        check=_self_check_read_is_logged,
    ),
    f"GET {PATIENT}/routines/{{routine_id}}": Channel(
        frozenset({S.PRESCRIBE}), _get(PATIENT + "/routines/{prescription_id}")
    ),
    f"GET {PATIENT}/routines/{{routine_id}}#elsewhere": Channel(
        frozenset({S.PRESCRIBE}),
        _get(PATIENT + "/routines/{elsewhere_prescription}"),
        never=True,
    ),
    f"PATCH {PATIENT}/routines/{{routine_id}}": Channel(frozenset({S.PRESCRIBE}), _revise),
    f"GET {PATIENT}/routines/{{routine_id}}/versions": Channel(
        frozenset({S.PRESCRIBE}), _get(PATIENT + "/routines/{prescription_id}/versions")
    ),
    # Outcome measures: this clinic's assignments and their answers, never another clinic's.
    f"GET {PATIENT}/measures": Channel(
        frozenset({S.MEASURES}), _get(PATIENT + "/measures"), check=_not_elsewhere
    ),
    f"POST {PATIENT}/measures": Channel(
        frozenset({S.MEASURES}),
        _post(
            PATIENT + "/measures",
            lambda w, a: {"instrument_id": "night-pain", "schedule": {"every_weeks": 2}},
        ),
        ok=201,
    ),
    f"GET {PATIENT}/measures/answers": Channel(
        frozenset({S.MEASURES}), _get(PATIENT + "/measures/answers"), check=_not_elsewhere
    ),
    f"POST {PATIENT}/measures/answers": Channel(
        frozenset({S.MEASURES}),
        _post(
            PATIENT + "/measures/answers",
            lambda w, a: {
                "id": str(uuid.uuid4()),
                "assignment_id": w.ids["strength_assignment"],
                "answers": {"side": "right", "force": 80, "unit": "N"},
            },
        ),
        ok=201,
    ),
    f"GET {PATIENT}/alerts": Channel(
        frozenset({S.ALERTS}),
        _get(PATIENT + "/alerts", limit="100"),
        check=_alerts_show_only_this_clinics_acknowledgements,
    ),
    f"POST {PATIENT}/alerts/{{alert_id}}/acknowledge": Channel(
        frozenset({S.ALERTS}), _acknowledge, check=_not_elsewhere
    ),
    f"GET {PATIENT}/sessions/{{session_id}}/comments": Channel(
        frozenset({S.SESSIONS}),
        _get(PATIENT + "/sessions/{session_id}/comments"),
        check=_comments_are_this_clinics,
    ),
    f"POST {PATIENT}/sessions/{{session_id}}/comments": Channel(
        frozenset({S.SESSIONS}),
        _post(PATIENT + "/sessions/{session_id}/comments", lambda w, a: {"body": a.name}),
        ok=201,
        check=_not_elsewhere,
    ),
    # The clinic's FHIR base, per part of the export.
    f"GET {FHIR}/metadata": Channel(frozenset(), _get(FHIR + "/metadata"), logs=False),
    f"GET {FHIR}/Patient/{{patient_id}}/$everything": Channel(
        ANY_READ, _get(FHIR + "/Patient/{patient_id}/$everything"), check=_not_elsewhere
    ),
    f"GET {FHIR}/Patient/{{patient_id}}/$everything#CarePlan": Channel(
        PLANS,
        _get(FHIR + "/Patient/{patient_id}/$everything"),
        operation_needs=ANY_READ,
        visible=_bundle_has("CarePlan"),
        check=_care_plans_are_this_clinics,
    ),
    f"GET {FHIR}/Patient/{{patient_id}}/$everything#session": Channel(
        frozenset({S.SESSIONS}),
        _get(FHIR + "/Patient/{patient_id}/$everything"),
        operation_needs=ANY_READ,
        visible=_bundle_has("Observation", profile="session"),
    ),
    f"GET {FHIR}/Patient/{{patient_id}}/$everything#self-check": Channel(
        frozenset({S.SELF_CHECKS}),
        _get(FHIR + "/Patient/{patient_id}/$everything"),
        operation_needs=ANY_READ,
        visible=_bundle_has("Observation", profile="self-check"),
    ),
    f"GET {FHIR}/Patient/{{patient_id}}/$everything#measures": Channel(
        frozenset({S.MEASURES}),
        _get(FHIR + "/Patient/{patient_id}/$everything"),
        operation_needs=ANY_READ,
        visible=_bundle_has("QuestionnaireResponse"),
        check=_not_elsewhere,
    ),
    f"GET {FHIR}/Observation/{{observation_id}}#measure": Channel(
        frozenset({S.MEASURES}), _get(FHIR + "/Observation/{night_answer}")
    ),
    f"GET {FHIR}/QuestionnaireResponse/{{questionnaire_response_id}}": Channel(
        frozenset({S.MEASURES}), _get(FHIR + "/QuestionnaireResponse/{night_answer}")
    ),
    f"GET {FHIR}/QuestionnaireResponse/{{questionnaire_response_id}}#elsewhere": Channel(
        frozenset({S.MEASURES}),
        _get(FHIR + "/QuestionnaireResponse/{elsewhere_answer}"),
        operation_needs=frozenset(),
        never=True,
    ),
    # Another clinic's measure: never, whatever the scopes.
    f"GET {FHIR}/Observation/{{observation_id}}#measure-elsewhere": Channel(
        frozenset({S.MEASURES}),
        _get(FHIR + "/Observation/{elsewhere_answer}"),
        operation_needs=frozenset(),
        never=True,
    ),
    f"GET {FHIR}/CarePlan/{{care_plan_id}}": Channel(
        PLANS, _get(FHIR + "/CarePlan/{prescription_id}")
    ),
    f"GET {FHIR}/Patient/{{patient_id}}": Channel(ANY_READ, _get(FHIR + "/Patient/{patient_id}")),
    f"POST {FHIR}/Patient/{{patient_id}}/$everything": Channel(
        ANY_READ,
        _post(FHIR + "/Patient/{patient_id}/$everything", lambda w, a: _PARAMETERS),
        check=_not_elsewhere,
    ),
    f"GET {FHIR}/Observation/{{observation_id}}": Channel(
        frozenset({S.SESSIONS}), _get(FHIR + "/Observation/{session_id}")
    ),
    f"GET {FHIR}/Observation/{{observation_id}}#exercise": Channel(
        frozenset({S.SESSIONS}), _get(FHIR + "/Observation/{exercise_observation}")
    ),
    # Sessions that followed another clinic's prescription or the patient's own routine:
    # readable with `sessions`, never naming (basedOn) the routine they followed.
    f"GET {FHIR}/Observation/{{observation_id}}#followed-elsewhere": Channel(
        frozenset({S.SESSIONS}),
        _get(FHIR + "/Observation/{followed_elsewhere}"),
        check=_not_elsewhere,
    ),
    f"GET {FHIR}/Observation/{{observation_id}}#followed-own": Channel(
        frozenset({S.SESSIONS}), _get(FHIR + "/Observation/{followed_own}"), check=_not_elsewhere
    ),
    f"GET {FHIR}/Observation/{{observation_id}}#self-check": Channel(
        frozenset({S.SELF_CHECKS}), _get(FHIR + "/Observation/{assessment_id}")
    ),
    # Another clinic's prescription and the patient's own routine: never, whatever the
    # scopes (404 as for an unknown id).
    f"GET {FHIR}/CarePlan/{{care_plan_id}}#elsewhere": Channel(
        PLANS,
        _get(FHIR + "/CarePlan/{elsewhere_prescription}"),
        operation_needs=frozenset(),
        never=True,
    ),
    f"GET {FHIR}/CarePlan/{{care_plan_id}}#own": Channel(
        PLANS,
        _get(FHIR + "/CarePlan/{own_routine}"),
        operation_needs=frozenset(),
        never=True,
    ),
    # The patient's own FHIR base: a clinician never reads there.
    "GET /api/v1/fhir/Patient/{patient_id}/$everything": Channel(
        frozenset({S.SESSIONS}),
        _get("/api/v1/fhir/Patient/{patient_id}/$everything"),
        operation_needs=frozenset(),
        never=True,
    ),
    "POST /api/v1/fhir/Patient/{patient_id}/$everything": Channel(
        frozenset({S.SESSIONS}),
        _post("/api/v1/fhir/Patient/{patient_id}/$everything", lambda w, a: _PARAMETERS),
        operation_needs=frozenset(),
        never=True,
    ),
    "GET /api/v1/fhir/Patient/{patient_id}": Channel(
        frozenset({S.SESSIONS}),
        _get("/api/v1/fhir/Patient/{patient_id}"),
        operation_needs=frozenset(),
        never=True,
    ),
}
# Clinic webhooks: the scope an event's data is covered by. The intended rule (helper D's
# consent work, issue #22 item 2): a clinic's endpoint receives a patient's event only when
# the patient granted the event's scope AND `clinic_systems` to a clinician still a member.
WEBHOOK_SCOPES: dict[WebhookEventType, CareScope] = {
    WebhookEventType.SESSION_LOGGED: S.SESSIONS,
    WebhookEventType.SESSION_UPDATED: S.SESSIONS,
    WebhookEventType.SESSION_DELETED: S.SESSIONS,
    WebhookEventType.ALERT_RAISED: S.ALERTS,
    WebhookEventType.ROUTINE_PRESCRIBED: S.PRESCRIBE,
    WebhookEventType.PROGRESS_ADVICE_CHANGED: S.PROGRESS,
    WebhookEventType.MEASURE_COMPLETED: S.MEASURES,
}
HOOK_URL = "https://93.184.215.14/hook"


def expected(key: str, channel: Channel, actor: Actor) -> tuple[int, bool]:
    """(status, visible) the table promises `actor` for the row."""
    if not channel.logs:  # public: the FHIR base's metadata, no patient's data
        return channel.ok, True
    if key.startswith(OVERVIEW + "#"):  # members get the view; only a patient in care is on it
        member = actor.state in ("active", "revoked", "owner")
        return (200 if member else 404), actor.state == "active" and channel.granted(actor.scopes)
    if actor.state != "active":
        return 404, False
    if not channel.answered(actor.scopes):
        return channel.refused, False
    if channel.never:
        return 404, False
    return channel.ok, channel.granted(actor.scopes)


# --- the world ----------------------------------------------------------------------------


def _account(app: FastAPI, name: str) -> Account:
    """Made through the service: two dozen sign-ups over HTTP would meet the sign-up limit."""
    with Session(app.state.engine, expire_on_commit=False) as session:
        user = users_service.create_account(
            session,
            UserCreate(email=unique_email(name), password=PASSWORD, display_name=name[:80]),
        )
        token = users_service.issue_sign_in(session, user, app.state.settings)
        session.commit()
    return Account(user.id, token.access_token)


async def _ok(answer: Awaitable[httpx.Response], status: int = 200) -> dict[str, Any]:
    done = await answer
    assert done.status_code == status, done.text
    return dict(done.json()) if done.content else {}


async def _clinic(client: httpx.AsyncClient, owner: Account, name: str) -> uuid.UUID:
    made = await _ok(
        client.post("/api/v1/clinics", json={"name": name}, headers=owner.headers), 201
    )
    return uuid.UUID(made["id"])


async def _join(
    client: httpx.AsyncClient, owner: Account, clinic: uuid.UUID, member: Account
) -> None:
    issued = await _ok(
        client.post(f"/api/v1/clinics/{clinic}/invitations", json={}, headers=owner.headers), 201
    )
    await _ok(
        client.post(
            "/api/v1/clinic-invitations/accept",
            json={"code": issued["code"]},
            headers=member.headers,
        )
    )


async def _in_care(
    client: httpx.AsyncClient,
    clinician: Account,
    clinic: uuid.UUID,
    patient: Account,
    scopes: list[str],
) -> str:
    code = await care_code(client, clinician, clinic, scopes)  # type: ignore[arg-type]
    accepted = await _ok(
        client.post("/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers),
        201,
    )
    return str(accepted["id"])


async def _painful_session(client: httpx.AsyncClient, patient: Account) -> str:
    """A session of today with pain 8 (it raises an alert and sits in the progress range)."""
    from datetime import UTC, datetime, timedelta

    started = datetime.now(UTC) - timedelta(hours=2)
    body = session_payload(
        started_at=started.isoformat(), ended_at=(started + timedelta(minutes=20)).isoformat()
    )
    body["entries"][0]["pain"] = 8
    made = await _ok(client.post("/api/v1/sessions", json=body, headers=patient.headers), 201)
    return str(made["id"])


async def _answer_measure(
    client: httpx.AsyncClient, patient: Account, assignment: str, answers: dict[str, Any]
) -> str:
    body = {"id": str(uuid.uuid4()), "assignment_id": assignment, "answers": answers}
    await _ok(client.post("/api/v1/me/measures/answers", json=body, headers=patient.headers), 201)
    return body["id"]


async def _answered_measures(
    client: httpx.AsyncClient,
    patient: Account,
    theirs: str,
    ours: str,
    other: Account,
    prescriber: Account,
) -> dict[str, str]:
    def assign(path: str, who: Account, instrument: str) -> Awaitable[dict[str, Any]]:
        body = {"instrument_id": instrument, "schedule": {"at_start": True}}
        return _ok(client.post(path + "/measures", json=body, headers=who.headers), 201)

    elsewhere = await assign(theirs, other, "psfs")
    elsewhere_answer = await _answer_measure(
        client, patient, elsewhere["id"], {"activities": [{"activity": "Stairs", "rating": 2}]}
    )
    night = await assign(ours, prescriber, "night-pain")
    night_answers = [
        await _answer_measure(client, patient, night["id"], {"rating": rating}) for rating in (3, 7)
    ]
    strength = await assign(ours, prescriber, "hip-abduction-strength")
    return {
        "elsewhere_measure": str(elsewhere["id"]),
        "elsewhere_answer": elsewhere_answer,
        "night_answer": night_answers[-1],
        "strength_assignment": str(strength["id"]),
    }


async def build_world(app: FastAPI, client: httpx.AsyncClient) -> World:
    owner, patient = _account(app, "owner"), _account(app, "patient")
    clinic = await _clinic(client, owner, "Riverside")
    world = World(app, client, clinic, patient, [Actor("owner", "none", owner)])
    for state in RELATIONSHIP_STATES:
        for scope_set, scopes in SCOPE_SETS.items():
            actor = Actor(state, scope_set, _account(app, f"{state}-{scope_set}"))
            await _join(client, owner, clinic, actor.account)
            relationship = await _in_care(
                client, actor.account, clinic, patient, sorted(s.value for s in scopes)
            )
            if state == "revoked":
                await _ok(
                    client.delete(
                        f"/api/v1/me/care-relationships/{relationship}", headers=patient.headers
                    ),
                    204,
                )
            world.actors.append(actor)
    # Elsewhere: another clinic in care of the same patient with every scope.
    other = _account(app, "elsewhere")
    elsewhere = await _clinic(client, other, "Elsewhere")
    await _in_care(client, other, elsewhere, patient, ALL_SCOPES)
    world.actors.append(Actor("other_clinic", "none", other))
    own = await _ok(
        client.post("/api/v1/routines", json=routine_payload(), headers=patient.headers), 201
    )
    check = await _ok(
        client.post(
            "/api/v1/me/assessments", json=assessment_examples.check(), headers=patient.headers
        ),
        201,
    )
    painful = [await _painful_session(client, patient) for _ in range(4)]
    alerts = await _ok(
        client.get("/api/v1/me/alerts", params={"limit": 100}, headers=patient.headers)
    )
    alert_ids = [a["id"] for a in alerts["items"] if a["kind"] == "pain"]
    theirs = f"/api/v1/clinics/{elsewhere}/patients/{patient.id}"
    elsewhere_prescription = await _ok(
        client.post(
            theirs + "/routines",
            json={"routine": routine_payload(name="Elsewhere's", notes="Elsewhere's note")},
            headers=other.headers,
        ),
        201,
    )
    await _ok(
        client.post(
            theirs + f"/sessions/{painful[0]}/comments",
            json={"body": "Elsewhere's comment"},
            headers=other.headers,
        ),
        201,
    )
    await _ok(
        client.post(
            theirs + f"/alerts/{alert_ids[0]}/acknowledge",
            json={"note": "Elsewhere's note"},
            headers=other.headers,
        )
    )
    # Sessions that followed the other clinic's prescription and the patient's own routine:
    # the clinic sees the sessions, never which routine they followed.
    followed_sessions = []
    for followed in (elsewhere_prescription["id"], own["id"]):
        body = session_payload(routine_id=followed)
        made = await _ok(client.post("/api/v1/sessions", json=body, headers=patient.headers), 201)
        followed_sessions.append(str(made["id"]))
    # This clinic's own prescription and comment, by a clinician in care with every scope.
    prescriber = next(a for a in world.actors if a.name == "active:all")
    ours = world.path(PATIENT)
    prescription = await _ok(
        client.post(
            ours + "/routines",
            json={"routine": routine_payload(name="Ours")},
            headers=prescriber.account.headers,
        ),
        201,
    )
    await _ok(
        client.post(
            ours + f"/sessions/{painful[0]}/comments",
            json={"body": "Ours"},
            headers=prescriber.account.headers,
        ),
        201,
    )
    # Outcome measures: the other clinic's (answered), and this clinic's night pain answered
    # twice (a change for the view) and a strength assignment its clinicians record.
    measures = await _answered_measures(client, patient, theirs, ours, other, prescriber.account)
    # Removed from the clinic last: their relationships end with their membership.
    for actor in world.actors:
        if actor.state == "removed":
            await _ok(
                client.delete(
                    f"/api/v1/clinics/{clinic}/members/{actor.account.id}", headers=owner.headers
                ),
                204,
            )
    world.ids = {
        "session_id": painful[0],
        "exercise_observation": ids.member_id(uuid.UUID(painful[0]), "clamshell"),
        "followed_elsewhere": followed_sessions[0],
        "followed_own": followed_sessions[1],
        "assessment_id": str(check["id"]),
        "own_routine": str(own["id"]),
        "prescription_id": str(prescription["id"]),
        "elsewhere_prescription": str(elsewhere_prescription["id"]),
        "elsewhere_alert": alert_ids[0],
        "elsewhere_clinic": str(elsewhere),
        **measures,
    }
    world.spare_alerts = alert_ids[1:]
    return world


# --- the walks ----------------------------------------------------------------------------


def _operation(key: str) -> str:
    return key.split("#")[0]


async def test_every_channel_to_a_clinic_has_rows(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    channels = {
        f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
        and ("{patient_id}" in path or path.startswith(FHIR + "/"))
    } | {"GET /api/v1/clinics/{clinic_id}/patients"}
    covered = {_operation(key) for key in CHANNELS}
    assert not channels - covered, f"channels with no row: {sorted(channels - covered)}"
    assert not covered - channels, f"rows for no channel: {sorted(covered - channels)}"
    assert set(WEBHOOK_SCOPES) == set(WebhookEventType), "webhook event types with no row"


async def test_each_caller_sees_what_the_table_says_and_each_egress_is_logged_once(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    world = await build_world(app, client)
    wrong: list[str] = []
    size = world.log_size()  # nothing but the calls below writes to the log
    for key, channel in CHANNELS.items():
        for actor in world.actors:
            answer = await channel.call(world, actor)
            before, size = size, world.log_size()
            logged = size - before
            status, visible = expected(key, channel, actor)
            seen = channel.seen(world, actor, answer)
            if (answer.status_code, seen) != (status, visible):
                wrong.append(
                    f"{key} {actor.name}: expected {status}/{visible}, got "
                    f"{answer.status_code}/{seen} {answer.text[:160]}"
                )
                continue
            egress = answer.is_success and channel.logs and actor.state == "active"
            if logged != (1 if egress else 0):
                wrong.append(f"{key} {actor.name}: {logged} access-log entries for {status}")
            if visible and channel.check is not None and actor.state == "active":
                try:
                    channel.check(world, actor, answer)
                except AssertionError as exc:
                    wrong.append(f"{key} {actor.name}: {exc}")
    assert not wrong, "\n".join(wrong)


@dataclass(frozen=True)
class HookClinic:
    """A clinic of the webhook walk: the state of its clinician's relationship with the
    patient, the scope set granted, and whether `clinic_systems` was granted with it."""

    state: str
    scope_set: str
    systems: bool
    id: uuid.UUID
    clinician: Account | None

    @property
    def name(self) -> str:
        return f"{self.state}:{self.scope_set}{'+systems' if self.systems else ''}"

    def granted(self) -> frozenset[CareScope]:
        scopes = SCOPE_SETS.get(self.scope_set, frozenset())
        if self.systems:
            return scopes | {CareScope.CLINIC_SYSTEMS}
        return scopes - {CareScope.CLINIC_SYSTEMS}


async def _hook_clinic(
    client: httpx.AsyncClient,
    app: FastAPI,
    patient: Account,
    state: str,
    scope_set: str,
    systems: bool,
) -> HookClinic:
    """A clinic with an endpoint for every event type and, unless `owner`, a clinician in
    care of the patient in `state` with the scope set (and `clinic_systems` or not)."""
    owner = _account(app, f"owner-{state}-{scope_set}-{systems}")
    clinic = await _clinic(client, owner, f"{state} {scope_set} {systems}")
    await _ok(
        client.post(
            f"/api/v1/clinics/{clinic}/webhooks",
            json={"url": HOOK_URL, "event_types": list(WebhookEventType)},
            headers=owner.headers,
        ),
        201,
    )
    made = HookClinic(state, scope_set, systems, clinic, None)
    if state == "owner":
        return made
    clinician = _account(app, f"{state}-{scope_set}-{systems}")
    await _join(client, owner, clinic, clinician)
    granted = sorted(s.value for s in made.granted())
    relationship = await _in_care(client, clinician, clinic, patient, granted)
    if state == "revoked":
        await _ok(
            client.delete(f"/api/v1/me/care-relationships/{relationship}", headers=patient.headers),
            204,
        )
    if state == "removed":
        await _ok(
            client.delete(
                f"/api/v1/clinics/{clinic}/members/{clinician.id}", headers=owner.headers
            ),
            204,
        )
    return HookClinic(state, scope_set, systems, clinic, clinician)


async def _session_following(
    client: httpx.AsyncClient, patient: Account, routine_id: str, pain: int
) -> str:
    """A session of today following `routine_id`, both clamshell sets at `pain` (it raises
    an alert, and turns the clamshell's advice to reduce when it is the current routine)."""
    from datetime import UTC, datetime, timedelta

    started = datetime.now(UTC) - timedelta(hours=1)
    body = session_payload(
        routine_id=routine_id,
        started_at=started.isoformat(),
        ended_at=(started + timedelta(minutes=20)).isoformat(),
    )
    for set_ in body["entries"][:2]:
        set_["pain"] = pain
    made = await _ok(client.post("/api/v1/sessions", json=body, headers=patient.headers), 201)
    return str(made["id"])


async def test_a_clinic_endpoint_receives_only_what_the_patient_granted_it(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """Clinic endpoints in every relationship state x scope set, with and without
    `clinic_systems` (without it only for active relationships: the other states get
    nothing either way), and the owner of a clinic without a relationship. A clinician of
    one active clinic prescribes by hand; the patient follows that prescription and their
    own routine, the prescriber acknowledges an alert, a second alert is raised, a session
    is changed and one deleted. Then, read from the outbox: which clinic got which event
    type, what the bodies name, and one `send` entry of the access log per delivery."""
    from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

    systems = CareScope.CLINIC_SYSTEMS
    patient = _account(app, "patient")
    own_endpoint = await _ok(
        client.post(
            "/api/v1/me/webhooks",
            json={"url": HOOK_URL, "event_types": list(WebhookEventType)},
            headers=patient.headers,
        ),
        201,
    )
    clinics: list[HookClinic] = [
        await _hook_clinic(client, app, patient, state, scope_set, with_systems)
        for state in RELATIONSHIP_STATES
        for scope_set in SCOPE_SETS
        for with_systems in ((True, False) if state == "active" else (True,))
        if with_systems or scope_set != systems.value  # no relationship holds no scope
    ]
    clinics.append(await _hook_clinic(client, app, patient, "owner", "none", False))

    own = await _ok(
        client.post("/api/v1/routines", json=routine_payload(), headers=patient.headers), 201
    )
    prescriber = next(c for c in clinics if c.name == "active:all+systems")
    assert prescriber.clinician is not None
    in_care = f"/api/v1/clinics/{prescriber.id}/patients/{patient.id}"
    prescription = await _ok(
        client.post(
            in_care + "/routines",
            json={"routine": routine_payload(name="Prescribed by hand")},
            headers=prescriber.clinician.headers,
        ),
        201,
    )
    followed_prescription = await _session_following(client, patient, prescription["id"], 8)
    alerts = await _ok(client.get("/api/v1/me/alerts", headers=patient.headers))
    await _ok(
        client.post(
            in_care + f"/alerts/{alerts['items'][0]['id']}/acknowledge",
            json={"note": "Seen by the prescriber."},
            headers=prescriber.clinician.headers,
        )
    )
    followed_own = await _session_following(client, patient, own["id"], 7)
    # A measure the prescriber's clinic assigned, answered: only that clinic learns of it.
    assigned = await _ok(
        client.post(
            in_care + "/measures",
            json={"instrument_id": "psfs", "schedule": {"at_start": True}},
            headers=prescriber.clinician.headers,
        ),
        201,
    )
    await _answer_measure(
        client, patient, assigned["id"], {"activities": [{"activity": "Stairs", "rating": 3}]}
    )
    url = f"/api/v1/sessions/{followed_own}"
    etag = (await client.get(url, headers=patient.headers)).headers["etag"]
    await _ok(
        client.patch(url, json={"notes": "changed"}, headers={**patient.headers, "If-Match": etag})
    )
    url = f"/api/v1/sessions/{followed_prescription}"
    etag = (await client.get(url, headers=patient.headers)).headers["etag"]
    await _ok(client.delete(url, headers={**patient.headers, "If-Match": etag}), 204)
    assert expand_outbox(app) > 0  # the worker fans the events out

    with Session(app.state.engine) as session:
        endpoint_clinic = dict(
            session.execute(select(WebhookEndpoint.id, WebhookEndpoint.clinic_id)).all()  # type: ignore[call-overload]
        )
        rows = session.execute(
            select(  # type: ignore[call-overload]
                WebhookEvent.id,
                WebhookEvent.event_type,
                WebhookEvent.payload,
                WebhookDelivery.endpoint_id,
            )
            .join(WebhookDelivery, WebhookDelivery.event_id == WebhookEvent.id)
            .where(WebhookEvent.owner_id == patient.id)
        ).all()
        sends = session.execute(
            select(AccessLogEntry.endpoint_id, AccessLogEntry.event_id).where(  # type: ignore[call-overload]
                AccessLogEntry.patient_id == patient.id, AccessLogEntry.action == "send"
            )
        ).all()

    wrong: list[str] = []
    received = {(endpoint_clinic[e], t) for _, t, _, e in rows}
    for clinic in clinics:
        for event_type, scope in WEBHOOK_SCOPES.items():
            granted = clinic.granted()
            should = clinic.state == "active" and {scope, systems} <= granted
            if event_type in (
                WebhookEventType.ROUTINE_PRESCRIBED,
                WebhookEventType.MEASURE_COMPLETED,
            ):
                should = should and clinic is prescriber  # nobody else learns of it
            if ((clinic.id, event_type.value) in received) != should:
                wrong.append(f"{event_type} to {clinic.name}: expected {should}")

    # What each body names: the patient's own endpoint everything; a clinic only its own
    # prescription, never the patient's own routine nor anything of another clinic.
    clinic_ids = {str(c.id) for c in clinics}
    followed = {followed_prescription: prescription["id"], followed_own: own["id"]}
    for event_id, event_type, payload, endpoint_id in rows:
        clinic_id = endpoint_clinic[endpoint_id]
        data = json.loads(payload)["data"]
        where = f"{event_type} {event_id} to {clinic_id or 'the patient'}"
        # The patient's own endpoint names every routine; a clinic only its prescription.
        named = {prescription["id"]} if clinic_id in (None, prescriber.id) else set()
        named |= {own["id"]} if clinic_id is None else set()
        if clinic_id is not None:
            if any(other in payload for other in clinic_ids - {str(clinic_id)}):
                wrong.append(f"{where}: names another clinic")
            if any(r in payload for r in {own["id"], prescription["id"]} - named):
                wrong.append(f"{where}: names a routine the clinic did not prescribe")
        session_body = data.get("session", {})
        if "routine_id" in session_body:  # a tombstone names none
            routine = followed[session_body["id"]]
            shown = (routine, 1) if routine in named else (None, None)
            if (session_body["routine_id"], session_body["routine_version"]) != shown:
                wrong.append(f"{where}: routine {session_body['routine_id']}, not {shown}")
        if event_type == WebhookEventType.PROGRESS_ADVICE_CHANGED.value:
            shown_id = prescription["id"] if prescription["id"] in named else None
            if data["routine_id"] != shown_id:
                wrong.append(f"{where}: advice names routine {data['routine_id']}")
        if event_type == WebhookEventType.ALERT_RAISED.value:
            alert = data["alert"]
            if alert["acknowledgements"] or alert["acknowledged_clinic_id"] is not None:
                wrong.append(f"{where}: carries an acknowledgement")
        if clinic_id is None and str(endpoint_id) != own_endpoint["id"]:
            wrong.append(f"{where}: an endpoint of nobody's")

    # Each delivery to a clinic's endpoint is one `send` entry naming it and its event;
    # the patient's own endpoint and the clinics left out write none.
    to_clinics = sorted((e, ev) for ev, _, _, e in rows if endpoint_clinic[e] is not None)
    if sorted(sends) != to_clinics:
        wrong.append(f"{len(sends)} send entries for {len(to_clinics)} clinic deliveries")
    assert {t for _, t in received} == {t.value for t in WebhookEventType}, received
    assert not wrong, "\n".join(wrong)
