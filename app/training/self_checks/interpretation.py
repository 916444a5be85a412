"""Reading a single-leg stance self-check against the article's signs of weakness.

Pure: no database, no HTTP. The weak side is always the stance leg's side: the
article explains that a weak gluteus medius lets the OPPOSITE hip drop while
standing on it, and names the two compensations (knee drifting in, trunk leaning
toward the weak side).
"""

from __future__ import annotations

from app.core.vocabulary import AffectedSide, Emphasis, PelvisDrop, Provenance
from app.training.self_checks.models import AssessmentCreate, Finding, Interpretation

PAIN_ADVICE_THRESHOLD = 5  # Medius' threshold: at or above it, stop and see a professional
STEADY_HOLD_SECONDS = 30  # Medius' yardstick; the article gives no duration

DISCLAIMER = (
    "This self-check is not a diagnosis. It points at signs the article describes; a "
    "physiotherapist or doctor should assess pain, injury or persistent weakness."
)


# The article's signs of a weak gluteus medius: what each means (`{leg}` is the stance
# leg) and what the routine builder favours for it.
_SIGNS: dict[str, tuple[str, Emphasis]] = {
    "trendelenburg-sign": (
        "The gluteus medius holds the pelvis level in single-leg stance; when it is weak the "
        "hip on the opposite side drops (Trendelenburg sign). A drop while standing on the "
        "{leg} leg points at the {leg} gluteus medius.",
        Emphasis.PELVIS_LEVEL,
    ),
    "hip-adduction-internal-rotation": (
        "Adducting and internally rotating the hip on the weak side is one of the two "
        "compensations the article describes; in running it shows as the knee drifting in "
        "toward the midline.",
        Emphasis.KNEE_OVER_TOES,
    ),
    "trunk-lean-toward-weak-side": (
        "Leaning the body toward the same side as the weakness is the article's second "
        "compensation.",
        Emphasis.TRUNK_UPRIGHT,
    ),
}


def advises_a_professional(pain: int) -> bool:
    """Whether a self-check's pain makes the interpretation send the user to a professional."""
    return pain >= PAIN_ADVICE_THRESHOLD


def interpret(check: AssessmentCreate) -> Interpretation:
    leg = check.stance_leg.value
    other = "left" if leg == "right" else "right"
    # What was seen, by sign (None: not seen).
    seen = {
        "trendelenburg-sign": f"Standing on the {leg} leg, the {other} hip dropped "
        f"({check.pelvis_drop.value})."
        if check.pelvis_drop is not PelvisDrop.NONE
        else None,
        "hip-adduction-internal-rotation": f"The {leg} knee drifted in toward the midline."
        if check.knee_drifts_in
        else None,
        "trunk-lean-toward-weak-side": f"The upper body leaned toward the {leg} side."
        if check.trunk_lean
        else None,
    }
    findings = [
        Finding(
            code=code,
            finding=finding,
            explanation=_SIGNS[code][0].format(leg=leg),
            provenance=Provenance.ARTICLE,
            emphasis=_SIGNS[code][1],
        )
        for code, finding in seen.items()
        if finding is not None
    ]
    if check.hold_seconds < STEADY_HOLD_SECONDS:
        findings.append(
            Finding(
                code="short-hold",
                finding=f"The stance was held for {check.hold_seconds} s.",
                explanation=(
                    f"Medius uses {STEADY_HOLD_SECONDS} s of steady stance as a yardstick; the "
                    "article gives no duration. A short hold alone does not point at one side."
                ),
                provenance=Provenance.MEDIUS,
                emphasis=None,
            )
        )
    signs = [f for f in findings if f.provenance is Provenance.ARTICLE]
    advice = []
    if advises_a_professional(check.pain):
        advice.append(
            f"Pain of {check.pain}/10 during the check: stop the exercises and see a "
            "physiotherapist or doctor before training this leg."
        )
    if not signs:
        advice.append(
            f"No sign of weakness seen standing on the {leg} leg; check the other leg too."
        )
    emphasis = list(dict.fromkeys(f.emphasis for f in signs if f.emphasis is not None))
    return Interpretation(
        likely_weak_side=AffectedSide(leg) if signs else AffectedSide.NONE,
        findings=findings,
        emphasis=emphasis,
        advice=advice,
        disclaimer=DISCLAIMER,
    )
