"""Encoded /me/progress answers, reused while nothing they are made of has changed.

A busy user's answer is hundreds of kilobytes built from thousands of week rows; asked
again with nothing changed, it is the same bytes. Each answer is kept under a key naming
everything it is made of, read at the start of each request:

- the owner, their time zone and the resolved days (`from`/`to`, the default range's end
  being today in that zone: a new day is a new key);
- the routine compared against (named, or the most recently changed one): its id,
  revision, version and update time (an edit is a new version; another routine becoming
  the latest is another id);
- the owner's change counter (app/core/changes.py), which every write to their sessions
  and entries takes in its transaction (create, edit, entries, delete, a routine's
  deletion unlinking them, totals rebuilt for a new zone);
- the catalog's revision (the exercises' names and dosage rules).

The key is read in the same transaction as the answer is built, before it, so a stored
answer is never older than its key. Bounded by bytes, least recently used out first;
per process (each server worker keeps its own).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

MAX_BYTES = 64 * 1024 * 1024


class Answers:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.hits += 1
            return found

    def put(self, key: Hashable, answer: bytes) -> None:
        if len(answer) > self.max_bytes:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._kept[key] = answer
            self._size += len(answer)
            while self._size > self.max_bytes:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0


ANSWERS = Answers()
