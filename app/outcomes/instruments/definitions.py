"""The instruments Medius ships, as data: the interim core outcome set for gluteal
tendinopathy (Fearon, Grimaldi et al., BJSM 2024;58(5):245) and the Patient-Specific
Functional Scale.

Every question is in Medius' own words (none of a source's text is copied). Every MCID is a
published figure with its citation, or null with the reason none applies; nothing here is a
number Medius chose. `WITHHELD` names the instruments of the set that are not shipped
because their text is not free to redistribute (docs/guides/outcome-measures.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.core.vocabulary import AnswerType, Reporter, ScoringRule
from app.outcomes.instruments.models import (
    Choice,
    Citation,
    Instrument,
    Item,
    Mcid,
    WithheldInstrument,
)

COS_GT = Citation(
    citation="Fearon AM, Grimaldi A, Mellor R, Nasser AM, Fitzpatrick J, Ladurner A, "
    "Vicenzino B, et al. ICON 2020 - International Scientific Tendinopathy Symposium "
    "Consensus: the development of a core outcome set for gluteal tendinopathy. "
    "Br J Sports Med 2024;58(5):245-254.",
    doi="10.1136/bjsports-2023-107150",
)
ABBOTT_SCHMITT = Citation(
    citation="Abbott JH, Schmitt JS. Minimum important differences for the "
    "Patient-Specific Functional Scale, 4 region-specific outcome measures, and the "
    "numeric pain rating scale. J Orthop Sports Phys Ther 2014;44(8):560-564.",
    doi="10.2519/jospt.2014.5248",
)
JAESCHKE = Citation(
    citation="Jaeschke R, Singer J, Guyatt GH. Measurement of health status: ascertaining "
    "the minimal clinically important difference. Control Clin Trials 1989;10(4):407-415.",
)
STRATFORD = Citation(
    citation="Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change "
    "on individual patients: a report of a patient specific measure. Physiother Can "
    "1995;47(4):258-263.",
)
SEED_ARTICLE = Citation(
    citation="Harris R. Glut-Med Exercises (the article Medius' catalog is drawn from): the "
    "Trendelenburg sign and the two compensations of a weak gluteus medius.",
)

MEDIUS_WORDING = (
    "Questions in Medius' own words (MIT, like the rest of Medius); no text of the source "
    "is reproduced. The cited works are the sources' own copyright."
)
NO_COS_GT_FIGURE = (
    "The core outcome set names this an interim measure: none of the measures it reviewed "
    "had adequate clinimetric properties, and no MCID or measurement error for it is "
    "published that Medius could cite."
)

NRS_MCID = Mcid(
    value=1.5,
    kind="mcid",
    source=ABBOTT_SCHMITT,
    reason="The source's minimum important difference of the 0-10 numeric pain rating for a "
    "small patient-perceived change (ROC against the global rating of change) in "
    "musculoskeletal physical-therapy patients; it reports 1.5 to 3.5 points for small to "
    "large change. Published for pain ratings generally, not for this item alone.",
)


def _nrs(item_id: str, title: str, question: str) -> Instrument:
    return Instrument(
        id=item_id,
        version=1,
        title=title,
        summary=f"{title} on a 0-10 numeric rating, a measure of the gluteal tendinopathy "
        "core outcome set.",
        reported_by=[Reporter.PATIENT],
        items=[
            Item(
                id="rating",
                text=question,
                answer_type=AnswerType.INTEGER,
                minimum=0,
                maximum=10,
                unit="{score}",
                anchors={"0": "no pain", "10": "the worst pain imaginable"},
            )
        ],
        rule=ScoringRule.ITEM_VALUE,
        score_item="rating",
        scoring="The rating itself (0-10); lower is better.",
        score_unit="{score}",
        score_minimum=0,
        score_maximum=10,
        higher_is_better=False,
        has_baseline=True,
        mcid=NRS_MCID,
        sources=[COS_GT, ABBOTT_SCHMITT],
        licence=MEDIUS_WORDING + " A 0-10 numeric rating is not proprietary.",
        loinc="72514-3",
    )


GROC = Instrument(
    id="groc",
    version=1,
    title="Global rating of change",
    summary="How the patient rates their hip now against when treatment started, -7 to +7; "
    "a measure of the gluteal tendinopathy core outcome set.",
    reported_by=[Reporter.PATIENT],
    items=[
        Item(
            id="rating",
            text="Since your treatment started, how has your hip changed overall? Choose from "
            "-7 (a very great deal worse) through 0 (about the same) to +7 (a very great deal "
            "better).",
            answer_type=AnswerType.INTEGER,
            minimum=-7,
            maximum=7,
            unit="{score}",
            anchors={
                "-7": "a very great deal worse",
                "0": "about the same",
                "7": "a very great deal better",
            },
        )
    ],
    rule=ScoringRule.ITEM_VALUE,
    score_item="rating",
    scoring="The rating itself (-7 to +7). It is a rating of change, so no baseline is "
    "taken and no change is computed from it.",
    score_unit="{score}",
    score_minimum=-7,
    score_maximum=7,
    higher_is_better=True,
    has_baseline=False,
    mcid=Mcid(
        value=None,
        source=JAESCHKE,
        reason="The rating is itself the anchor other instruments' MCIDs are set against "
        "(the 15-point scale of the source); it is not a score whose difference has an MCID.",
    ),
    sources=[COS_GT, JAESCHKE],
    licence=MEDIUS_WORDING + " A rating of change is not proprietary.",
)

NIGHT_PAIN = _nrs(
    "night-pain",
    "Pain at night",
    "Over the last week, how bad was the pain in your hip at night, 0 (no pain) to 10 (the "
    "worst pain imaginable)?",
)
STAIRS_PAIN = _nrs(
    "stairs-pain",
    "Pain on stairs",
    "Over the last week, how bad was the pain in your hip when walking up or down stairs, 0 "
    "(no pain) to 10 (the worst pain imaginable)?",
)

SIDES = [Choice(value="left", label="Left"), Choice(value="right", label="Right")]
STANCE_CAP_SECONDS = 30

SINGLE_LEG_STANCE = Instrument(
    id="sls-time-to-pain",
    version=1,
    title="Time to pain in single-leg stance",
    summary="Stand on the painful side's leg for up to 30 s; the time until pain starts, "
    "with the article's signs of a weak gluteus medius seen meanwhile.",
    reported_by=[Reporter.PATIENT, Reporter.CLINICIAN],
    items=[
        Item(
            id="stance_leg",
            text="Which leg did you stand on?",
            answer_type=AnswerType.CHOICE,
            choices=SIDES,
        ),
        Item(
            id="seconds",
            text="How many seconds until the pain started (30 if it did not start by 30 s)?",
            answer_type=AnswerType.INTEGER,
            minimum=0,
            maximum=STANCE_CAP_SECONDS,
            unit="s",
        ),
        Item(
            id="pain_onset",
            text="Did pain start before 30 s?",
            answer_type=AnswerType.BOOLEAN,
        ),
        Item(
            id="pelvis_drop",
            text="Did the hip on the other side drop (the Trendelenburg sign)?",
            answer_type=AnswerType.CHOICE,
            choices=[
                Choice(value="none", label="No"),
                Choice(value="slight", label="Slightly"),
                Choice(value="marked", label="Clearly"),
            ],
            required=False,
        ),
        Item(
            id="trunk_lean",
            text="Did the upper body lean toward the stance side?",
            answer_type=AnswerType.BOOLEAN,
            required=False,
        ),
    ],
    rule=ScoringRule.TIME_TO_ONSET,
    score_item="seconds",
    scoring="Seconds until pain started, capped at 30; 30 when no pain started. Higher is "
    "better. Compared only with a baseline on the same stance leg.",
    score_unit="s",
    score_minimum=0,
    score_maximum=STANCE_CAP_SECONDS,
    higher_is_better=True,
    has_baseline=True,
    comparable_on=["stance_leg"],
    mcid=Mcid(value=None, source=COS_GT, reason=NO_COS_GT_FIGURE),
    sources=[COS_GT, SEED_ARTICLE],
    licence=MEDIUS_WORDING,
)

HIP_ABDUCTION_STRENGTH = Instrument(
    id="hip-abduction-strength",
    version=1,
    title="Hip abduction strength",
    summary="Isometric hip abduction strength measured by the clinician (a dynamometer), "
    "with its unit and side.",
    reported_by=[Reporter.CLINICIAN],
    items=[
        Item(
            id="side", text="Which side was measured?", answer_type=AnswerType.CHOICE, choices=SIDES
        ),
        Item(
            id="force",
            text="The peak force (or torque) measured.",
            answer_type=AnswerType.NUMBER,
            minimum=0.1,
            maximum=2000,
        ),
        Item(
            id="unit",
            text="The unit of the value.",
            answer_type=AnswerType.CHOICE,
            choices=[
                Choice(value="N", label="newtons"),
                Choice(value="kg", label="kilograms (force)"),
                Choice(value="N.m/kg", label="newton-metres per kilogram of body mass"),
            ],
        ),
    ],
    rule=ScoringRule.ITEM_VALUE,
    score_item="force",
    scoring="The measured value, in its unit. Higher is better. Compared only with a baseline "
    "of the same side in the same unit.",
    score_unit="{as entered}",
    score_minimum=0.1,
    score_maximum=2000,
    higher_is_better=True,
    has_baseline=True,
    comparable_on=["side", "unit"],
    mcid=Mcid(
        value=None,
        source=COS_GT,
        reason=NO_COS_GT_FIGURE + " Measurement error of dynamometry also depends on the "
        "device, the position and the tester.",
    ),
    sources=[COS_GT],
    licence=MEDIUS_WORDING,
)

PSFS = Instrument(
    id="psfs",
    version=1,
    title="Patient-Specific Functional Scale",
    summary="Up to five activities the patient names as hard to do because of their hip, "
    "each rated 0 (unable) to 10 (able as before); the score is their mean.",
    reported_by=[Reporter.PATIENT],
    items=[
        Item(
            id="activities",
            text="Name up to five activities you find hard to do because of your hip, and "
            "rate each: 0 means you cannot do it at all, 10 that you do it as well as before "
            "the problem. Next time, rate the same activities again (you may add one).",
            answer_type=AnswerType.ACTIVITIES,
            minimum=0,
            maximum=10,
            unit="{score}",
            max_activities=5,
            anchors={"0": "unable to perform", "10": "able to perform as before"},
        )
    ],
    rule=ScoringRule.MEAN_OF_ACTIVITIES,
    score_item="activities",
    scoring="The mean of the rated activities (0-10); higher is better. The change from "
    "baseline is taken over the activities rated both times (matched by name), so an "
    "activity added later never counts as a change.",
    score_unit="{score}",
    score_minimum=0,
    score_maximum=10,
    higher_is_better=True,
    has_baseline=True,
    mcid=Mcid(
        value=1.3,
        kind="mcid",
        source=ABBOTT_SCHMITT,
        reason="The source's minimum important difference of the PSFS mean score for a "
        "small patient-perceived change (2.3 for a medium, 2.7 for a large one), stable "
        "across body regions.",
    ),
    sources=[STRATFORD, ABBOTT_SCHMITT],
    licence=MEDIUS_WORDING + " The PSFS is published for free clinical use.",
)

INSTRUMENTS: Mapping[str, Instrument] = MappingProxyType(
    {
        i.id: i
        for i in (GROC, NIGHT_PAIN, STAIRS_PAIN, SINGLE_LEG_STANCE, HIP_ABDUCTION_STRENGTH, PSFS)
    }
)

WITHHELD: tuple[WithheldInstrument, ...] = (
    WithheldInstrument(
        title="Victorian Institute of Sport Assessment - Gluteal (VISA-G)",
        source=Citation(
            citation="Fearon AM, Ganderton C, Scarvell JM, et al. Development and "
            "validation of a VISA tendinopathy questionnaire for greater trochanteric pain "
            "syndrome, the VISA-G. Man Ther 2015;20(6):805-813.",
        ),
        reason="Its questions are published in a journal article under the publisher's "
        "copyright, with no licence Medius found that lets others redistribute the text; "
        "the core outcome set recommends it for trials only.",
    ),
    WithheldInstrument(
        title="Pain Self-Efficacy Questionnaire (PSEQ)",
        source=Citation(
            citation="Nicholas MK. The pain self-efficacy questionnaire: taking pain into "
            "account. Eur J Pain 2007;11(2):153-163.",
        ),
        reason="The core outcome set's self-efficacy measure. Its ten items are the "
        "author's copyright; Medius found no licence that lets them be redistributed in "
        "software, so it ships no paraphrase either (a reworded questionnaire would not "
        "be the validated one).",
    ),
)
