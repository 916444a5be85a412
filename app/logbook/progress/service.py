"""Assemble /me/progress from the SQL aggregates and the pure rules in `calc`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import groupby
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.repository import specs_by_slug
from app.catalog.live.snapshot import CatalogSpecs
from app.core.errors import FieldError, Invalid
from app.core.json import dumps
from app.core.types import utcnow
from app.core.vocabulary import Decision, DosageUnit
from app.logbook.progress import calc, repository
from app.logbook.progress.answers import ANSWERS
from app.logbook.progress.models import (
    Advice,
    ExerciseProgressBody,
    ExerciseWeekBody,
    PainAlert,
    PrescribedDosage,
    Progress,
    ProgressBody,
    SideWeekBody,
    WeekAdherenceBody,
)
from app.logbook.sessions import totals
from app.training.routines.repository import AnyRoutine, ItemRow, items_for, latest_routine
from app.training.routines.service import referenced as referenced_routine
from app.users.models import Caller

ALERT_ADVICE = (
    "Pain of 7/10 or more: stop these exercises and see a physiotherapist or doctor "
    "before you continue."
)


def _range(user: Caller, first: date | None, last: date | None) -> tuple[date, date]:
    today = utcnow().astimezone(ZoneInfo(user.time_zone)).date()
    last = last or today
    first = first or last - timedelta(days=calc.DEFAULT_RANGE_DAYS - 1)
    if first > last:
        raise Invalid(
            "`from` is after `to`.",
            errors=[FieldError(["query", "from"], "after `to`", "value_error")],
        )
    if (last - first).days >= calc.MAX_RANGE_DAYS:
        raise Invalid(
            f"Ask for at most {calc.MAX_RANGE_DAYS} days at a time.",
            errors=[FieldError(["query", "to"], "range too long", "value_error")],
        )
    return first, last


def _routine(session: Session, user: Caller, routine_id: uuid.UUID | None) -> AnyRoutine | None:
    if routine_id is not None:  # named as a query problem (422), not a missing page
        return referenced_routine(session, user, routine_id, ["query", "routine_id"])
    return latest_routine(session, user.id)


def progress_answer(
    session: Session,
    user: Caller,
    first: date | None,
    last: date | None,
    routine_id: uuid.UUID | None,
    catalog: CatalogSpecs,
) -> bytes:
    """The report, encoded: the answer kept for the same key when there is one
    (answers.py says what the key names), else built, encoded and kept."""
    first, last = _range(user, first, last)
    totals.ensure_current(session, user.id, user.time_zone)
    routine = _routine(session, user, routine_id)
    key = (
        user.id,
        user.time_zone,
        first,
        last,
        routine_id,
        None
        if routine is None
        else (routine.id, routine.revision, routine.version, routine.updated_at),
        repository.change_seq(session, user.id),
        catalog.current(session).key,
    )
    kept = ANSWERS.get(key)
    if kept is not None:
        return kept
    answer = dumps(progress_document(session, user, first, last, routine_id, catalog))
    ANSWERS.put(key, answer)
    return answer


def progress_document(
    session: Session,
    user: Caller,
    first: date | None,
    last: date | None,
    routine_id: uuid.UUID | None,
    catalog: CatalogSpecs | None = None,
) -> ProgressBody:
    """The report as the JSON document `Progress` describes, ready to serialise.

    The per-exercise, per-week part (thousands of entries for a busy year) is built as
    plain dicts from the database's integers: no model per week, no validation, no
    second pass to dump it. `tests/logbook/progress` checks the document round-trips through
    `Progress` unchanged. `catalog` (the process's snapshot of validated specs) saves
    validating the stored document of every exercise the log names.
    """
    first, last = _range(user, first, last)
    totals.ensure_current(session, user.id, user.time_zone)
    cal = calc.calendar(first, last, ZoneInfo(user.time_zone))
    weeks = cal.weeks
    routine = _routine(session, user, routine_id)
    target = routine.sessions_per_week if routine else None

    done = repository.sessions_per_week(session, user.id, cal, routine_id)
    met = [None if target is None else done.get(i, 0) >= target for i in range(len(weeks))]
    adherence: list[WeekAdherenceBody] = [
        {
            "week": w.label,
            "starts_on": w.starts_on.isoformat(),
            "sessions": done.get(i, 0),
            "target": target,
            "met": met[i],
        }
        for i, w in enumerate(weeks)
    ]
    current, best = calc.streaks(met)

    rows = repository.exercise_weeks(session, user.id, cal)
    items = items_for(session, [routine.id])[routine.id] if routine else []
    slugs = sorted({r[repository.EXERCISE] for r in rows} | {i.exercise for i in items})
    specs = _specs(session, slugs, catalog)
    alerts = [
        PainAlert(session_id=sid, started_at=at, max_pain=pain, advice=ALERT_ADVICE)
        for sid, at, pain in repository.painful_sessions(session, user.id, cal, calc.ALERT_AT_PAIN)
    ]
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "time_zone": user.time_zone,
        "routine_id": str(routine.id) if routine else None,
        "adherence": adherence,
        "current_streak": current,
        "best_streak": best,
        "exercises": _exercises(weeks, rows, specs),
        "alerts": [a.model_dump(mode="json") for a in alerts],
        "advice": [a.model_dump(mode="json") for a in advice_for(session, user.id, items, specs)],
    }


def _specs(
    session: Session, slugs: list[str], catalog: CatalogSpecs | None
) -> dict[str, ExerciseSpec]:
    """Specs of `slugs`, removed exercises included: live ones from the snapshot when
    given, the rest (usually none) read and validated here; one statement either way."""
    if catalog is None:
        return specs_by_slug(session, slugs, include_deleted=True)
    live = catalog.live(session)
    found = {slug: live[slug] for slug in slugs if slug in live}
    missing = [slug for slug in slugs if slug not in found]
    return found | specs_by_slug(session, missing, include_deleted=True)


def _exercises(
    weeks: Sequence[calc.Week], rows: Sequence[Any], specs: dict[str, ExerciseSpec]
) -> list[ExerciseProgressBody]:
    """`ExerciseProgress` documents from `exercise_weeks` rows, in slug order.

    One pass over the rows (a busy year holds thousands), each unpacked once; the
    exercise's unit is resolved once per exercise, its sums kept as the pass goes.
    """
    labels = [w.label for w in weeks]
    asymmetry = calc.asymmetry
    out: list[ExerciseProgressBody] = []
    # Sorted here, not in SQL: code-point order whatever the database's collation.
    ordered_rows = sorted(rows, key=itemgetter(repository.EXERCISE, repository.BUCKET))
    for slug, group in groupby(ordered_rows, itemgetter(repository.EXERCISE)):
        unit = specs[slug].dosage.unit if slug in specs else DosageUnit.REPS
        held = unit is DosageUnit.SECONDS
        best_at = _BEST[unit]
        week_views: list[ExerciseWeekBody] = []
        n_sessions = n_sets = n_reps = n_steps = n_hold = best = 0
        for row in group:
            # The columns in repository's order (EXERCISE ... RIGHT_HELD).
            _, bucket, sessions, sets, reps, steps, hold, _, _, _, *rest = row
            pain_sum, pain_max, effort_sum, ls, lc, lh, rs, rc, rh = rest
            n_sessions += sessions
            n_sets += sets
            n_reps += reps
            n_steps += steps
            n_hold += hold
            if row[best_at] > best:
                best = row[best_at]
            left: SideWeekBody | None = None
            right: SideWeekBody | None = None
            symmetry = None
            if ls or rs:
                left_total, right_total = (lh, rh) if held else (lc, rc)
                if ls:
                    left = {"sets": ls, "total": left_total}
                if rs:
                    right = {"sets": rs, "total": right_total}
                symmetry = asymmetry(left_total if ls else 0, right_total if rs else 0)
            week_views.append(
                {
                    "week": labels[bucket],
                    "sessions": sessions,
                    "sets": sets,
                    "total_reps": reps,
                    "total_steps": steps,
                    "total_hold_seconds": hold,
                    "pain_mean": round(pain_sum / sets, 2),
                    "pain_max": pain_max,
                    "effort_mean": round(effort_sum / sets, 2),
                    "left": left,
                    "right": right,
                    "asymmetry": symmetry,
                }
            )
        out.append(
            {
                "exercise": slug,
                "unit": unit.value,
                "sessions": n_sessions,
                "sets": n_sets,
                "total_reps": n_reps,
                "total_steps": n_steps,
                "total_hold_seconds": n_hold,
                "best_set": best,
                "weeks": week_views,
            }
        )
    return out


# Which column of an `exercise_weeks` row holds the best set, by the exercise's unit.
_BEST = {
    DosageUnit.REPS: repository.BEST_REPS,
    DosageUnit.STEPS: repository.BEST_STEPS,
    DosageUnit.SECONDS: repository.BEST_HOLD,
}


def _prescribed(item: ItemRow) -> PrescribedDosage:
    return PrescribedDosage(
        sets=item.sets, reps=item.reps, steps=item.steps, hold_seconds=item.hold_seconds
    )


def _target(item: ItemRow, spec: ExerciseSpec) -> repository.Target:
    unit = spec.dosage.unit
    column, value = {
        DosageUnit.REPS: ("reps", item.reps),
        DosageUnit.STEPS: ("steps", item.steps),
        DosageUnit.SECONDS: ("hold_seconds", item.hold_seconds),
    }[unit]
    side = item.side if item.side in ("left", "right") else None
    return repository.Target(item.exercise, side, column, value or 1)


def advice_for(
    session: Session, owner_id: uuid.UUID, items: list[ItemRow], specs: dict[str, ExerciseSpec]
) -> list[Advice]:
    """The advice for each routine item from the owner's recent sessions (one query)."""
    items = [i for i in items if i.exercise in specs]
    results = repository.recent_results(
        session, owner_id, [_target(i, specs[i.exercise]) for i in items]
    )
    advice = []
    for item in items:
        spec = specs[item.exercise]
        required = item.sets * (2 if item.side == "both" else 1)
        recent = [calc.SessionResult(met, pain) for met, pain in results.get(item.exercise, [])]
        decision, reason = calc.decide(recent, required)
        current = _prescribed(item)
        nxt, change, basis = current, None, None
        if decision is Decision.PROGRESS:
            nxt, change, basis = calc.step_up(current, spec)
        elif decision is Decision.REDUCE:
            nxt, change, basis = calc.step_down(current, spec)
        advice.append(
            Advice(
                exercise=item.exercise,
                decision=decision,
                reason=reason,
                current=current,
                next=nxt,
                change=change,
                provenance=calc.provenance_of(basis),
                basis=basis,
                see_a_professional=decision is Decision.REDUCE,
            )
        )
    return advice


def safety_warnings(session: Session, user: Caller, routine_id: uuid.UUID) -> list[str]:
    """What a printed program must say before anything else: recent pain alerts and every
    "reduce" advice for the routine, in the words /me/progress uses."""
    report = Progress.model_validate(progress_document(session, user, None, None, routine_id))
    lines = [
        f"Pain of {a.max_pain}/10 logged on {a.started_at.date().isoformat()}. {a.advice}"
        for a in report.alerts
    ]
    specs = specs_by_slug(
        session, sorted({a.exercise for a in report.advice}), include_deleted=True
    )
    for advice in report.advice:
        if advice.decision is Decision.REDUCE:
            spec = specs.get(advice.exercise)
            name = spec.name if spec is not None else advice.exercise
            change = f" Reduce: {advice.change}." if advice.change else ""
            lines.append(f"{name}: {advice.reason}{change}")
    return lines
