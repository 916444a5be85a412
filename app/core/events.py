"""Domain events handled inside the writing transaction.

A domain's service publishes a plain event (`publish`) after its change and before its
commit; the handlers a higher package subscribed (`subscribe`, from the app factory) run
then, in the same database session, so what they write commits or rolls back with the
change that caused it. Packages import downward only: the sessions service cannot call
the alerts package that sits above it, but it can say what happened.

Handlers run synchronously and in subscription order; an exception in one rolls the
whole write back (the caller's error handling sees it like any other failure).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlmodel import Session

E = TypeVar("E")

_handlers: dict[type[Any], list[Callable[[Session, Any], None]]] = {}
_lock = threading.Lock()


def subscribe(event_type: type[E], handler: Callable[[Session, E], None]) -> None:
    """Run `handler` for every `event_type` published; subscribing twice is a no-op (the
    app factory runs once per app, and tests build many apps in one process)."""
    with _lock:
        handlers = _handlers.setdefault(event_type, [])
        if handler not in handlers:
            handlers.append(handler)


def publish(session: Session, event: object) -> None:
    """Hand `event` to its subscribers, inside the caller's open transaction."""
    for handler in _handlers.get(type(event), ()):
        handler(session, event)


def unsubscribe(event_type: type[E], handler: Callable[[Session, E], None]) -> None:
    """Stop running `handler` for `event_type` (a no-op if it was not subscribed)."""
    with _lock:
        handlers = _handlers.get(event_type, [])
        if handler in handlers:
            handlers.remove(handler)
