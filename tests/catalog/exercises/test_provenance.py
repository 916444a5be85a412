"""Provenance per statement: every string served under an exercise or the muscle profile
says whose it is, and every `article` one is the article's text or a reviewed paraphrase.

Checked against the article itself (shared/seeds beside the repository), over HTTP, on
what `GET /catalog` serves, so the seed loader, the models and the catalog document are
all under test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.catalog.exercises.seed import load_paraphrases

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO.parent / "shared" / "seeds"
# Values that name things rather than say anything: slugs, references, vocabularies of
# the wire format itself, timestamps and the source credit.
NOT_STATEMENTS = {
    "slug",
    "kind",
    "target",
    "provenance",
    "basis",
    "article_text",
    "created_at",
    "updated_at",
    "title",
    "author",
}
SLUG_LISTS = {"equipment", "optional_equipment", "muscles", "exercises"}


def _article() -> str:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the article is required in CI and is not in {SEEDS}")
        pytest.skip(f"the article is not in {SEEDS} (shared/ beside the repository)")
    return files[0].read_text(encoding="utf-8")


def norm(text: str) -> str:
    """Whitespace and case normalised; typographic quotes and dashes as plain ones."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    return re.sub(r"\s+", " ", text).strip().lower().rstrip(".")


def _claims(node: Any, path: str, out: list[tuple[str, str, str | None]]) -> None:
    """Walk a served record: fail on any unattributed text, collect every `article` one."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            _claims(item, f"{path}[{i}]", out)
        return
    if not isinstance(node, dict):
        return
    attribution = node.get("attribution", {})
    for key, value in node.items():
        here = f"{path}.{key}"
        if key in NOT_STATEMENTS or key == "attribution":
            continue
        if isinstance(value, (dict, list)):
            if key in SLUG_LISTS:
                continue
            _claims(value, here, out)
            continue
        if not isinstance(value, (str, bool)):
            continue
        if key in attribution:
            given = attribution[key]
            if given["provenance"] == "article":
                out.append(
                    (
                        here,
                        str(value).lower() if isinstance(value, bool) else value,
                        given["article_text"],
                    )
                )
        elif "provenance" in node:  # a statement, a progression, Medius' default dosage
            if node["provenance"] == "article" and key in {"text", "description"}:
                out.append((here, value, node.get("article_text")))
        else:
            pytest.fail(f"{here} = {value!r} is served without a provenance")


async def test_every_served_catalog_string_has_a_provenance_and_article_ones_are_the_articles(
    client: httpx.AsyncClient,
) -> None:
    article = norm(_article())
    catalog = (await client.get("/api/v1/catalog")).json()
    claims: list[tuple[str, str, str | None]] = []
    for exercise in catalog["exercises"]:
        _claims(exercise, exercise["slug"], claims)
    for muscle in catalog["muscles"]:
        _claims(muscle, muscle["slug"], claims)
    assert len(claims) > 50, "the article's own statements should be served as such"

    table = {(p.text, p.article) for p in load_paraphrases()}
    used = set()
    for where, text, quote in claims:
        if quote is None:
            assert norm(text) in article, f"{where}: {text!r} is not the article's words"
        else:
            assert norm(quote) in article, f"{where}: quote {quote!r} is not in the article"
            assert (text, quote) in table, f"{where}: {text!r} is not a reviewed paraphrase"
            used.add((text, quote))
    assert table <= used, f"paraphrase rows nothing serves: {sorted(table - used)}"


async def test_difficulty_is_always_medius_and_the_openapi_says_so(
    client: httpx.AsyncClient,
) -> None:
    catalog = (await client.get("/api/v1/catalog")).json()
    assert {e["attribution"]["difficulty"]["provenance"] for e in catalog["exercises"]} == {
        "medius"
    }
    schema = (await client.get("/openapi.json")).json()["components"]["schemas"]
    described = schema["ExercisePublic"]["properties"]["difficulty"]["description"]
    assert "Medius' own grading" in described and "basic" in described


async def test_the_single_leg_squat_serves_no_borrowed_cue_as_the_articles(
    client: httpx.AsyncClient,
) -> None:
    squat = (await client.get("/api/v1/exercises/single-leg-squat-leg-behind")).json()
    assert squat["cues"], "Medius' cues stay, marked as ours"
    assert {c["provenance"] for c in squat["cues"]} == {"medius"}
    assert squat["attribution"]["name"]["article_text"] == "Single Leg Squat \u2013 Leg Behind Body"


async def _patch_clamshell(
    client: httpx.AsyncClient, admin: Any, body: dict[str, Any]
) -> httpx.Response:
    current = await client.get("/api/v1/exercises/clamshell")
    return await client.patch(
        "/api/v1/exercises/clamshell",
        json=body,
        headers={**admin.headers, "If-Match": current.headers["etag"]},
    )


async def test_a_bare_string_step_is_stored_and_served_as_medius_own(
    client: httpx.AsyncClient, admin: Any
) -> None:
    response = await _patch_clamshell(
        client, admin, {"steps": ["Lie down on a mat."], "name": "Shell"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["steps"] == [
        {"provenance": "medius", "article_text": None, "text": "Lie down on a mat."}
    ]
    assert body["attribution"]["name"] == {"provenance": "medius", "article_text": None}
    # Fields the patch left alone keep their attribution.
    assert body["attribution"]["position"]["provenance"] == "article"


async def test_claiming_the_article_for_difficulty_is_refused(
    client: httpx.AsyncClient, admin: Any
) -> None:
    response = await _patch_clamshell(client, admin, {"attribution": {"difficulty": "article"}})
    assert response.status_code == 422, response.text
