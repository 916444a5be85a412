"""What each care scope opens, in the words the patient reads before consenting.

The consent preview (`POST /me/care-invitations/preview`) shows these for every scope an
invitation asks, so a patient grants nothing they were not told of: what the scope
covers, and each channel it lets that data leave by (the clinician's reads in Medius,
the clinic's FHIR base, the clinic's connected systems). `SCOPE_FOR_EVENT` is the one
table of which webhook event each scope covers; app/care/webhooks sends by it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from app.care.team.models import ScopeDetail
from app.core.vocabulary import CareChannel, CareScope, WebhookEventType

# Which scope lets each webhook event type go to a clinic's systems, or NOT_FOR_CLINICS: a
# decision that none may. Every type has an entry, checked at start (app/care/webhooks):
# a new event type is a decision, never one clinics skip in silence.
NOT_FOR_CLINICS = None
SCOPE_FOR_EVENT: dict[WebhookEventType, CareScope | None] = {
    WebhookEventType.SESSION_LOGGED: CareScope.SESSIONS,
    WebhookEventType.SESSION_UPDATED: CareScope.SESSIONS,
    WebhookEventType.SESSION_DELETED: CareScope.SESSIONS,
    WebhookEventType.ALERT_RAISED: CareScope.ALERTS,
    WebhookEventType.ROUTINE_PRESCRIBED: CareScope.PRESCRIBE,
    WebhookEventType.PROGRESS_ADVICE_CHANGED: CareScope.PROGRESS,
    WebhookEventType.MEASURE_COMPLETED: CareScope.MEASURES,
}


@dataclass(frozen=True, slots=True)
class _Terms:
    summary: str
    channels: tuple[CareChannel, ...]  # without the clinic's systems (see `details`)


_TERMS = {
    CareScope.SESSIONS: _Terms(
        "Your logged workouts: each session's date, exercises, sets, sides, loads, pain and "
        "effort, and your notes. The clinician reads them and may comment on them.",
        (CareChannel.CLINICIAN, CareChannel.CLINIC_FHIR),
    ),
    CareScope.PROGRESS: _Terms(
        "Your progress: sessions per week against your routine, pain and effort trends, "
        "left/right balance, and the advice to progress, hold or reduce each exercise. It "
        "also shows on the clinician's list of their patients.",
        (CareChannel.CLINICIAN,),
    ),
    CareScope.SELF_CHECKS: _Terms(
        "Your single-leg stance self-checks: when, how long you held, how your hip and knee "
        "moved, the weaker side and the pain you reported.",
        (CareChannel.CLINICIAN, CareChannel.CLINIC_FHIR),
    ),
    CareScope.ALERTS: _Terms(
        "Alerts raised about you (a painful session, advice to reduce, a self-check that "
        "advises seeing a professional, a missed week), which the clinician reads and "
        "acknowledges; their number shows on the clinician's list of their patients.",
        (CareChannel.CLINICIAN,),
    ),
    CareScope.PRESCRIBE: _Terms(
        "Lets the clinician put routines in your account (prescriptions) and read back the "
        "ones they prescribed. You can always delete a prescribed routine.",
        (CareChannel.CLINICIAN, CareChannel.CLINIC_FHIR),
    ),
    CareScope.MEASURES: _Terms(
        "Lets the clinician ask you to fill in outcome measures on a schedule (questionnaires "
        "such as pain at night or the Patient-Specific Functional Scale, and tests such as "
        "time to pain standing on one leg), record measurements they take (hip strength), and "
        "read your answers to the measures this clinic assigned, with their scores and how "
        "they changed since the first one. A change worse than the measure's published "
        "minimal important difference raises an alert. Your latest change shows on the "
        "clinician's list of their patients.",
        (CareChannel.CLINICIAN, CareChannel.CLINIC_FHIR),
    ),
    CareScope.CLINIC_SYSTEMS: _Terms(
        "Sends, as it happens, what the other scopes you grant here cover to the clinic's "
        "own connected systems (its webhooks): every owner of the clinic sets those up and "
        "can read what they receive, not only this clinician. Each sending is listed in "
        "your access log. Without this scope nothing of yours goes to the clinic's systems.",
        (CareChannel.CLINIC_SYSTEMS,),
    ),
}


def events_of(scope: CareScope) -> list[WebhookEventType]:
    """The webhook events `scope` covers, in the vocabulary's order."""
    return [event for event in WebhookEventType if SCOPE_FOR_EVENT.get(event) is scope]


def details(asked: Collection[CareScope]) -> list[ScopeDetail]:
    """What each asked scope opens, through which channels: a data scope's events go to
    the clinic's systems only when `clinic_systems` is asked too (and granted)."""
    systems = CareScope.CLINIC_SYSTEMS in asked
    found = []
    for scope in sorted(asked):
        terms = _TERMS[scope]
        if scope is CareScope.CLINIC_SYSTEMS:
            events = [e for s in sorted(asked) for e in events_of(s)]
            summary = terms.summary + _sent(events)
        else:
            events = events_of(scope) if systems else []
            summary = terms.summary + (
                " If you also grant clinic_systems, the clinic's connected systems receive it too."
                if events
                else ""
            )
        channels = list(terms.channels)
        if events and CareChannel.CLINIC_SYSTEMS not in channels:
            channels.append(CareChannel.CLINIC_SYSTEMS)
        found.append(ScopeDetail(scope=scope, summary=summary, channels=channels, events=events))
    return found


def _sent(events: list[WebhookEventType]) -> str:
    if not events:
        return " This invitation asks for no scope whose data is sent, so they would get nothing."
    return " Here they would receive: " + ", ".join(e.value for e in events) + "."
