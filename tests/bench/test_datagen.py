"""The bench loader's shortcuts stay true to the app: a change to what a session create
fingerprints must break this test, not the next `make bench` an hour in."""

from __future__ import annotations

from bench.datagen import Scale, exercise_specs, session_plan


def test_the_loaders_digest_shortcut_matches_the_apps_digest() -> None:
    scale = Scale(exercises=20, users=5, sets=400, bench_user_sets=200, care_patients=3)
    # session_plan asserts, for its first sessions, that its byte-level fingerprint equals
    # the app's `sessions.service.digest` of the same create request.
    plan = session_plan(scale, exercise_specs(scale.exercises))
    assert len(plan.sessions) == scale.sessions
