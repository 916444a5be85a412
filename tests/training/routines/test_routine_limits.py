"""What a routine may cost (issue #11, points 2, 7 and 15).

- A client-supplied progression is checked like the builder's own: weeks 1, 2, ... with
  week 1 the routine itself, known exercises with fitting dosage, bounded sizes.
- No routine takes more than the builder's 120 minutes per session, however it arrives.
- One account keeps at most `MAX_ROUTINES_PER_USER` routines, even when creating at once.
- A PATCH that replaces the items drops the plan made for the old ones.
"""

from __future__ import annotations

import asyncio
import copy
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, text, update

from app.training.routines import limits
from app.training.routines.models import Routine
from tests.core.test_problems import assert_problem
from tests.factories import SignedIn, routine_payload

API = "/api/v1"

Answer = dict[str, Any]


async def _plan(client: httpx.AsyncClient, user: SignedIn, **constraints: Any) -> Answer:
    body = {"level": "intermediate", "minutes": 20, "weeks": 4, **constraints}
    response = await client.post(f"{API}/routine-builder", json=body, headers=user.headers)
    assert response.status_code == 200, response.text
    answer: Answer = response.json()
    return answer


async def _post(client: httpx.AsyncClient, user: SignedIn, body: Answer) -> httpx.Response:
    return await client.post(f"{API}/routines", json=body, headers=user.headers)


async def _count(client: httpx.AsyncClient, user: SignedIn) -> int:
    page = await client.get(f"{API}/routines", params={"limit": 100}, headers=user.headers)
    assert page.status_code == 200, page.text
    return len(page.json()["items"])


def _huge_items(count: int = 30) -> list[dict[str, Any]]:
    """Items each within its own bounds that add up to thousands of hours."""
    item = {"exercise": "clamshell", "sets": 10, "reps": 100, "hold_seconds": 300, "side": "both"}
    return [dict(item) for _ in range(count)]


# --- Point 2: a client's progression ----------------------------------------------------


async def test_a_builder_answer_posted_as_it_is_keeps_its_plan_with_true_durations(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    answer = await _plan(client, alice)
    truth = [w["estimated_seconds"] for w in answer["progression"]]
    for week in answer["progression"]:
        week["estimated_seconds"] = 0  # a client cannot set what the server computes
    created = await _post(client, alice, {**answer, "name": "As built"})
    assert created.status_code == 201, created.text
    stored = created.json()
    assert stored["origin"] == "builder"
    assert [w["week"] for w in stored["progression"]] == [1, 2, 3, 4]
    assert [w["estimated_seconds"] for w in stored["progression"]] == truth
    assert stored["progression"][0]["estimated_seconds"] == stored["estimated_seconds"]


def _week(n: int) -> Callable[[Answer], Any]:
    return lambda a: a["progression"][n]


def _unknown_exercise(a: Answer) -> None:
    week = a["progression"][1]
    old = week["items"][0]["exercise"]
    week["items"][0]["exercise"] = "no-such-exercise"
    for change in week["changes"]:
        if change["exercise"] == old:
            change["exercise"] = "no-such-exercise"


def _weeks_skip(a: Answer) -> None:
    a["progression"][1]["week"] = 3


def _week_13(a: Answer) -> None:
    a["progression"][-1]["week"] = 13


def _week_repeated(a: Answer) -> None:
    a["progression"][2]["week"] = 2


def _thirteen_weeks(a: Answer) -> None:
    last = a["progression"][-1]
    a["progression"] += [{**copy.deepcopy(last), "week": n} for n in range(5, 14)]


def _week_1_not_the_routine(a: Answer) -> None:
    item = a["progression"][0]["items"][0]
    item["sets"] = 1 if item["sets"] > 1 else 2


def _week_1_with_changes(a: Answer) -> None:
    a["progression"][0]["changes"] = copy.deepcopy(a["progression"][1]["changes"])


def _wrong_unit(a: Answer) -> None:
    item = a["progression"][1]["items"][0]
    for unit in ("reps", "steps", "hold_seconds"):
        item[unit] = None  # every exercise is dosed in one of them


def _change_names_a_stranger(a: Answer) -> None:
    a["progression"][1]["changes"] = [
        {"exercise": "x-band-walk", "change": "reps 10 -> 12", "kind": "more-reps"}
        | {"provenance": "article"}
    ]


def _long_change_text(a: Answer) -> None:
    change = {"exercise": a["progression"][1]["items"][0]["exercise"], "kind": "more-reps"}
    a["progression"][1]["changes"] = [change | {"change": "x" * 501, "provenance": "article"}]


def _nul_in_change_text(a: Answer) -> None:
    change = {"exercise": a["progression"][1]["items"][0]["exercise"], "kind": "more-reps"}
    a["progression"][1]["changes"] = [change | {"change": "a\u0000b", "provenance": "article"}]


def _week_over_two_hours(a: Answer) -> None:
    items = _huge_items(3)
    for order, item in enumerate(items, start=1):
        item.update(order=order, rest_seconds=30, reason="more")
    a["progression"][1]["items"] = items
    a["progression"][1]["changes"] = []


def _thirty_one_items(a: Answer) -> None:
    item = a["progression"][1]["items"][0]
    a["progression"][1]["items"] = [item | {"order": n} for n in range(1, 32)]


def _orders_not_one_to_n(a: Answer) -> None:
    a["progression"][1]["items"][0]["order"] = 30


@pytest.mark.parametrize(
    ("tamper", "error_type"),
    [
        (_unknown_exercise, "unknown_reference"),
        (_weeks_skip, "progression_weeks"),
        (_week_repeated, "progression_weeks"),
        (_week_13, "less_than_equal"),
        (_thirteen_weeks, "too_long"),
        (_week_1_not_the_routine, "progression_week_1"),
        (_week_1_with_changes, "progression_week_1"),
        (_wrong_unit, "dosage_unit_missing"),
        (_change_names_a_stranger, "value_error"),
        (_long_change_text, "string_too_long"),
        (_nul_in_change_text, "string_control_characters"),
        (_week_over_two_hours, "routine_too_long"),
        (_thirty_one_items, "too_long"),
        (_orders_not_one_to_n, "value_error"),
    ],
)
async def test_a_client_progression_is_checked_like_the_builders_own(
    client: httpx.AsyncClient,
    alice: SignedIn,
    tamper: Callable[[Answer], None],
    error_type: str,
) -> None:
    answer = await _plan(client, alice)
    tamper(answer)
    problem = assert_problem(await _post(client, alice, answer), 422)
    assert error_type in {e["type"] for e in problem["errors"]}, problem
    assert all(e["loc"][:2] == ["body", "progression"] for e in problem["errors"]), problem
    assert await _count(client, alice) == 0


# --- Point 15: a PATCH that replaces the items drops the plan ---------------------------


async def test_replacing_the_items_drops_the_plan_so_the_handout_prescribes_only_them(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    answer = await _plan(client, alice, save=True)
    rid = answer["routine_id"]
    routine = await client.get(f"{API}/routines/{rid}", headers=alice.headers)
    renamed = await client.patch(
        f"{API}/routines/{rid}",
        json={"name": "Renamed"},
        headers={**alice.headers, "If-Match": routine.headers["etag"]},
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["progression"] is not None  # untouched items keep their plan

    planned = {i["exercise"] for w in answer["progression"] for i in w["items"]}
    assert "monster-walk" not in planned
    replaced = await client.patch(
        f"{API}/routines/{rid}",
        json={"items": [{"exercise": "monster-walk", "sets": 2, "steps": 20}]},
        headers={**alice.headers, "If-Match": renamed.headers["etag"]},
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["progression"] is None
    handout = await client.get(
        f"{API}/routines/{rid}/handout", headers={**alice.headers, "Accept": "text/html"}
    )
    assert handout.status_code == 200
    for slug in planned:
        name = (await client.get(f"{API}/exercises/{slug}")).json()["name"]
        assert name not in handout.text, f"the handout still prescribes {name}"


# --- Point 7: at most 120 minutes per session -------------------------------------------


async def test_a_routine_over_two_hours_per_session_is_422_naming_the_limit(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    problem = assert_problem(await _post(client, alice, routine_payload(items=_huge_items())), 422)
    (error,) = problem["errors"]
    assert error["type"] == "routine_too_long"
    assert error["loc"] == ["body", "items"]
    assert "120 minutes" in problem["detail"]
    assert await _count(client, alice) == 0


async def test_a_patch_over_two_hours_is_422_and_changes_nothing(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await _post(client, alice, routine_payload())
    rid = created.json()["id"]
    response = await client.patch(
        f"{API}/routines/{rid}",
        json={"items": _huge_items(2)},
        headers={**alice.headers, "If-Match": created.headers["etag"]},
    )
    assert assert_problem(response, 422)["errors"][0]["type"] == "routine_too_long"
    after = await client.get(f"{API}/routines/{rid}", headers=alice.headers)
    assert after.json() == created.json()


async def test_copying_a_routine_over_two_hours_is_422(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    created = await _post(client, alice, routine_payload())
    rid = created.json()["id"]
    with admin_engine.begin() as connection:  # stored before the ceiling existed
        connection.execute(
            text(
                "UPDATE routine_item SET sets = 10, reps = 100, hold_seconds = 300 "
                "WHERE routine_id = :rid AND exercise_slug = 'clamshell'"
            ),
            {"rid": uuid.UUID(rid).hex if "sqlite" in str(admin_engine.url) else rid},
        )
    response = await client.post(f"{API}/routines/{rid}/copy", headers=alice.headers)
    assert assert_problem(response, 422)["errors"][0]["type"] == "routine_too_long"
    assert await _count(client, alice) == 1


# --- Point 7: routines per account ------------------------------------------------------


async def test_an_account_keeps_at_most_the_routine_quota_even_when_creating_at_once(
    client: httpx.AsyncClient,
    alice: SignedIn,
    bob: SignedIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_ROUTINES_PER_USER", 5)
    answers = await asyncio.gather(*(_post(client, alice, routine_payload()) for _ in range(16)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 5 + [409] * 11, statuses
    assert await _count(client, alice) == 5
    refused = next(a for a in answers if a.status_code == 409)
    problem = assert_problem(refused, 409)
    assert problem["type"] == "https://medius.dev/problems/quota-exceeded"
    assert "5 routines of your own" in problem["detail"] and "(5;" in problem["detail"]
    some = next(a for a in answers if a.status_code == 201).json()["id"]
    copied = await client.post(f"{API}/routines/{some}/copy", headers=alice.headers)
    assert_problem(copied, 409)
    assert (await _post(client, bob, routine_payload())).status_code == 201  # per account


async def test_a_plan_stored_before_plans_were_checked_reads_as_none_not_a_500(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    answer = await _plan(client, alice, save=True)
    rid = uuid.UUID(answer["routine_id"])
    week = answer["progression"][-1]
    unbounded = [{**week, "week": n, "changes": week["changes"] * 40} for n in range(1, 16)]
    table = Routine.__table__  # type: ignore[attr-defined]
    with admin_engine.begin() as connection:
        connection.execute(update(table).where(table.c.id == rid).values(progression=unbounded))
    fetched = await client.get(f"{API}/routines/{rid}", headers=alice.headers)
    assert fetched.status_code == 200, fetched.text
    assert fetched.json()["progression"] is None
    handout = await client.get(
        f"{API}/routines/{rid}/handout", headers={**alice.headers, "Accept": "text/html"}
    )
    assert handout.status_code == 200
    copied = await client.post(f"{API}/routines/{rid}/copy", headers=alice.headers)
    assert copied.status_code == 201, copied.text
    assert copied.json()["progression"] is None
