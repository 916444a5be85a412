"""The article's facts, as structured data (validated through the API's own models)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from app.catalog.exercises.models import Equipment, Exercise, ExerciseEquipment, Muscle
from app.catalog.exercises.seed import apply_seed, load_seed
from app.core.vocabulary import DosageUnit, Laterality, Position, Provenance, WorkingLeg

ARTICLE_ORDER = [
    "clamshell",
    "lying-wall-angel",
    "side-lying-leg-swing",
    "hip-hike",
    "step-down",
    "single-leg-squat-leg-behind",
    "side-stepping",
    "monster-walk",
]


def test_seed_has_the_articles_eight_exercises_in_order() -> None:
    seed = load_seed()
    assert [e.slug for e in seed.exercises] == ARTICLE_ORDER
    assert seed.source.author == "Ross Harris"


def test_clamshell_dosage_is_the_articles_and_sets_are_not_invented() -> None:
    clamshell = next(e for e in load_seed().exercises if e.slug == "clamshell")
    assert clamshell.position is Position.SIDE_LYING
    assert clamshell.optional_equipment == ["wall"] and clamshell.equipment == []
    d = clamshell.dosage
    assert (d.unit, d.count_min, d.count_max) == (DosageUnit.REPS, 10, 20)
    assert (d.hold_seconds_min, d.hold_seconds_max) == (3, 5)
    assert d.sets is None and d.rest_seconds is None
    assert clamshell.default_dosage.provenance is Provenance.MEDIUS


def test_standing_exercises_use_the_right_equipment_and_stance() -> None:
    by_slug = {e.slug: e for e in load_seed().exercises}
    assert by_slug["step-down"].equipment == ["step"]
    assert by_slug["hip-hike"].equipment == ["step"]
    assert by_slug["monster-walk"].equipment == ["resistance-band"]
    assert by_slug["lying-wall-angel"].equipment == ["wall"]
    assert by_slug["step-down"].working_leg is WorkingLeg.STANCE_LEG
    assert by_slug["single-leg-squat-leg-behind"].working_leg is WorkingLeg.STANCE_LEG
    monster = by_slug["monster-walk"]
    assert monster.laterality is Laterality.BILATERAL
    assert (monster.dosage.unit, monster.dosage.count_min, monster.dosage.count_max) == (
        DosageUnit.STEPS,
        20,
        30,
    )
    assert any(
        p.kind == "deeper-knee-bend" and p.provenance is Provenance.ARTICLE
        for p in monster.progressions
    )
    step_down = by_slug["step-down"]
    assert any(p.kind == "higher-step" and "10 cm" in p.description for p in step_down.progressions)


def test_exercises_without_article_figures_leave_them_null() -> None:
    by_slug = {e.slug: e for e in load_seed().exercises}
    for slug in ("hip-hike", "step-down", "single-leg-squat-leg-behind", "side-stepping"):
        d = by_slug[slug].dosage
        assert d.count_min is None and d.count_max is None and d.sets is None, slug


def test_gluteus_medius_profile_holds_the_articles_facts() -> None:
    (muscle,) = load_seed().muscles
    assert muscle.slug == "gluteus-medius"
    assert {a.slug for a in muscle.actions} == {
        "hip-abduction",
        "hip-internal-rotation",
        "hip-external-rotation",
    }
    assert "single-leg stance" in muscle.primary_role or "stand on one leg" in muscle.primary_role
    (sign,) = muscle.weakness_signs
    assert sign.slug == "trendelenburg-sign" and "opposite" in sign.description
    assert [c.slug for c in muscle.compensations] == [
        "hip-adduction-internal-rotation",
        "trunk-lean-toward-weak-side",
    ]
    assert "knee" in muscle.compensations[0].seen_as
    assert any("injur" in reason.text for reason in muscle.why_it_matters)
    assert any("running" in reason.text for reason in muscle.why_it_matters)


def _counts(engine: Engine) -> tuple[int, ...]:
    with Session(engine) as s:
        return tuple(
            s.exec(select(func.count()).select_from(table)).one()[0]  # type: ignore[call-overload]
            for table in (Exercise, Equipment, Muscle, ExerciseEquipment)
        )


def test_seeding_twice_changes_nothing(app: object, admin_engine: Engine) -> None:
    before = _counts(admin_engine)
    with Session(admin_engine) as session:
        added = apply_seed(session, load_seed())
    assert added == {"muscles": 0, "equipment": 0, "exercises": 0}
    assert _counts(admin_engine) == before == (8, 3, 1, 5)
