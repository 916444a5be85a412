"""Catalog reads over HTTP."""

from __future__ import annotations

import httpx
import pytest

from tests.catalog.exercises.test_seed_data import ARTICLE_ORDER

PROBLEM = "application/problem+json"


async def test_list_returns_the_eight_article_exercises_in_catalog_order(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/exercises")
    assert response.status_code == 200
    body = response.json()
    assert [e["slug"] for e in body["items"]] == ARTICLE_ORDER
    assert body["next_cursor"] is None


async def test_cursor_paging_visits_every_exercise_once(client: httpx.AsyncClient) -> None:
    for sort in ("name", "-name", "difficulty", "-difficulty", "updated_at", "catalog_order"):
        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, str | int] = {"limit": 3, "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = (await client.get("/api/v1/exercises", params=params)).json()
            seen += [e["slug"] for e in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert sorted(seen) == sorted(ARTICLE_ORDER), sort
        assert len(seen) == len(set(seen)), sort


async def test_sort_by_name_and_difficulty(client: httpx.AsyncClient) -> None:
    names = [e["name"] for e in (await client.get("/api/v1/exercises?sort=name")).json()["items"]]
    assert names == sorted(names)
    levels = [
        e["difficulty"]
        for e in (await client.get("/api/v1/exercises?sort=-difficulty")).json()["items"]
    ]
    rank = {"beginner": 0, "intermediate": 1, "advanced": 2}
    assert [rank[x] for x in levels] == sorted((rank[x] for x in levels), reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("position=side-lying", {"clamshell", "lying-wall-angel", "side-lying-leg-swing"}),
        ("equipment=step", {"hip-hike", "step-down"}),
        ("equipment=step&equipment=resistance-band", {"hip-hike", "step-down", "monster-walk"}),
        ("equipment=wall", {"clamshell", "lying-wall-angel"}),
        ("laterality=bilateral", {"side-stepping", "monster-walk"}),
        (
            "difficulty=advanced&position=standing",
            {"step-down", "single-leg-squat-leg-behind", "monster-walk"},
        ),
        (
            "muscle=gluteus-medius&position=standing&laterality=bilateral",
            {"side-stepping", "monster-walk"},
        ),
        ("q=pelvis", {"step-down", "side-lying-leg-swing"}),
        ("q=WALL top", {"clamshell", "lying-wall-angel"}),
        ("q=100%25", set()),
    ],
)
async def test_filters(client: httpx.AsyncClient, query: str, expected: set[str]) -> None:
    response = await client.get(f"/api/v1/exercises?{query}")
    assert response.status_code == 200
    assert {e["slug"] for e in response.json()["items"]} == expected


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("equipment=trampoline", "resistance-band, step, wall"),
        ("muscle=biceps", "gluteus-medius"),
        ("position=upside-down", "side-lying"),
        ("sort=popularity", "catalog_order"),
        ("difficulty=expert", "beginner"),
    ],
)
async def test_unknown_filter_values_are_422_naming_the_allowed_values(
    client: httpx.AsyncClient, query: str, names: str
) -> None:
    response = await client.get(f"/api/v1/exercises?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert names in response.text


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=101", "limit=-1", "limit=abc", "cursor=%%%", "cursor=eyJ4IjoxfQ"]
)
async def test_bad_paging_parameters_are_422(client: httpx.AsyncClient, query: str) -> None:
    response = await client.get(f"/api/v1/exercises?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


async def test_cursor_from_another_sort_is_rejected(client: httpx.AsyncClient) -> None:
    cursor = (await client.get("/api/v1/exercises?limit=2&sort=name")).json()["next_cursor"]
    response = await client.get("/api/v1/exercises", params={"cursor": cursor, "sort": "-name"})
    assert response.status_code == 422


async def test_detail_carries_steps_cues_dosage_and_source(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/exercises/monster-walk")
    assert response.status_code == 200
    body = response.json()
    assert body["equipment"] == ["resistance-band"]
    assert body["dosage"]["count_min"] == 20 and body["dosage"]["per_direction"] is True
    assert body["source"] == {"title": "Glut-Med Exercises", "author": "Ross Harris"}
    assert len(body["steps"]) >= 3 and body["cues"]
    assert body["created_at"].endswith("Z")


async def test_unknown_exercise_is_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/exercises/plank")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["instance"] == "/api/v1/exercises/plank"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/exercises",
        "/api/v1/exercises/clamshell",
        "/api/v1/equipment",
        "/api/v1/muscles",
        "/api/v1/muscles/gluteus-medius",
    ],
)
async def test_catalog_reads_are_cacheable_and_answer_304(
    client: httpx.AsyncClient, path: str
) -> None:
    first = await client.get(path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = await client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    stale = await client.get(path, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


async def test_etag_differs_between_pages(client: httpx.AsyncClient) -> None:
    a = await client.get("/api/v1/exercises?limit=2")
    b = await client.get("/api/v1/exercises?limit=3")
    assert a.headers["etag"] != b.headers["etag"]


async def test_equipment_lists_what_exercises_use(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/equipment")).json()
    counts = {e["slug"]: e["exercise_count"] for e in body}
    assert counts == {"resistance-band": 1, "step": 2, "wall": 2}


async def test_muscle_profile(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/api/v1/muscles")).json()
    assert [m["slug"] for m in listed] == ["gluteus-medius"]
    body = (await client.get("/api/v1/muscles/gluteus-medius")).json()
    assert body["weakness_signs"][0]["name"] == "Trendelenburg sign"
    assert body["exercises"] == ARTICLE_ORDER
    missing = await client.get("/api/v1/muscles/biceps")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
