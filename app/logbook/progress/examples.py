"""OpenAPI example of the progress report.

A function (see `app.core.examples`): called once, when the document is first built, and
passed through the `Progress` model so it shows every member the answer carries.
"""

from __future__ import annotations

from app.core.types import JSONObject
from app.logbook.progress.models import Progress


def progress() -> JSONObject:
    report = Progress.model_validate(
        {
            "from": "2026-09-01",
            "to": "2026-11-23",
            "time_zone": "Europe/London",
            "routine_id": "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
            "adherence": [
                {
                    "week": "2026-W47",
                    "starts_on": "2026-11-16",
                    "sessions": 3,
                    "target": 3,
                    "met": True,
                }
            ],
            "current_streak": 1,
            "best_streak": 4,
            "exercises": [],
            "alerts": [],
            "advice": [],
        }
    )
    return report.model_dump(mode="json", by_alias=True)
