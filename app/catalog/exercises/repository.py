"""Catalog queries. No HTTP here; filters arrive as plain values."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, NamedTuple

from sqlalchemy import Select, delete, exists, func, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.catalog.exercises.models import (
    CatalogSeed,
    CatalogState,
    Equipment,
    Exercise,
    ExerciseEquipment,
    ExerciseMuscle,
    ExerciseSpec,
    Muscle,
)
from app.core.db import changed_on_commit, update_if_revision
from app.core.pagination import Sort, paginate
from app.core.types import utcnow
from app.core.vocabulary import Difficulty, Laterality, Position

SORTABLE = {
    "name": Exercise.name,
    "slug": Exercise.slug,
    "difficulty": Exercise.difficulty_rank,
    "created_at": Exercise.created_at,
    "updated_at": Exercise.updated_at,
    "catalog_order": Exercise.id,
}


@dataclass(frozen=True)
class ExerciseFilter:
    positions: list[Position] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    laterality: list[Laterality] = field(default_factory=list)
    difficulty: list[Difficulty] = field(default_factory=list)
    muscles: list[str] = field(default_factory=list)
    text: str | None = None

    @property
    def narrowed(self) -> bool:
        """True when a filter leaves some exercises out."""
        return bool(
            self.positions
            or self.equipment
            or self.laterality
            or self.difficulty
            or self.muscles
            or self.text
        )


def _search_text(spec: ExerciseSpec) -> str:
    return " ".join([spec.name, spec.summary, *spec.steps_text()]).lower()


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(flt: ExerciseFilter, *, include_deleted: bool = False) -> Select[tuple[Exercise]]:
    stmt = select(Exercise)
    if not include_deleted:
        stmt = stmt.where(col(Exercise.deleted_at).is_(None))
    if flt.positions:
        stmt = stmt.where(col(Exercise.position).in_([p.value for p in flt.positions]))
    if flt.laterality:
        stmt = stmt.where(col(Exercise.laterality).in_([v.value for v in flt.laterality]))
    if flt.difficulty:
        stmt = stmt.where(col(Exercise.difficulty).in_([v.value for v in flt.difficulty]))
    if flt.equipment:
        stmt = stmt.where(
            exists().where(
                col(ExerciseEquipment.exercise_id) == col(Exercise.id),
                col(ExerciseEquipment.equipment_slug).in_(flt.equipment),
            )
        )
    if flt.muscles:
        stmt = stmt.where(
            exists().where(
                col(ExerciseMuscle.exercise_id) == col(Exercise.id),
                col(ExerciseMuscle.muscle_slug).in_(flt.muscles),
            )
        )
    for term in (flt.text or "").lower().split():
        stmt = stmt.where(col(Exercise.search_text).like(f"%{_escape_like(term)}%", escape="\\"))
    return stmt  # type: ignore[return-value]


def list_exercises(
    session: Session, flt: ExerciseFilter, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[Exercise], str | None]:
    return paginate(
        session,
        _filtered(flt),
        sort=sort,
        id_column=col(Exercise.id),
        cursor=cursor,
        limit=limit,
    )


def get_exercise(session: Session, slug: str) -> Exercise | None:
    return session.exec(
        select(Exercise).where(Exercise.slug == slug, col(Exercise.deleted_at).is_(None))
    ).first()


def existing_exercise_slugs(session: Session, *, include_deleted: bool = False) -> set[str]:
    stmt = select(Exercise.slug)
    if not include_deleted:
        stmt = stmt.where(col(Exercise.deleted_at).is_(None))
    return set(session.exec(stmt).all())


def _row_fields(spec: ExerciseSpec) -> dict[str, object]:
    return {
        "slug": spec.slug,
        "name": spec.name,
        "summary": spec.summary,
        "position": spec.position.value,
        "laterality": spec.laterality.value,
        "working_leg": spec.working_leg.value,
        "difficulty": spec.difficulty.value,
        "difficulty_rank": spec.difficulty.rank,
        "search_text": _search_text(spec),
        "document": spec.model_dump(mode="json"),
    }


def _write_links(session: Session, exercise_id: int, spec: ExerciseSpec) -> None:
    for slug in spec.equipment:
        session.add(ExerciseEquipment(exercise_id=exercise_id, equipment_slug=slug, required=True))
    for slug in spec.optional_equipment:
        session.add(ExerciseEquipment(exercise_id=exercise_id, equipment_slug=slug, required=False))
    for slug in spec.muscles:
        session.add(ExerciseMuscle(exercise_id=exercise_id, muscle_slug=slug))


def insert_exercise(session: Session, spec: ExerciseSpec) -> Exercise:
    now = utcnow()
    row = Exercise(**_row_fields(spec), created_at=now, updated_at=now)  # type: ignore[arg-type]
    session.add(row)
    session.flush()
    assert row.id is not None
    _write_links(session, row.id, spec)
    return row


def equipment_with_counts(session: Session) -> Sequence[tuple[Equipment, int]]:
    live = (
        select(ExerciseEquipment.equipment_slug, func.count().label("n"))
        .join(Exercise, col(Exercise.id) == ExerciseEquipment.exercise_id)
        .where(col(Exercise.deleted_at).is_(None))
        .group_by(col(ExerciseEquipment.equipment_slug))
        .subquery()
    )
    stmt = (
        select(Equipment, func.coalesce(live.c.n, 0))
        .outerjoin(live, live.c.equipment_slug == Equipment.slug)
        .order_by(col(Equipment.slug))
    )
    return session.exec(stmt).all()


def equipment_slugs(session: Session) -> set[str]:
    return set(session.exec(select(Equipment.slug)).all())


def muscle_slugs(session: Session) -> set[str]:
    return set(session.exec(select(Muscle.slug)).all())


def list_muscles(session: Session) -> Sequence[Muscle]:
    return session.exec(select(Muscle).order_by(col(Muscle.slug))).all()


def get_muscle(session: Session, slug: str) -> Muscle | None:
    return session.get(Muscle, slug)


def exercise_slugs_by_muscle(session: Session) -> dict[str, list[str]]:
    rows = session.exec(
        select(ExerciseMuscle.muscle_slug, Exercise.slug)
        .join(Exercise, col(Exercise.id) == ExerciseMuscle.exercise_id)
        .where(col(Exercise.deleted_at).is_(None))
        .order_by(col(Exercise.id))
    ).all()
    out: dict[str, list[str]] = {}
    for muscle, exercise in rows:
        out.setdefault(muscle, []).append(exercise)
    return out


def get_exercise_including_deleted(session: Session, slug: str) -> Exercise | None:
    return session.exec(select(Exercise).where(Exercise.slug == slug)).first()


def replace_exercise(
    session: Session, row: Exercise, spec: ExerciseSpec, *, deleted_at: datetime | None = None
) -> bool:
    """Overwrite the exercise if it is still at the revision we read; relink its references."""
    assert row.id is not None
    values = {**_row_fields(spec), "updated_at": utcnow(), "deleted_at": deleted_at}
    if not update_if_revision(session, Exercise, col(Exercise.id) == row.id, row.revision, values):
        return False
    session.execute(delete(ExerciseEquipment).where(col(ExerciseEquipment.exercise_id) == row.id))
    session.execute(delete(ExerciseMuscle).where(col(ExerciseMuscle.exercise_id) == row.id))
    _write_links(session, row.id, spec)
    return True


def specs_by_slug(
    session: Session, slugs: Sequence[str] | None = None, *, include_deleted: bool = False
) -> dict[str, ExerciseSpec]:
    """Exercises as specs, for the builder and dosage checks (all of them when slugs is None)."""
    stmt = select(Exercise)
    if slugs is not None:
        stmt = stmt.where(col(Exercise.slug).in_(list(slugs)))
    if not include_deleted:
        stmt = stmt.where(col(Exercise.deleted_at).is_(None))
    return {
        row.slug: ExerciseSpec.model_validate(row.document)
        for row in session.exec(stmt.order_by(col(Exercise.id))).all()
    }


def specs_changed_since(session: Session, revision: int) -> list[tuple[str, ExerciseSpec | None]]:
    """(slug, spec) of every exercise stamped after `revision`; None for a removed one."""
    rows = session.exec(
        select(Exercise)
        .where(col(Exercise.change_seq) > revision)
        .order_by(col(Exercise.change_seq), col(Exercise.id))
    ).all()
    return [
        (
            row.slug,
            None if row.deleted_at is not None else ExerciseSpec.model_validate(row.document),
        )
        for row in rows
    ]


# The after-commit topic of catalog writes (app/core/db.py `changed_on_commit`).
CATALOG_CHANGED = "catalog"


class Revision(NamedTuple):
    """Which catalog a derived copy was made from: the revision row's number and time.

    The time tells two databases apart whose counters agree (one restored or reseeded).
    """

    number: int
    changed_at: datetime


# Read by every request that checks against the catalog (routine views, session logs):
# a Core statement built once, two columns into a tuple (an ORM `get` of the row was 12%
# of GET /routines/{id}, bench/results/profile-notes.md).
_STATE = CatalogState.__table__  # type: ignore[attr-defined]
_REVISION = core_select(_STATE.c.revision, _STATE.c.changed_at).where(_STATE.c.id == 1)


def catalog_revision(session: Session) -> Revision:
    row = session.execute(_REVISION).first()
    if row is None:
        return Revision(0, datetime.fromtimestamp(0, tz=UTC))
    return Revision(row.revision, row.changed_at)


def bump_catalog_revision(session: Session, changed: Collection[str] = ()) -> int:
    """Record a catalog change in the writer's transaction and stamp the changed exercises.

    The update locks the one revision row until commit, so revisions become visible in
    the order they were taken and sync by revision never skips one (app/core/changes.py).
    Once the transaction commits, this process's live catalog hears of it.
    """
    changed_on_commit(session, CATALOG_CHANGED)
    now = utcnow()
    revision = session.execute(
        update(CatalogState)
        .where(col(CatalogState.id) == 1)
        .values(revision=CatalogState.revision + 1, changed_at=now)
        .returning(col(CatalogState.revision))
    ).scalar_one_or_none()
    if revision is None:  # the first change ever
        revision = 1
        session.add(CatalogState(id=1, revision=revision, changed_at=now))
        session.flush()
    if changed:
        session.execute(
            update(Exercise)
            .where(col(Exercise.slug).in_(list(changed)))
            .values(change_seq=revision)
        )
    return int(revision)


def all_exercises(session: Session) -> Sequence[Exercise]:
    return session.exec(
        select(Exercise).where(col(Exercise.deleted_at).is_(None)).order_by(col(Exercise.id))
    ).all()


def list_changes(
    session: Session,
    flt: ExerciseFilter,
    since: datetime,
    cursor: str | None,
    limit: int,
    sort: Sort,
) -> tuple[Sequence[Exercise], str | None]:
    """Every exercise changed at or after `since`, deletions included, in updated_at order."""
    stmt = _filtered(flt, include_deleted=True).where(col(Exercise.updated_at) >= since)
    return paginate(
        session, stmt, sort=sort, id_column=col(Exercise.id), cursor=cursor, limit=limit
    )


def changes() -> Select[tuple[Exercise]]:
    """Every exercise, removed ones included: what sync reads in change order."""
    return _filtered(ExerciseFilter(), include_deleted=True)


Kind = Literal["muscle", "equipment", "exercise"]


@dataclass
class CatalogUpsert:
    """What `upsert_catalog` did, record by record: (kind, slug) pairs."""

    added: list[tuple[Kind, str]] = field(default_factory=list)
    changed: list[tuple[Kind, str]] = field(default_factory=list)
    unchanged: int = 0

    def exercises(self) -> list[str]:
        """The slugs of the exercises added or changed (to stamp with the new revision)."""
        return [slug for kind, slug in [*self.added, *self.changed] if kind == "exercise"]


def upsert_catalog(session: Session, catalog: CatalogSeed, *, replace: bool) -> CatalogUpsert:
    """Add every record the catalog lacks; with `replace`, also overwrite those that differ.

    Without `replace` (seeding) a stored record is left as it is, even one an admin edited
    or deleted, so seeding never undoes curation. With it (an import) a deleted exercise
    that the file holds comes back. Neither bumps the catalog revision nor commits: the
    caller decides (a dry run rolls back).
    """
    done = CatalogUpsert()
    muscles = {m.slug: m for m in session.exec(select(Muscle)).all()}
    for muscle in catalog.muscles:
        stored = muscles.get(muscle.slug)
        doc = muscle.model_dump(mode="json")
        if stored is None:
            muscles[muscle.slug] = Muscle(slug=muscle.slug, name=muscle.name, document=doc)
            session.add(muscles[muscle.slug])
            done.added.append(("muscle", muscle.slug))
        elif replace and stored.document != doc:
            stored.name, stored.document = muscle.name, doc
            session.add(stored)
            done.changed.append(("muscle", muscle.slug))
        else:
            done.unchanged += 1
    equipment = {e.slug: e for e in session.exec(select(Equipment)).all()}
    for item in catalog.equipment:
        stored_item = equipment.get(item.slug)
        values = item.model_dump()
        if stored_item is None:
            equipment[item.slug] = Equipment(**values)
            session.add(equipment[item.slug])
            done.added.append(("equipment", item.slug))
        elif replace and stored_item.model_dump() != values:
            for key, value in values.items():
                setattr(stored_item, key, value)
            session.add(stored_item)
            done.changed.append(("equipment", item.slug))
        else:
            done.unchanged += 1
    session.flush()  # exercises link to the muscles and equipment just added
    exercises = {row.slug: row for row in session.exec(select(Exercise)).all()}
    for spec in catalog.exercises:
        row = exercises.get(spec.slug)
        if row is None:
            exercises[spec.slug] = insert_exercise(session, spec)
            done.added.append(("exercise", spec.slug))
        elif replace and (
            row.deleted_at is not None or row.document != spec.model_dump(mode="json")
        ):
            replace_exercise(session, row, spec)
            done.changed.append(("exercise", spec.slug))
        else:
            done.unchanged += 1
    return done
