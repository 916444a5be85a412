"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.catalog.models import Equipment, Exercise, ExerciseEquipment, ExerciseMuscle, Muscle
from app.users.models import LoginFailure, RefreshToken, User

__all__ = [
    "Equipment",
    "Exercise",
    "ExerciseEquipment",
    "ExerciseMuscle",
    "LoginFailure",
    "Muscle",
    "RefreshToken",
    "User",
]
