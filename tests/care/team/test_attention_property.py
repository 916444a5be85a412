"""Property: the clinician's view, read from the summaries each relationship keeps
(app/care/team/attention.py), equals the view recomputed from the raw rows, after any
sequence of session writes, moves and deletions, alerts raised and acknowledged, routines
written and deleted, time-zone changes and time passing (across week edges, in zones on
both sides of UTC), for patients granting every scope or leaving out `alerts` or
`progress`."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from app.care.team import attention, overview
from tests.factories import ALL_SCOPES, PROPERTY_SETTINGS, direct_user, routine_payload

API = "/api/v1"
ZONES = ["UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Kiritimati", "Etc/GMT+12"]
SCOPE_SETS = [
    ALL_SCOPES,
    [s for s in ALL_SCOPES if s != "alerts"],
    [s for s in ALL_SCOPES if s != "progress"],
]
START = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Patient:
    id: uuid.UUID
    headers: dict[str, str]
    live: set[str] = field(default_factory=set)  # live session ids
    routines: list[tuple[str, str]] = field(default_factory=list)  # own: (id, etag)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The instant the summaries are kept and read at (the rest of the app keeps its own)."""
    at = Clock()
    monkeypatch.setattr(attention, "utcnow", at)
    monkeypatch.setattr(overview, "utcnow", at)
    return at


def _ok(answer: httpx.Response, status: int = 200) -> Any:
    assert answer.status_code == status, answer.text
    return answer.json() if answer.content else None


async def _team(
    client: httpx.AsyncClient, app: FastAPI, data: st.DataObject
) -> tuple[dict[str, str], uuid.UUID, list[Patient]]:
    _, clinician = direct_user(app, app.state.engine, "UTC")
    me = await client.get(f"{API}/me", headers=clinician)
    _ok(
        await client.patch(
            f"{API}/me",
            json={"display_name": "Dr Property"},
            headers={**clinician, "If-Match": me.headers["etag"]},
        )
    )
    clinic = uuid.UUID(
        _ok(await client.post(f"{API}/clinics", json={"name": "P"}, headers=clinician), 201)["id"]
    )
    patients = []
    for _ in range(data.draw(st.integers(2, 3))):
        patient_id, headers = direct_user(app, app.state.engine, data.draw(st.sampled_from(ZONES)))
        scopes = data.draw(st.sampled_from(SCOPE_SETS))
        code = _ok(
            await client.post(
                f"{API}/clinics/{clinic}/care-invitations",
                json={"scopes": scopes},
                headers=clinician,
            ),
            201,
        )["code"]
        _ok(
            await client.post(f"{API}/me/care-relationships", json={"code": code}, headers=headers),
            201,
        )
        patients.append(Patient(patient_id, headers))
    return clinician, clinic, patients


def _session(data: st.DataObject, now: datetime) -> dict[str, Any]:
    at = now - timedelta(seconds=data.draw(st.integers(0, 45 * 86400)))
    pain = data.draw(st.sampled_from([0, 2, 8]))
    return {
        "id": str(uuid.uuid4()),
        "started_at": at.isoformat(),
        "entries": [
            {
                "exercise": "clamshell",
                "set_number": 1,
                "side": "left",
                "reps": 10,
                "pain": pain,
                "effort": 5,
            }
        ],
    }


async def _write(
    client: httpx.AsyncClient,
    data: st.DataObject,
    clock: Clock,
    clinician: dict[str, str],
    clinic: uuid.UUID,
    patients: list[Patient],
) -> None:
    for _ in range(data.draw(st.integers(1, 10))):
        p = data.draw(st.sampled_from(patients))
        ops = ["create", "time", "routine", "prescribe", "zone", "acknowledge"]
        ops += ["move", "delete"] if p.live else []
        ops += ["unroutine"] if p.routines else []
        op = data.draw(st.sampled_from(ops))
        if op == "create":
            body = _session(data, clock.now)
            _ok(await client.post(f"{API}/sessions", json=body, headers=p.headers), 201)
            p.live.add(body["id"])
        elif op == "time":
            clock.now += timedelta(hours=data.draw(st.integers(1, 24 * 20)))
        elif op == "routine":
            made = await client.post(
                f"{API}/routines",
                json=routine_payload(sessions_per_week=data.draw(st.integers(1, 4))),
                headers=p.headers,
            )
            body = _ok(made, 201)
            p.routines.append((body["id"], made.headers["etag"]))
        elif op == "unroutine":
            routine_id, etag = p.routines.pop(data.draw(st.integers(0, len(p.routines) - 1)))
            gone = await client.delete(
                f"{API}/routines/{routine_id}", headers={**p.headers, "If-Match": etag}
            )
            _ok(gone, 204)
        elif op == "prescribe":
            answer = await client.post(
                f"{API}/clinics/{clinic}/patients/{p.id}/routines",
                json={"routine": routine_payload(sessions_per_week=data.draw(st.integers(1, 4)))},
                headers=clinician,
            )
            assert answer.status_code in (201, 403, 404), answer.text  # `prescribe` granted?
        elif op == "zone":
            me = await client.get(f"{API}/me", headers=p.headers)
            _ok(
                await client.patch(
                    f"{API}/me",
                    json={"time_zone": data.draw(st.sampled_from(ZONES))},
                    headers={**p.headers, "If-Match": me.headers["etag"]},
                )
            )
        elif op == "acknowledge":
            alerts = _ok(await client.get(f"{API}/me/alerts?limit=100", headers=p.headers))
            if not alerts["items"]:  # a painful session first: the clinic has one to see
                body = _session(data, clock.now)
                body["entries"][0]["pain"] = 8
                _ok(await client.post(f"{API}/sessions", json=body, headers=p.headers), 201)
                p.live.add(body["id"])
                alerts = _ok(await client.get(f"{API}/me/alerts?limit=100", headers=p.headers))
            if alerts["items"]:
                alert = data.draw(st.sampled_from(alerts["items"]))
                answer = await client.post(
                    f"{API}/clinics/{clinic}/patients/{p.id}/alerts/{alert['id']}/acknowledge",
                    json={"note": "Seen."},
                    headers=clinician,
                )
                assert answer.status_code in (200, 403, 404, 409), answer.text  # `alerts` granted?
        else:
            sid = data.draw(st.sampled_from(sorted(p.live)))
            path = f"{API}/sessions/{sid}"
            etag = (await client.get(path, headers=p.headers)).headers["etag"]
            if op == "delete":
                _ok(await client.delete(path, headers={**p.headers, "If-Match": etag}), 204)
                p.live.discard(sid)
            else:
                moved = clock.now - timedelta(seconds=data.draw(st.integers(0, 45 * 86400)))
                _ok(
                    await client.patch(
                        path,
                        json={"started_at": moved.isoformat()},
                        headers={**p.headers, "If-Match": etag},
                    )
                )


def _counted_weeks(zone_name: str, now: datetime) -> tuple[datetime, datetime]:
    """The four whole local weeks before this one, as UTC instants (Monday midnights)."""
    zone = ZoneInfo(zone_name)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())

    def midnight(day: Any) -> datetime:
        return datetime.combine(day, time(0), zone).astimezone(UTC)

    return midnight(monday - timedelta(weeks=4)), midnight(monday)


def _expected(
    engine: Engine, clinic: uuid.UUID, patients: list[Patient], now: datetime
) -> list[dict[str, Any]]:
    """Every patient's row of the view, recomputed from the raw rows, in attention order."""
    rows = []
    with engine.connect() as db:
        for p in patients:
            pid = p.id.hex if engine.dialect.name == "sqlite" else p.id
            cid = clinic.hex if engine.dialect.name == "sqlite" else clinic
            zone, scopes = db.execute(
                text(
                    "SELECT u.time_zone, r.scopes FROM app_user u JOIN care_relationship r "
                    "ON r.patient_id = u.id WHERE u.id = :p AND r.status = 'active'"
                ),
                {"p": pid},
            ).one()
            granted = set(scopes.split(","))
            starts = [
                r[0] if isinstance(r[0], datetime) else datetime.fromisoformat(r[0])
                for r in db.execute(
                    text(
                        "SELECT started_at FROM workout_session "
                        "WHERE owner_id = :p AND deleted_at IS NULL"
                    ),
                    {"p": pid},
                )
            ]
            starts = [s if s.tzinfo else s.replace(tzinfo=UTC) for s in starts]
            alerts = db.execute(
                text(
                    "SELECT count(*) FROM alert a WHERE a.patient_id = :p AND NOT EXISTS "
                    "(SELECT 1 FROM alert_acknowledgement k WHERE k.alert_id = a.id "
                    "AND k.clinic_id = :c)"
                ),
                {"p": pid, "c": cid},
            ).scalar_one()
            target = db.execute(
                text(
                    "SELECT sessions_per_week FROM routine WHERE owner_id = :p "
                    "ORDER BY updated_at DESC, id LIMIT 1"
                ),
                {"p": pid},
            ).scalar_one_or_none()
            target_prescribed = db.execute(
                text(
                    "SELECT sessions_per_week FROM routine WHERE owner_id = :p AND clinic_id = :c "
                    "ORDER BY updated_at DESC, id LIMIT 1"
                ),
                {"p": pid, "c": cid},
            ).scalar_one_or_none()
            target = target_prescribed if target_prescribed is not None else target
            first, last = _counted_weeks(zone, now)
            done = sum(1 for s in starts if first <= s < last)
            progress = "progress" in granted
            adherence = None
            if progress and target:
                adherence = min(done * 1000 // (target * 4), 1000) / 1000
            latest = max(starts, default=None)
            rows.append(
                {
                    "id": str(p.id),
                    "open_alerts": alerts if "alerts" in granted else None,
                    "adherence": adherence,
                    "last": latest if progress else None,
                    "sort": (
                        -alerts if "alerts" in granted else 0,
                        1001 if adherence is None else round(adherence * 1000),
                        int(latest.timestamp()) if progress and latest else -1,
                        p.id,
                    ),
                }
            )
    return sorted(rows, key=lambda r: r["sort"])


async def _view(app: FastAPI, clinician: dict[str, str], clinic: uuid.UUID) -> list[dict[str, Any]]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:
        page = _ok(
            await client.get(f"{API}/clinics/{clinic}/patients?limit=100", headers=clinician)
        )
    return [
        {
            "id": i["patient"]["id"],
            "open_alerts": i["open_alerts"],
            "adherence": i["figures"]["adherence"] if i["figures"] else None,
            "last": datetime.fromisoformat(i["figures"]["last_session_at"])
            if i["figures"] and i["figures"]["last_session_at"]
            else None,
        }
        for i in page["items"]
    ]


@settings(PROPERTY_SETTINGS, max_examples=25)
@given(data=st.data())
def test_the_kept_view_equals_the_recomputation(
    app: FastAPI, admin_engine: Engine, clock: Clock, data: st.DataObject
) -> None:
    clock.now = START + timedelta(hours=data.draw(st.integers(0, 24 * 7)))

    async def scenario() -> tuple[dict[str, str], uuid.UUID, list[Patient]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:
            clinician, clinic, patients = await _team(client, app, data)
            await _write(client, data, clock, clinician, clinic, patients)
            return clinician, clinic, patients

    clinician, clinic, patients = asyncio.run(scenario())
    if data.draw(st.booleans()):  # time passes after the last write, before the read
        clock.now += timedelta(hours=data.draw(st.integers(1, 24 * 20)))
    seen = asyncio.run(_view(app, clinician, clinic))
    expected = [
        {k: v for k, v in r.items() if k != "sort"}
        for r in _expected(admin_engine, clinic, patients, clock.now)
    ]
    assert seen == expected


class _Recording:
    """A stand-in PostgreSQL connection that keeps the statements it is given."""

    def __init__(self) -> None:
        from sqlalchemy.dialects import postgresql

        self.statements: list[Any] = []
        self.dialect = postgresql.dialect()

    def execute(self, statement: Any, *_: Any) -> None:
        self.statements.append(statement)


def test_every_subquery_of_the_refresh_reads_its_own_relationship() -> None:
    """Nested in an UPDATE, a subquery left to correlate itself brings care_relationship
    into its own FROM: a cross join that PostgreSQL refuses (more than one row) and
    SQLite answers with another patient's figures."""
    from sqlalchemy.dialects import postgresql

    recording = _Recording()
    now = datetime(2026, 12, 7, tzinfo=UTC)
    weeks = {z: attention.weeks_at(z, now) for z in ("UTC", "Asia/Kathmandu")}
    attention.refresh(recording, [attention.R.c.clinic_id == uuid.uuid4()], weeks)  # type: ignore[arg-type]
    attention.refresh(recording, [attention.R.c.patient_id == uuid.uuid4()])  # type: ignore[arg-type]
    # each UPDATE follows the lock of its rows (test_attention_race.py says why)
    kinds = [type(statement).__name__ for statement in recording.statements]
    assert kinds == ["Select", "Update"] * 2
    assert all(s._for_update_arg is not None for s in recording.statements[::2])
    for statement in recording.statements[1::2]:
        sql = str(statement.compile(dialect=postgresql.dialect()))
        assert "care_relationship" not in " ".join(
            part.split("WHERE")[0] for part in sql.split("FROM")[1:]
        ), sql
