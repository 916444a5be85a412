"""What other packages do inside an account's deletion, before its rows cascade away.

Most owned rows simply go with the account (`ON DELETE CASCADE`). A few need a decision
first, by a package above `users` that `users` cannot import (a clinic whose only owner
leaves must get another owner or go: app/care/team). Such a package registers a step here;
every step runs in the deleting transaction, so the deletion and its consequences commit
or roll back together.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlmodel import Session

Step = Callable[[Session, uuid.UUID], None]
_steps: dict[str, Step] = {}


def before_account_deletion(step: Step) -> Step:
    """Register `step` (by its qualified name, so a re-import does not run it twice)."""
    _steps[f"{step.__module__}.{step.__qualname__}"] = step
    return step


def run_steps(session: Session, user_id: uuid.UUID) -> None:
    for step in _steps.values():
        step(session, user_id)
