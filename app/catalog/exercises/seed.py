"""Load `seed_data/` through the catalog models and insert what is missing.

Seeding only adds: an exercise, muscle or piece of equipment that already exists
(including one an admin edited or deleted) is left alone, so seeding is idempotent
and never undoes curation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session

from app.catalog.exercises import repository
from app.catalog.exercises.models import CatalogSeed

SEED_DIR = Path(__file__).resolve().parents[3] / "seed_data"


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class Paraphrase(BaseModel):
    """One row of the reviewed paraphrase table: our words, and the article's they render."""

    model_config = ConfigDict(extra="forbid")
    where: str = Field(description="`<slug>.<field>`, e.g. `clamshell.steps`.")
    text: str
    article: str


@lru_cache
def load_paraphrases(directory: Path = SEED_DIR) -> tuple[Paraphrase, ...]:
    return tuple(Paraphrase.model_validate(row) for row in _read(directory / "paraphrases.yaml"))


class _Quotes:
    """Looks up the article's words for an `article` value given in Medius' words."""

    def __init__(self, table: tuple[Paraphrase, ...]) -> None:
        self._by_text = {(p.where, p.text): p.article for p in table}
        self._by_where = {p.where: p.article for p in table}

    def statement(self, where: str, item: Any) -> Any:
        """A statement (or progression) dict, with `article_text` filled in if it is ours."""
        if not isinstance(item, dict) or item.get("provenance") != "article":
            return item
        text = str(item.get("text", item.get("description")))
        quote = self._by_text.get((where, text))
        return {**item, "article_text": quote} if quote and "article_text" not in item else item

    def attribution(self, where: str, record: dict[str, Any]) -> dict[str, Any]:
        """`record` with every `article` attribution carrying its quote, if it has one.

        `record` is raw YAML, before `CatalogSeed` validates it: any shape, hence `Any`."""
        given = record.get("attribution")
        if not isinstance(given, dict):
            return record
        out: dict[str, Any] = {}
        for name, value in given.items():
            quote = self._by_where.get(f"{where}.{name}")
            if value == "article" and quote is not None:
                value = {"provenance": "article", "article_text": quote}
            out[name] = value
        return {**record, "attribution": out}


def _with_quotes(
    exercises: list[Any], muscles: list[Any], table: tuple[Paraphrase, ...]
) -> tuple[list[Any], list[Any]]:
    """The seed records with the table's article sentences copied into `article_text`."""
    quotes = _Quotes(table)
    out_ex = []
    for e in exercises:
        slug = e["slug"]
        e = quotes.attribution(slug, e)
        for field in ("steps", "cues", "progressions", "regressions"):
            e[field] = [quotes.statement(f"{slug}.{field}", s) for s in e.get(field, [])]
        e["dosage"] = quotes.attribution(f"{slug}.dosage", e["dosage"])
        out_ex.append(e)
    out_mu = []
    for m in muscles:
        slug = m["slug"]
        m = quotes.attribution(slug, m)
        for field in ("actions", "weakness_signs", "compensations"):
            m[field] = [quotes.attribution(f"{slug}.{field}.{r['slug']}", r) for r in m[field]]
        m["why_it_matters"] = [
            quotes.statement(f"{slug}.why_it_matters", s) for s in m["why_it_matters"]
        ]
        out_mu.append(m)
    return out_ex, out_mu


@lru_cache
def load_seed(directory: Path = SEED_DIR) -> CatalogSeed:
    """The seed files, validated; read once per process (they only change with a deploy)."""
    ladder = _read(directory / "ladder.yaml")
    exercises, muscles = _with_quotes(
        _read(directory / "exercises.yaml"),
        _read(directory / "muscles.yaml"),
        load_paraphrases(directory),
    )
    return CatalogSeed.model_validate(
        {
            "source": _read(directory / "source.yaml"),
            "muscles": muscles,
            "equipment": _read(directory / "equipment.yaml"),
            "exercises": exercises,
            "ladder": ladder["exercises"],
            "ladder_provenance": ladder["provenance"],
        }
    )


def seeded_catalog(seed: CatalogSeed | None = None) -> CatalogSeed:
    """The seed with the source credited on every record, as `apply_seed` stores them."""
    seed = seed or load_seed()
    return seed.model_copy(
        update={
            "muscles": [
                m.model_copy(update={"source": m.source or seed.source}) for m in seed.muscles
            ],
            "exercises": [
                e.model_copy(update={"source": e.source or seed.source}) for e in seed.exercises
            ],
        }
    )


def apply_seed(session: Session, seed: CatalogSeed) -> dict[str, int]:
    """Insert every seed record not yet present; return how many of each were added."""
    done = repository.upsert_catalog(session, seeded_catalog(seed), replace=False)
    kinds = [kind for kind, _ in done.added]
    added = {
        "muscles": kinds.count("muscle"),
        "equipment": kinds.count("equipment"),
        "exercises": kinds.count("exercise"),
    }
    if done.added or repository.catalog_revision(session)[0] == 0:
        repository.bump_catalog_revision(session, done.exercises())
    session.commit()
    return added
