"""Progression advice says whose each step is: within the article's range, or Medius'."""

from __future__ import annotations

from app.catalog.exercises.seed import seeded_catalog
from app.core.vocabulary import ProgressionBasis, Provenance
from app.logbook.progress import calc
from app.logbook.progress.models import PrescribedDosage

SPECS = {e.slug: e for e in seeded_catalog().exercises}


def test_a_step_within_the_articles_range_is_the_articles() -> None:
    _, change, basis = calc.step_up(
        PrescribedDosage(sets=2, reps=10, hold_seconds=3), SPECS["clamshell"]
    )
    assert change == "reps 10 -> 12"
    assert basis is ProgressionBasis.ARTICLE_RANGE
    assert calc.provenance_of(basis) is Provenance.ARTICLE


def test_a_step_past_the_articles_range_is_medius() -> None:
    at_the_top = PrescribedDosage(sets=2, reps=20, hold_seconds=5)
    _, change, basis = calc.step_up(at_the_top, SPECS["clamshell"])
    assert change is not None and basis is ProgressionBasis.MEDIUS
    assert calc.provenance_of(basis) is Provenance.MEDIUS


def test_every_reduction_is_medius() -> None:
    _, change, basis = calc.step_down(PrescribedDosage(sets=2, reps=10), SPECS["clamshell"])
    assert change == "sets 2 -> 1" and basis is ProgressionBasis.MEDIUS
    assert calc.provenance_of(None) is None
