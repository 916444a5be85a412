"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.care.team.models import (
    AccessLogEntry,
    CareInvitation,
    CareRelationship,
    Clinic,
    ClinicInvitation,
    ClinicMember,
)
from app.catalog.exercises.models import (
    CatalogState,
    Equipment,
    Exercise,
    ExerciseEquipment,
    ExerciseMuscle,
    Muscle,
)
from app.core.changes import UserChangeCounter
from app.core.ratelimit import RateCounter
from app.exports.calendar.models import CalendarFeed
from app.exports.sharing.models import ShareLink
from app.logbook.alerts.models import AdviceState, Alert, AlertAcknowledgement
from app.logbook.comments.models import SessionComment
from app.logbook.progress.models import AnnouncedAdvice
from app.logbook.sessions.models import (
    ExerciseDayTotal,
    ExerciseDayZone,
    ExerciseWeekTotal,
    SessionEntry,
    WorkoutSession,
)
from app.outcomes.measures.models import MeasureAnswer, MeasureAssignment
from app.training.routines.models import DeletedPrescription, Routine, RoutineItem, RoutineVersion
from app.training.self_checks.models import Assessment
from app.users.models import RefreshToken, TokenFamily, User
from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

__all__ = [
    "AccessLogEntry",
    "AdviceState",
    "Alert",
    "AlertAcknowledgement",
    "AnnouncedAdvice",
    "Assessment",
    "CalendarFeed",
    "CareInvitation",
    "CareRelationship",
    "CatalogState",
    "Clinic",
    "ClinicInvitation",
    "ClinicMember",
    "DeletedPrescription",
    "Equipment",
    "Exercise",
    "ExerciseDayTotal",
    "ExerciseDayZone",
    "ExerciseEquipment",
    "ExerciseMuscle",
    "ExerciseWeekTotal",
    "MeasureAnswer",
    "MeasureAssignment",
    "Muscle",
    "RateCounter",
    "RefreshToken",
    "Routine",
    "RoutineItem",
    "RoutineVersion",
    "SessionComment",
    "SessionEntry",
    "ShareLink",
    "TokenFamily",
    "User",
    "UserChangeCounter",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
    "WorkoutSession",
]
