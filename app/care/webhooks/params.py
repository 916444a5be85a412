"""Path parameters of a clinic's webhook endpoint routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

ClinicID = Annotated[uuid.UUID, Path(description="The clinic's id (UUID).")]
