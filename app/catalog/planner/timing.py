"""How long a routine takes, and the timer intervals that make it up.

The formula (seconds; `seconds_per_rep` is the exercise's `default_dosage` tempo):

    S = 2 if the exercise is unilateral and side is "both", else 1
    W = one set's work:
          unit reps:    reps  x (seconds_per_rep + hold_seconds)    (hold 0 if null)
          unit steps:   steps x seconds_per_rep x (2 if per_direction else 1)
          unit seconds: hold_seconds
    item_seconds    = S x sets x W  +  (S - 1) x SWITCH_SIDE_SECONDS  +  S x sets x rest_seconds
    routine_seconds = sum of item_seconds  -  rest_seconds of the last item

A unilateral item with side "both" does all its sets on the left, then a `switch_side`
interval (whose `side` and `lie_on` are the NEW working leg and lying side, and whose cue
says them), then all its sets on the right. The first interval on each side states the
full placement ("Lie on your left side; your right (top) leg does the work."), every
later one starts with the working leg (`sides.leg_prefix`). Rest follows every set (so
also between items) except the very last set of the routine. The timeline gives held
reps one `work` and one `hold` interval per rep (so a front end can run a hold timer), a
non-held set one `work` interval, a timed set one `hold` interval; zero-second intervals
are left out, so the timeline's seconds always add up to `routine_seconds`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner.models import DosageLike, Interval, Placement
from app.catalog.planner.rules import SWITCH_SIDE_SECONDS
from app.catalog.planner.sides import leg_prefix, placement, switch_cue
from app.core.vocabulary import DosageUnit, IntervalKind, Laterality, Side


def _sides(item: DosageLike, exercise: ExerciseSpec) -> list[Side | None]:
    if exercise.laterality is Laterality.BILATERAL or item.side is None:
        return [None]
    if item.side == Side.BOTH:
        return [Side.LEFT, Side.RIGHT]
    return [Side(item.side)]


def _set_work(item: DosageLike, exercise: ExerciseSpec) -> int:
    tempo = exercise.default_dosage.seconds_per_rep
    unit = exercise.dosage.unit
    if unit is DosageUnit.REPS:
        return (item.reps or 0) * (tempo + (item.hold_seconds or 0))
    if unit is DosageUnit.STEPS:
        return (item.steps or 0) * tempo * (2 if exercise.dosage.per_direction else 1)
    return item.hold_seconds or 0


def item_seconds(item: DosageLike, exercise: ExerciseSpec, *, last: bool = False) -> int:
    """Seconds for one item, rest after every set included (`last`: not after its final set)."""
    sides = len(_sides(item, exercise))
    total_sets = sides * item.sets
    rests = total_sets - 1 if last else total_sets
    return (
        total_sets * _set_work(item, exercise)
        + (sides - 1) * SWITCH_SIDE_SECONDS
        + rests * item.rest_seconds
    )


def routine_seconds(
    items: Sequence[DosageLike], exercises_by_slug: Mapping[str, ExerciseSpec]
) -> int:
    """Seconds for the whole routine: no rest after its very last set."""
    return sum(
        item_seconds(item, exercises_by_slug[item.exercise], last=i == len(items) - 1)
        for i, item in enumerate(items)
    )


def _item_intervals(
    item: DosageLike, exercise: ExerciseSpec, *, last: bool, next_name: str | None
) -> Iterator[Interval]:
    cues = exercise.cues_text() or [exercise.name]
    tempo = exercise.default_dosage.seconds_per_rep
    hold = item.hold_seconds or 0
    sides = _sides(item, exercise)
    count = 0
    where: Placement | None = None
    told = False  # the first interval on each side gives the full placement

    def interval(kind: IntervalKind, n: int, side: Side | None, seconds: int, cue: str) -> Interval:
        nonlocal told
        lying = where.lie_on if where is not None else None
        if where is not None and kind is not IntervalKind.REST:
            cue = f"{where.instruction} {cue}" if not told else leg_prefix(where) + cue
            told = True
        return Interval(
            kind=kind,
            exercise=exercise.slug,
            set=n,
            side=side,
            lie_on=lying,
            seconds=seconds,
            cue=cue,
        )

    for s_index, side in enumerate(sides):
        where = placement(exercise, side) if side is not None else None
        told = False
        for n in range(1, item.sets + 1):
            if exercise.dosage.unit is DosageUnit.SECONDS:
                if hold > 0:
                    yield interval(IntervalKind.HOLD, n, side, hold, cues[count % len(cues)])
                    count += 1
            elif exercise.dosage.unit is DosageUnit.REPS and hold > 0:
                for _ in range(item.reps or 0):
                    yield interval(IntervalKind.WORK, n, side, tempo, cues[count % len(cues)])
                    yield interval(IntervalKind.HOLD, n, side, hold, f"Hold for {hold} s.")
                    count += 1
            else:
                work = _set_work(item, exercise)
                if work > 0:
                    yield interval(IntervalKind.WORK, n, side, work, cues[count % len(cues)])
                    count += 1
            final = s_index == len(sides) - 1 and n == item.sets
            if item.rest_seconds > 0 and not (last and final):
                cue = f"Rest. Next: {next_name}." if final and next_name else "Rest."
                yield interval(IntervalKind.REST, n, side, item.rest_seconds, cue)
        following = sides[s_index + 1] if s_index < len(sides) - 1 else None
        if following is not None:
            new = placement(exercise, following)
            yield Interval(
                kind=IntervalKind.SWITCH_SIDE,
                exercise=exercise.slug,
                set=item.sets,
                side=following,
                lie_on=new.lie_on,
                seconds=SWITCH_SIDE_SECONDS,
                cue=switch_cue(exercise, new),
            )


def timeline(
    items: Sequence[DosageLike], exercises_by_slug: Mapping[str, ExerciseSpec]
) -> list[Interval]:
    """The routine as timer intervals, in order; their seconds add up to `routine_seconds`."""
    intervals: list[Interval] = []
    for i, item in enumerate(items):
        following = items[i + 1] if i + 1 < len(items) else None
        next_name = exercises_by_slug[following.exercise].name if following else None
        intervals.extend(
            _item_intervals(
                item,
                exercises_by_slug[item.exercise],
                last=following is None,
                next_name=next_name,
            )
        )
    return intervals
