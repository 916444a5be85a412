"""Path parameters and words of the alert routes, shared with a clinician's alert routes
(app/care/followup)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

AlertID = Annotated[uuid.UUID, Path(description="The alert's id.")]
ALERTS_NOTE = (
    "Alerts are raised for the patient, in the same transaction as what caused them: a "
    "session with pain of 7/10 or more (`pain`), an exercise whose progression advice "
    "turned to reduce (`progress-reduce`), a self-check whose pain advises seeing a "
    "professional (`self-check-pain`), a week of the routine with fewer sessions than "
    "planned, judged once the week is over in the patient's time zone (`missed-week`). "
    "Each event raises one alert, however often it is retried. Every clinician the "
    "patient granted `alerts` sees the same alerts; each clinic acknowledges them for "
    "itself with a note, and sees only its own acknowledgements (the patient sees all)."
)
