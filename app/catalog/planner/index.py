"""A catalog prepared for planning: built once per catalog revision, read by every request.

`build_plan` needs, per request, only the first few exercises in its order that fit the
constraints, how many fit, and the first few names of a handful of "left out" lists. So
the specs are put in ladder order once, and grouped by what the filters look at:
(position, difficulty, required equipment). A request picks the groups that fit (a few
dozen at most, whatever the catalog's size) and walks their merged order lazily, so it
never touches the exercises it does not use. Cue matches per emphasis are computed on
first use and kept with the snapshot.
"""

from __future__ import annotations

import bisect
import heapq
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from operator import itemgetter

from app.catalog.exercises.models import ExerciseSpec, Statement
from app.catalog.planner import rules
from app.core.vocabulary import Difficulty, Emphasis

RANK = {d: i for i, d in enumerate(Difficulty)}

GroupKey = tuple[str, Difficulty, frozenset[str]]  # position, difficulty, required equipment


def group_key(exercise: ExerciseSpec) -> GroupKey:
    return exercise.position, exercise.difficulty, frozenset(exercise.equipment)


SortKey = tuple[int, int, str]  # ladder rank (off-ladder last), difficulty rank, slug


class PlannerCatalog:
    """Unique exercises in ladder order (those off the ladder after, by difficulty then
    slug), grouped, and the ladder itself. Each group is a list sorted by that order, so
    a request merges the few groups it needs, and a catalog change patches the groups it
    touches (`replaced`) instead of renumbering everything."""

    def __init__(self, exercises: Iterable[ExerciseSpec], ladder: Sequence[str]) -> None:
        unique: dict[str, ExerciseSpec] = {}
        for exercise in exercises:
            unique.setdefault(exercise.slug, exercise)
        self.ladder = tuple(ladder)
        self._rank = {slug: i for i, slug in enumerate(dict.fromkeys(ladder))}
        self.by_slug: dict[str, ExerciseSpec] = unique
        self.key_of: dict[str, SortKey] = {s: self._sort_key(e) for s, e in unique.items()}
        groups: dict[GroupKey, list[tuple[SortKey, ExerciseSpec]]] = defaultdict(list)
        for slug, exercise in unique.items():
            groups[group_key(exercise)].append((self.key_of[slug], exercise))
        self.groups = {k: sorted(v, key=itemgetter(0)) for k, v in groups.items()}
        self._cues: dict[Emphasis, dict[str, Statement]] = {}
        self._cues_lock = threading.Lock()

    def _sort_key(self, e: ExerciseSpec) -> SortKey:
        return self._rank.get(e.slug, len(self._rank)), RANK[e.difficulty], e.slug

    @property
    def ordered(self) -> list[ExerciseSpec]:
        """Every exercise in order (error paths only: it reads the whole catalog)."""
        return [e for _, e in heapq.merge(*self.groups.values(), key=itemgetter(0))]

    def replaced(self, changed: Iterable[ExerciseSpec], removed: Collection[str]) -> PlannerCatalog:
        """A copy with `changed` exercises added or replaced and `removed` slugs dropped.

        Only the groups an old or new version belongs to are copied and patched (binary
        search); the rest, and cached cue matches of unchanged exercises, are shared."""
        new = {e.slug: e for e in changed}
        gone = {slug for slug in (*removed, *new) if slug in self.by_slug}
        copy = object.__new__(PlannerCatalog)
        copy.ladder, copy._rank = self.ladder, self._rank
        copy.by_slug, copy.key_of = dict(self.by_slug), dict(self.key_of)
        copy.groups = dict(self.groups)
        patched: set[GroupKey] = set()

        def group(key: GroupKey) -> list[tuple[SortKey, ExerciseSpec]]:
            if key not in patched:
                copy.groups[key] = list(copy.groups.get(key, ()))
                patched.add(key)
            return copy.groups[key]

        for slug in gone:
            old, at = self.by_slug[slug], self.key_of[slug]
            members = group(group_key(old))
            del members[bisect.bisect_left(members, at, key=itemgetter(0))]
            del copy.by_slug[slug], copy.key_of[slug]
        for slug, exercise in new.items():
            at = copy._sort_key(exercise)
            copy.by_slug[slug], copy.key_of[slug] = exercise, at
            bisect.insort(group(group_key(exercise)), (at, exercise), key=itemgetter(0))
        copy.groups = {k: v for k, v in copy.groups.items() if v}
        copy._cues = {}
        for emphasis, found in self._cues.items():
            kept = {slug: cue for slug, cue in found.items() if slug not in gone}
            kept.update(_matches(new.values(), emphasis))
            copy._cues[emphasis] = kept
        copy._cues_lock = threading.Lock()
        return copy

    def __len__(self) -> int:
        return len(self.by_slug)

    def select(self, keep: Callable[[GroupKey], bool]) -> Selection:
        return Selection(self, [k for k in self.groups if keep(k)])

    def cues(self, emphasis: Emphasis) -> dict[str, Statement]:
        """Slug -> the first cue matching `emphasis`, for every exercise that has one."""
        found = self._cues.get(emphasis)
        if found is None:
            with self._cues_lock:
                found = self._cues.get(emphasis)
                if found is None:
                    found = _matches(self.by_slug.values(), emphasis)
                    self._cues[emphasis] = found
        return found


def _matches(exercises: Iterable[ExerciseSpec], emphasis: Emphasis) -> dict[str, Statement]:
    pattern = rules.EMPHASIS_PATTERNS[emphasis]
    found = {}
    for exercise in exercises:
        cue = next((q for q in exercise.cues if pattern.search(q.text)), None)
        if cue is not None:
            found[exercise.slug] = cue
    return found


class Selection:
    """The exercises of some groups, in catalog order (or its reverse), produced lazily."""

    def __init__(
        self, catalog: PlannerCatalog, keys: Sequence[GroupKey], reverse: bool = False
    ) -> None:
        self.catalog = catalog
        self._keys = list(keys)
        self.keys = frozenset(keys)
        self._lists = [catalog.groups[k] for k in keys]
        self.reverse = reverse
        self.size = sum(len(v) for v in self._lists)

    def __len__(self) -> int:
        return self.size

    def __bool__(self) -> bool:
        return self.size > 0

    def __iter__(self) -> Iterator[ExerciseSpec]:
        first = itemgetter(0)
        if self.reverse:
            lists = (reversed(v) for v in self._lists)
            return (e for _, e in heapq.merge(*lists, key=first, reverse=True))
        return (e for _, e in heapq.merge(*self._lists, key=first))

    def reversed(self) -> Selection:
        return Selection(self.catalog, self._keys, not self.reverse)

    def narrow(self, keep: Callable[[GroupKey], bool]) -> Selection:
        return Selection(self.catalog, [k for k in self._keys if keep(k)], self.reverse)

    def __contains__(self, exercise: ExerciseSpec) -> bool:
        return group_key(exercise) in self.keys

    def in_order(self, exercises: Iterable[ExerciseSpec]) -> list[ExerciseSpec]:
        """`exercises` sorted as this selection walks them."""
        key_of = self.catalog.key_of
        return sorted(exercises, key=lambda e: key_of[e.slug], reverse=self.reverse)
