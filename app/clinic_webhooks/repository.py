"""The one query of a clinic's audience: endpoints joined to the patient's relationships."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import Session, col

from app.care.models import CareRelationship
from app.core.vocabulary import RelationshipStatus
from app.webhooks.models import WebhookEndpoint


def clinic_endpoints_of(db: Session | Connection, patient_id: uuid.UUID) -> Sequence[Any]:
    """(endpoint id, its event types, the relationship's scopes) for each enabled endpoint
    of each clinic where the patient holds an active relationship (one row per pair)."""
    return db.execute(
        select(
            col(WebhookEndpoint.id),
            col(WebhookEndpoint.event_types),
            col(CareRelationship.scopes),
        )
        .join(CareRelationship, col(CareRelationship.clinic_id) == col(WebhookEndpoint.clinic_id))
        .where(
            col(CareRelationship.patient_id) == patient_id,
            col(CareRelationship.status) == RelationshipStatus.ACTIVE,
            col(WebhookEndpoint.enabled),
        )
    ).all()
