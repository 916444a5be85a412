"""Query parameters of the progress report, shared with a clinician's read of it (app/care)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from app.core.types import CalendarDate

FromDay = Annotated[CalendarDate | None, Query(alias="from", description="First day (YYYY-MM-DD).")]
ToDay = Annotated[CalendarDate | None, Query(alias="to", description="Last day (YYYY-MM-DD).")]
