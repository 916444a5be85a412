"""Assemble /me/progress from the SQL aggregates and the pure rules in `calc`."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.catalog.models import DosageUnit, ExerciseSpec
from app.catalog.repository import specs_by_slug
from app.core.errors import FieldError, Invalid
from app.core.types import utcnow
from app.progress import calc, repository
from app.progress.models import (
    Advice,
    Decision,
    ExerciseProgress,
    ExerciseWeek,
    PainAlert,
    PrescribedDosage,
    Progress,
    SideWeek,
    WeekAdherence,
)
from app.routines.models import Routine, RoutineItem
from app.routines.repository import items_for
from app.routines.service import readable as readable_routine
from app.users.models import User

ALERT_ADVICE = (
    "Pain of 7/10 or more: stop these exercises and see a physiotherapist or doctor "
    "before you continue."
)


def _range(user: User, first: date | None, last: date | None) -> tuple[date, date]:
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


def _routine(session: Session, user: User, routine_id: uuid.UUID | None) -> Routine | None:
    if routine_id is not None:
        try:
            return readable_routine(session, routine_id, user)
        except Exception as exc:  # NotFound: named as a query problem, not a missing page
            raise Invalid(
                "routine_id does not name one of your routines or a template.",
                errors=[
                    FieldError(["query", "routine_id"], "no such routine", "unknown_reference")
                ],
            ) from exc
    return session.exec(
        select(Routine)
        .where(col(Routine.owner_id) == user.id)
        .order_by(col(Routine.updated_at).desc(), col(Routine.id))
        .limit(1)
    ).first()


def progress(
    session: Session,
    user: User,
    first: date | None,
    last: date | None,
    routine_id: uuid.UUID | None,
) -> Progress:
    first, last = _range(user, first, last)
    zone = ZoneInfo(user.time_zone)
    weeks = calc.weeks_between(first, last, zone)
    routine = _routine(session, user, routine_id)
    target = routine.sessions_per_week if routine else None

    done = repository.sessions_per_week(session, user.id, weeks, routine_id)
    adherence = [
        WeekAdherence(
            week=w.label,
            starts_on=w.starts_on,
            sessions=done.get(i, 0),
            target=target,
            met=None if target is None else done.get(i, 0) >= target,
        )
        for i, w in enumerate(weeks)
    ]
    current, best = calc.streaks([a.met for a in adherence])

    rows = repository.exercise_weeks(session, user.id, weeks)
    sides = repository.side_weeks(session, user.id, weeks)
    per_exercise = repository.sessions_per_exercise(session, user.id, weeks)
    items = items_for(session, [routine.id])[routine.id] if routine else []
    specs = specs_by_slug(
        session,
        sorted({r.exercise for r in rows} | {i.exercise_slug for i in items}),
        include_deleted=True,
    )
    exercises = _exercises(weeks, rows, sides, per_exercise, specs)
    alerts = [
        PainAlert(session_id=sid, started_at=at, max_pain=pain, advice=ALERT_ADVICE)
        for sid, at, pain in repository.painful_sessions(
            session, user.id, weeks, calc.ALERT_AT_PAIN
        )
    ]
    return Progress.model_validate(
        {
            "from": first,
            "to": last,
            "time_zone": user.time_zone,
            "routine_id": routine.id if routine else None,
            "adherence": adherence,
            "current_streak": current,
            "best_streak": best,
            "exercises": exercises,
            "alerts": alerts,
            "advice": _advice(session, user, items, specs),
        }
    )


def _exercises(
    weeks: list[calc.Week],
    rows: list[repository.ExerciseWeekRow],
    sides: list[repository.SideWeekRow],
    per_exercise: dict[str, int],
    specs: dict[str, ExerciseSpec],
) -> list[ExerciseProgress]:
    side_map: dict[tuple[str, int], dict[str, SideWeek]] = defaultdict(dict)
    for s in sides:
        unit = specs[s.exercise].dosage.unit if s.exercise in specs else DosageUnit.REPS
        total = s.held if unit is DosageUnit.SECONDS else s.counted
        side_map[(s.exercise, s.bucket)][s.side] = SideWeek(sets=s.sets, total=total)
    by_exercise: dict[str, list[repository.ExerciseWeekRow]] = defaultdict(list)
    for r in rows:
        by_exercise[r.exercise].append(r)
    out = []
    for slug in sorted(by_exercise):
        unit = specs[slug].dosage.unit if slug in specs else DosageUnit.REPS
        ordered = sorted(by_exercise[slug], key=lambda r: r.bucket)
        week_views = []
        for r in ordered:
            side = side_map.get((slug, r.bucket), {})
            left, right = side.get("left"), side.get("right")
            week_views.append(
                ExerciseWeek(
                    week=weeks[r.bucket].label,
                    sessions=r.sessions,
                    sets=r.sets,
                    total_reps=r.reps,
                    total_steps=r.steps,
                    total_hold_seconds=r.hold,
                    pain_mean=round(r.pain_sum / r.sets, 2),
                    pain_max=r.pain_max,
                    effort_mean=round(r.effort_sum / r.sets, 2),
                    left=left,
                    right=right,
                    asymmetry=calc.asymmetry(left.total if left else 0, right.total if right else 0)
                    if side
                    else None,
                )
            )
        best = {
            DosageUnit.REPS: max(r.best_reps for r in ordered),
            DosageUnit.STEPS: max(r.best_steps for r in ordered),
            DosageUnit.SECONDS: max(r.best_hold for r in ordered),
        }[unit]
        out.append(
            ExerciseProgress(
                exercise=slug,
                unit=unit,
                sessions=per_exercise.get(slug, 0),
                sets=sum(r.sets for r in ordered),
                total_reps=sum(r.reps for r in ordered),
                total_steps=sum(r.steps for r in ordered),
                total_hold_seconds=sum(r.hold for r in ordered),
                best_set=best,
                weeks=week_views,
            )
        )
    return out


def _prescribed(item: RoutineItem) -> PrescribedDosage:
    return PrescribedDosage(
        sets=item.sets, reps=item.reps, steps=item.steps, hold_seconds=item.hold_seconds
    )


def _target(item: RoutineItem, spec: ExerciseSpec) -> repository.Target:
    unit = spec.dosage.unit
    column, value = {
        DosageUnit.REPS: ("reps", item.reps),
        DosageUnit.STEPS: ("steps", item.steps),
        DosageUnit.SECONDS: ("hold_seconds", item.hold_seconds),
    }[unit]
    side = item.side if item.side in ("left", "right") else None
    return repository.Target(item.exercise_slug, side, column, value or 1)


def _advice(
    session: Session, user: User, items: list[RoutineItem], specs: dict[str, ExerciseSpec]
) -> list[Advice]:
    items = [i for i in items if i.exercise_slug in specs]
    results = repository.recent_results(
        session, user.id, [_target(i, specs[i.exercise_slug]) for i in items]
    )
    advice = []
    for item in items:
        spec = specs[item.exercise_slug]
        required = item.sets * (2 if item.side == "both" else 1)
        recent = [
            calc.SessionResult(met, pain) for met, pain in results.get(item.exercise_slug, [])
        ]
        decision, reason = calc.decide(recent, required)
        current = _prescribed(item)
        nxt, change, basis = current, None, None
        if decision is Decision.PROGRESS:
            nxt, change, basis = calc.step_up(current, spec)
        elif decision is Decision.REDUCE:
            nxt, change, basis = calc.step_down(current, spec)
        advice.append(
            Advice(
                exercise=item.exercise_slug,
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


def safety_warnings(session: Session, user: User, routine_id: uuid.UUID) -> list[str]:
    """What a printed program must say before anything else: recent pain alerts and every
    "reduce" advice for the routine, in the words /me/progress uses."""
    report = progress(session, user, None, None, routine_id)
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
