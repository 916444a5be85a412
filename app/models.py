"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.assessments.models import Assessment
from app.catalog.models import (
    CatalogState,
    Equipment,
    Exercise,
    ExerciseEquipment,
    ExerciseMuscle,
    Muscle,
)
from app.core.changes import UserChangeCounter
from app.routines.models import Routine, RoutineItem
from app.sessions.models import SessionEntry, WorkoutSession
from app.users.models import LoginFailure, RefreshToken, User

__all__ = [
    "Assessment",
    "CatalogState",
    "Equipment",
    "Exercise",
    "ExerciseEquipment",
    "ExerciseMuscle",
    "LoginFailure",
    "Muscle",
    "RefreshToken",
    "Routine",
    "RoutineItem",
    "SessionEntry",
    "User",
    "UserChangeCounter",
    "WorkoutSession",
]
