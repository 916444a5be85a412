"""Path and query parameters of the session routes, shared with the routes that read a
patient's sessions in care (app/care)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path, Query

from app.core.types import AwareDatetime

SessionID = Annotated[uuid.UUID, Path(description="The session's id (UUID).")]
StartedFrom = Annotated[AwareDatetime | None, Query(alias="from", description="Start time >=")]
StartedTo = Annotated[AwareDatetime | None, Query(alias="to", description="Start time <")]
