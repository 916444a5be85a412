"""`python -m app ...`: catalog export/import (all or nothing, dry run) and user export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner, Result

from app.catalog.exercises.models import Exercise
from app.catalog.exercises.seed import apply_seed, load_seed
from app.cli import cli
from app.core.config import get_settings
from tests.factories import SEEDED_EXERCISES, SignedIn, entry, routine_payload, session_payload


@pytest.fixture
def run(app: FastAPI, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args))

    yield invoke
    get_settings.cache_clear()


def test_export_then_import_round_trips_without_changes(run: Any, tmp_path: Path) -> None:
    for fmt in ("json", "yaml"):
        target = tmp_path / f"catalog.{fmt}"
        exported = run("export-catalog", "--format", fmt, "--output", str(target))
        assert exported.exit_code == 0, exported.output
        data = (
            json.loads(target.read_text()) if fmt == "json" else yaml.safe_load(target.read_text())
        )
        assert len(data["exercises"]) == SEEDED_EXERCISES and data["ladder"][0] == "clamshell"
        again = run("import-catalog", str(target))
        assert again.exit_code == 0, again.output
        assert "0 to add, 0 to change, 12 unchanged" in again.output


async def test_dry_run_reports_and_writes_nothing(
    run: Any, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    target = tmp_path / "catalog.json"
    run("export-catalog", "--output", str(target))
    data = json.loads(target.read_text())
    clam = next(e for e in data["exercises"] if e["slug"] == "clamshell")
    clam["name"] = "Clam shell"
    data["exercises"].append({**clam, "slug": "clamshell-banded", "name": "Banded clamshell"})
    target.write_text(json.dumps(data))
    dry = run("import-catalog", str(target), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert (
        "add exercise clamshell-banded" in dry.output and "change exercise clamshell" in dry.output
    )
    assert (await client.get("/api/v1/exercises/clamshell-banded")).status_code == 404
    applied = run("import-catalog", str(target))
    assert applied.exit_code == 0
    assert (await client.get("/api/v1/exercises/clamshell-banded")).status_code == 200
    assert (await client.get("/api/v1/exercises/clamshell")).json()["name"] == "Clam shell"


async def test_an_invalid_record_imports_nothing(
    run: Any, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    target = tmp_path / "catalog.yaml"
    run("export-catalog", "--format", "yaml", "--output", str(target))
    data = yaml.safe_load(target.read_text())
    data["exercises"].append({**data["exercises"][0], "slug": "new-one"})
    data["exercises"].append(
        {**data["exercises"][1], "slug": "broken", "equipment": ["trampoline"]}
    )
    target.write_text(yaml.safe_dump(data))
    result = run("import-catalog", str(target))
    assert result.exit_code == 1
    assert "trampoline" in result.output
    assert (await client.get("/api/v1/exercises/new-one")).status_code == 404


async def test_export_user_and_me_export_hold_only_that_users_data(
    run: Any, client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    await client.post(
        "/api/v1/routines", json=routine_payload(name="Alice's"), headers=alice.headers
    )
    painful = session_payload(entries=[entry(pain=8)])
    await client.post("/api/v1/sessions", json=painful, headers=alice.headers)
    await client.post("/api/v1/routines", json=routine_payload(name="Bob's"), headers=bob.headers)
    result = run("export-user", alice.email)
    assert result.exit_code == 0, result.output
    exported = json.loads(result.output)
    assert exported["profile"]["email"] == alice.email
    assert [r["name"] for r in exported["routines"]] == ["Alice's"]
    assert len(exported["sessions"]) == 1 and len(exported["sessions"][0]["entries"]) == 1
    assert sorted(a["kind"] for a in exported["alerts"]) == ["pain", "progress-reduce"]
    assert exported["session_comments"] == []
    mine = (await client.get("/api/v1/me/export", headers=bob.headers)).json()
    assert [r["name"] for r in mine["routines"]] == ["Bob's"] and mine["sessions"] == []
    assert mine["alerts"] == []
    assert exported["webhooks"] == mine["webhooks"] == []
    assert run("export-user", "nobody@example.com").exit_code != 0


async def test_refresh_seed_brings_a_pre_provenance_catalog_back_to_the_seed(
    run: Any, client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    with Session(admin_engine) as session:  # a record as stored before per-statement provenance
        row = session.exec(select(Exercise).where(Exercise.slug == "step-down")).one()
        legacy = {k: v for k, v in row.document.items() if k != "attribution"}
        legacy["steps"] = [s["text"] for s in legacy["steps"]]
        legacy["cues"] = [c["text"] for c in legacy["cues"]]
        row.document = legacy
        session.add(row)
        session.commit()
    served = (await client.get("/api/v1/exercises/step-down")).json()
    assert {s["provenance"] for s in served["steps"]} == {"medius"}, "unclaimed text is ours"

    dry = run("refresh-seed", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "change exercise step-down" in dry.output and "dry run" in dry.output
    applied = run("refresh-seed")
    assert applied.exit_code == 0, applied.output
    with Session(admin_engine) as session:  # (this app's catalog version is cached for a TTL)
        row = session.exec(select(Exercise).where(Exercise.slug == "step-down")).one()
        assert {s["provenance"] for s in row.document["steps"]} == {"article"}
        assert row.document["attribution"]["difficulty"]["provenance"] == "medius"
    assert "0 to add, 0 to change" in run("refresh-seed").output


async def test_seeding_keeps_an_admins_curation_and_an_import_restores_what_its_file_holds(
    run: Any, client: httpx.AsyncClient, admin: SignedIn, admin_engine: Engine
) -> None:
    """The two modes of the one catalog upsert: seeding only adds, an import also replaces."""
    clamshell = await client.get("/api/v1/exercises/clamshell")
    renamed = await client.patch(
        "/api/v1/exercises/clamshell",
        json={"name": "Clam (curated)"},
        headers={**admin.headers, "If-Match": clamshell.headers["etag"]},
    )
    assert renamed.status_code == 200, renamed.text
    walk = await client.get("/api/v1/exercises/monster-walk")
    deleted = await client.delete(
        "/api/v1/exercises/monster-walk",
        headers={**admin.headers, "If-Match": walk.headers["etag"]},
    )
    assert deleted.status_code == 204

    with Session(admin_engine) as session:
        assert apply_seed(session, load_seed()) == {"muscles": 0, "equipment": 0, "exercises": 0}
    assert (await client.get("/api/v1/exercises/clamshell")).json()["name"] == "Clam (curated)"
    assert (await client.get("/api/v1/exercises/monster-walk")).status_code == 404

    applied = run("refresh-seed")
    assert applied.exit_code == 0, applied.output
    assert "change exercise clamshell" in applied.output
    assert "change exercise monster-walk" in applied.output
    assert "2 to change" in applied.output
    with Session(admin_engine) as session:  # (this app's catalog version is cached for a TTL)
        rows = session.exec(
            select(Exercise).where(col(Exercise.slug).in_(["clamshell", "monster-walk"]))
        ).all()
        assert {r.slug: (r.name, r.deleted_at) for r in rows} == {
            "clamshell": ("Clamshell", None),
            "monster-walk": ("Monster walk", None),
        }
