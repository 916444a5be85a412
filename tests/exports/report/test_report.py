"""The progress report over HTTP, on both databases: the patient's own, a clinician's at the
clinic (scopes, access log), a share link carrying it, and bad input refused."""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Awaitable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx
from pypdf import PdfReader
from sqlalchemy import Engine

from app.exports.report import examples, html
from app.exports.report.models import MeasureSeries
from app.exports.report.sections import build_page
from tests.exports.report.seeding import PERIOD, Log, seed_patient
from tests.factories import (
    SignedIn,
    care_team,
    create_clinic,
    join_clinic,
    signed_in_user,
    take_into_care,
)

ME = "/api/v1/me/report"
HTML = {"Accept": "text/html"}


def _summary(page: str, key: str) -> str:
    found = re.search(rf'<section id="{key}">.*?<p class="summary">(.*?)</p>', page, re.S)
    assert found, f"no section {key}"
    return found.group(1)


def _charts(page: str) -> list[str]:
    return re.findall(r'<section id="([^"]+)"><h2>[^<]*</h2><svg ', page)


async def _report(
    client: httpx.AsyncClient, user: SignedIn, path: str = ME, **headers: str
) -> httpx.Response:
    return await client.get(path, params=PERIOD, headers={**user.headers, **HTML, **headers})


async def test_own_report_draws_each_chart_and_says_the_logged_figures_in_the_patients_zone(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    patient = await seed_patient(client, admin_engine)
    answer = await _report(client, patient)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.headers["cache-control"] == "private, no-store"
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    page = answer.text
    assert "<script" not in page and "http://" not in page.split("<svg", 1)[0]
    assert _charts(page) == ["pain", "adherence", "asymmetry", "measures", "alerts", "versions"]
    assert "2 Nov 2026 to 15 Nov 2026 (14 days)" in page and "Pacific/Auckland" in page
    # Logged at 20:30 UTC on 2 November: the 3rd in Auckland, where the patient lives.
    assert _summary(page, "pain").startswith(
        "2 sessions logged; the worst pain of a session was 5.5/10 on average and at most "
        "9/10 (on 3 Nov 2026); 1 session reached 7/10 or more."
    )
    # Left: 10 reps unloaded (x 1) + 10 reps x 3 kg = 40; right: 12 reps x 2 kg = 24.
    assert _summary(page, "asymmetry").startswith("One-sided work in the period: left 40, right 24")
    assert "The right side did 40% less than the left." in _summary(page, "asymmetry")
    # The program (3 a week, written in October) against one session in each week.
    assert _summary(page, "adherence") == (
        "Against the program \u201cMorning glute med\u201d: 2 of 6 planned sessions done; "
        "0 of 2 weeks with a program met its plan."
    )
    assert _summary(page, "versions").startswith(
        "Version 1 of \u201cMorning glute med\u201d (3 sessions a week) was in force from "
        "1 Oct 2026"
    )
    # The alert raised at 21:00 UTC on 2 November is listed at Auckland's 10:00 on the 3rd.
    assert "<td>3 Nov 2026 10:00</td><td>pain</td>" in page
    assert "open</td>" in page
    assert "Left out" not in page


async def test_the_summaries_follow_the_data_of_each_patient(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    calmer = await seed_patient(
        client,
        admin_engine,
        Log(first_pain=3, first_sets=(("right", 20, 5.0),), second_sets=(("right", 10, None),)),
    )
    page = (await _report(client, calmer)).text
    assert "at most 3/10 (on 3 Nov 2026); 0 sessions reached 7/10" in _summary(page, "pain")
    # Right only: 20 x 5 + 10 x 1 = 110; the left did nothing.
    assert _summary(page, "asymmetry").startswith("One-sided work in the period: left 0, right 110")
    assert _summary(page, "alerts") == "No alerts were raised in this period."


async def test_report_pdf_is_a4_with_an_outline_entry_per_chart(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    patient = await seed_patient(client, admin_engine)
    answer = await _report(client, patient, Accept="application/pdf")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-disposition"] == (
        'inline; filename="progress-report-2026-11-02-2026-11-15.pdf"'
    )
    reader = PdfReader(io.BytesIO(answer.content))
    assert [item.title for item in reader.outline] == [
        "Pain",
        "Adherence",
        "Left and right",
        "Outcome measures",
        "Alerts",
        "Program versions",
    ]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "9/10 (on 3 Nov 2026)" in text and "left 40, right 24" in text


async def test_bad_period_or_format_is_a_problem(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    for params, where in (
        ({"from": "2026-11-15", "to": "2026-11-02"}, ["query", "from"]),
        ({"from": "2025-01-01", "to": "2026-11-02"}, ["query", "to"]),
        ({"from": "2026-13-01"}, ["query", "from"]),
    ):
        answer = await client.get(ME, params=params, headers=alice.headers)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["errors"][0]["loc"] == where
    refused = await client.get(ME, headers={**alice.headers, "Accept": "image/png"})
    assert refused.status_code == 406
    assert (await client.get(ME)).status_code == 401


async def _access_log(client: httpx.AsyncClient, user: SignedIn) -> list[dict[str, Any]]:
    answer = await client.get("/api/v1/me/access-log", headers=user.headers)
    return list(answer.json()["items"])


async def test_clinician_report_shows_only_what_the_scopes_cover_and_is_logged(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    patient = await seed_patient(client, admin_engine)
    team = await care_team(client, patient)  # every scope, and the program is the patient's
    full = await _report(client, team.clinician, team.patient_path("/report"))
    assert full.status_code == 200, full.text
    assert _charts(full.text) == ["pain", "adherence", "asymmetry", "measures", "alerts"]
    assert "(14 days), for Riverside Physiotherapy." in full.text
    # The program is the patient's own, not the clinic's: not named, its versions left out.
    assert "Morning glute med" not in full.text
    assert "the patient&#x27;s current program" in _summary(full.text, "adherence")
    assert 'data-omitted="Program versions"' in full.text
    assert 'data-omitted="Outcome measures"' not in full.text
    assert [(e["resource"], e["action"]) for e in await _access_log(client, patient)] == [
        ("report", "read")
    ]

    narrow = await signed_in_user(client)
    await join_clinic(client, team.owner, team.clinic_id, narrow)
    await take_into_care(client, narrow, team.clinic_id, patient, scopes=["progress"])
    limited = await _report(client, narrow, team.patient_path("/report"))
    assert limited.status_code == 200, limited.text
    assert _charts(limited.text) == ["pain", "adherence", "asymmetry"]
    for part in ("Pain of each session", "Alerts", "Outcome measures"):
        assert f'data-omitted="{part}"' in limited.text
    for scope in ("sessions", "alerts", "measures"):
        assert f"`{scope}` scope" in limited.text
    # Weekly pain is an aggregate (progress); each session's time and pain is not.
    assert "sessions logged" not in _summary(limited.text, "pain")
    assert "Mean pain of the week" in _summary(limited.text, "pain")

    # Bad input is refused before the access is decided: no line in the access log.
    before = len(await _access_log(client, patient))
    bad = await client.get(
        team.patient_path("/report"),
        params={"from": "2026-11-15", "to": "2026-11-01"},
        headers=team.clinician.headers,
    )
    assert bad.status_code == 422
    pdf_only = await _report(
        client, team.clinician, team.patient_path("/report"), Accept="image/png"
    )
    assert pdf_only.status_code == 406
    assert len(await _access_log(client, patient)) == before


async def test_share_link_carries_the_report_as_html_and_pdf(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    patient = await seed_patient(client, admin_engine)
    made = await client.post(
        "/api/v1/me/share-links", json={"kind": "progress_report"}, headers=patient.headers
    )
    assert made.status_code == 201, made.text
    token = made.json()["token"]
    page = await client.get(f"/api/v1/shared/{token}", headers=HTML)
    assert page.status_code == 200, page.text
    assert page.headers["cache-control"] == "no-store"
    assert page.text.startswith("<!DOCTYPE html>") and "Progress report: Kiri Example" in page.text
    assert len(_charts(page.text)) == 6
    pdf = await client.get(f"/api/v1/shared/{token}", headers={"Accept": "application/pdf"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert PdfReader(io.BytesIO(pdf.content)).outline
    assert (
        await client.get(f"/api/v1/shared/{token}", headers={"Accept": "text/csv"})
    ).status_code == 406
    uses = [e for e in await _access_log(client, patient) if e["share_link_id"]]
    assert [e["resource"] for e in uses] == ["report", "report"]


def test_measure_charts_are_drawn_from_the_series_given() -> None:
    """The measures section draws one chart per series, its summary from the series: the
    latest score against the baseline and the source's MCID."""
    data = examples.demo_data()
    assert data.measures
    psfs = data.measures[0]
    times = [at for at, _ in psfs.points]
    scores = (5.0, 6.0, 7.0, 8.0)
    worse = MeasureSeries(
        "night-pain", "Night pain", "0-10", False, 2.0, 5.0, list(zip(times, scores, strict=True))
    )
    page = html.render_html(build_page(replace(data, measures=[psfs, worse])))
    assert _charts(page).count("measure-psfs") == 1 and "measure-night-pain" in _charts(page)
    assert _summary(page, "measure-psfs").startswith(
        "4 scores in the period; the latest 6.6 mean score (0-10) on 1 Dec 2026. Baseline 3.4 "
        "mean score (0-10): a change of +3.2, more than the MCID of 2 (the source&#x27;s "
        "figure): better"
    )
    assert "a change of +3.0, more than the MCID of 2" in _summary(page, "measure-night-pain")
    assert "worse by more than" in _summary(page, "measure-night-pain")


def test_measure_scores_are_dated_in_the_patients_zone() -> None:
    """A score taken at 23:30 UTC on 30 November is Paris' 1 December."""
    data = examples.demo_data()
    late = MeasureSeries(
        "stairs",
        "Pain on stairs",
        "0-10",
        False,
        2.0,
        6.0,
        [(datetime(2026, 11, 30, 23, 30, tzinfo=UTC), 3.0)],
    )
    page = html.render_html(build_page(replace(data, measures=[late])))
    assert "the latest 3 0-10 on 1 Dec 2026." in _summary(page, "measure-stairs")


async def test_acknowledgements_show_to_the_patient_and_to_the_acknowledging_clinic_only(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    patient = await seed_patient(client, admin_engine)
    team = await care_team(client, patient)
    alerts = await client.get(team.patient_path("/alerts"), headers=team.clinician.headers)
    pain = next(a for a in alerts.json()["items"] if a["kind"] == "pain")
    acknowledged = await client.post(
        team.patient_path(f"/alerts/{pain['id']}/acknowledge"),
        json={"note": "Seen: ease the side-lying holds."},
        headers=team.clinician.headers,
    )
    assert acknowledged.status_code == 200, acknowledged.text
    own = (await _report(client, patient)).text
    ours = (await _report(client, team.clinician, team.patient_path("/report"))).text
    for page in (own, ours):
        assert "Seen: ease the side-lying holds.</td>" in page
        assert "1 acknowledged" in _summary(page, "alerts")
    # Another clinic caring for the same patient sees the alert still open for itself.
    other = await signed_in_user(client, display_name="Dr Other")
    other_clinic = await create_clinic(client, other, "Hillside Physio")
    await take_into_care(client, other, other_clinic, patient)
    theirs = await client.get(
        f"/api/v1/clinics/{other_clinic}/patients/{patient.id}/report",
        params=PERIOD,
        headers={**other.headers, **HTML},
    )
    assert theirs.status_code == 200, theirs.text
    assert "side-lying" not in theirs.text
    assert "0 acknowledged" in _summary(theirs.text, "alerts")


async def test_measures_answered_are_charted_for_the_patient_and_for_the_assigning_clinic_only(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    """Real answers, scored by the outcomes service, reach the report: the patient's report
    charts every measure; a clinician's, only the ones their clinic assigned."""
    patient = await seed_patient(client, admin_engine)
    team = await care_team(client, patient)
    other = await signed_in_user(client, display_name="Dr Other")
    other_clinic = await create_clinic(client, other, "Hillside Physio")
    await take_into_care(client, other, other_clinic, patient)

    async def assign(path: str, who: SignedIn, instrument: str) -> str:
        body = {"instrument_id": instrument, "schedule": {"at_start": True}}
        made = await client.post(path + "/measures", json=body, headers=who.headers)
        assert made.status_code == 201, made.text
        return str(made.json()["id"])

    async def answer(assignment: str, answers: dict[str, Any]) -> None:
        body = {"id": str(uuid.uuid4()), "assignment_id": assignment, "answers": answers}
        made = await client.post("/api/v1/me/measures/answers", json=body, headers=patient.headers)
        assert made.status_code == 201, made.text

    night = await assign(team.patient_path(""), team.clinician, "night-pain")
    for rating in (7, 4):
        await answer(night, {"rating": rating})
    theirs = f"/api/v1/clinics/{other_clinic}/patients/{patient.id}"
    psfs = await assign(theirs, other, "psfs")
    await answer(psfs, {"activities": [{"activity": "Stairs", "rating": 2}]})

    def report(who: SignedIn, path: str = ME) -> Awaitable[httpx.Response]:
        return client.get(path, headers={**who.headers, **HTML})  # the last 12 weeks

    own = (await report(patient)).text
    assert "measure-night-pain" in _charts(own) and "measure-psfs" in _charts(own)
    night_summary = _summary(own, "measure-night-pain")
    assert "the latest 4" in night_summary and "Baseline 7" in night_summary
    ours = (await report(team.clinician, team.patient_path("/report"))).text
    assert "measure-night-pain" in _charts(ours) and "measure-psfs" not in ours
    hillside = (await report(other, theirs + "/report")).text
    assert "measure-psfs" in _charts(hillside) and "measure-night-pain" not in hillside
