"""The session export: every session and its notes, spreadsheet-safe CSV, streamed."""

from __future__ import annotations

import csv
import io
import tracemalloc
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from app.catalog.live.snapshot import CatalogSpecs
from app.core.tabular import csv_chunks, safe_cell
from app.logbook.sessions import service
from app.logbook.sessions.models import EntryIn, SessionCreate
from app.users import service as users_service
from app.users.models import User, UserCreate
from tests.factories import SignedIn, entry, session_payload
from tests.reliability.corpus import CSV_FORMULAS

EXPORT = "/api/v1/sessions/export"

NO_DAILY_CAP = 10**6  # these tests log many sessions on one day on purpose


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        ("'quoted", "'quoted"),
        (-1, -1),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_safe_cell_neutralises_what_a_spreadsheet_would_run(cell: Any, safe: Any) -> None:
    assert safe_cell(cell) == safe


def test_csv_quotes_every_field_and_survives_separators_and_newlines() -> None:
    text = b"".join(csv_chunks(["a", "b"], [['x,"y"\nz', 1], ["=cmd|' /C calc'!A0", None]]))
    assert text.decode().splitlines()[0] == '"a","b"'
    rows = list(csv.reader(io.StringIO(text.decode(), newline="")))
    assert rows[1:] == [['x,"y"\nz', "1"], ["'=cmd|' /C calc'!A0", ""]]


async def test_export_neutralises_formulas_in_every_text_cell(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    for formula in CSV_FORMULAS:
        body = session_payload(notes=formula, entries=[entry(notes=formula)])
        created = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
        assert created.status_code == 201, created.text
    raw = await client.get(EXPORT, headers=alice.headers)
    rows = _csv_rows(raw.text)
    stored = {formula.strip() for formula in CSV_FORMULAS}
    assert {r["notes"] for r in rows} == {"'" + f for f in stored}
    assert {r["session_notes"] for r in rows} == {"'" + f for f in stored}
    as_json = (await client.get(f"{EXPORT}?format=json", headers=alice.headers)).json()
    assert {r["notes"] for r in as_json["rows"]} == stored  # JSON is data, not a sheet


async def test_export_has_sessions_without_entries_and_session_notes(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    empty = session_payload(notes="rest day, hip sore", entries=[])
    full = session_payload(notes="good", started_at="2026-11-21T07:30:00Z", ended_at=None)
    for body in (empty, full):
        assert (
            await client.post("/api/v1/sessions", json=body, headers=alice.headers)
        ).status_code == 201
    await client.post("/api/v1/sessions", json=session_payload(), headers=bob.headers)

    rows = _csv_rows((await client.get(EXPORT, headers=alice.headers)).text)
    assert [r["session_id"] for r in rows] == [empty["id"]] + [full["id"]] * 3
    assert rows[0]["session_notes"] == "rest day, hip sore"
    assert all(rows[0][c] == "" for c in ("exercise", "set_number", "reps", "pain", "notes"))
    assert {r["session_notes"] for r in rows[1:]} == {"good"}
    as_json = (await client.get(f"{EXPORT}?format=json", headers=alice.headers)).json()
    assert as_json["columns"] == list(service.EXPORT_COLUMNS)
    assert as_json["rows"][0]["exercise"] is None
    assert as_json["rows"][0]["session_notes"] == "rest day, hip sore"
    assert len(as_json["rows"]) == 4


def _user_with_entries(app: FastAPI, entries: int) -> User:
    engine = app.state.engine
    with Session(engine, expire_on_commit=False) as session:
        email = f"export-{uuid.uuid4().hex[:8]}@example.com"
        user = users_service.create_account(
            session, UserCreate(email=email, password="export passphrase")
        )
        one = EntryIn.model_validate({**entry(notes="a note of some length"), "set_number": 1})
        for n in range(0, entries, 500):
            body = SessionCreate(
                started_at=datetime(2026, 1, 1, tzinfo=UTC),
                notes=f"session {n}",
                entries=[one] * min(500, entries - n),
            )
            service.create(session, user, body, NO_DAILY_CAP, CatalogSpecs())
    return user


def _peak_while_streaming(app: FastAPI, user: User, fmt: str) -> tuple[int, int]:
    """Peak memory allocated while the export is produced and thrown away, and its size."""
    produce = service.export_csv if fmt == "csv" else service.export_json
    size = 0
    tracemalloc.start()
    try:
        for chunk in produce(app.state.engine, user):
            size += len(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, size


@pytest.mark.slow  # writes thousands of sessions: `make test` runs it, `make check` does not
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_memory_does_not_grow_with_the_log(app: FastAPI, fmt: str) -> None:
    small = _user_with_entries(app, 1_000)
    large = _user_with_entries(app, 10_000)
    small_peak, small_size = _peak_while_streaming(app, small, fmt)
    large_peak, large_size = _peak_while_streaming(app, large, fmt)
    assert large_size > 9 * small_size
    # Ten times the rows, not ten times the memory: the rows are never all held at once.
    assert large_peak < 2 * small_peak, (small_peak, large_peak)
