"""Session logs: what was done, set by set, idempotent by client id, synced offline-first;
the day and week totals kept in the same transaction."""
