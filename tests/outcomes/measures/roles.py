"""The role matrix's rows for the operations of app.outcomes.measures (tests/role_matrix.py)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.role_matrix import PATIENTS_OWN, SIGNED_IN_OK, Case, Rows, World, json_body

RATED = {"activities": [{"activity": "Climbing stairs", "rating": 5}]}


def _answer(world: World) -> dict[str, Any]:
    """A new answer to the patient's assignment: the patient's own (201); anyone else's
    names an assignment that is not theirs (422)."""
    return {
        "id": str(uuid.uuid4()),
        "assignment_id": world.params["assignment_id"],
        "answers": RATED,
    }


ROWS: Rows = {
    ("GET", "/api/v1/me/measures/due"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/me/measures/answers"): Case(
        "401 201 422 422 422 422 422 422", json_body(_answer)
    ),
    ("GET", "/api/v1/me/measures/answers"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/me/measures/answers/{answer_id}"): Case(PATIENTS_OWN),
    # Without If-Match: the patient's own answer is 428 (nothing written), another's 404.
    ("PUT", "/api/v1/me/measures/answers/{answer_id}"): Case(
        "401 428 404 404 404 404 404 404", json_body(lambda w: {"answers": RATED})
    ),
    ("GET", "/api/v1/me/measures/results"): Case(SIGNED_IN_OK),
}
