"""Every webhook event type has a decision for clinics' systems: the scope that lets it
go to a clinic, or NOT_FOR_CLINICS. A new event type without one stops the app at start,
instead of clinic webhooks skipping it in silence."""

from __future__ import annotations

import pytest

from app import reactions
from app.care.team import scope_terms
from app.care.webhooks.service import MissingAudienceRule, check_audience_rules
from app.core import events
from app.core.vocabulary import WebhookEventType


@pytest.mark.parametrize("event_type", list(WebhookEventType))
def test_every_webhook_event_type_has_a_decision_for_clinics(
    event_type: WebhookEventType,
) -> None:
    assert event_type in scope_terms.SCOPE_FOR_EVENT


def test_an_event_type_without_a_decision_stops_the_app_at_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(events, "_handlers", {})
    monkeypatch.delitem(scope_terms.SCOPE_FOR_EVENT, WebhookEventType.ALERT_RAISED)
    with pytest.raises(MissingAudienceRule, match=r"alert\.raised"):
        reactions.install_domain_handlers()


def test_not_for_clinics_is_a_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(
        scope_terms.SCOPE_FOR_EVENT, WebhookEventType.ALERT_RAISED, scope_terms.NOT_FOR_CLINICS
    )
    check_audience_rules()
