"""The clinician's view of their patients at a clinic (`GET /clinics/{id}/patients`).

Consent is given to a clinician, not to a clinic: the list holds the caller's own active
relationships there, the owner's included. Who needs attention first: most open alerts,
then the lowest adherence over the last four complete weeks (no routine, or no
`progress` consent: after every ratio), then the longest since the last session (never
logged first), then the patient id. What each row shows is `care.access.sees`' answer for
that relationship: the open alerts (this clinic's unacknowledged ones) with `alerts`, the
weekly figures with `progress`, the last session's time, pain and effort with `sessions`
too. The SQL is in overview_sql.py; each listed patient's
read is logged.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.care.team import overview_sql as sql
from app.care.team.access import Standing, sees
from app.care.team.access_log import record_reads
from app.care.team.models import (
    CarePatient,
    CarePatientFigures,
    CareWeekAdherence,
    CareWeekAsymmetry,
    PersonRef,
)
from app.care.team.service import require_role
from app.core.db import begin_write
from app.core.pagination import Page, decode_keyset, encode_keyset
from app.core.types import utcnow
from app.core.vocabulary import CareScope
from app.logbook.progress.calc import asymmetry, calendar
from app.users.models import Caller

ORDER = "attention"
RESOURCE = "care_overview"
PROGRESS = CareScope.PROGRESS


@lru_cache(maxsize=1024)
def zone_weeks(time_zone: str, today_ordinal: int) -> sql.ZoneWeeks:
    """The zone's five weeks around `today` (its date there): four before, then this one."""
    zone = ZoneInfo(time_zone)
    today = datetime.fromordinal(today_ordinal).date()
    monday = today - timedelta(days=today.weekday())
    weeks = calendar(monday - timedelta(weeks=sql.WEEKS - 1), monday + timedelta(days=6), zone)
    return sql.ZoneWeeks(
        bounds=(*(w.start for w in weeks.weeks), weeks.weeks[-1].end),
        mondays=tuple(w.starts_on.toordinal() for w in weeks.weeks),
    )


def _zones(names: list[str], now: datetime) -> dict[str, sql.ZoneWeeks]:
    return {
        name: zone_weeks(name, now.astimezone(ZoneInfo(name)).date().toordinal()) for name in names
    }


def _after(cursor: str | None) -> sql.Keyset | None:
    if cursor is None:
        return None
    (alerts, adherence, last), patient_id = decode_keyset(cursor, ORDER, 3, uuid.UUID)
    return sql.Keyset(alerts, adherence, last, patient_id)


def _figures(
    row: sql.PatientRow,
    weeks: sql.ZoneWeeks,
    sides: dict[tuple[uuid.UUID, int], tuple[int, int]],
    single_sessions: bool,
) -> CarePatientFigures:
    """The weekly figures (`progress`); the last session's time, pain and effort name one
    session, so they come only with `sessions` as well (null otherwise)."""
    target = row.target
    counts = [int(getattr(row, f"w{k}")) for k in range(sql.WEEKS)]
    days = [datetime.fromordinal(m).date() for m in weeks.mondays]
    return CarePatientFigures(
        sessions_per_week=target,
        adherence=row.adherence / sql.ADHERENCE_SCALE
        if row.adherence <= sql.ADHERENCE_SCALE
        else None,
        weeks=[
            CareWeekAdherence(
                starts_on=day,
                sessions=n,
                ratio=round(n / target, 3) if target else None,
            )
            for day, n in zip(days, counts, strict=True)
        ],
        last_session_at=row.last_at if single_sessions else None,
        latest_pain=row.pain if single_sessions else None,
        latest_effort=row.effort if single_sessions else None,
        asymmetry=[
            CareWeekAsymmetry(
                starts_on=day,
                asymmetry=asymmetry(*sides.get((row.patient_id, k), (0, 0))),
            )
            for k, day in enumerate(days)
        ],
    )


def patients(
    session: Session,
    caller: Caller,
    clinic_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    address: str | None,
) -> Page[CarePatient]:
    """One page of the caller's patients at the clinic, who needs attention first."""
    after = _after(cursor)
    require_role(session, caller, clinic_id)
    names = sql.patient_zones(session, clinic_id, caller.id)
    if not names:
        return Page[CarePatient](items=[], next_cursor=None)
    zones = _zones(names, utcnow())
    rows = sql.page(session, clinic_id, caller.id, zones, after, limit)
    more = len(rows) > limit
    rows = rows[:limit]
    standings = [Standing(r.relationship_id, r.scopes) for r in rows]
    shown = [r.patient_id for r, s in zip(rows, standings, strict=True) if sees(s, PROGRESS)]
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
    items = [
        CarePatient(
            patient=PersonRef(id=r.patient_id, display_name=r.display_name),
            relationship_id=r.relationship_id,
            scopes=sorted(r.scopes),
            open_alerts=int(r.alerts) if sees(standing, CareScope.ALERTS) else None,
            figures=_figures(r, zones[r.time_zone], sides, sees(standing, CareScope.SESSIONS))
            if sees(standing, PROGRESS)
            else None,
        )
        for r, standing in zip(rows, standings, strict=True)
    ]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode_keyset(
            ORDER, [int(last.alerts), int(last.adherence), int(last.last_key)], last.patient_id
        )
    return Page[CarePatient](items=items, next_cursor=next_cursor)
