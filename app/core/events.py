"""Domain events handled inside the writing transaction: the one way a package triggers
work in the packages above it.

A package declares its event types (`@domain_event`), each saying whether the app must
react to it (`must_react`: a routine's deletion must unlink its sessions, an account's
deletion must hand its clinics over). Its service publishes an event (`publish`) after its
change and before its commit; the reactions subscribed to it run then, in the same
database session, so what they write commits or rolls back with the change that caused
it. Packages import downward only: the sessions service cannot call the alerts package
that sits above it, but it can say what happened. An event may also ask (the webhook
outbox's `WebhookAudience`): its reactions add to a list it carries.

Every reaction is subscribed in one place, `app.reactions.install_domain_handlers`, which ends
with `check_reactions`: the app fails at start when an event type that must have a
reaction has none, rather than skipping the work in silence.

Reactions run synchronously and in subscription order; an exception in one rolls the
whole write back (the caller's error handling sees it like any other failure).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlmodel import Session

E = TypeVar("E")
T = TypeVar("T", bound=type[Any])

# Every declared event type: whether the app must react to it.
_declared: dict[type[Any], bool] = {}
_handlers: dict[type[Any], list[Callable[[Session, Any], None]]] = {}
_lock = threading.Lock()


class MissingReaction(RuntimeError):
    """An event type that must have a reaction has none installed."""


def domain_event(*, must_react: bool) -> Callable[[T], T]:
    """Declare a class an event type. `must_react`: the app cannot be right without a
    reaction to it (checked at start by `check_reactions`); False for an event that only
    offers a hook (nobody need listen)."""

    def declare(cls: T) -> T:
        _declared[cls] = must_react
        return cls

    return declare


def subscribe(event_type: type[E], handler: Callable[[Session, E], None]) -> None:
    """Run `handler` for every `event_type` published; subscribing twice is a no-op (the
    app factory runs once per app, and tests build many apps in one process)."""
    if event_type not in _declared:
        raise TypeError(f"{event_type.__qualname__} is not declared with @domain_event")
    with _lock:
        handlers = _handlers.setdefault(event_type, [])
        if handler not in handlers:
            handlers.append(handler)


def publish(session: Session, event: object) -> None:
    """Hand `event` to its reactions, inside the caller's open transaction."""
    handlers = _handlers.get(type(event))
    if handlers is None:
        if type(event) not in _declared:
            raise TypeError(f"{type(event).__qualname__} is not declared with @domain_event")
        return
    for handler in handlers:
        handler(session, event)


def unsubscribe(event_type: type[E], handler: Callable[[Session, E], None]) -> None:
    """Stop running `handler` for `event_type` (a no-op if it was not subscribed)."""
    with _lock:
        handlers = _handlers.get(event_type, [])
        if handler in handlers:
            handlers.remove(handler)


def unreacted() -> list[type[Any]]:
    """The declared event types that must have a reaction and have none."""
    return [t for t, must in _declared.items() if must and not _handlers.get(t)]


def check_reactions() -> None:
    """Fail (at start) when an event type that must have a reaction has none."""
    missing = unreacted()
    if missing:
        names = ", ".join(f"{t.__module__}.{t.__qualname__}" for t in missing)
        raise MissingReaction(f"no reaction installed for {names}")
