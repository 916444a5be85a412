"""Everything `python -m app seed` loads: the article's catalog, then the public templates."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import TypeAdapter
from sqlmodel import Session

from app.catalog.exercises.seed import SEED_DIR, apply_seed, load_seed
from app.training.routines.models import TemplateSpec
from app.training.routines.service import seed_templates


def load_templates(directory: Path = SEED_DIR) -> list[TemplateSpec]:
    with (directory / "templates.yaml").open(encoding="utf-8") as handle:
        return TypeAdapter(list[TemplateSpec]).validate_python(yaml.safe_load(handle))


def seed_all(session: Session) -> dict[str, int]:
    """Insert whatever of the seed data is missing; idempotent."""
    added = apply_seed(session, load_seed())
    added["templates"] = seed_templates(session, load_templates())
    return added
