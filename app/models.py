"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.assessments.models import Assessment
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
from app.routines.models import Routine, RoutineItem
from app.sessions.models import (
    ExerciseDayTotal,
    ExerciseDayZone,
    ExerciseWeekTotal,
    SessionEntry,
    WorkoutSession,
)
from app.users.models import RefreshToken, TokenFamily, User

__all__ = [
    "AccessLogEntry",
    "Assessment",
    "CareInvitation",
    "CareRelationship",
    "CatalogState",
    "Clinic",
    "ClinicInvitation",
    "ClinicMember",
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
    "SessionEntry",
    "TokenFamily",
    "User",
    "UserChangeCounter",
    "WorkoutSession",
]
