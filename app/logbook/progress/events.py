"""`progress.advice_changed`: the advice of the current routine, re-decided after each
session write, announced when it changes.

Precisely: after a session is logged, changed or deleted, when the webhook worker expands
that write's event (app/webhooks/outbox.py: in order, exactly once, and not in the
patient's request), the advice `/me/progress` gives for each item of the owner's current
routine (the one it compares against by default: the most recently changed) is computed
again; for each
exercise whose decision or next dosage differs from the advice last announced for that
routine and exercise (or, never announced, from "hold at the prescribed dosage", the
advice before any session), the event is queued and the new advice remembered.

Cheap because it is bounded: one routine's items, one query for their recent results,
one read of what was announced, and none of it unless an endpoint subscribes. The advice
is decided on the log as the worker finds it: two writes expanded in one round may be
announced as one change. A routine
edit that changes the advice is announced on the next session write, not by the edit.

A clinic that did not prescribe the routine gets the advice with `routine_id` null, as its
REST reads of progress show it; the subject (which the endpoint's delivery log lists) is
the exercise alone, so it names no routine either.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from app.catalog.exercises.repository import specs_by_slug
from app.core.types import JSONObject, utcnow
from app.core.vocabulary import Decision, WebhookEventType
from app.logbook.progress.models import Advice, AnnouncedAdvice
from app.logbook.progress.service import advice_for
from app.training.routines.repository import caring_clinic, items_for, latest_routine
from app.webhooks import outbox

ADVICE = WebhookEventType.PROGRESS_ADVICE_CHANGED
SESSION_EVENTS = frozenset(
    t.value
    for t in (
        WebhookEventType.SESSION_LOGGED,
        WebhookEventType.SESSION_UPDATED,
        WebhookEventType.SESSION_DELETED,
    )
)


def on_outbox_expanded(session: Session, event: outbox.OutboxExpanded) -> None:
    """A session write's event was expanded: announce what it changed of the advice."""
    if event.event_type in SESSION_EVENTS:
        announce_changed_advice(session, event.owner_id, event.written_at)


def _announced(advice: Advice) -> tuple[Decision, JSONObject]:
    return advice.decision, advice.next.model_dump(mode="json")


def announce_changed_advice(session: Session, owner_id: uuid.UUID, as_of: datetime) -> None:
    """Queue `progress.advice_changed` for each exercise of the current routine whose
    advice differs from what was last announced (inside the worker's expanding
    transaction), to the endpoints that got the write's event's audience at `as_of`."""
    endpoints = outbox.subscribers(session, owner_id, ADVICE.value, as_of)
    if not endpoints:
        return
    routine = latest_routine(session, owner_id)
    if routine is None:
        return
    items = items_for(session, [routine.id])[routine.id]
    specs = specs_by_slug(session, sorted({i.exercise for i in items}), include_deleted=True)
    before = {
        row.exercise: (row.decision, row.next)
        for row in session.execute(
            select(AnnouncedAdvice).where(
                col(AnnouncedAdvice.owner_id) == owner_id,
                col(AnnouncedAdvice.routine_id) == routine.id,
            )
        ).scalars()
    }
    now = utcnow()
    for advice in advice_for(session, owner_id, items, specs):
        starting = (Decision.HOLD, advice.current.model_dump(mode="json"))
        previous = before.get(advice.exercise, starting)
        current = _announced(advice)
        if current == previous:
            continue
        key = (
            col(AnnouncedAdvice.owner_id) == owner_id,
            col(AnnouncedAdvice.routine_id) == routine.id,
            col(AnnouncedAdvice.exercise) == advice.exercise,
        )
        session.execute(delete(AnnouncedAdvice).where(*key))
        session.execute(
            insert(AnnouncedAdvice).values(
                owner_id=owner_id,
                routine_id=routine.id,
                exercise=advice.exercise,
                decision=current[0],
                next=current[1],
                announced_at=now,
            )
        )
        data = {
            "routine_id": routine.id,
            "exercise": advice.exercise,
            "advice": advice.model_dump(mode="json"),
            "previous": {"decision": previous[0], "next": previous[1]},
        }
        outbox.queue(
            session,
            owner_id,
            ADVICE.value,
            f"advice:{advice.exercise}",
            data,
            endpoints,
            care_of=caring_clinic(routine),
            clinic_private=("routine_id",),
            as_of=as_of,
        )
