"""Nobody trains the wrong leg: every unilateral exercise, for an affected left and an
affected right leg, names the working leg (and, lying on a side, the side to lie on) in
the routine item, the handout's HTML and PDF, and the timer's cues.

The expected words are written out here, not computed by the code under test.
"""

from __future__ import annotations

import html
import io
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from tests.factories import SignedIn

SIDE_LYING = ["clamshell", "lying-wall-angel", "side-lying-leg-swing"]
ON_A_STEP = ["hip-hike", "step-down"]
STANDING = ["single-leg-squat-leg-behind"]
OTHER = {"left": "right", "right": "left"}


def expected_instruction(slug: str, leg: str) -> str:
    other = OTHER[leg]
    if slug in SIDE_LYING:
        return f"Lie on your {other} side; your {leg} (top) leg does the work."
    on_step = " on the step" if slug in ON_A_STEP else ""
    return (
        f"Stand on your {leg} leg{on_step}; your {leg} leg does the work "
        f"and the {other} leg is the free one."
    )


async def _item(client: httpx.AsyncClient, slug: str, side: str) -> dict[str, Any]:
    """One item at the exercise's own default dosage, on `side`."""
    exercise = (await client.get(f"/api/v1/exercises/{slug}")).json()
    default = exercise["default_dosage"]
    item: dict[str, Any] = {"exercise": slug, "sets": default["sets"], "side": side}
    item["reps" if exercise["dosage"]["unit"] == "reps" else "steps"] = default["count"]
    if default.get("hold_seconds"):
        item["hold_seconds"] = default["hold_seconds"]
    return item


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize("leg", ["left", "right"])
@pytest.mark.parametrize("slug", SIDE_LYING + ON_A_STEP + STANDING)
async def test_every_output_names_the_working_leg_and_the_side_to_lie_on(
    client: httpx.AsyncClient, alice: SignedIn, slug: str, leg: str
) -> None:
    body = {"name": "Sides", "items": [await _item(client, slug, leg)]}
    created = await client.post("/api/v1/routines", json=body, headers=alice.headers)
    assert created.status_code == 201, created.text
    routine = created.json()
    words = expected_instruction(slug, leg)
    lying = OTHER[leg] if slug in SIDE_LYING else None

    (item,) = routine["items"]
    assert (item["side"], item["working_leg"], item["lie_on"]) == (leg, leg, lying)
    (placement,) = item["placement"]
    assert placement["instruction"] == words
    assert (placement["working_leg"], placement["lie_on"]) == (leg, lying)
    assert placement["stand_on"] == (None if lying else leg)

    url = f"/api/v1/routines/{routine['id']}"
    page = (
        await client.get(f"{url}/handout", headers={**alice.headers, "Accept": "text/html"})
    ).text
    assert f"<li>{html.escape(words)}</li>" in page
    assert f"{leg} leg works" in page
    assert f"{leg} side," not in page, "the ambiguous 'right side' label is gone"

    pdf = await client.get(f"{url}/handout", headers={**alice.headers, "Accept": "application/pdf"})
    text = _pdf_text(pdf.content)
    assert words in text and f"{leg} leg works" in text

    timeline = (await client.get(f"{url}/timeline", headers=alice.headers)).json()["intervals"]
    working = [i for i in timeline if i["kind"] in {"work", "hold"}]
    assert working[0]["cue"].startswith(words)
    for interval in working[1:]:
        reminder = f"{leg.capitalize()} leg" + (f" (lying on your {lying} side)" if lying else "")
        assert interval["cue"].startswith(reminder + ": "), interval
    assert all((i["side"], i["lie_on"]) == (leg, lying) for i in working)


@pytest.mark.parametrize("slug", SIDE_LYING + ON_A_STEP + STANDING)
async def test_both_sides_print_both_placements_and_the_switch_names_the_new_leg(
    client: httpx.AsyncClient, alice: SignedIn, slug: str
) -> None:
    body = {"name": "Both", "items": [await _item(client, slug, "both")]}
    routine = (await client.post("/api/v1/routines", json=body, headers=alice.headers)).json()
    (item,) = routine["items"]
    assert [p["instruction"] for p in item["placement"]] == [
        expected_instruction(slug, "left"),
        expected_instruction(slug, "right"),
    ]
    assert item["lie_on"] == ("both" if slug in SIDE_LYING else None)
    url = f"/api/v1/routines/{routine['id']}"
    page = (
        await client.get(f"{url}/handout", headers={**alice.headers, "Accept": "text/html"})
    ).text
    for leg in ("left", "right"):
        assert f"<li>{html.escape(expected_instruction(slug, leg))}</li>" in page
    # Steps that say "affected leg" are read against the leg named above, even with no
    # affected leg at all (the hip hike's steps never say it).
    note = html.escape('In the steps, "affected" means the working leg named here')
    assert (note in page) is (slug != "hip-hike")
    timeline = (await client.get(f"{url}/timeline", headers=alice.headers)).json()["intervals"]
    (switch,) = [i for i in timeline if i["kind"] == "switch_side"]
    assert switch["side"] == "right"
    if slug in SIDE_LYING:
        assert switch["lie_on"] == "left"
        assert (
            switch["cue"] == "Switch sides: now lie on your left side; your right (top) leg works."
        )
    else:
        assert switch["cue"] == "Switch legs: now stand on your right leg; it does the work."


@pytest.mark.parametrize("affected", ["left", "right"])
async def test_the_builder_answer_carries_the_placement_as_data(
    client: httpx.AsyncClient, alice: SignedIn, affected: str
) -> None:
    response = await client.post(
        "/api/v1/routine-builder",
        json={"level": "beginner", "minutes": 15, "equipment": [], "affected_side": affected},
        headers=alice.headers,
    )
    assert response.status_code == 200, response.text
    for item in response.json()["items"]:
        assert item["working_leg"] == affected
        assert item["lie_on"] == OTHER[affected]
        words = expected_instruction(item["exercise"], affected)
        assert [p["instruction"] for p in item["placement"]] == [words]
        assert words in item["reason"]
