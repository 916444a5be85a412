"""A clinician's request about a patient in care is one dependency and one thread hop: the
caller and the access checked once, in the work's own session (`PatientCare`,
app/care/team/auth.py), then the read logged and answered."""

from __future__ import annotations

import anyio.to_thread
import httpx
import pytest
from fastapi import FastAPI

from tests.factories import care_team, session_payload
from tests.sqlcount import statements


async def test_a_clinicians_request_about_a_patient_takes_one_hop_and_one_check(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = await care_team(client)
    logged = session_payload()
    made = await client.post("/api/v1/sessions", json=logged, headers=team.patient.headers)
    assert made.status_code == 201, made.text
    real = anyio.to_thread.run_sync
    hops: list[str] = []

    async def counting(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        hops.append(getattr(func, "__name__", repr(func)))
        return await real(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    comments = f"/sessions/{logged['id']}/comments"
    requests = [
        ("GET", "/sessions", None),
        ("GET", "/progress", None),
        ("GET", "/assessments", None),
        ("GET", "/alerts", None),
        ("GET", comments, None),
        ("POST", comments, {"body": "Keep the pelvis level."}),
        ("GET", "/routines", None),
    ]
    for method, tail, body in requests:
        hops.clear()
        with statements(app) as seen:
            answer = await client.request(
                method, team.patient_path(tail), json=body, headers=team.clinician.headers
            )
        assert answer.status_code in (200, 201), (tail, answer.text)
        assert len(hops) == 1, (method, tail, hops)
        sign_in_checks = [s for s in seen if "token_family" in s]
        assert len(sign_in_checks) == 1, (method, tail, sign_in_checks)
        decisions = [s for s in seen if s.lstrip().startswith("SELECT") and "clinic_member" in s]
        assert len(decisions) == 1, (method, tail, decisions)
