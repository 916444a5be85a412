"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.alerts.models import AdviceState, Alert, AlertAcknowledgement
from app.assessments.models import Assessment
from app.calendar_feed.models import CalendarFeed
from app.care.models import (
    AccessLogEntry,
    CareInvitation,
    CareRelationship,
    Clinic,
    ClinicInvitation,
    ClinicMember,
)
from app.catalog.models import (
    CatalogState,
    Equipment,
    Exercise,
    ExerciseEquipment,
    ExerciseMuscle,
    Muscle,
)
from app.core.changes import UserChangeCounter
from app.core.ratelimit import RateCounter
from app.progress.models import AnnouncedAdvice
from app.routines.models import DeletedPrescription, Routine, RoutineItem, RoutineVersion
from app.session_comments.models import SessionComment
from app.sessions.models import (
    ExerciseDayTotal,
    ExerciseDayZone,
    ExerciseWeekTotal,
    SessionEntry,
    WorkoutSession,
)
from app.sharing.models import ShareLink
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
