"""Every reaction of a package to an event of one below it, subscribed in one place.

Its own module, not the app factory's: the webhook worker and the CLI's writing commands
need the reactions but not the web app (its routers, OpenAPI models and middleware), and
importing `app.main` was most of their start-up.
"""

from __future__ import annotations

from app.care.measures import reactions as care_measures
from app.care.team import attention
from app.care.team import service as care_service
from app.care.team.events import CareEnded
from app.care.webhooks import service as clinic_webhooks
from app.core.events import check_reactions, subscribe
from app.exports.calendar import service as calendar_feed_service
from app.logbook.alerts import service as alerts_service
from app.logbook.alerts.events import AlertAcknowledged, AlertRaised
from app.logbook.progress import events as progress_events
from app.logbook.sessions import service as sessions_service
from app.logbook.sessions.events import SessionWritten
from app.outcomes.measures.events import MeasureAnswered
from app.training.routines.events import RoutineDeleted, RoutineWritten
from app.training.self_checks.events import SelfCheckRecorded
from app.users.events import AccountDeleting, EverySignInEnded, TimeZoneChanged
from app.webhooks.outbox import OutboxExpanded, WebhookAudience


def install_domain_handlers() -> None:
    """Every reaction of a package to an event of one below it (app/core/events.py), in
    the order they run: every process that writes needs them, the server and the CLI's
    writing commands alike (idempotent). Fails when an event type that must have a
    reaction, or a webhook event type without a decision for clinics, is left out."""
    # a deleted routine's sessions are unlinked, as changes
    subscribe(RoutineDeleted, sessions_service.on_routine_deleted)
    # alerts follow session and self-check writes; session writes announce changed advice
    subscribe(SessionWritten, alerts_service.on_session_written)
    subscribe(SelfCheckRecorded, alerts_service.on_self_check)
    subscribe(MeasureAnswered, alerts_service.on_measure_answered)
    # the worker's expansion of a session write's event announces changed advice
    subscribe(OutboxExpanded, progress_events.on_outbox_expanded)
    # the clinician's view keeps each patient's summary with what changes it
    subscribe(SessionWritten, attention.on_session_written)
    subscribe(AlertRaised, attention.on_alert_raised)
    subscribe(AlertAcknowledged, attention.on_alert_acknowledged)
    subscribe(RoutineWritten, attention.on_routine_written)
    subscribe(TimeZoneChanged, attention.on_time_zone_changed)
    subscribe(MeasureAnswered, attention.on_measure_answered)
    # clinics in care receive their patients' events, and stop when the consent ends
    subscribe(WebhookAudience, clinic_webhooks.on_webhook_audience)
    subscribe(CareEnded, clinic_webhooks.on_care_ended)
    # ... and the measures the clinic assigned end with the care
    subscribe(CareEnded, care_measures.on_care_ended)
    # a password change ends the calendar feed's token; a new time zone moves its events
    subscribe(EverySignInEnded, calendar_feed_service.on_every_sign_in_ended)
    subscribe(TimeZoneChanged, calendar_feed_service.on_time_zone_changed)
    # an account's deletion ends the care it gave and hands its clinics over
    subscribe(AccountDeleting, care_service.end_care_given)
    subscribe(AccountDeleting, care_service.retire_clinic_codes)
    subscribe(AccountDeleting, care_service.hand_over_clinics)
    check_reactions()
    clinic_webhooks.check_audience_rules()
