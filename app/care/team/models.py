"""Clinics, their members and invitations, care relationships and the access log."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, TypedDict

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import BigInteger, Column, ForeignKey, Index, String, Uuid, text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.shapes import mirror
from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import ONE_LINE, SHORT_TEXT_MAX, ShortText, utcnow
from app.core.vocabulary import (
    AccessAction,
    CareChannel,
    CareScope,
    ClinicRole,
    InvitationStatus,
    MeasureVerdict,
    RelationshipStatus,
    WebhookEventType,
)

# Invitation codes: 32 random bytes, URL-safe (43 characters) behind a prefix naming the
# kind, so a code pasted into the wrong form is told apart. Stored only as a digest.
CODE_MAX = 80
DEFAULT_INVITATION_DAYS = 7
MAX_INVITATION_DAYS = 30
ACTOR_NAME_MAX = 320
RESOURCE_MAX = 120
ADDRESS_MAX = 64
SCOPES_MAX = 100
# A summary made stale on purpose: recomputed before any page reads it (attention.py).
STALE = datetime(1970, 1, 1, tzinfo=UTC)
STALE_SQL = text("'1970-01-01 00:00:00+00:00'")

InvitationCode = Annotated[
    str,
    StringConstraints(min_length=1, max_length=CODE_MAX),
    ONE_LINE,
    Field(description="The code exactly as it was shown once to its issuer."),
]
ExpiresInDays = Annotated[
    int,
    Field(
        ge=1,
        le=MAX_INVITATION_DAYS,
        description=f"Days the code stays valid (1-{MAX_INVITATION_DAYS}).",
    ),
]


def _unique_scopes(value: list[CareScope]) -> list[CareScope]:
    if len(set(value)) != len(value):
        raise ValueError("each scope at most once")
    return sorted(value)


Scopes = Annotated[
    list[CareScope],
    Field(min_length=1, max_length=len(CareScope)),
    AfterValidator(_unique_scopes),
]


class ScopeSet(TypeDecorator[frozenset[CareScope]]):
    """A set of scopes as one sorted, comma-separated text value (same on both databases)."""

    impl = String
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(SCOPES_MAX)

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return ",".join(sorted(CareScope(v).value for v in value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> frozenset[CareScope]:
        if not value:
            return frozenset()
        return frozenset(CareScope(v) for v in value.split(","))

    @property
    def python_type(self) -> type[frozenset[CareScope]]:
        return frozenset


def _user_fk(ondelete: str, nullable: bool = False) -> Any:
    return SQLField(
        default=None if nullable else ...,
        sa_column=Column(Uuid(), ForeignKey("app_user.id", ondelete=ondelete), nullable=nullable),
    )


def _clinic_fk(ondelete: str = "CASCADE", nullable: bool = False) -> Any:
    return SQLField(
        default=None if nullable else ...,
        sa_column=Column(Uuid(), ForeignKey("clinic.id", ondelete=ondelete), nullable=nullable),
    )


def _at(nullable: bool = False) -> Any:
    if nullable:
        return SQLField(default=None, sa_column=Column(UTCDateTime()))
    return SQLField(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


# --- Tables ------------------------------------------------------------------------------


class Clinic(SQLModel, table=True):
    __tablename__ = "clinic"

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    revision: int = SQLField(default=1)
    created_at: datetime = _at()
    updated_at: datetime = _at()


class ClinicMember(SQLModel, table=True):
    __tablename__ = "clinic_member"
    __table_args__ = (Index("ix_clinic_member_user", "user_id"),)

    clinic_id: uuid.UUID = SQLField(
        sa_column=Column(
            Uuid(), ForeignKey("clinic.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    user_id: uuid.UUID = SQLField(
        sa_column=Column(
            Uuid(),
            ForeignKey("app_user.id", ondelete="CASCADE"),
            primary_key=True,
            nullable=False,
        )
    )
    role: ClinicRole = SQLField(sa_type=VocabularyColumn(ClinicRole, 16))
    created_at: datetime = _at()


class ClinicInvitation(SQLModel, table=True):
    __tablename__ = "clinic_invitation"
    __table_args__ = (Index("ix_clinic_invitation_clinic", "clinic_id"),)

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    clinic_id: uuid.UUID = _clinic_fk()
    role: ClinicRole = SQLField(sa_type=VocabularyColumn(ClinicRole, 16))
    code_hash: str = SQLField(max_length=64, unique=True)
    created_by: uuid.UUID | None = _user_fk("SET NULL", nullable=True)
    created_at: datetime = _at()
    expires_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = _at(nullable=True)
    used_by: uuid.UUID | None = _user_fk("SET NULL", nullable=True)
    # Set when the code stops working before use: revoked by its issuer or an owner, or
    # dead with its issuer's membership (or, for a clinic code, their owner role). Kept
    # set, so a rejoining issuer does not bring an old code back.
    revoked_at: datetime | None = _at(nullable=True)


class CareInvitation(SQLModel, table=True):
    __tablename__ = "care_invitation"
    __table_args__ = (Index("ix_care_invitation_clinic", "clinic_id"),)

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    clinic_id: uuid.UUID = _clinic_fk()
    clinician_id: uuid.UUID = _user_fk("CASCADE")
    scopes: frozenset[CareScope] = SQLField(sa_column=Column(ScopeSet(), nullable=False))
    code_hash: str = SQLField(max_length=64, unique=True)
    created_at: datetime = _at()
    expires_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = _at(nullable=True)
    used_by: uuid.UUID | None = _user_fk("SET NULL", nullable=True)
    # Set when the code stops working before use: revoked by its issuer or an owner, or
    # dead with its issuer's membership (or, for a clinic code, their owner role). Kept
    # set, so a rejoining issuer does not bring an old code back.
    revoked_at: datetime | None = _at(nullable=True)


class CareRelationship(SQLModel, table=True):
    __tablename__ = "care_relationship"
    __table_args__ = (
        # At most one active relationship per (clinic, clinician, patient): a partial
        # unique index, so a revoked one never blocks a new invitation's acceptance.
        Index(
            "uq_care_relationship_active",
            "clinic_id",
            "clinician_id",
            "patient_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
        Index("ix_care_relationship_patient", "patient_id", "created_at", "id"),
        Index("ix_care_relationship_clinician", "clinic_id", "clinician_id", "status"),
        # The clinician's view in attention order (app/care/team/attention.py): a page is a
        # range of this index.
        Index(
            "ix_care_relationship_attention",
            "clinic_id",
            "clinician_id",
            "status",
            "rank_alerts",
            "rank_adherence",
            "rank_last",
            "patient_id",
        ),
        # The summaries a week's turn has made stale, found before a page is read.
        Index(
            "ix_care_relationship_summary_until",
            "clinic_id",
            "clinician_id",
            "status",
            "summary_until",
        ),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    clinic_id: uuid.UUID = _clinic_fk()
    clinician_id: uuid.UUID = _user_fk("CASCADE")
    patient_id: uuid.UUID = _user_fk("CASCADE")
    scopes: frozenset[CareScope] = SQLField(sa_column=Column(ScopeSet(), nullable=False))
    status: RelationshipStatus = SQLField(
        default=RelationshipStatus.ACTIVE, sa_type=VocabularyColumn(RelationshipStatus, 16)
    )
    created_at: datetime = _at()
    ended_at: datetime | None = _at(nullable=True)
    # The patient's summary as this relationship's clinician sees it, kept by every write
    # it follows (app/care/team/attention.py): the attention order's keys, ascending
    # (minus the open alerts; adherence per mille; the last session's epoch seconds), and
    # their time-relative input: live sessions in the four whole local weeks before the
    # one ending at `summary_until` (stale from then on), and the last session.
    rank_alerts: int = SQLField(default=0, sa_column_kwargs={"server_default": "0"})
    rank_adherence: int = SQLField(default=1001, sa_column_kwargs={"server_default": "1001"})
    rank_last: int = SQLField(
        default=-1, sa_column=Column(BigInteger(), nullable=False, server_default="-1")
    )
    summary_done: int = SQLField(default=0, sa_column_kwargs={"server_default": "0"})
    summary_last_id: uuid.UUID | None = SQLField(default=None, sa_column=Column(Uuid()))
    # The patient's latest answer with a change from baseline to a measure this clinic
    # assigned (kept by the answer's transaction: attention.on_measure_answered).
    summary_measure_id: uuid.UUID | None = SQLField(default=None, sa_column=Column(Uuid()))
    summary_until: datetime = SQLField(
        default=STALE,
        sa_column=Column(UTCDateTime(), nullable=False, server_default=STALE_SQL),
    )


class AccessLogEntry(SQLModel, table=True):
    """Append-only: rows are inserted (app/care/team/access_log.py) and only ever deleted with
    the patient's account (the foreign key cascades). No route and no ORM path updates one."""

    __tablename__ = "access_log"
    __table_args__ = (Index("ix_access_log_patient_at", "patient_id", "at", "id"),)

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = _user_fk("CASCADE")
    # The actor's account may be deleted later: the entry stays, with the name it had.
    actor_id: uuid.UUID | None = _user_fk("SET NULL", nullable=True)
    actor_name: str | None = SQLField(default=None, max_length=ACTOR_NAME_MAX)
    clinic_id: uuid.UUID | None = _clinic_fk("SET NULL", nullable=True)
    clinic_name: str | None = SQLField(default=None, max_length=SHORT_TEXT_MAX)
    relationship_id: uuid.UUID | None = SQLField(
        default=None,
        sa_column=Column(Uuid(), ForeignKey("care_relationship.id", ondelete="SET NULL")),
    )
    # No foreign key: share links are another package's table; the id is kept as said.
    share_link_id: uuid.UUID | None = SQLField(default=None, sa_column=Column(Uuid()))
    # An event sent to a clinic's webhook endpoint: which endpoint, which event. No foreign
    # keys: the entry outlives both, as said.
    endpoint_id: uuid.UUID | None = SQLField(default=None, sa_column=Column(Uuid()))
    event_id: uuid.UUID | None = SQLField(default=None, sa_column=Column(Uuid()))
    action: AccessAction = SQLField(sa_type=VocabularyColumn(AccessAction, 16))
    resource: str = SQLField(max_length=RESOURCE_MAX)
    at: datetime = _at()
    address: str | None = SQLField(default=None, max_length=ADDRESS_MAX)


# --- Wire models -------------------------------------------------------------------------


class ClinicCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your UUID for the clinic makes retries safe: the same id and name answer "
        "the clinic already made (200); the same id with another name, or someone else's "
        "clinic, is 409.",
    )
    name: ShortText = Field(description="The clinic's name as patients see it.")


class ClinicUpdate(BaseModel):
    """JSON merge patch of the clinic: only the fields sent change."""

    model_config = ConfigDict(extra="forbid")
    name: ShortText | None = None


class ClinicPublic(BaseModel):
    id: uuid.UUID
    name: str
    role: ClinicRole = Field(description="Your role in this clinic.")
    created_at: datetime
    updated_at: datetime


class PersonRef(BaseModel):
    id: uuid.UUID
    display_name: str | None = Field(description="The person's display name, if they set one.")


class ClinicRef(BaseModel):
    id: uuid.UUID
    name: str


class MemberPublic(BaseModel):
    user: PersonRef
    email: str
    role: ClinicRole
    created_at: datetime


class MemberUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: ClinicRole


class ClinicInvitationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: ClinicRole = ClinicRole.CLINICIAN
    expires_in_days: ExpiresInDays = DEFAULT_INVITATION_DAYS


class IssuedCode(BaseModel):
    """An invitation just issued: the code appears here once and is stored only hashed."""

    id: uuid.UUID
    code: str = Field(description="Shown only in this answer; pass it on to the invitee.")
    expires_at: datetime


class ClinicInvitationIssued(IssuedCode):
    clinic_id: uuid.UUID
    role: ClinicRole


class InvitationPublic(BaseModel):
    """An invitation as its issuer (or the clinic's owners) see it later: never the code."""

    id: uuid.UUID
    clinic_id: uuid.UUID
    status: InvitationStatus = Field(
        description="`open` (usable now), `used`, `expired`, or `revoked` (by an owner or "
        "the issuer, or dead with the issuer's membership or owner role)."
    )
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: PersonRef | None = Field(description="Who used the code (null until used).")
    revoked_at: datetime | None


class ClinicInvitationPublic(InvitationPublic):
    role: ClinicRole
    created_by: PersonRef | None = Field(
        description="The owner who issued it (null when their account is deleted)."
    )


class CareInvitationPublic(InvitationPublic):
    scopes: list[CareScope]


class CodeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: InvitationCode


class CareInvitationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scopes: Scopes = Field(description="What the patient is asked to grant (each at most once).")
    expires_in_days: ExpiresInDays = DEFAULT_INVITATION_DAYS


class CareInvitationIssued(IssuedCode):
    clinic_id: uuid.UUID
    scopes: list[CareScope]


class ScopeDetail(BaseModel):
    """One asked scope in plain words: what it opens, and where that data can go."""

    scope: CareScope
    summary: str = Field(description="What granting the scope opens, in plain words.")
    channels: list[CareChannel] = Field(
        description="Where the data goes: `clinician` (the clinician reads it in Medius), "
        "`clinic_fhir` (the clinic's FHIR base, read with the clinician's sign-in), "
        "`clinic_systems` (the clinic's connected systems, by webhook; only together with "
        "the `clinic_systems` scope)."
    )
    events: list[WebhookEventType] = Field(
        description="The webhook events the clinic's systems would receive for this scope: "
        "empty unless the invitation also asks for `clinic_systems`."
    )


class CareInvitationPreview(BaseModel):
    """What accepting the code would grant, to whom: shown before the patient agrees."""

    clinic: ClinicRef
    clinician: PersonRef
    asked_by: str = Field(
        description="Who asks, in words: the clinician's display name and the clinic "
        '("Dr Ada Moss at Riverside Physiotherapy"); "your clinician at <clinic>" if '
        "they have since cleared their display name. Never an email."
    )
    scopes: list[CareScope]
    scope_details: list[ScopeDetail] = Field(
        description="Each asked scope (in `scopes` order): what it opens and through which "
        "channels."
    )
    expires_at: datetime


class CareAccept(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: InvitationCode
    scopes: Scopes | None = Field(
        default=None,
        description="Grant only these (a subset of the invitation's); omit to grant all.",
    )


class RelationshipPublic(BaseModel):
    id: uuid.UUID
    clinic: ClinicRef
    clinician: PersonRef
    patient: PersonRef
    scopes: list[CareScope]
    status: RelationshipStatus
    created_at: datetime
    ended_at: datetime | None


class AccessLogPublic(BaseModel):
    id: uuid.UUID
    at: datetime
    actor_id: uuid.UUID | None = Field(description="Null for a share link, or a deleted account.")
    actor_name: str | None
    clinic_id: uuid.UUID | None
    clinic_name: str | None
    relationship_id: uuid.UUID | None
    share_link_id: uuid.UUID | None
    endpoint_id: uuid.UUID | None = Field(
        description="For `send`: the clinic's webhook endpoint the event went to."
    )
    webhook_id: str | None = Field(
        description="For `send`: the event's `webhook-id`, as the clinic's delivery log shows it."
    )
    action: AccessAction
    resource: str = Field(
        examples=["sessions"],
        description="What was read or written; `webhook:<event type>` for an event sent to "
        "a clinic's connected system.",
    )
    address: str | None = Field(description="The client address the request came from.")


# --- The clinician's view (GET /clinics/{id}/patients) -----------------------------------


class CareWeekAdherence(BaseModel):
    starts_on: date = Field(description="The week's Monday, in the patient's time zone.")
    sessions: int = Field(description="Sessions logged that week (the current one so far).")
    ratio: float | None = Field(
        description="sessions / sessions_per_week (may pass 1); null without a routine."
    )


class CareWeekAsymmetry(BaseModel):
    starts_on: date
    asymmetry: float | None = Field(
        description="(left - right) / the larger side, over the reps and steps of every "
        "one-sided set that week, from -1 to 1; 0 is balanced; null without sided sets."
    )


class CarePatientFigures(BaseModel):
    """What the patient's `progress` consent lets the clinician see at a glance."""

    sessions_per_week: int | None = Field(
        description="What adherence is measured against: the patient's routine's target."
    )
    adherence: float | None = Field(
        description="Sessions of the last four complete weeks / (4 x sessions_per_week), "
        "at most 1; null without a routine. Sorts the list."
    )
    weeks: list[CareWeekAdherence] = Field(
        description="The last four weeks and this one, oldest first."
    )
    last_session_at: datetime | None = Field(
        description="Null unless the patient also granted `sessions` (it names one session)."
    )
    latest_pain: int | None = Field(
        description="The worst pain of the last session's sets; null without `sessions`."
    )
    latest_effort: int | None = Field(
        description="The highest effort of the last session's sets; null without `sessions`."
    )
    asymmetry: list[CareWeekAsymmetry] = Field(description="Per week, oldest first (as `weeks`).")


class CareLatestMeasure(BaseModel):
    answer_id: uuid.UUID
    instrument_id: str
    answered_at: datetime
    score: float | None
    change: float
    mcid: float | None = Field(description="The source's MCID; null where none is published.")
    verdict: MeasureVerdict | None


class CarePatient(BaseModel):
    patient: PersonRef
    relationship_id: uuid.UUID
    scopes: list[CareScope]
    open_alerts: int | None = Field(
        description="The patient's alerts this clinic has not acknowledged; null unless the "
        "patient granted `alerts`."
    )
    figures: CarePatientFigures | None = Field(
        description="Null unless the patient granted `progress`."
    )
    latest_measure: CareLatestMeasure | None = Field(
        default=None,
        description="The latest change from baseline of a measure this clinic assigned, "
        "against the instrument's published MCID; null unless the patient granted "
        "`measures` and answered one with a change.",
    )


# The clinician's view as `overview.patients` builds it: dicts of the models' shape from the
# page's rows, never through the models (a page is 20-100 patients of a dozen models each;
# docs/architecture/hot-paths.md).


class PersonRefBody(TypedDict):
    id: uuid.UUID
    display_name: str | None


class CareWeekAdherenceBody(TypedDict):
    starts_on: date
    sessions: int
    ratio: float | None


class CareWeekAsymmetryBody(TypedDict):
    starts_on: date
    asymmetry: float | None


class CarePatientFiguresBody(TypedDict):
    sessions_per_week: int | None
    adherence: float | None
    weeks: list[CareWeekAdherenceBody]
    last_session_at: datetime | None
    latest_pain: int | None
    latest_effort: int | None
    asymmetry: list[CareWeekAsymmetryBody]


class CareLatestMeasureBody(TypedDict):
    answer_id: uuid.UUID
    instrument_id: str
    answered_at: datetime
    score: float | None
    change: float
    mcid: float | None
    verdict: MeasureVerdict | None


class CarePatientBody(TypedDict):
    patient: PersonRefBody
    relationship_id: uuid.UUID
    scopes: list[CareScope]
    open_alerts: int | None
    figures: CarePatientFiguresBody | None
    latest_measure: CareLatestMeasureBody | None


mirror(PersonRefBody, PersonRef)
mirror(CareWeekAdherenceBody, CareWeekAdherence)
mirror(CareWeekAsymmetryBody, CareWeekAsymmetry)
mirror(CarePatientFiguresBody, CarePatientFigures)
mirror(CareLatestMeasureBody, CareLatestMeasure)
mirror(CarePatientBody, CarePatient)
