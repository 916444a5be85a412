"""Path parameters of the self-check routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

AssessmentID = Annotated[uuid.UUID, Path(description="The self-check's id.")]
