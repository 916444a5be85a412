"""Every closed vocabulary and every bounded number of the domain, declared once.

Each enum here is one OpenAPI schema (its class name is the schema name), and each
`Annotated` number carries its bounds to every model that uses it: the catalog's
dosage, the builder's plan items, routine items, session entries and self-checks.
Two enums share values only where they differ in meaning; `Leg`, `Side` and
`AffectedSide` say how they relate (tests/test_vocabulary.py holds them to it).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StrictInt

# --- The exercise ---------------------------------------------------------------------------


# The body's position for an exercise; the builder can exclude positions.
class Position(StrEnum):
    SIDE_LYING = "side-lying"
    STANDING = "standing"
    SUPINE = "supine"
    PRONE = "prone"
    KNEELING = "kneeling"
    SEATED = "seated"


# Whether an exercise works one leg at a time or both together.
class Laterality(StrEnum):
    UNILATERAL = "unilateral"
    BILATERAL = "bilateral"


# One scale for an exercise's grade and a user's level (the builder's `level`): a beginner
# is given beginner exercises first, so the two must never drift apart. (Comments, not
# docstrings, on these enums: a docstring would become the schema's OpenAPI description.)
class Difficulty(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return list(Difficulty).index(self)


# What one set of an exercise counts.
class DosageUnit(StrEnum):
    REPS = "reps"
    STEPS = "steps"
    SECONDS = "seconds"


class WorkingLeg(StrEnum):
    """Which leg does the work when one side is affected."""

    TOP_LEG = "top-leg"  # lying on the good side, the affected leg on top works
    STANCE_LEG = "stance-leg"  # standing on the affected leg
    BOTH_LEGS = "both-legs"


# How a progression (or regression) changes an exercise.
class ProgressionKind(StrEnum):
    MORE_REPS = "more-reps"
    LONGER_HOLD = "longer-hold"
    DEEPER_KNEE_BEND = "deeper-knee-bend"
    HIGHER_STEP = "higher-step"
    LONGER_STEPS = "longer-steps"
    SLOWER_TEMPO = "slower-tempo"
    MORE_RANGE = "more-range"
    ADD_SUPPORT = "add-support"
    LESS_RANGE = "less-range"
    NEXT_EXERCISE = "next-exercise"


# Whose a value is: the article's or Medius' own.
class Provenance(StrEnum):
    ARTICLE = "article"
    MEDIUS = "medius"


class ProgressionBasis(StrEnum):
    """Finer than provenance for progressions: which kind of article backing, if any."""

    ARTICLE_PROGRESSION = "article-progression"  # a progression the article itself states
    ARTICLE_RANGE = "article-range"  # moving within a range the article gives
    MEDIUS = "medius"  # Medius' own extension or inference


# --- Sides: three vocabularies, because "both" and "none" mean different things ------------
#
# `Leg` is one leg. `Side` adds `both` (a unilateral exercise trained on each leg in turn);
# `AffectedSide` adds `none` (nothing is affected, or a self-check found no weak side). An
# item's side can never be "none" and an affected side never "both", so one enum with all
# four values would let each field accept a value that means nothing there.


# One leg: the leg stood on in a self-check, the side a logged set was done on.
class Leg(StrEnum):
    LEFT = "left"
    RIGHT = "right"


# The working leg of a unilateral item: a `Leg`, or both in turn (left, then right).
class Side(StrEnum):
    LEFT = Leg.LEFT.value
    RIGHT = Leg.RIGHT.value
    BOTH = "both"


# The side that needs the work: a `Leg`, or none.
class AffectedSide(StrEnum):
    LEFT = Leg.LEFT.value
    RIGHT = Leg.RIGHT.value
    NONE = "none"


# --- The builder, the timer, the self-check -------------------------------------------------


# What the user trains for; shifts the level's dosage (builder rules).
class Goal(StrEnum):
    REHAB = "rehab"
    PREVENTION = "prevention"
    PERFORMANCE = "performance"


# A quality the builder favours, from a self-check's findings or the user's choice.
class Emphasis(StrEnum):
    KNEE_OVER_TOES = "knee-over-toes"
    PELVIS_LEVEL = "pelvis-level"
    TRUNK_UPRIGHT = "trunk-upright"


# One step of the workout timer's timeline.
class IntervalKind(StrEnum):
    WORK = "work"
    HOLD = "hold"
    REST = "rest"
    SWITCH_SIDE = "switch_side"


# How far the opposite hip dropped in a single-leg stance self-check.
class PelvisDrop(StrEnum):
    NONE = "none"
    SLIGHT = "slight"
    MARKED = "marked"


# Progress advice for one exercise, from its recent sets and pain.
class Decision(StrEnum):
    PROGRESS = "progress"
    HOLD = "hold"
    REDUCE = "reduce"


# --- Routines, logs, accounts ---------------------------------------------------------------


# How a routine came to be: written, built, copied from a template or a routine.
class Origin(StrEnum):
    USER = "user"
    BUILDER = "builder"
    TEMPLATE = "template"
    COPY = "copy"
    PRESCRIPTION = "prescription"  # a clinician's, read-only for its owner (the patient)


# What a share link shows someone without an account (one thing per link).
class ShareKind(StrEnum):
    ROUTINE_HANDOUT = "routine_handout"
    PROGRESS = "progress"
    PROGRESS_REPORT = "progress_report"  # the report with charts (app/exports/report), HTML/PDF


# Where a share link stands, as its owner lists it.
class ShareStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


# The resistance band used for a logged set (the other load is kilograms).
class BandLevel(StrEnum):
    EXTRA_LIGHT = "extra-light"
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    EXTRA_HEAVY = "extra-heavy"


# The session-log export's format (its `format` query parameter).
class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


# What an account may do: admins also write the catalog.
class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


# --- The care team -------------------------------------------------------------------------


# A clinic member's role: owners also manage members and the clinic.
class ClinicRole(StrEnum):
    OWNER = "owner"
    CLINICIAN = "clinician"


# What a patient grants a clinician: each read (or write) of their data a care
# relationship allows. An invitation proposes scopes; the patient grants them or a subset.
class CareScope(StrEnum):
    SESSIONS = "sessions"
    PROGRESS = "progress"
    SELF_CHECKS = "self_checks"
    ALERTS = "alerts"
    PRESCRIBE = "prescribe"
    MEASURES = "measures"  # outcome measures: assign them, read the answers and scores
    # The clinic's own connected systems (its webhook endpoints) receive, as it happens, what
    # the other granted scopes cover; without it no clinic endpoint carries this patient's data.
    CLINIC_SYSTEMS = "clinic_systems"


# Where a granted scope lets a patient's data go (the consent preview names each).
class CareChannel(StrEnum):
    CLINICIAN = "clinician"  # the clinician reads it in Medius: the API, their patient list
    CLINIC_FHIR = "clinic_fhir"  # the clinician's record software, at the clinic's FHIR base
    CLINIC_SYSTEMS = "clinic_systems"  # the clinic's connected systems, through its webhooks


# A care relationship is active until the patient revokes it or it ends (the clinician
# left the clinic, or the clinic removed them). An invitation is not a relationship.
class RelationshipStatus(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    ENDED = "ended"


# An invitation code's state as its issuer sees it (the code itself is never shown again).
# `revoked` also covers a code that died with its issuer's membership or owner role.
class InvitationStatus(StrEnum):
    OPEN = "open"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"


# What a clinician (or a share link's visitor) did with a patient's data.
class AccessAction(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    SEND = "send"  # an event sent to a clinic's connected system (its webhook endpoint)


# The units a user prefers to see.
class Units(StrEnum):
    METRIC = "metric"
    IMPERIAL = "imperial"


# What raised an alert for a patient's care team (app/logbook/alerts).
class AlertKind(StrEnum):
    PAIN = "pain"  # a session with pain of 7/10 or more
    PROGRESS_REDUCE = "progress-reduce"  # an exercise's progression advice became "reduce"
    SELF_CHECK_PAIN = "self-check-pain"  # a self-check whose pain advises a professional
    MISSED_WEEK = "missed-week"  # a planned week ended with fewer sessions than planned
    MEASURE_WORSE = "measure-worse"  # an outcome measure changed worse than its MCID


# Which alerts a list shows: not yet acknowledged, or acknowledged.
class AlertStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"


# --- Outcome measures (app/outcomes) --------------------------------------------------------


# How one item of an outcome instrument is answered.
class AnswerType(StrEnum):
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    ACTIVITIES = "activities"  # the PSFS: activities the patient names, each rated


# How an instrument's score is computed from its answers (app/outcomes/instruments/scoring.py).
class ScoringRule(StrEnum):
    ITEM_VALUE = "item-value"  # the value of one item (a rating, a measured force)
    TIME_TO_ONSET = "time-to-onset"  # seconds until pain, capped; the cap when none began
    MEAN_OF_ACTIVITIES = "mean-of-activities"  # the PSFS: the mean of the rated activities


# Who answers an instrument: the patient themself, or the clinician (a measured test).
class Reporter(StrEnum):
    PATIENT = "patient"
    CLINICIAN = "clinician"


# Where a change from baseline stands against the instrument's MCID, direction-aware.
class MeasureVerdict(StrEnum):
    BETTER = "better"  # improved by at least the MCID
    WITHIN = "within"  # changed by less than the MCID either way
    WORSE = "worse"  # worsened by at least the MCID


# Where an assigned measure stands on a patient's list of what is due.
class DueStatus(StrEnum):
    DUE = "due"  # its occasion has come and it is not answered yet
    UPCOMING = "upcoming"  # the next occasion, not come yet


# --- Webhooks -------------------------------------------------------------------------------


# What a webhook endpoint can subscribe to (docs/guides/integrations/webhooks.md says when
# each is sent).
class WebhookEventType(StrEnum):
    SESSION_LOGGED = "session.logged"
    SESSION_UPDATED = "session.updated"
    SESSION_DELETED = "session.deleted"
    ALERT_RAISED = "alert.raised"
    ROUTINE_PRESCRIBED = "routine.prescribed"
    PROGRESS_ADVICE_CHANGED = "progress.advice_changed"
    MEASURE_COMPLETED = "measure.completed"


# Where one event stands with one endpoint: waiting (or retrying), delivered, or given up.
class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


# Why an endpoint is not receiving events.
class EndpointDisabledReason(StrEnum):
    BY_OWNER = "by-owner"
    FAILING = "failing"
    # A clinic's endpoint whose registrant left the clinic or is no longer an owner (or is
    # not known): an owner who enables it again answers for it from then on.
    REGISTRANT_LEFT = "registrant-left"


# --- Bounded numbers ------------------------------------------------------------------------
# Descriptions belong to the field that uses a type (`sets: Sets = Field(description=...)`):
# the same bound means "sets per side" in a plan and "the article's sets" in a dosage.

Sets = Annotated[StrictInt, Field(ge=1, le=10)]
Count = Annotated[StrictInt, Field(ge=1, le=100)]  # reps or steps in one set
HoldSeconds = Annotated[StrictInt, Field(ge=0, le=300)]
RestSeconds = Annotated[StrictInt, Field(ge=0, le=600)]
SecondsPerRep = Annotated[StrictInt, Field(ge=1, le=30)]
SetNumber = Annotated[StrictInt, Field(ge=1, le=50)]
SessionsPerWeek = Annotated[StrictInt, Field(ge=1, le=7)]
# Pain and effort, 0 (none) to 10 (worst).
Scale = Annotated[StrictInt, Field(ge=0, le=10)]
Kilograms = Annotated[Decimal, Field(gt=0, le=500, max_digits=6, decimal_places=2)]
# How long a self-check's single-leg stance was held (longer than any dosed hold).
StanceSeconds = Annotated[StrictInt, Field(ge=0, le=600)]
