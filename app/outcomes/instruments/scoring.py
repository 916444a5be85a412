"""The one scoring module: answers in, scores, changes and verdicts out.

Pure (no database, no HTTP): the answers service, the clinician's view, the alerts, the
FHIR export and the progress report all score through these functions, so one instrument
never has two readings. Property-tested in tests/outcomes/instruments/test_scoring.py.

- `check_answers` turns a raw `answers` object into the validated one, or says which item
  is wrong (bounds, type, choices, a required item missing).
- `score` is the instrument's score of validated answers, or None when the answers hold
  nothing to score (a missing item, no rated activity).
- `change` is the change from a baseline, in the score's unit (None where the instrument
  has no baseline or the two are not comparable: another side, another unit).
- `verdict` reads a change against the source's MCID, direction-aware (a drop in pain is
  better; a drop in strength is worse); None without an MCID.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core.vocabulary import AnswerType, MeasureVerdict, ScoringRule
from app.outcomes.instruments.models import Instrument, Item

# Validated answers: item id -> value (int, float, bool, str, or a PSFS activity list).
Answers = Mapping[str, object]
ACTIVITY_NAME_MAX = 80
SCORE_DIGITS = 2  # scores and changes are rounded to hundredths (PSFS means)


@dataclass(frozen=True, slots=True)
class AnswerError:
    """One wrong item of an answer: its path under `answers`, and what is wrong."""

    loc: tuple[str | int, ...]
    message: str


def _number(item: Item, value: object, loc: tuple[str | int, ...]) -> list[AnswerError]:
    whole = item.answer_type is not AnswerType.NUMBER
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [AnswerError(loc, "must be a number")]
    if whole and not isinstance(value, int):
        return [AnswerError(loc, "must be a whole number")]
    if isinstance(value, float) and not math.isfinite(value):
        return [AnswerError(loc, "must be a finite number")]
    assert item.minimum is not None and item.maximum is not None
    if not item.minimum <= value <= item.maximum:
        return [AnswerError(loc, f"must be from {item.minimum:g} to {item.maximum:g}")]
    return []


def _activities(item: Item, value: object, loc: tuple[str | int, ...]) -> list[AnswerError]:
    if not isinstance(value, list) or not value:
        return [AnswerError(loc, "must be a list of one or more activities")]
    most = item.max_activities or 1
    if len(value) > most:
        return [AnswerError(loc, f"at most {most} activities")]
    errors: list[AnswerError] = []
    names: set[str] = set()
    for n, entry in enumerate(value):
        at = (*loc, n)
        if not isinstance(entry, dict) or set(entry) - {"activity", "rating"}:
            errors.append(AnswerError(at, "must be {activity, rating}"))
            continue
        name = entry.get("activity")
        if not isinstance(name, str) or not name.strip() or len(name) > ACTIVITY_NAME_MAX:
            errors.append(AnswerError((*at, "activity"), "must name the activity (1-80 chars)"))
            continue
        if not name.isprintable():
            errors.append(AnswerError((*at, "activity"), "must hold no control character"))
            continue
        key = activity_key(name)
        if key in names:
            errors.append(AnswerError((*at, "activity"), "named twice"))
        names.add(key)
        rating = entry.get("rating")
        if rating is not None:  # an activity not rated this time is left out of the mean
            errors += _number(item, rating, (*at, "rating"))
    return errors


def activity_key(name: str) -> str:
    """How activities are matched between answers: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def check_answers(instrument: Instrument, raw: Mapping[str, object]) -> list[AnswerError]:
    """What is wrong with `raw` as answers to `instrument` (empty: nothing)."""
    errors = [
        AnswerError((key,), "is not an item of this instrument")
        for key in raw
        if instrument.item(key) is None
    ]
    for item in instrument.items:
        loc: tuple[str | int, ...] = (item.id,)
        value = raw.get(item.id)
        if value is None:
            if item.required:
                errors.append(AnswerError(loc, "is required"))
            continue
        match item.answer_type:
            case AnswerType.INTEGER | AnswerType.NUMBER:
                errors += _number(item, value, loc)
            case AnswerType.BOOLEAN:
                if not isinstance(value, bool):
                    errors.append(AnswerError(loc, "must be true or false"))
            case AnswerType.CHOICE:
                if value not in {c.value for c in item.choices}:
                    allowed = ", ".join(c.value for c in item.choices)
                    errors.append(AnswerError(loc, f"must be one of: {allowed}"))
            case AnswerType.ACTIVITIES:
                errors += _activities(item, value, loc)
    return errors


def _rated(instrument: Instrument, answers: Answers) -> dict[str, float]:
    """A PSFS answer's rated activities by key (unrated ones left out)."""
    found: dict[str, float] = {}
    entries = answers.get(instrument.score_item)
    if not isinstance(entries, Sequence):
        return found
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        name, rating = entry.get("activity"), entry.get("rating")
        if isinstance(name, str) and isinstance(rating, int | float):
            found[activity_key(name)] = float(rating)
    return found


def _round(value: float) -> float:
    return round(value, SCORE_DIGITS) + 0.0  # + 0.0: never -0.0


def score(instrument: Instrument, answers: Answers) -> float | None:
    """The instrument's score, or None when the answers hold nothing to score."""
    if instrument.rule is ScoringRule.MEAN_OF_ACTIVITIES:
        rated = _rated(instrument, answers)
        return _round(sum(rated.values()) / len(rated)) if rated else None
    value = answers.get(instrument.score_item)
    if instrument.rule is ScoringRule.TIME_TO_ONSET:
        onset = answers.get("pain_onset")
        if not isinstance(onset, bool) or isinstance(value, bool):
            return None
        if not isinstance(value, int | float):
            return None
        if not onset:
            return float(instrument.score_maximum)  # held to the cap without pain
        return float(min(max(value, instrument.score_minimum), instrument.score_maximum))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return _round(float(value))


def comparable(instrument: Instrument, baseline: Answers, answers: Answers) -> bool:
    """Whether `answers` may be compared with `baseline` (same side, same unit)."""
    return instrument.has_baseline and all(
        baseline.get(key) == answers.get(key) for key in instrument.comparable_on
    )


def change(instrument: Instrument, baseline: Answers, answers: Answers) -> float | None:
    """The change from `baseline` to `answers` in the score's unit (positive: the score
    rose), or None: no baseline for this instrument, not comparable, or nothing scored.
    The PSFS compares the activities rated both times only (an activity added later is no
    change)."""
    if not comparable(instrument, baseline, answers):
        return None
    if instrument.rule is ScoringRule.MEAN_OF_ACTIVITIES:
        before, after = _rated(instrument, baseline), _rated(instrument, answers)
        both = before.keys() & after.keys()
        if not both:
            return None
        return _round(sum(after[k] - before[k] for k in both) / len(both))
    start, now = score(instrument, baseline), score(instrument, answers)
    if start is None or now is None:
        return None
    return _round(now - start)


def improvement(instrument: Instrument, delta: float) -> float:
    """`delta` as an improvement: positive is better whichever way the score runs."""
    return delta if instrument.higher_is_better else -delta


def verdict(instrument: Instrument, delta: float | None) -> MeasureVerdict | None:
    """Where a change stands against the source's MCID: at least the MCID better, at least
    the MCID worse, or within it; None without a change or without a published MCID."""
    mcid = instrument.mcid.value
    if delta is None or mcid is None:
        return None
    gained = improvement(instrument, delta)
    # Rounded first: a PSFS change of 1.3 computed as 1.2999999 meets an MCID of 1.3.
    if _round(gained) >= mcid:
        return MeasureVerdict.BETTER
    if _round(-gained) >= mcid:
        return MeasureVerdict.WORSE
    return MeasureVerdict.WITHIN
