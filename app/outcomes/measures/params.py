"""Path and query parameters of the measure routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path, Query

AnswerID = Annotated[uuid.UUID, Path(description="The answer's id.")]
AssignmentID = Annotated[uuid.UUID, Path(description="The assigned measure's id.")]
AssignmentFilter = Annotated[
    uuid.UUID | None, Query(description="Only the answers to this assigned measure.")
]
