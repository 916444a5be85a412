"""Path parameters of the routine routes, shared with the routes that print a routine
(app/exports/handout) and a clinic's prescriptions (app/care/prescriptions)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

from app.training.routines.models import MAX_VERSIONS

RoutineID = Annotated[uuid.UUID, Path(description="The routine's id (UUID).")]

VersionNumber = Annotated[
    int, Path(ge=1, le=MAX_VERSIONS, description="A version number, 1 to the routine's `version`.")
]
