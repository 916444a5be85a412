"""The scoring module's properties (bounds, missing answers, a PSFS activity added later,
the timed test's cap, direction-aware verdicts) and example cases from the sources."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.vocabulary import AnswerType, MeasureVerdict
from app.outcomes.instruments import scoring
from app.outcomes.instruments.definitions import INSTRUMENTS, WITHHELD
from app.outcomes.instruments.models import Instrument, Item

FEW = settings(max_examples=50, deadline=None)
PSFS = INSTRUMENTS["psfs"]
NIGHT_PAIN = INSTRUMENTS["night-pain"]
STANCE = INSTRUMENTS["sls-time-to-pain"]
STRENGTH = INSTRUMENTS["hip-abduction-strength"]
NAMES = st.sampled_from(["Stairs", "Walking", "Lying on my side", "Running", "Gardening", "Golf"])


def _value(item: Item) -> st.SearchStrategy[Any]:
    lo, hi = item.minimum, item.maximum
    match item.answer_type:
        case AnswerType.INTEGER:
            assert lo is not None and hi is not None
            return st.integers(int(lo), int(hi))
        case AnswerType.NUMBER:
            assert lo is not None and hi is not None
            return st.floats(lo, hi, allow_nan=False)
        case AnswerType.BOOLEAN:
            return st.booleans()
        case AnswerType.CHOICE:
            return st.sampled_from([c.value for c in item.choices])
        case AnswerType.ACTIVITIES:
            return st.lists(
                st.fixed_dictionaries(
                    {"activity": NAMES, "rating": st.none() | st.integers(0, 10)}
                ),
                min_size=1,
                max_size=item.max_activities or 1,
                unique_by=lambda a: a["activity"],
            )
    raise AssertionError(item.answer_type)


@st.composite
def answered(draw: st.DrawFn, instrument: Instrument) -> dict[str, Any]:
    """Valid answers to `instrument`, optional items sometimes left out."""
    found = {}
    for item in instrument.items:
        if item.required or draw(st.booleans()):
            found[item.id] = draw(_value(item))
    return found


any_instrument = st.sampled_from(list(INSTRUMENTS.values()))


@FEW
@given(st.data())
def test_valid_answers_pass_and_score_within_the_instruments_bounds(data: st.DataObject) -> None:
    instrument = data.draw(any_instrument)
    answers = data.draw(answered(instrument))
    assert scoring.check_answers(instrument, answers) == []
    score = scoring.score(instrument, answers)
    if score is None:  # only a PSFS with no activity rated this time scores nothing
        assert instrument is PSFS
        assert all(a["rating"] is None for a in answers["activities"])
    else:
        assert instrument.score_minimum <= score <= instrument.score_maximum


@FEW
@given(st.data())
def test_a_missing_required_answer_is_named_and_scores_nothing(data: st.DataObject) -> None:
    instrument = data.draw(any_instrument)
    answers = data.draw(answered(instrument))
    dropped = data.draw(st.sampled_from([i.id for i in instrument.items if i.required]))
    del answers[dropped]
    assert (dropped,) in {e.loc for e in scoring.check_answers(instrument, answers)}
    if dropped == instrument.score_item:
        assert scoring.score(instrument, answers) is None


@FEW
@given(st.data(), st.integers(0, 10))
def test_a_psfs_activity_added_later_is_no_change(data: st.DataObject, rating: int) -> None:
    baseline = data.draw(answered(PSFS))
    follow_up = data.draw(answered(PSFS))
    named = {scoring.activity_key(a["activity"]) for a in follow_up["activities"]}
    if len(named) == PSFS.items[0].max_activities:
        follow_up["activities"].pop()
    added = {**follow_up, "activities": [*follow_up["activities"], {"activity": "A new one"}]}
    added["activities"][-1]["rating"] = rating
    assert scoring.change(PSFS, baseline, added) == scoring.change(PSFS, baseline, follow_up)
    # ...while the score (the mean of this answer's activities) does count it
    assert scoring.score(PSFS, added) is not None


@FEW
@given(st.integers(0, 600), st.booleans(), st.sampled_from(["left", "right"]))
def test_the_timed_stance_is_capped_at_thirty_seconds(seconds: int, onset: bool, leg: str) -> None:
    answers = {"stance_leg": leg, "seconds": seconds, "pain_onset": onset}
    score = scoring.score(STANCE, answers)
    assert score == (min(seconds, 30) if onset else 30)
    # Above the cap the answer itself is refused at the door (422), naming the item.
    assert bool(scoring.check_answers(STANCE, answers)) == (seconds > 30)


@FEW
@given(any_instrument, st.floats(-20, 20, allow_nan=False))
def test_verdicts_follow_the_scores_direction(instrument: Instrument, delta: float) -> None:
    verdict = scoring.verdict(instrument, delta)
    mcid = instrument.mcid.value
    if mcid is None:
        assert verdict is None
        return
    better = delta if instrument.higher_is_better else -delta
    expected = (
        MeasureVerdict.BETTER
        if round(better, 2) >= mcid
        else MeasureVerdict.WORSE
        if round(-better, 2) >= mcid
        else MeasureVerdict.WITHIN
    )
    assert verdict is expected
    opposite = {
        MeasureVerdict.BETTER: MeasureVerdict.WORSE,
        MeasureVerdict.WORSE: MeasureVerdict.BETTER,
    }
    assert scoring.verdict(instrument, -delta) is opposite.get(verdict, verdict)


@FEW
@given(st.floats(1, 2000, allow_nan=False), st.sampled_from(["N", "kg", "N.m/kg"]))
def test_strength_is_compared_only_on_the_same_side_in_the_same_unit(
    force: float, unit: str
) -> None:
    baseline = {"side": "left", "force": 100.0, "unit": "N"}
    answers = {"side": "left", "force": force, "unit": unit}
    delta = scoring.change(STRENGTH, baseline, answers)
    assert (delta is None) == (unit != "N")
    other_side = {**answers, "side": "right"}
    assert scoring.change(STRENGTH, baseline, other_side) is None


def test_source_examples_meet_or_miss_the_published_mcid() -> None:
    """Abbott & Schmitt 2014: PSFS 1.3 and pain NPRS 1.5 points for a small change."""
    base = {"activities": [{"activity": "Stairs", "rating": 4}, {"activity": "Walk", "rating": 4}]}

    def psfs(a: int, b: int) -> dict[str, Any]:
        return {
            "activities": [{"activity": "Stairs", "rating": a}, {"activity": "Walk", "rating": b}]
        }

    assert scoring.change(PSFS, base, psfs(5, 6)) == 1.5
    assert scoring.verdict(PSFS, 1.5) is MeasureVerdict.BETTER
    assert scoring.verdict(PSFS, 1.3) is MeasureVerdict.BETTER  # exactly the MCID counts
    assert scoring.verdict(PSFS, 1.0) is MeasureVerdict.WITHIN
    assert scoring.verdict(PSFS, -1.5) is MeasureVerdict.WORSE
    # Night pain from 6 to 4 is 2 points less pain: better; 6 to 5 is within; 6 to 8 worse.
    for after, expected in (
        (4, MeasureVerdict.BETTER),
        (5, MeasureVerdict.WITHIN),
        (8, MeasureVerdict.WORSE),
    ):
        delta = scoring.change(NIGHT_PAIN, {"rating": 6}, {"rating": after})
        assert scoring.verdict(NIGHT_PAIN, delta) is expected
    # The global rating of change is a change already: no baseline, no MCID of its own.
    groc = INSTRUMENTS["groc"]
    assert scoring.change(groc, {"rating": 1}, {"rating": 5}) is None
    assert scoring.score(groc, {"rating": -3}) == -3.0


def test_every_mcid_is_the_sources_with_a_citation_or_null_with_a_reason() -> None:
    for instrument in INSTRUMENTS.values():
        mcid = instrument.mcid
        assert mcid.provenance == "source" and mcid.reason
        if mcid.value is not None:
            assert mcid.source is not None and mcid.source.doi, instrument.id
    assert {w.title.split(" (")[-1].rstrip(")") for w in WITHHELD} == {"VISA-G", "PSEQ"}
