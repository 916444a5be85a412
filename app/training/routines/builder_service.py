"""The routine-builder endpoint's glue: load the catalog, apply a self-check, plan, maybe save."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field, StrictBool
from sqlmodel import Session

from app.catalog.exercises.repository import equipment_slugs
from app.catalog.exercises.seed import load_seed
from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.planner.models import Constraints, Plan, PlanItem
from app.catalog.planner.planner import build_plan
from app.core.errors import FieldError, Invalid, NotFound
from app.core.types import ShortText
from app.core.vocabulary import AffectedSide, Origin
from app.training.routines import service as routines
from app.training.routines.models import MAX_RATIONALE, RoutineCreate, RoutineItemIn
from app.training.self_checks.interpretation import PAIN_ADVICE_THRESHOLD
from app.training.self_checks.models import AssessmentPublic
from app.training.self_checks.service import get_owned as get_assessment
from app.training.self_checks.service import latest_owned as latest_assessment
from app.users.models import Caller


@dataclass
class SelfCheckRefused(Invalid):
    """A self-check stops the build (its pain calls for a professional, or its weak side
    contradicts the request): the answer shows something of the self-check `check_id`."""

    check_id: uuid.UUID | None = None


class BuilderRequest(Constraints):
    assessment_id: uuid.UUID | None = Field(
        default=None, description="A self-check of yours: its weak side and findings apply."
    )
    save: StrictBool = Field(default=False, description="Also store the proposal as your routine.")
    name: ShortText = Field(default="Built routine", description="Name if saved.")


class BuilderAnswer(Plan):
    name: str
    sessions_per_week: int
    routine_id: uuid.UUID | None = Field(description="The saved routine, when `save` was true.")


@lru_cache
def ladder() -> tuple[str, ...]:
    """The exercise ladder is editorial seed data (Medius' ordering), read once."""
    return tuple(load_seed().ladder)


def _apply_assessment(session: Session, user: Caller, request: BuilderRequest) -> Constraints:
    constraints = Constraints.model_validate(
        request.model_dump(exclude={"assessment_id", "save", "name"})
    )
    if request.assessment_id is None:
        return constraints
    try:
        row = get_assessment(session, user, request.assessment_id)
    except NotFound as exc:
        raise Invalid(
            "The self-check named is not one of yours.",
            errors=[
                FieldError(["body", "assessment_id"], "no such self-check", "unknown_reference")
            ],
        ) from exc
    return apply_assessment(constraints, row, ["body", "assessment_id"])


def apply_assessment(
    constraints: Constraints, row: AssessmentPublic, loc: list[str | int]
) -> Constraints:
    """The constraints with a self-check's weak side and emphasis applied (422 when the
    check's pain calls for a professional, or its weak side contradicts `affected_side`)."""
    reading = row.interpretation
    _refuse_painful(row, loc)
    side = constraints.affected_side
    weak = reading.likely_weak_side
    if weak is not AffectedSide.NONE:
        if side is not AffectedSide.NONE and side.value != weak.value:
            raise SelfCheckRefused(
                f"affected_side is {side.value}, but the self-check points at the "
                f"{weak.value} leg as the weak one. Say which leg to train: send the matching "
                "affected_side, or leave it out to follow the self-check.",
                errors=[
                    FieldError(
                        [*loc[:-1], "affected_side"],
                        f"{side.value} contradicts the self-check's weak side {weak.value}",
                        "contradiction",
                    ),
                    FieldError(
                        loc,
                        f"this self-check's weak side is {weak.value}, not {side.value}",
                        "contradiction",
                    ),
                ],
                check_id=row.id,
            )
        side = AffectedSide(weak.value)
    emphasis = list(dict.fromkeys([*constraints.emphasis, *reading.emphasis]))
    return constraints.model_copy(update={"affected_side": side, "emphasis": emphasis})


def _refuse_painful(row: AssessmentPublic, loc: list[str | int]) -> None:
    """A self-check whose pain calls for a professional never becomes a training plan."""
    pain, reading = row.pain, row.interpretation
    if pain < PAIN_ADVICE_THRESHOLD:
        return
    advice = " ".join(a for a in reading.advice if "/10" in a) or (
        f"Pain of {pain}/10 during the check: stop the exercises and see a physiotherapist "
        "or doctor before training this leg."
    )
    raise SelfCheckRefused(
        f"Medius will not build a routine from this self-check. {advice}",
        errors=[
            FieldError(
                loc,
                f"pain {pain}/10 is at or above {PAIN_ADVICE_THRESHOLD}/10: see a "
                "physiotherapist or doctor first",
                "pain_advice",
            )
        ],
        check_id=row.id,
    )


def _check_equipment(
    session: Session, request: Constraints, loc: tuple[str, ...] = ("body",)
) -> None:
    known = equipment_slugs(session)
    unknown = sorted(set(request.equipment or []) - known)
    if unknown:
        allowed = ", ".join(sorted(known))
        raise Invalid(
            f"Unknown equipment {', '.join(unknown)}; allowed: {allowed}.",
            errors=[FieldError([*loc, "equipment"], f"allowed: {allowed}", "enum")],
        )


def propose(
    session: Session, user: Caller, request: BuilderRequest, catalog: CatalogSpecs
) -> BuilderAnswer:
    _check_equipment(session, request)
    constraints = _apply_assessment(session, user, request)
    plan = build_plan(catalog.planner(session), ladder(), constraints)
    if constraints.affected_side is not request.affected_side:
        # Never a silent override: say where the side came from.
        plan.rationale.append(
            f"Affected side {constraints.affected_side} comes from your self-check "
            f"{request.assessment_id} (its likely weak side); the request named none."
        )
    routine_id = None
    if request.save:
        routine = routines.store(
            session,
            user,
            RoutineCreate(
                name=request.name,
                sessions_per_week=constraints.sessions_per_week,
                items=[_as_item_in(item) for item in plan.items],
                progression=plan.progression,
                rationale=plan.rationale,
            ),
            origin=Origin.BUILDER,
        )
        routine_id = routine.id
    return BuilderAnswer(
        **plan.model_dump(),
        name=request.name,
        sessions_per_week=constraints.sessions_per_week,
        routine_id=routine_id,
    )


NO_SELF_CHECK_GRANTED = (
    "Built without a self-check: the patient has not granted you `self_checks`, so none was read."
)
NO_SELF_CHECK_YET = "Built without a self-check: the patient has none yet."


def plan_for(
    session: Session,
    patient: Caller,
    constraints: Constraints,
    name: str,
    catalog: CatalogSpecs,
    loc: tuple[str, ...],
    *,
    read_self_check: bool,
) -> tuple[RoutineCreate, AssessmentPublic | None]:
    """The builder run for `patient` (a clinician prescribing), as a routine to store, and
    the self-check it used. Their latest self-check is read and applied only when
    `read_self_check` (the clinician holds `self_checks`); the rationale says which. `loc`
    is where the constraints sit in the request, for the errors."""
    _check_equipment(session, constraints, loc)
    check = latest_assessment(session, patient) if read_self_check else None
    applied = (
        constraints
        if check is None
        else apply_assessment(constraints, check, [*loc, "latest_self_check"])
    )
    plan = build_plan(catalog.planner(session), ladder(), applied)
    if check is not None:
        plan.rationale.insert(
            0,
            f"Built with the patient's latest self-check {check.id} of "
            f"{check.created_at.date().isoformat()} (its weak side and findings).",
        )
    else:
        plan.rationale.insert(0, NO_SELF_CHECK_YET if read_self_check else NO_SELF_CHECK_GRANTED)
    routine = RoutineCreate(
        name=name,
        sessions_per_week=applied.sessions_per_week,
        items=[_as_item_in(item) for item in plan.items],
        progression=plan.progression,
        rationale=plan.rationale[:MAX_RATIONALE],
    )
    return routine, check


def _as_item_in(item: PlanItem) -> RoutineItemIn:
    return RoutineItemIn.model_validate(item.model_dump())
