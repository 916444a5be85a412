"""The printable program over HTTP: HTML or PDF by `Accept`, readable exactly like the routine."""

from __future__ import annotations

import html
import io
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from app.exports.handout.pdf import pdf_filename
from tests.factories import SignedIn, entry, routine_payload, session_payload

PROBLEM = "application/problem+json"
PDF = "application/pdf"
HTML = "text/html"
CLAMSHELL_RIGHT = {
    "exercise": "clamshell",
    "sets": 2,
    "reps": 10,
    "hold_seconds": 3,
    "side": "right",
    "rest_seconds": 30,
}
# `*` marks Medius' figures: the article gives no sets or rest; reps, hold and steps are
# within its ranges.
CLAMSHELL_DOSAGE = "2 sets* x 10 reps, 3 s hold, right leg works, 30 s rest* between sets"
MONSTER_WALK_DOSAGE = "2 sets* x 20 steps each way, 60 s rest* between sets"


async def _create(client: httpx.AsyncClient, user: SignedIn, **overrides: Any) -> str:
    body = routine_payload(**overrides)
    created = await client.post("/api/v1/routines", json=body, headers=user.headers)
    assert created.status_code == 201, created.text
    rid: str = created.json()["id"]
    return rid


async def _handout(
    client: httpx.AsyncClient, rid: str, user: SignedIn | None = None, accept: str | None = HTML
) -> httpx.Response:
    """GET the handout; `accept=None` sends no Accept header at all."""
    request = client.build_request(
        "GET", f"/api/v1/routines/{rid}/handout", headers=user.headers if user else {}
    )
    if accept is None:
        del request.headers["accept"]
    else:
        request.headers["accept"] = accept
    return await client.send(request)


async def _exercise(client: httpx.AsyncClient, slug: str) -> dict[str, Any]:
    body: dict[str, Any] = (await client.get(f"/api/v1/exercises/{slug}")).json()
    return body


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


class _Grid(HTMLParser):
    """Counts the tick grid's body rows and its tick cells."""

    def __init__(self) -> None:
        super().__init__()
        self.in_ticks = False
        self.rows = 0
        self.cells = 0
        self.cells_per_row: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and "ticks" in classes:
            self.in_ticks = True
        elif self.in_ticks and tag == "tr":
            self.cells_per_row.append(0)
        elif self.in_ticks and tag == "td" and "tick" in classes:
            self.cells += 1
            self.cells_per_row[-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_ticks = False

    @property
    def body_rows(self) -> list[int]:
        return [n for n in self.cells_per_row if n]


def _grid(page: str) -> _Grid:
    grid = _Grid()
    grid.feed(page)
    return grid


async def test_html_handout_shows_every_exercise_with_its_steps_cues_and_dosage(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    items = [CLAMSHELL_RIGHT, {"exercise": "monster-walk", "sets": 2, "steps": 20}]
    rid = await _create(client, alice, items=items, notes="Before the morning run.")
    response = await _handout(client, rid, alice)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "private, no-store"
    page = response.text
    assert "<h1>Morning glute med</h1>" in page and "Before the morning run." in page
    for slug in ("clamshell", "monster-walk"):
        exercise = await _exercise(client, slug)
        assert html.escape(exercise["name"]) in page
        for statement in exercise["steps"] + exercise["cues"]:
            mark = "*" if statement["provenance"] == "medius" else ""
            assert f"<li>{html.escape(statement['text'])}{mark}</li>" in page, statement
    assert page.index("Clamshell") < page.index("Monster walk")
    assert CLAMSHELL_DOSAGE in page
    assert MONSTER_WALK_DOSAGE in page
    assert "not medical advice" in page
    assert "Glut-Med Exercises, Ross Harris" in page


async def test_html_handout_is_self_contained_and_print_ready(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    page = (await _handout(client, await _create(client, alice), alice)).text
    assert "<style>" in page and "@media print" in page
    for outside in ("<script", "<link", "http://", "https://", "@import", "url("):
        assert outside not in page, outside


async def test_tick_grid_has_four_weeks_of_sessions_without_a_plan(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    rid = await _create(client, alice, sessions_per_week=5)
    grid = _grid((await _handout(client, rid, alice)).text)
    assert grid.body_rows == [5, 5, 5, 5]
    assert grid.cells == 20


async def test_built_routine_handout_shows_each_planned_week_and_ticks_for_each(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    built = await client.post(
        "/api/v1/routine-builder",
        json={
            "level": "beginner",
            "minutes": 20,
            "equipment": [],
            "affected_side": "left",
            "weeks": 6,
            "sessions_per_week": 2,
            "save": True,
        },
        headers=alice.headers,
    )
    assert built.status_code == 200, built.text
    rid = built.json()["routine_id"]
    routine = (await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)).json()
    page = (await _handout(client, rid, alice)).text
    assert [w["week"] for w in routine["progression"]] == [1, 2, 3, 4, 5, 6]
    for week in routine["progression"]:
        assert f"<h3>Week {week['week']}</h3>" in page
        for change in week["changes"]:
            label = {
                "article-progression": "the article's own progression",
                "article-range": "within the article's range",
                "medius": "Medius",
            }[change["basis"]]
            assert html.escape(f"{change['change']} ({label})") in page, change
    assert any(w["changes"] for w in routine["progression"]), "a plan that changes nothing"
    grid = _grid(page)
    assert grid.body_rows == [2] * 6
    assert grid.cells == 12


async def test_routine_name_and_notes_are_escaped_in_the_html(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    name = "<script>alert(1)</script>"
    notes = '"><img src=x onerror=alert(1)> & more'
    rid = await _create(client, alice, name=name, notes=notes)
    page = (await _handout(client, rid, alice)).text
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more" in page
    pdf = await _handout(client, rid, alice, accept=PDF)
    assert pdf.status_code == 200
    assert name in _pdf_text(pdf.content)


async def test_pdf_handout_names_every_exercise_and_its_dosage(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    items = [CLAMSHELL_RIGHT, {"exercise": "monster-walk", "sets": 2, "steps": 20}]
    rid = await _create(client, alice, items=items)
    response = await _handout(client, rid, alice, accept=PDF)
    assert response.status_code == 200
    assert response.headers["content-type"] == PDF
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["content-disposition"] == 'inline; filename="morning-glute-med.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content)
    for name in ("Morning glute med", "Clamshell", "Monster walk"):
        assert name in text
    assert CLAMSHELL_DOSAGE in text
    assert MONSTER_WALK_DOSAGE in text
    assert "Glut-Med Exercises, Ross Harris" in text
    step = (await _exercise(client, "clamshell"))["steps"][0]["text"]
    assert " ".join(step.split()) in text


async def test_pdf_handout_prints_a_long_plan_over_several_pages(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    items = [
        {**CLAMSHELL_RIGHT, "notes": "Slow on the way down. " * 20},
        {"exercise": "monster-walk", "sets": 2, "steps": 20},
        {"exercise": "side-stepping", "sets": 2, "steps": 15},
        {"exercise": "hip-hike", "sets": 2, "reps": 12, "side": "both"},
        {"exercise": "step-down", "sets": 3, "reps": 10, "side": "left"},
    ]
    rid = await _create(client, alice, items=items, notes="Note. " * 300, sessions_per_week=7)
    response = await _handout(client, rid, alice, accept=PDF)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 2
    assert "Page 2" in reader.pages[1].extract_text()


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (PDF, PDF),
        ("application/*", PDF),
        ("text/html;q=0.5, application/pdf", PDF),
        ("application/pdf, */*;q=0.1", PDF),
        (HTML, HTML),
        ("*/*", HTML),
        (None, HTML),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HTML),
        ("application/pdf;q=0, */*", HTML),
    ],
)
async def test_accept_header_chooses_html_or_pdf(
    client: httpx.AsyncClient, alice: SignedIn, accept: str | None, media_type: str
) -> None:
    response = await _handout(client, await _create(client, alice), alice, accept=accept)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in response.headers["vary"]
    if media_type == PDF:
        assert response.content.startswith(b"%PDF-")
    else:
        assert response.text.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("accept", ["image/png", "application/json", "text/*;q=0, application/xml"])
async def test_accept_naming_neither_html_nor_pdf_is_406_problem(
    client: httpx.AsyncClient, alice: SignedIn, accept: str
) -> None:
    response = await _handout(client, await _create(client, alice), alice, accept=accept)
    assert response.status_code == 406
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 406
    assert "text/html" in body["detail"] and "application/pdf" in body["detail"]


async def test_template_handout_is_readable_without_signing_in(
    client: httpx.AsyncClient,
) -> None:
    templates = (await client.get("/api/v1/routines?template=true")).json()["items"]
    template = templates[0]
    page = await _handout(client, template["id"])
    assert page.status_code == 200
    assert html.escape(template["name"]) in page.text
    pdf = await _handout(client, template["id"], accept=PDF)
    assert pdf.status_code == 200
    assert template["name"] in _pdf_text(pdf.content)


async def test_another_users_handout_is_404(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    rid = await _create(client, alice)
    for accept in (HTML, PDF, "image/png"):
        response = await _handout(client, rid, bob, accept=accept)
        assert response.status_code == 404, accept
        assert response.headers["content-type"] == PROBLEM
    assert (await _handout(client, rid, alice)).status_code == 200


async def test_anonymous_handout_of_a_private_routine_is_401(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    rid = await _create(client, alice)
    for accept in (HTML, PDF):
        response = await _handout(client, rid, accept=accept)
        assert response.status_code == 401
        assert response.headers["content-type"] == PROBLEM
        assert response.headers["www-authenticate"] == "Bearer"


async def test_names_outside_latin_1_still_print(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    name = "Rücken & Hüfte \u65e5\u672c \u2603 bell"  # a control character is 422 now
    rid = await _create(client, alice, name=name)
    page = await _handout(client, rid, alice)
    assert page.status_code == 200
    assert "Rücken &amp; Hüfte \u65e5\u672c \u2603 bell<" in page.text
    pdf = await _handout(client, rid, alice, accept=PDF)
    assert pdf.status_code == 200
    assert pdf.headers["content-disposition"] == 'inline; filename="rucken-hufte-bell.pdf"'
    assert "Rücken & Hüfte" in _pdf_text(pdf.content)


@pytest.mark.parametrize(
    ("name", "filename"),
    [
        ("Morning glute med", "morning-glute-med.pdf"),
        ('Knee "safe" / rehab: week 1', "knee-safe-rehab-week-1.pdf"),
        ("\u65e5\u672c", "routine.pdf"),
        ("x" * 120, "x" * 60 + ".pdf"),
    ],
)
def test_pdf_filename_is_an_ascii_slug_of_the_name(name: str, filename: str) -> None:
    assert pdf_filename(name) == filename


async def test_every_medius_figure_is_marked_and_the_credit_is_counted_from_the_data(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    items = [
        CLAMSHELL_RIGHT,
        {"exercise": "lying-wall-angel", "sets": 2, "reps": 10, "hold_seconds": 1, "side": "left"},
        {"exercise": "side-stepping", "sets": 2, "steps": 15},
    ]
    page = (await _handout(client, await _create(client, alice, items=items), alice)).text
    # The article gives a 1 s hold for the wall angel but no reps; no count for side steps.
    assert "2 sets* x 10 reps*, 1 s hold, left leg works, 30 s rest* between sets" in page
    assert "2 sets* x 15 steps* each way, 45 s rest* between sets" in page
    assert "Lower the knee back down with control.*" in page  # Medius' own step
    credit = page[page.index('<p class="credit">') :]
    assert "Sets, rest and any progression marked (Medius)" not in credit
    assert (
        "Medius&#x27; own, not the article&#x27;s: the reps, rest, sets, steps marked *" in credit
    )
    assert "the name Clamshell" in credit
    assert "Difficulty grading and exercise order are Medius&#x27;" in credit


async def test_recent_pain_alerts_and_reduce_advice_print_first(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    rid = await _create(client, alice, items=[CLAMSHELL_RIGHT])
    quiet = (await _handout(client, rid, alice)).text
    assert "Read this first" not in quiet
    when = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    painful = [entry(set_number=n, reps=10, pain=8) for n in (1, 2)]
    body = session_payload(started_at=when, ended_at=None, entries=painful)
    logged = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert logged.status_code == 201, logged.text

    page = (await _handout(client, rid, alice)).text
    warnings = page[page.index('<section class="warnings"') : page.index("<header>")]
    assert "Pain of 8/10 logged on" in warnings and "physiotherapist" in warnings
    assert "Clamshell: Pain reached 8/10; reduce the dosage" in warnings
    assert page.index("Read this first") < page.index("<h1>")
    text = _pdf_text((await _handout(client, rid, alice, accept=PDF)).content)
    # After the page footer, the first thing printed is the warning.
    assert text.index("READ THIS FIRST: Pain of 8/10 logged on") < text.index("sessions a week")
    assert "Clamshell: Pain reached 8/10" in text
    # Another user's pain is never printed on a handout they did not log.
    template = (await client.get("/api/v1/routines?template=true")).json()["items"][0]
    assert "Read this first" not in (await _handout(client, template["id"], bob)).text
