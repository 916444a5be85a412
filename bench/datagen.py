"""Scale data that is valid per the app's own models, generated deterministically.

- Exercises are variants of the article's eight, each validated as `ExerciseSpec` and
  turned into table columns by the catalog repository's own mapping.
- Users share ONE argon2id hash of one password (hashing is the slow part).
- Sessions hold `entries_per_session` sets built from entry templates; every template
  is checked once by the sessions service's own rules (`build_entries`), and every
  session carries the same body digest the API would store for its create request.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from app.catalog.exercises import repository as catalog_repository
from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.seed import load_seed
from app.core.vocabulary import DosageUnit, Laterality
from app.logbook.sessions.models import EntryIn, SessionCreate
from app.logbook.sessions.service import build_entries, digest

BENCH_EMAIL = "bench@example.com"
BENCH_PASSWORD = "bench passphrase that is long enough"  # noqa: S105
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)

EXERCISE_COLUMNS = (
    "id",
    "slug",
    "name",
    "summary",
    "position",
    "laterality",
    "working_leg",
    "difficulty",
    "difficulty_rank",
    "search_text",
    "document",
    "revision",
    "created_at",
    "updated_at",
    "deleted_at",
)
USER_COLUMNS = (
    "id",
    "email",
    "password_hash",
    "display_name",
    "time_zone",
    "units",
    "role",
    "revision",
    "created_at",
    "updated_at",
)
SESSION_COLUMNS = (
    "id",
    "owner_id",
    "routine_id",
    "started_at",
    "ended_at",
    "notes",
    "body_digest",
    "revision",
    "created_at",
    "updated_at",
    "deleted_at",
)
ENTRY_COLUMNS = (
    "session_id",
    "position",
    "exercise_slug",
    "set_number",
    "side",
    "reps",
    "steps",
    "hold_seconds",
    "load_band",
    "load_kg",
    "pain",
    "effort",
    "notes",
)


@dataclass(frozen=True)
class Scale:
    exercises: int = 10_000
    users: int = 10_000
    sets: int = 1_000_000
    bench_user_sets: int = 50_000
    entries_per_session: int = 10
    # The clinic the bench user runs (GET /clinics/{id}/patients): its patients own every
    # set the bench user does not, logged over the two years up to the bench run.
    care_patients: int = 5000

    @property
    def sessions(self) -> int:
        return self.sets // self.entries_per_session

    @property
    def bench_user_sessions(self) -> int:
        return min(self.sessions, self.bench_user_sets // self.entries_per_session)


_V4_CLEAR = ~((0xF << 76) | (0xC000 << 48))
_V4_SET = (0x4 << 76) | (0x8000 << 48)


def _uuid4_int(rng: random.Random) -> int:
    """A random version-4 UUID as an integer (cheap to sort)."""
    return (rng.getrandbits(128) & _V4_CLEAR) | _V4_SET


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=_uuid4_int(rng))


def exercise_specs(count: int) -> list[ExerciseSpec]:
    """`count` variants of the seeded exercises, each validated as an ExerciseSpec."""
    seed = load_seed()
    bases = [e.model_copy(update={"source": e.source or seed.source}) for e in seed.exercises]
    specs = []
    for i in range(count):
        base = bases[i % len(bases)].model_dump(mode="json")
        number = i + 1
        base["slug"] = f"{base['slug']}-v{number}"
        base["name"] = f"{base['name']} variant {number}"
        base["summary"] = f"Variant {number}: {base['summary']}"
        base["attribution"]["name"] = {"provenance": "medius"}  # a variant's name is ours
        specs.append(ExerciseSpec.model_validate(base))
    return specs


def exercise_rows(specs: Sequence[ExerciseSpec]) -> list[tuple[Any, ...]]:
    """Exercise rows without their id (EXERCISE_COLUMNS[1:]); the loader numbers them."""
    rows = []
    for offset, spec in enumerate(specs):
        # The repository's own column mapping, so rows equal what the admin API writes.
        fields = catalog_repository._row_fields(spec)
        at = EPOCH - timedelta(days=400) + timedelta(minutes=offset)
        rows.append((*(fields[c] for c in EXERCISE_COLUMNS[1:11]), 1, at, at, None))
    return rows


def link_rows(
    specs: Sequence[ExerciseSpec],
) -> tuple[list[tuple[int, str, bool]], list[tuple[int, str]]]:
    """exercise_equipment and exercise_muscle rows keyed by the exercise's offset in specs."""
    equipment = [
        (i, slug, required)
        for i, spec in enumerate(specs)
        for slugs, required in ((spec.equipment, True), (spec.optional_equipment, False))
        for slug in slugs
    ]
    muscles = [(i, slug) for i, spec in enumerate(specs) for slug in spec.muscles]
    return equipment, muscles


def bench_user_id(scale: Scale) -> uuid.UUID:
    return _uuid(random.Random(f"bench-user-{scale}"))


def user_ids(scale: Scale) -> list[uuid.UUID]:
    """The bench user first, then the others."""
    rng = random.Random(f"users-{scale}")
    return [bench_user_id(scale)] + [_uuid(rng) for _ in range(scale.users - 1)]


def user_rows(scale: Scale, password_hash: str) -> list[tuple[Any, ...]]:
    """Every user shares one password hash: argon2id is deliberately slow, once is enough."""
    rows = []
    for n, user_id in enumerate(user_ids(scale)):
        email = BENCH_EMAIL if n == 0 else f"user{n:05d}@example.com"
        at = EPOCH - timedelta(days=800) + timedelta(seconds=n)
        rows.append((user_id, email, password_hash, None, "UTC", "metric", "user", 1, at, at))
    return rows


@dataclass(frozen=True)
class EntryTemplate:
    """One valid set: its JSON form (as the API would receive it) and its row values."""

    exercise: str
    body: dict[str, Any]


def entry_templates(base_specs: Sequence[ExerciseSpec]) -> dict[str, list[EntryTemplate]]:
    """Valid sets for each seeded exercise, checked by the sessions service's rules."""
    out: dict[str, list[EntryTemplate]] = {}
    specs = {s.slug: s for s in base_specs}
    for spec in base_specs:
        bodies = []
        sides: list[str | None] = (
            ["left", "right"] if spec.laterality is Laterality.UNILATERAL else [None]
        )
        for set_number in (1, 2):
            for side in sides:
                for level, count in enumerate((8, 10, 12, 15)):
                    body: dict[str, Any] = {
                        "exercise": spec.slug,
                        "set_number": set_number,
                        "side": side,
                        "pain": level % 3,
                        "effort": 5 + level,
                        "load_band": "light" if level == 3 else None,
                    }
                    unit = spec.dosage.unit
                    if unit is DosageUnit.REPS:
                        body["reps"] = count
                        if spec.dosage.hold_seconds_min is not None:
                            body["hold_seconds"] = spec.dosage.hold_seconds_min
                    elif unit is DosageUnit.STEPS:
                        body["steps"] = count * 2
                    else:
                        body["hold_seconds"] = count
                    bodies.append(body)
        entries = [EntryIn.model_validate(b) for b in bodies]
        build_entries(entries, specs)  # raises Invalid if any template breaks a rule
        out[spec.slug] = [EntryTemplate(spec.slug, e.model_dump(mode="json")) for e in entries]
    return out


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def session_body(
    session_id: uuid.UUID,
    started: datetime,
    ended: datetime,
    entries: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """The create request's JSON form exactly as `SessionCreate.model_dump(mode="json")`."""
    return {
        "id": str(session_id),
        "routine_id": None,
        "routine_version": None,
        "started_at": _iso(started),
        "ended_at": _iso(ended),
        "notes": "",
        "entries": list(entries),
    }


def body_digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


@dataclass(frozen=True)
class SessionPlan:
    """Sessions as (row, shape index) plus the shapes: each a list of valid entries.

    A session's entries are its shape's entries; the loader joins them in the database,
    which turns a million Python tuples into one INSERT ... SELECT.
    """

    sessions: list[tuple[Any, ...]]
    shape_of: list[int]
    shapes: list[list[dict[str, Any]]]

    def shape_rows(self) -> Iterator[tuple[Any, ...]]:
        """(shape, position, exercise_slug, set_number, ...) for the shape table."""
        for index, entries in enumerate(self.shapes):
            for position, entry in enumerate(entries, start=1):
                yield (index, position, entry["exercise"], *(entry[c] for c in ENTRY_COLUMNS[3:]))

    def session_shape_rows(self) -> Iterator[tuple[Any, ...]]:
        for row, shape in zip(self.sessions, self.shape_of, strict=True):
            yield (row[0], shape)


def session_shapes(
    scale: Scale, variants: Sequence[ExerciseSpec], rng: random.Random, count: int = 512
) -> list[list[dict[str, Any]]]:
    """`count` different valid sessions of `entries_per_session` sets (two per exercise)."""
    templates = entry_templates(load_seed().exercises)
    variants_by_base: dict[str, list[str]] = {}
    for spec in variants:
        variants_by_base.setdefault(spec.slug.rsplit("-v", 1)[0], []).append(spec.slug)
    bases = list(templates)
    per_exercise = 2
    shapes = []
    for _ in range(count):
        entries: list[dict[str, Any]] = []
        while len(entries) < scale.entries_per_session:
            for slug in rng.sample(bases, k=len(bases)):
                options = templates[slug]
                for set_number in range(1, per_exercise + 1):
                    body = {**options[rng.randrange(len(options))].body, "set_number": set_number}
                    # One set in ten names a variant of the same exercise (the same rules apply).
                    choices = variants_by_base.get(slug)
                    if choices and rng.random() < 0.1:
                        body["exercise"] = choices[rng.randrange(len(choices))]
                    entries.append(body)
        shapes.append(entries[: scale.entries_per_session])
    return shapes


def care_patient_ids(scale: Scale) -> list[uuid.UUID]:
    """The bench clinic's patients: the users after the bench user."""
    return user_ids(scale)[1 : 1 + scale.care_patients]


def care_clinic_id(scale: Scale) -> uuid.UUID:
    return _uuid(random.Random(f"care-clinic-{scale}"))


def session_plan(scale: Scale, variants: Sequence[ExerciseSpec]) -> SessionPlan:
    """Every session row: the bench user owns `bench_user_sets` sets' sessions, dated in the
    two years before EPOCH (the progress rows' window); the clinic's patients own the
    rest, dated in the two years up to now, so the clinician's view finds recent weeks."""
    rng = random.Random(f"sessions-{scale}")
    shapes = session_shapes(scale, variants, rng)
    shape_json = [orjson.dumps(entries, option=orjson.OPT_SORT_KEYS) for entries in shapes]
    owners = user_ids(scale)
    # Ascending ids keep the primary-key B-trees append-only while loading.
    ids = [uuid.UUID(int=i) for i in sorted(_uuid4_int(rng) for _ in range(scale.sessions))]
    bench_owned = set(rng.sample(range(scale.sessions), k=scale.bench_user_sessions))
    sessions: list[tuple[Any, ...]] = []
    shape_of: list[int] = []
    others = min(len(owners) - 1, max(scale.care_patients, 1))
    recent = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    for n, session_id in enumerate(ids):
        benched = n in bench_owned or others == 0
        owner = owners[0] if benched else owners[1 + n % others]
        until = EPOCH if benched else recent
        started = until - timedelta(minutes=rng.randrange(0, 730 * 24 * 60))
        ended = started + timedelta(minutes=25)
        shape = rng.randrange(len(shapes))
        fingerprint = hashlib.sha256(
            b'{"ended_at":"%s","entries":%s,"id":"%s","notes":"","routine_id":null,'
            b'"routine_version":null,"started_at":"%s"}'
            % (
                _iso(ended).encode(),
                shape_json[shape],
                str(session_id).encode(),
                _iso(started).encode(),
            )
        ).hexdigest()
        if n < 20:  # the shortcut must give the API's own digest of the create request
            request = session_body(session_id, started, ended, shapes[shape])
            assert fingerprint == body_digest(request), "digest drift"
            assert fingerprint == digest(SessionCreate.model_validate(request)), "digest drift"
        created = ended + timedelta(minutes=1)
        sessions.append(
            (session_id, owner, None, started, ended, "", fingerprint, 1, created, created, None)
        )
        shape_of.append(shape)
    return SessionPlan(sessions, shape_of, shapes)


@dataclass(frozen=True)
class ScaleData:
    """Everything to load, generated once and loaded into each database."""

    scale: Scale
    specs: list[ExerciseSpec]
    exercises: list[tuple[Any, ...]]
    exercise_equipment: list[tuple[int, str, bool]]
    exercise_muscle: list[tuple[int, str]]
    users: list[tuple[Any, ...]]
    plan: SessionPlan
    care: CareData


def generate(scale: Scale, password_hash: str) -> ScaleData:
    specs = exercise_specs(scale.exercises)
    equipment, muscles = link_rows(specs)
    return ScaleData(
        scale=scale,
        specs=specs,
        exercises=exercise_rows(specs),
        exercise_equipment=equipment,
        exercise_muscle=muscles,
        users=user_rows(scale, password_hash),
        plan=session_plan(scale, specs),
        care=care_data(scale),
    )


CLINIC_COLUMNS = ("id", "name", "revision", "created_at", "updated_at")
MEMBER_COLUMNS = ("clinic_id", "user_id", "role", "created_at")
RELATIONSHIP_COLUMNS = (
    "id",
    "clinic_id",
    "clinician_id",
    "patient_id",
    "scopes",
    "status",
    "created_at",
    "ended_at",
)
ROUTINE_COLUMNS = (
    "id",
    "owner_id",
    "is_template",
    "template_key",
    "name",
    "notes",
    "sessions_per_week",
    "origin",
    "progression",
    "rationale",
    "revision",
    "created_at",
    "updated_at",
)


ENDPOINT_COLUMNS = (
    "id",
    "owner_id",
    "clinic_id",
    "created_by",
    "url",
    "event_types",
    "secret",
    "created_at",
    "updated_at",
)
# Every event type (app/core/vocabulary.py WebhookEventType), as an endpoint subscribes.
EVERY_EVENT = [
    "session.logged",
    "session.updated",
    "session.deleted",
    "alert.raised",
    "routine.prescribed",
    "progress.advice_changed",
]


@dataclass(frozen=True)
class CareData:
    """The bench user's clinic: the bench user owns it and has every patient in care,
    with every scope; each patient has a routine (2-4 sessions a week) to adhere to.

    And care on the bench user's own writes (issue #25): the bench user is the patient of
    two clinicians at another clinic, with every scope (`clinic_systems` too), and three
    endpoints subscribe to every event of theirs: their own and two of that clinic's."""

    clinic: tuple[Any, ...]
    member: tuple[Any, ...]
    relationships: list[tuple[Any, ...]]
    routines: list[tuple[Any, ...]]
    caring_clinic: tuple[Any, ...] | None = None
    caring_members: list[tuple[Any, ...]] = field(default_factory=list)
    endpoints: list[tuple[Any, ...]] = field(default_factory=list)


def care_data(scale: Scale) -> CareData:
    rng = random.Random(f"care-{scale}")
    at = EPOCH - timedelta(days=800)
    clinic_id, clinician = care_clinic_id(scale), bench_user_id(scale)
    scopes = {"alerts", "prescribe", "progress", "self_checks", "sessions"}
    relationships, routines = [], []
    for patient in care_patient_ids(scale):
        relationships.append(
            (_uuid(rng), clinic_id, clinician, patient, scopes, "active", at, None)
        )
        routines.append(
            (
                _uuid(rng),
                patient,
                False,
                None,
                "Hip strength",
                "",
                2 + rng.randrange(3),
                "user",
                None,
                None,
                1,
                at,
                at,
            )
        )
    owners = user_ids(scale)
    caring_clinic, caring_members, endpoints = None, [], []
    if len(owners) > scale.care_patients + 2:  # room for the bench user's two clinicians
        caring_id = _uuid(rng)
        lead, colleague = owners[1 + scale.care_patients], owners[2 + scale.care_patients]
        caring_clinic = (caring_id, "The bench user's physiotherapists", 1, at, at)
        caring_members = [(caring_id, lead, "owner", at), (caring_id, colleague, "clinician", at)]
        every_scope = scopes | {"clinic_systems"}
        relationships += [
            (_uuid(rng), caring_id, who, clinician, every_scope, "active", at, None)
            for who in (lead, colleague)
        ]
        hook = "https://hooks.example.com/medius/"
        endpoints = [
            (_uuid(rng), clinician, None, clinician, hook + "own", EVERY_EVENT, "whsec_b", at, at)
        ] + [
            (_uuid(rng), None, caring_id, lead, f"{hook}clinic-{n}", EVERY_EVENT, "whsec_c", at, at)
            for n in (1, 2)
        ]
    return CareData(
        clinic=(clinic_id, "Bench clinic", 1, at, at),
        member=(clinic_id, clinician, "owner", at),
        relationships=relationships,
        routines=routines,
        caring_clinic=caring_clinic,
        caring_members=caring_members,
        endpoints=endpoints,
    )
