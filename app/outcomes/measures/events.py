"""What the measures service tells the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.events import domain_event
from app.core.vocabulary import MeasureVerdict


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class MeasureAnswered:
    """An answer was stored or edited (scored), inside its transaction: the alerts judge
    its verdict, the clinician's view keeps the patient's latest change."""

    patient_id: uuid.UUID
    clinic_id: uuid.UUID | None
    answer_id: uuid.UUID
    title: str
    score: float | None
    change: float | None
    mcid: float | None
    verdict: MeasureVerdict | None
