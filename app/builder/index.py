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
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import islice

from app.builder import rules
from app.builder.models import Emphasis
from app.catalog.models import Difficulty, ExerciseSpec, Statement

RANK = {d: i for i, d in enumerate(Difficulty)}

GroupKey = tuple[str, Difficulty, frozenset[str]]  # position, difficulty, required equipment


def group_key(exercise: ExerciseSpec) -> GroupKey:
    return exercise.position, exercise.difficulty, frozenset(exercise.equipment)


class PlannerCatalog:
    """Unique exercises in ladder order (those off the ladder after, by difficulty then
    slug), their groups, and the ladder itself."""

    def __init__(self, exercises: Iterable[ExerciseSpec], ladder: Sequence[str]) -> None:
        unique: dict[str, ExerciseSpec] = {}
        for exercise in exercises:
            unique.setdefault(exercise.slug, exercise)
        self.ladder = tuple(ladder)
        self._rank = {slug: i for i, slug in enumerate(dict.fromkeys(ladder))}
        pairs = sorted((self._sort_key(e), e) for e in unique.values())
        self._index([k for k, _ in pairs], [e for _, e in pairs])

    def _sort_key(self, e: ExerciseSpec) -> tuple[int, int, str]:
        return self._rank.get(e.slug, len(self._rank)), RANK[e.difficulty], e.slug

    def _index(self, keys: list[tuple[int, int, str]], ordered: list[ExerciseSpec]) -> None:
        self._keys = keys
        self.ordered: tuple[ExerciseSpec, ...] = tuple(ordered)
        self.by_slug: Mapping[str, ExerciseSpec] = {e.slug: e for e in self.ordered}
        self.place = {e.slug: i for i, e in enumerate(self.ordered)}
        groups: dict[GroupKey, list[int]] = defaultdict(list)
        for i, exercise in enumerate(self.ordered):
            groups[group_key(exercise)].append(i)
        self.groups: dict[GroupKey, tuple[int, ...]] = {k: tuple(v) for k, v in groups.items()}
        self._cues: dict[Emphasis, dict[str, Statement]] = {}
        self._cues_lock = threading.Lock()

    def replaced(self, changed: Iterable[ExerciseSpec], removed: Collection[str]) -> PlannerCatalog:
        """A copy with `changed` exercises added or replaced and `removed` slugs dropped:
        the order is patched (binary insertion), not re-sorted."""
        new = {e.slug: e for e in changed}
        gone = set(removed) | set(new)
        keep = [i for i, e in enumerate(self.ordered) if e.slug not in gone]
        keys = [self._keys[i] for i in keep]
        ordered = [self.ordered[i] for i in keep]
        for exercise in new.values():
            key = self._sort_key(exercise)
            at = bisect.bisect(keys, key)
            keys.insert(at, key)
            ordered.insert(at, exercise)
        copy = object.__new__(PlannerCatalog)
        copy.ladder, copy._rank = self.ladder, self._rank
        copy._index(keys, ordered)
        return copy

    def __len__(self) -> int:
        return len(self.ordered)

    def select(self, keep: Callable[[GroupKey], bool]) -> Selection:
        return Selection(self, [k for k in self.groups if keep(k)])

    def cues(self, emphasis: Emphasis) -> dict[str, Statement]:
        """Slug -> the first cue matching `emphasis`, for every exercise that has one."""
        found = self._cues.get(emphasis)
        if found is None:
            with self._cues_lock:
                found = self._cues.get(emphasis)
                if found is None:
                    pattern = rules.EMPHASIS_PATTERNS[emphasis]
                    found = {}
                    for exercise in self.ordered:
                        cue = next((q for q in exercise.cues if pattern.search(q.text)), None)
                        if cue is not None:
                            found[exercise.slug] = cue
                    self._cues[emphasis] = found
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
        ordered = self.catalog.ordered
        if self.reverse:
            merged = heapq.merge(*(reversed(v) for v in self._lists), reverse=True)
        else:
            merged = heapq.merge(*self._lists)
        return (ordered[i] for i in merged)

    def reversed(self) -> Selection:
        return Selection(self.catalog, self._keys, not self.reverse)

    def narrow(self, keep: Callable[[GroupKey], bool]) -> Selection:
        return Selection(self.catalog, [k for k in self._keys if keep(k)], self.reverse)

    def __contains__(self, exercise: ExerciseSpec) -> bool:
        return group_key(exercise) in self.keys

    def sort_key(self, exercise: ExerciseSpec) -> int:
        place = self.catalog.place[exercise.slug]
        return -place if self.reverse else place

    def first(self, n: int) -> list[ExerciseSpec]:
        return list(islice(iter(self), n))
