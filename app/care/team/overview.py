"""The clinician's view of their patients at a clinic (`GET /clinics/{id}/patients`).

Consent is given to a clinician, not to a clinic: the list holds the caller's own active
relationships there, the owner's included. Who needs attention first: most open alerts,
then the lowest adherence over the last four complete weeks (no routine, or no
`progress` consent: after every ratio), then the longest since the last session (never
logged first), then the patient id. What each row shows is `care.access.sees`' answer for
that relationship: the open alerts (this clinic's unacknowledged ones) with `alerts`, the
weekly figures with `progress`, the last session's time, pain and effort with `sessions`
too. The order's keys are kept per relationship by every write they follow (attention.py),
so a page is an index range; the SQL is in overview_sql.py; each listed patient's read is
logged.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session

from app.care.team import attention
from app.care.team import overview_sql as sql
from app.care.team.access import Standing, sees
from app.care.team.access_log import record_reads
from app.care.team.attention import ADHERENCE_SCALE, ZoneWeeks, weeks_at
from app.care.team.models import (
    CareLatestMeasureBody,
    CarePatientBody,
    CarePatientFiguresBody,
)
from app.care.team.service import member_role, require_role
from app.core.db import begin_write
from app.core.pagination import PageBody, decode_keyset, encode_keyset
from app.core.types import utcnow
from app.core.vocabulary import CareScope, MeasureVerdict
from app.logbook.progress.calc import asymmetry
from app.outcomes.instruments import service as instruments
from app.users.models import Caller

ORDER = "attention"
RESOURCE = "care_overview"
PROGRESS = CareScope.PROGRESS


def _after(cursor: str | None) -> sql.Keyset | None:
    if cursor is None:
        return None
    (alerts, adherence, last), patient_id = decode_keyset(cursor, ORDER, 3, uuid.UUID)
    return sql.Keyset(-alerts, adherence, last, patient_id)


def _figures(
    row: sql.PatientRow,
    weeks: ZoneWeeks,
    counts: dict[tuple[uuid.UUID, int], int],
    sides: dict[tuple[uuid.UUID, int], tuple[int, int]],
    single_sessions: bool,
) -> CarePatientFiguresBody:
    """The weekly figures (`progress`); the last session's time, pain and effort name one
    session, so they come only with `sessions` as well (null otherwise)."""
    target = row.target
    days = [date.fromordinal(m) for m in weeks.mondays]
    done = [counts.get((row.patient_id, k), 0) for k in range(len(days))]
    return {
        "sessions_per_week": target,
        "adherence": row.adherence / ADHERENCE_SCALE if row.adherence <= ADHERENCE_SCALE else None,
        "weeks": [
            {"starts_on": day, "sessions": n, "ratio": round(n / target, 3) if target else None}
            for day, n in zip(days, done, strict=True)
        ],
        "last_session_at": row.last_at if single_sessions else None,
        "latest_pain": row.pain if single_sessions else None,
        "latest_effort": row.effort if single_sessions else None,
        "asymmetry": [
            {
                "starts_on": day,
                "asymmetry": asymmetry(*sides.get((row.patient_id, k), (0, 0))),
            }
            for k, day in enumerate(days)
        ],
    }


def _latest_measure(row: sql.PatientRow) -> CareLatestMeasureBody | None:
    """The kept latest change (`measures`), scored as the answer stored it."""
    if row.measure_id is None or row.measure_change is None or row.measure_at is None:
        return None
    instrument = instruments.get(row.measure_instrument or "")
    return {
        "answer_id": row.measure_id,
        "instrument_id": instrument.id,
        "answered_at": row.measure_at,
        "score": row.measure_score,
        "change": row.measure_change,
        "mcid": instrument.mcid.value,
        "verdict": None if row.measure_verdict is None else MeasureVerdict(row.measure_verdict),
    }


def patients(
    session: Session,
    caller: Caller,
    clinic_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    address: str | None,
) -> PageBody[CarePatientBody]:
    """One page of the caller's patients at the clinic, who needs attention first."""
    after = _after(cursor)
    now = utcnow()
    # The page's statement also reads the caller's role and whether a week turned for any
    # of their summaries here (attention.roll), so a view that needs no roll sends neither
    # apart. Once a week turned the page is read again after the roll, even when another
    # view's roll came first: the rows read before it may predate that roll. A page
    # without rows tells neither: asked apart, as roll asks its own.
    rows = sql.page(session, clinic_id, caller.id, after, limit, now)
    if rows:
        member_role(rows[0].caller_role, clinic_id)
        turned = bool(rows[0].stale)
        if turned:
            attention.roll(session, clinic_id, caller.id, now)
    else:
        require_role(session, caller, clinic_id)
        turned = attention.roll(session, clinic_id, caller.id, now)
    if turned:
        rows = sql.page(session, clinic_id, caller.id, after, limit, now)
    more = len(rows) > limit
    rows = rows[:limit]
    zones = {r.time_zone: weeks_at(r.time_zone, now) for r in rows}
    standings = [Standing(r.relationship_id, r.scopes) for r in rows]
    shown = [r.patient_id for r, s in zip(rows, standings, strict=True) if sees(s, PROGRESS)]
    counts = sql.week_counts(session, shown, zones)
    sides = sql.side_totals(session, shown, zones)
    # The page is read without the write lock (SQLite: concurrent views read side by
    # side); what it showed is then logged in a short write of its own.
    begin_write(session)
    record_reads(
        session,
        caller,
        clinic_id,
        [(r.relationship_id, r.patient_id) for r in rows],
        resource=RESOURCE,
        address=address,
    )
    session.commit()
    items: list[CarePatientBody] = [
        {
            "patient": {"id": r.patient_id, "display_name": r.display_name},
            "relationship_id": r.relationship_id,
            "scopes": sorted(r.scopes),
            "open_alerts": -r.rank_alerts if sees(standing, CareScope.ALERTS) else None,
            "figures": _figures(
                r, zones[r.time_zone], counts, sides, sees(standing, CareScope.SESSIONS)
            )
            if sees(standing, PROGRESS)
            else None,
            "latest_measure": _latest_measure(r) if sees(standing, CareScope.MEASURES) else None,
        }
        for r, standing in zip(rows, standings, strict=True)
    ]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode_keyset(
            ORDER, [-last.rank_alerts, last.adherence, last.last_key], last.patient_id
        )
    return {"items": items, "next_cursor": next_cursor}
