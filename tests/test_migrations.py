"""Alembic migrations: reversible to an empty database and in step with the models.

Runs on SQLite and on PostgreSQL. Every test hands the database back at head, so the
`app` fixture of later tests can truncate and reseed it as usual.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401  (registers every table on SQLModel.metadata)
from app.care.team.models import AccessLogEntry
from app.catalog.exercises.models import CatalogState, Exercise
from app.catalog.live.snapshot import CatalogSpecs
from app.core.changes import UserChangeCounter, bump_user_counter
from app.core.migrations import current_revision, downgrade, head_revision, upgrade
from app.core.sqltypes import UTCDateTime
from app.core.vocabulary import AccessAction
from app.logbook.alerts.models import AlertAcknowledgement
from app.logbook.progress import service as progress_service
from app.logbook.sessions import service as sessions_service
from app.logbook.sessions.models import EntryIn, SessionCreate, WorkoutSession
from app.training.routines import service as routines_service
from app.training.routines.models import Routine, RoutineCreate, RoutineVersion
from app.users import service as users_service
from app.users.models import Caller, RefreshToken, TokenFamily, User, UserCreate
from tests.conftest import reset_database
from tests.factories import SEEDED_EXERCISES, routine_payload
from tests.logbook.progress.raw_oracle import expected_alerts, expected_exercises

VERSION_TABLE = "alembic_version"

NO_DAILY_CAP = 10**6  # these tests log many sessions on one day on purpose


def _schema_objects(engine: Engine) -> dict[str, set[str]]:
    """What the migrations may have left behind: tables, and PostgreSQL sequences and enums."""
    inspector: Any = inspect(engine)
    found = {"tables": set(inspector.get_table_names()) - {VERSION_TABLE}}
    if engine.dialect.name == "postgresql":
        found["sequences"] = set(inspector.get_sequence_names())
        found["enums"] = {enum["name"] for enum in inspector.get_enums()}
    return found


def _differences_from_models(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, SQLModel.metadata))


@pytest.fixture
def migrated(database_url: str, admin_engine: Engine) -> Iterator[Engine]:
    """The test database, with pooled connections closed around the DDL and head restored."""
    admin_engine.dispose()
    yield admin_engine
    admin_engine.dispose()
    upgrade(database_url)


def test_downgrade_to_base_drops_every_application_table(
    database_url: str, migrated: Engine
) -> None:
    assert _schema_objects(migrated)["tables"] == {t.name for t in SQLModel.metadata.sorted_tables}

    downgrade(database_url)

    leftovers = _schema_objects(migrated)
    assert all(not names for names in leftovers.values()), leftovers
    assert current_revision(migrated) is None


def test_migrations_at_head_match_the_models_exactly(database_url: str, migrated: Engine) -> None:
    downgrade(database_url)
    upgrade(database_url)

    assert current_revision(migrated) == head_revision()
    assert _differences_from_models(migrated) == []


def test_downgrade_and_upgrade_again_leave_a_working_schema(
    database_url: str, migrated: Engine
) -> None:
    for _ in range(2):
        downgrade(database_url)
        upgrade(database_url)

    assert current_revision(migrated) == head_revision()
    reset_database(migrated)
    with Session(migrated) as session:
        assert session.scalar(select(func.count()).select_from(Exercise)) == SEEDED_EXERCISES


def test_upgrade_turns_existing_sign_ins_into_token_families(
    database_url: str, migrated: Engine
) -> None:
    """Refresh tokens issued before token families keep working; revoked ones stay revoked."""
    reset_database(migrated)
    downgrade(database_url, "0005")
    now = datetime.now(UTC)
    user_id, live, revoked = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    user = sa.table(
        "app_user",
        *(sa.column(n) for n in ("email", "password_hash", "time_zone", "units", "role")),
        sa.column("id", sa.Uuid()),
        sa.column("revision", sa.Integer()),
        sa.column("created_at", UTCDateTime()),
        sa.column("updated_at", UTCDateTime()),
    )
    token = sa.table(
        "refresh_token",
        sa.column("id", sa.Uuid()),
        sa.column("user_id", sa.Uuid()),
        sa.column("family_id", sa.Uuid()),
        sa.column("secret_digest"),
        *(sa.column(n, UTCDateTime()) for n in ("expires_at", "used_at", "revoked_at")),
        sa.column("created_at", UTCDateTime()),
    )
    with migrated.begin() as conn:
        conn.execute(
            user.insert().values(
                id=user_id,
                email="old@example.com",
                password_hash="x",
                time_zone="UTC",
                units="metric",
                role="user",
                revision=1,
                created_at=now,
                updated_at=now,
            )
        )
        for family, revoked_at in ((live, None), (revoked, now), (revoked, None)):
            conn.execute(
                token.insert().values(
                    id=uuid.uuid4(),
                    user_id=user_id,
                    family_id=family,
                    secret_digest="d" * 64,
                    expires_at=now + timedelta(days=1),
                    revoked_at=revoked_at,
                    created_at=now,
                )
            )
    migrated.dispose()
    upgrade(database_url)
    with Session(migrated) as session:
        families = {f.id: f for f in session.scalars(select(TokenFamily)).all()}
        tokens = session.scalars(select(RefreshToken)).all()
    assert set(families) == {live, revoked}
    assert families[live].revoked_at is None and families[revoked].revoked_at is not None
    assert {f.user_id for f in families.values()} == {user_id}
    assert len(tokens) == 3


def test_upgrade_numbers_existing_changes_so_sync_tokens_start_consistent(
    database_url: str, migrated: Engine
) -> None:
    """0006 on a database with data: each owner's sessions numbered in updated_at order,
    the owner's counter at the last number, exercises at the catalog revision."""
    reset_database(migrated)
    with Session(migrated, expire_on_commit=False) as session:
        owners = [
            users_service.create_account(
                session, UserCreate(email=f"m{n}@example.com", password="migration passphrase")
            )
            for n in range(2)
        ]
        for n in range(5):
            body = SessionCreate(started_at=datetime(2026, 1, 1 + n, tzinfo=UTC))
            sessions_service.create(session, owners[n % 2], body, NO_DAILY_CAP, CatalogSpecs())
    downgrade(database_url, "0006-1")  # wherever 0006 ends up in the chain
    upgrade(database_url)

    with Session(migrated) as session:
        for owner in owners:
            rows = session.scalars(
                select(WorkoutSession)
                .where(WorkoutSession.owner_id == owner.id)  # type: ignore[arg-type]
                .order_by(WorkoutSession.updated_at, WorkoutSession.id)  # type: ignore[arg-type]
            ).all()
            assert [r.change_seq for r in rows] == list(range(1, len(rows) + 1))
            counter = session.get(UserChangeCounter, owner.id)
            assert counter is not None and counter.seq == len(rows)
        revision = session.scalars(select(CatalogState.revision)).one()
        assert set(session.scalars(select(Exercise.change_seq)).all()) == {revision}
        assert bump_user_counter(session, owners[0].id) == 4
        session.rollback()


def test_upgrade_to_day_totals_keeps_every_progress_answer(
    database_url: str, migrated: Engine
) -> None:
    """0008 on a database with session logs: the totals and `pain_max` it backfills give
    the answer the raw entries give, per owner and in each owner's zone (at 0007 the log is
    only sessions and entries: downgrading drops what 0008 adds)."""
    reset_database(migrated)
    zones = ("Pacific/Kiritimati", "Etc/GMT+12")
    with Session(migrated, expire_on_commit=False) as session:
        owners = [
            users_service.create_account(
                session,
                UserCreate(email=f"t{n}@example.com", password="migration passphrase", time_zone=z),
            )
            for n, z in enumerate(zones)
        ]
        for n in range(8):
            pain = n + 3  # 7 and more from the fifth session on
            entries = [
                EntryIn(
                    exercise="clamshell", set_number=k, side="left", reps=10, pain=pain, effort=5
                )
                for k in (1, 2)
            ] + [EntryIn(exercise="monster-walk", set_number=1, steps=20 + n, pain=1, effort=3)]
            body = SessionCreate(
                started_at=datetime(2026, 1, 4, 10, tzinfo=UTC) + timedelta(hours=7 * n),
                entries=entries,
            )
            sessions_service.create(session, owners[n % 2], body, NO_DAILY_CAP, CatalogSpecs())
    first, last = date(2025, 12, 22), date(2026, 1, 18)
    downgrade(database_url, "0008-1")  # wherever 0008 ends up in the chain
    upgrade(database_url)

    with Session(migrated) as session:
        for owner, zone in zip(owners, zones, strict=True):
            user = session.get(User, owner.id)
            assert user is not None
            report = progress_service.progress_document(session, user, first, last, None)
            assert report["exercises"] == expected_exercises(migrated, owner.id, first, last, zone)
            assert report["exercises"], "the log is in the window"
            alerts = [str(a["session_id"]) for a in report["alerts"]]
            assert alerts == expected_alerts(migrated, owner.id, first, last, zone)
            assert alerts, "some sessions reached pain 7"


def test_upgrade_gives_every_stored_routine_its_first_version(
    database_url: str, migrated: Engine
) -> None:
    """0011 on a database with data: each routine's version 1 holds its items as they are,
    and sessions logged against a routine followed that version."""
    reset_database(migrated)
    with Session(migrated, expire_on_commit=False) as session:
        user = users_service.create_account(
            session, UserCreate(email="versions@example.com", password="migration passphrase")
        )
        owner = Caller.of(user)
        routine = routines_service.store(
            session, owner, RoutineCreate.model_validate(routine_payload())
        )
        body = SessionCreate(routine_id=routine.id, started_at=datetime(2026, 1, 5, tzinfo=UTC))
        sessions_service.create(session, owner, body, NO_DAILY_CAP, CatalogSpecs())
        loose = SessionCreate(started_at=datetime(2026, 1, 6, tzinfo=UTC))
        sessions_service.create(session, owner, loose, NO_DAILY_CAP, CatalogSpecs())
    downgrade(database_url, "0011-1")  # wherever 0011 ends up in the chain
    upgrade(database_url)

    with Session(migrated) as session:
        first = session.get(RoutineVersion, (routine.id, 1))
        assert first is not None
        assert [(i["exercise"], i["order"], i["sets"]) for i in first.items] == [
            ("clamshell", 1, 2),
            ("monster-walk", 2, 2),
        ]
        assert first.name == "Morning glute med" and first.prescriber_name is None
        templates = session.scalars(select(Routine.id).where(Routine.is_template)).all()
        assert templates and all(session.get(RoutineVersion, (t, 1)) for t in templates)
        followed = session.scalars(
            select(WorkoutSession.routine_version).order_by(WorkoutSession.started_at)
        ).all()
        assert followed == [1, None]


def test_upgrade_moves_each_acknowledgement_to_its_clinic(
    database_url: str, migrated: Engine
) -> None:
    """0017 on a database with data: an alert acknowledged before becomes acknowledged by
    that clinic only (its clinician, note and time kept); an open alert stays open."""
    reset_database(migrated)
    with Session(migrated, expire_on_commit=False) as session:
        user = users_service.create_account(
            session, UserCreate(email="acks@example.com", password="migration passphrase")
        )
        session.commit()
    downgrade(database_url, "0017-1")  # wherever 0017 ends up in the chain
    clinic_id, seen, unseen = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    clinic = sa.table(
        "clinic",
        sa.column("id", sa.Uuid()),
        sa.column("name", sa.String()),
        sa.column("revision", sa.Integer()),
        sa.column("created_at", UTCDateTime()),
        sa.column("updated_at", UTCDateTime()),
    )
    alert = sa.table(
        "alert",
        sa.column("id", sa.Uuid()),
        sa.column("patient_id", sa.Uuid()),
        sa.column("kind", sa.String()),
        sa.column("source", sa.String()),
        sa.column("message", sa.String()),
        sa.column("raised_at", UTCDateTime()),
        sa.column("acknowledged_at", UTCDateTime()),
        sa.column("acknowledged_by", sa.Uuid()),
        sa.column("acknowledged_clinic_id", sa.Uuid()),
        sa.column("acknowledgement_note", sa.String()),
    )
    with migrated.begin() as conn:
        conn.execute(
            clinic.insert().values(
                id=clinic_id, name="Old", revision=1, created_at=at, updated_at=at
            )
        )
        for alert_id, acknowledged in ((seen, True), (unseen, False)):
            conn.execute(
                alert.insert().values(
                    id=alert_id,
                    patient_id=user.id,
                    kind="pain",
                    source=f"session:{alert_id}",
                    message="Pain of 8/10.",
                    raised_at=at,
                    acknowledged_at=at if acknowledged else None,
                    acknowledged_by=user.id if acknowledged else None,
                    acknowledged_clinic_id=clinic_id if acknowledged else None,
                    acknowledgement_note="Seen." if acknowledged else None,
                )
            )
    upgrade(database_url)

    with Session(migrated) as session:
        rows = session.scalars(select(AlertAcknowledgement)).all()
        assert [(r.alert_id, r.clinic_id, r.acknowledged_by, r.note) for r in rows] == [
            (seen, clinic_id, user.id, "Seen.")
        ]
        assert rows[0].acknowledged_at == at


def test_upgrade_replaces_an_email_written_as_a_clinicians_name(
    database_url: str, migrated: Engine
) -> None:
    """0018 on a database with data: a prescription (and its version) and an access-log
    entry that named a clinician by their email name them neutrally; a real name stays."""
    reset_database(migrated)
    with Session(migrated, expire_on_commit=False) as session:
        patient = users_service.create_account(
            session, UserCreate(email="patient@example.com", password="migration passphrase")
        )
        clinician = users_service.create_account(
            session, UserCreate(email="dr.lee@example.com", password="migration passphrase")
        )
        named = users_service.create_account(
            session, UserCreate(email="dr.moss@example.com", password="migration passphrase")
        )
        routine = routines_service.store(
            session, Caller.of(patient), RoutineCreate.model_validate(routine_payload())
        )
        session.add_all(
            [
                AccessLogEntry(
                    patient_id=patient.id,
                    actor_id=clinician.id,
                    actor_name=clinician.email,
                    action=AccessAction.READ,
                    resource="sessions",
                ),
                AccessLogEntry(
                    patient_id=patient.id,
                    actor_id=named.id,
                    actor_name="Dr Ada Moss",
                    action=AccessAction.READ,
                    resource="sessions",
                ),
            ]
        )
        session.commit()
    downgrade(database_url, "0018-1")  # wherever 0018 ends up in the chain
    with migrated.begin() as conn:
        for table, key in (("routine", "id"), ("routine_version", "routine_id")):
            named_by = sa.table(
                table,
                sa.column(key, sa.Uuid()),
                sa.column("prescribed_by", sa.Uuid()),
                sa.column("prescriber_name", sa.String()),
            )
            conn.execute(
                named_by.update()
                .where(named_by.c[key] == routine.id)
                .values(prescribed_by=clinician.id, prescriber_name=clinician.email)
            )
    upgrade(database_url)

    with Session(migrated) as session:
        assert session.get(Routine, routine.id).prescriber_name == "your clinician"  # type: ignore[union-attr]
        versions = session.scalars(
            select(RoutineVersion.prescriber_name).where(RoutineVersion.routine_id == routine.id)
        ).all()
        assert versions == ["your clinician"]
        names = session.scalars(
            select(AccessLogEntry.actor_name).order_by(AccessLogEntry.actor_name)
        ).all()
        assert names == ["Dr Ada Moss", "your clinician"]
