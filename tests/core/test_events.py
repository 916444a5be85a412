"""Reactions to domain events: installed in one place, and the app refuses to start when an
event type that must have a reaction has none (app/core/events.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlmodel import Session

from app import reactions
from app.core import events
from app.core.events import MissingReaction, check_reactions, domain_event, publish, unreacted
from app.logbook.sessions import service as sessions_service
from app.training.routines.events import RoutineDeleted
from app.users.events import AccountDeleting, TimeZoneChanged
from app.webhooks.outbox import WebhookAudience


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process of its own: what a test subscribes or declares is forgotten after it."""
    monkeypatch.setattr(events, "_handlers", {})
    monkeypatch.setattr(events, "_declared", dict(events._declared))


def test_every_event_type_that_must_have_a_reaction_has_one_once_installed(
    fresh_registry: None,
) -> None:
    reactions.install_domain_handlers()
    assert unreacted() == []
    assert events._declared[RoutineDeleted] is True
    assert events._handlers[RoutineDeleted] == [sessions_service.on_routine_deleted]
    assert events._declared[AccountDeleting] is True
    assert events._declared[WebhookAudience] is True


@pytest.mark.parametrize(
    "left_out", [RoutineDeleted, AccountDeleting, TimeZoneChanged, WebhookAudience]
)
def test_the_app_refuses_to_start_when_a_required_reaction_is_left_out(
    fresh_registry: None, monkeypatch: pytest.MonkeyPatch, left_out: type[Any]
) -> None:
    """Forgetting one line of the installer fails at start, naming the event type."""

    def subscribe_all_but(event_type: type[Any], handler: Callable[[Session, Any], None]) -> None:
        if event_type is not left_out:
            events.subscribe(event_type, handler)

    monkeypatch.setattr(reactions, "subscribe", subscribe_all_but)
    with pytest.raises(MissingReaction, match=left_out.__qualname__):
        reactions.install_domain_handlers()


def test_a_new_event_type_that_must_have_a_reaction_fails_the_check_until_it_has_one(
    fresh_registry: None,
) -> None:
    reactions.install_domain_handlers()

    @domain_event(must_react=True)
    @dataclass(frozen=True, slots=True)
    class PatientMoved:
        patient_id: uuid.UUID

    @domain_event(must_react=False)
    @dataclass(frozen=True, slots=True)
    class PatientWaved:
        patient_id: uuid.UUID

    with pytest.raises(MissingReaction, match="PatientMoved"):
        check_reactions()
    events.subscribe(PatientMoved, lambda session, event: None)
    check_reactions()  # an event that only offers a hook needs no reaction


def test_an_undeclared_event_type_can_be_neither_subscribed_to_nor_published(
    fresh_registry: None,
) -> None:
    @dataclass(frozen=True)
    class Undeclared:
        pass

    with pytest.raises(TypeError, match="not declared"):
        events.subscribe(Undeclared, lambda session, event: None)
    with pytest.raises(TypeError, match="not declared"):
        publish(Session(), Undeclared())
