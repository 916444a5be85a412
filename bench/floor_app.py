"""The bare floor for signed-in operations: the least work each request must do.

Starlette + orjson + PyJWT + the raw driver (sqlite3 in WAL mode with the app's
pragmas, or psycopg 3), on the very database the real server under test uses, with no
framework work: decode the Bearer token with the app's secret, check the token's
sign-in is live (the same user + token-family query the app runs), do the operation's
statements in plain SQL, answer with orjson. Served by the same uvicorn settings as the
real server, so the real endpoint's rate reads as a fraction of this floor.

The floor must do the same database work as the app (never less) or its ratio means
nothing. Every statement is in `SQL` below, one place to adjust when the schema gains
columns (a change counter for sync, token-family fields, ...). The create
(`create_session`) sends what the app's POST /sessions sends for the bench's sessions, in
the same order and transaction: the catalog's revision, the change counter, the quota and
totals' zone, the session and its entries, the day and week totals, the advice inputs, the
care summaries (on PostgreSQL after locking them) and the outbox row, leaving the same
rows (tests/bench/test_floor_create.py holds it to the app's statements and rows on both
databases). The app's decisions are kept as their plainest Python: the totals' figures,
the advice rule's "no change" (a session that would raise an alert, or move an advice
state, is answered 501: the bench's sessions never do, and the floor keeps no alert code).
`MINIMAL_CREATE` is the create it did before (the sign-in, the exercises, the two
inserts): the bench still shows the app against it, labelled as such.

The operations (`Operations`) are written against a small `Db` interface so that
bench/stack_floor_app.py runs the very same statements and answer-building code on
FastAPI + SQLAlchemy Core: the two floors differ only in the stack around them.

Environment: BENCH_FLOOR_DATABASE (the app's DATABASE_URL), SECRET_KEY,
MAX_SESSIONS_PER_DAY (as the app's, default 200).
One connection per worker process, used inline on the event loop: with one worker the
driver's work is serialised exactly as a single SQLite writer must be anyway.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import jwt
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

DATABASE = os.environ["BENCH_FLOOR_DATABASE"]
SECRET = os.environ["SECRET_KEY"]
POSTGRES = DATABASE.startswith("postgresql")
MAX_ENTRIES = 500
MAX_PER_DAY = int(os.environ.get("MAX_SESSIONS_PER_DAY", "200"))
# The pain that raises an alert, and that turns the advice to reduce
# (app/logbook/progress/calc.py ALERT_AT_PAIN, REDUCE_AT_PAIN).
ALERT_AT_PAIN, REDUCE_AT_PAIN = 7, 5
CLINIC_PRIVATE = '["session.routine_id", "session.routine_version"]'
CATALOG: list[Any] = [None, frozenset()]  # the live catalog's revision and slugs, as read

# `?` placeholders; psycopg's `%s` is substituted below. Column lists follow
# app/logbook/sessions/models.py, app/users/models.py and app/training/routines/models.py.
_SESSION_COLUMNS = (
    "SELECT id, routine_id, started_at, ended_at, notes, revision, created_at, updated_at "
    "FROM workout_session "
)
TOTAL_FIGURES = (
    "sessions",
    "sets",
    "reps",
    "steps",
    "hold_seconds",
    "best_reps",
    "best_steps",
    "best_hold",
    "pain_sum",
    "pain_max",
    "effort_sum",
    "left_sets",
    "left_counted",
    "left_held",
    "right_sets",
    "right_counted",
    "right_held",
)
MAXIMA = {"best_reps", "best_steps", "best_hold", "pain_max"}


def _totals_upsert(table: str, key: str) -> str:
    """Add a session's figures to its day's (week's) rows: sums add up, maxima take the
    larger (app/logbook/sessions/repository.py `_totals_add`)."""
    figures = ", ".join(TOTAL_FIGURES)
    marks = ", ".join("?" * (len(TOTAL_FIGURES) + 3))
    sets = ", ".join(
        f"{f} = CASE WHEN excluded.{f} > {table}.{f} THEN excluded.{f} ELSE {table}.{f} END"
        if f in MAXIMA
        else f"{f} = {table}.{f} + excluded.{f}"
        for f in TOTAL_FIGURES
    )
    return (
        f"INSERT INTO {table} (owner_id, {key}, exercise_slug, {figures}) VALUES ({marks}) "
        f"ON CONFLICT (owner_id, {key}, exercise_slug) DO UPDATE SET {sets}"
    )


# The relationship's patient's sessions, target and grants, as the app's UPDATE reads them.
_LIVE = "s.owner_id = r.patient_id AND s.deleted_at IS NULL"
_DONE = (
    f"(SELECT count(*) FROM workout_session s WHERE {_LIVE} "
    "AND s.started_at >= ? AND s.started_at < ?)"
)
_TARGET = (
    "COALESCE((SELECT t.sessions_per_week FROM routine t WHERE t.owner_id = r.patient_id "
    "AND t.clinic_id = r.clinic_id ORDER BY t.updated_at DESC, t.id LIMIT 1), "
    "(SELECT t.sessions_per_week FROM routine t WHERE t.owner_id = r.patient_id "
    "ORDER BY t.updated_at DESC, t.id LIMIT 1))"
)
_LAST = f"(SELECT max(s.started_at) FROM workout_session s WHERE {_LIVE})"
_EPOCH = (
    f"CAST(floor(extract(epoch FROM {_LAST})) AS BIGINT)"
    if POSTGRES
    else f"CAST(strftime('%s', {_LAST}) AS INTEGER)"
)
_GRANTS = "(',' || r.scopes || ',') LIKE ?"  # bound: '%,progress,%' or '%,alerts,%'
_RATIO = f"({_DONE} * 1000) / ({_TARGET} * 4)"
# Parameters, in order: counted from, to (summary_done); week ends; the alerts pattern; then
# three times the progress pattern, the ratio's two bounds twice in the first; the patient.
_CARE_REFRESH = (
    f"UPDATE care_relationship AS r SET summary_done = {_DONE}, summary_until = ?, "
    "summary_measure_id = (SELECT m.id FROM measure_answer m WHERE m.patient_id = "
    "r.patient_id AND m.clinic_id = r.clinic_id AND m.change IS NOT NULL "
    "ORDER BY m.answered_at DESC, m.id DESC LIMIT 1), "
    f"summary_last_id = (SELECT s.id FROM workout_session s WHERE {_LIVE} "
    "ORDER BY s.started_at DESC, s.id DESC LIMIT 1), "
    f"rank_alerts = CASE WHEN {_GRANTS} THEN -(SELECT count(*) FROM alert a "
    "WHERE a.patient_id = r.patient_id AND NOT EXISTS (SELECT 1 FROM alert_acknowledgement k "
    "WHERE k.alert_id = a.id AND k.clinic_id = r.clinic_id)) ELSE 0 END, "
    f"rank_adherence = CASE WHEN {_GRANTS} AND {_TARGET} > 0 AND {_RATIO} < 1000 "
    f"THEN {_RATIO} WHEN {_GRANTS} AND {_TARGET} > 0 THEN 1000 ELSE 1001 END, "
    f"rank_last = CASE WHEN {_GRANTS} AND {_LAST} IS NOT NULL THEN {_EPOCH} ELSE -1 END "
    "WHERE r.status = 'active' AND r.patient_id = ?"
)
SQL = {
    "signed_in_user": (
        "SELECT u.id, u.email, u.display_name, u.time_zone, u.units, u.role, u.revision, "
        "u.created_at, u.updated_at FROM app_user u JOIN token_family f "
        "ON f.id = ? AND f.user_id = u.id AND f.revoked_at IS NULL WHERE u.id = ?"
    ),
    "exercises": "SELECT slug, document FROM exercise WHERE deleted_at IS NULL AND slug IN ({})",
    # The 4-statement create measured before the floor did the app's work (MINIMAL_CREATE).
    "insert_session_minimal": (
        "INSERT INTO workout_session (id, owner_id, routine_id, started_at, ended_at, notes, "
        "body_digest, revision, created_at, updated_at, deleted_at) "
        "VALUES (?, ?, NULL, ?, ?, ?, ?, 1, ?, ?, NULL)"
    ),
    "insert_entry": (
        "INSERT INTO session_entry (session_id, position, exercise_slug, set_number, side, "
        "reps, steps, hold_seconds, load_band, load_kg, pain, effort, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    # --- The create, in the app's order (app/logbook/sessions/service.py `create`) ---
    # The live catalog's revision: the app checks entries against its cached catalog,
    # read again when this changes (so does the floor, as the slugs of live exercises).
    "catalog_revision": "SELECT revision, changed_at FROM catalog_state WHERE id = 1",
    "live_slugs": "SELECT slug FROM exercise WHERE deleted_at IS NULL",
    # The owner's change counter: the sync order and the lock serialising their writers.
    "bump_counter": (
        "INSERT INTO user_change_counter (user_id, seq) VALUES (?, 1) ON CONFLICT (user_id) "
        "DO UPDATE SET seq = user_change_counter.seq + 1 RETURNING seq"
    ),
    # The daily quota's count and the zone the owner's totals are dated in.
    "before_create": (
        "SELECT (SELECT count(*) FROM workout_session WHERE owner_id = ? AND started_at >= ? "
        "AND started_at < ? AND deleted_at IS NULL), "
        "(SELECT time_zone FROM exercise_day_zone WHERE owner_id = ?)"
    ),
    "insert_session": (
        "INSERT INTO workout_session (id, owner_id, routine_id, routine_version, started_at, "
        "ended_at, notes, body_digest, revision, created_at, updated_at, deleted_at, "
        "change_seq, pain_max) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, 1, ?, ?, NULL, ?, ?)"
    ),
    "add_day_totals": _totals_upsert("exercise_day_total", "day"),
    "add_week_totals": _totals_upsert("exercise_week_total", "week"),
    "set_totals_zone": (
        "INSERT INTO exercise_day_zone (owner_id, time_zone) VALUES (?, ?) "
        "ON CONFLICT (owner_id) DO UPDATE SET time_zone = excluded.time_zone"
    ),
    # The advice rule's inputs (app/logbook/alerts/repository.py `advice_inputs`): the
    # stored states of the touched exercises and of those standing at reduce, then the
    # worst pain of each touched exercise's last two sessions. `{in_}` and `{picks}` are
    # filled per number of exercises (`advice_sql`).
    "advice_inputs": (
        "SELECT 0, exercise, CAST(reducing AS INTEGER), episodes FROM alert_advice_state "
        "WHERE patient_id = ? AND (reducing = ? OR exercise IN ({in_})) "
        "UNION ALL SELECT 1, p.exercise, max(e.pain), 0 FROM ({picks}) p "
        "JOIN session_entry e ON e.session_id = p.session_id AND e.exercise_slug = p.exercise "
        "GROUP BY p.exercise, p.session_id"
    ),
    "advice_pick": (
        "SELECT * FROM (SELECT ? AS exercise, s.id AS session_id FROM workout_session s "
        "WHERE s.owner_id = ? AND s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM session_entry "
        "e WHERE e.session_id = s.id AND e.exercise_slug = ?) "
        "ORDER BY s.started_at DESC, s.id DESC LIMIT 2) t{n}"
    ),
    # The care summaries of every relationship of the patient (app/care/team/attention.py
    # `refresh_patient`), locked first on PostgreSQL as the app does.
    "lock_care": (
        "SELECT id FROM care_relationship WHERE status = 'active' AND patient_id = ? "
        "FOR NO KEY UPDATE"
    ),
    "refresh_care": _CARE_REFRESH,
    "outbox": (
        "INSERT INTO webhook_outbox (owner_id, event_type, subject, data, care_of, "
        "clinic_private, created_at) VALUES (?, 'session.logged', ?, ?, NULL, ?, ?)"
        + (" RETURNING id" if POSTGRES else "")
    ),
    "latest_sessions": _SESSION_COLUMNS
    + "WHERE owner_id = ? AND deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT ?",
    "one_session": _SESSION_COLUMNS + "WHERE id = ? AND owner_id = ? AND deleted_at IS NULL",
    "entries": (
        "SELECT session_id, exercise_slug, set_number, side, reps, steps, hold_seconds, "
        "load_band, load_kg, pain, effort, notes FROM session_entry "
        "WHERE session_id IN ({}) ORDER BY session_id, position"
    ),
    "routine": (
        "SELECT id, owner_id, is_template, template_key, name, notes, sessions_per_week, "
        "origin, progression, rationale, revision, created_at, updated_at FROM routine "
        "WHERE id = ? AND (is_template OR owner_id = ?)"
    ),
    "routine_items": (
        "SELECT exercise_slug, sets, reps, steps, hold_seconds, side, rest_seconds, notes, "
        "reason FROM routine_item WHERE routine_id = ? ORDER BY position"
    ),
    # The app reads the items' exercises (deleted ones too) for the estimated duration.
    "item_exercises": "SELECT slug, document FROM exercise WHERE slug IN ({})",
    # The clinician's view (app/care/team/overview_sql.py and attention.py), for one time
    # zone: the bench clinic's patients all live in UTC. The summaries the app keeps per
    # relationship are read, not recomputed: the stale check (none is, after the loader's
    # refresh, in the week it ran), a range of the attention index, the page's weeks.
    "clinic_role": "SELECT role FROM clinic_member WHERE clinic_id = ? AND user_id = ?",
    "care_stale": (
        "SELECT DISTINCT u.time_zone FROM app_user u JOIN care_relationship r "
        "ON r.patient_id = u.id WHERE r.clinic_id = ? AND r.clinician_id = ? "
        "AND r.status = 'active' AND r.summary_until <= ?"
    ),
    "care_page": (
        "SELECT r.patient_id, u.display_name, r.id AS relationship_id, r.scopes, "
        "COALESCE((SELECT t.sessions_per_week FROM routine t "
        "WHERE t.owner_id = r.patient_id AND t.clinic_id = ? "
        "ORDER BY t.updated_at DESC, t.id LIMIT 1), (SELECT t.sessions_per_week FROM routine t "
        "WHERE t.owner_id = r.patient_id ORDER BY t.updated_at DESC, t.id LIMIT 1)) AS target, "
        "0, 0, 0, 0, 0, ls.started_at AS last_at, ls.pain_max AS pain, "
        "(SELECT MAX(e.effort) FROM session_entry e WHERE e.session_id = r.summary_last_id) "
        "AS effort, r.rank_adherence, r.rank_last, -r.rank_alerts, u.time_zone, "
        "ma.id, ma.instrument_id, ma.answered_at, ma.score, ma.change, ma.verdict "
        "FROM care_relationship r JOIN app_user u ON u.id = r.patient_id "
        "LEFT JOIN workout_session ls ON ls.id = r.summary_last_id "
        "LEFT JOIN measure_answer ma ON ma.id = r.summary_measure_id "
        "WHERE r.clinic_id = ? AND r.clinician_id = ? AND r.status = 'active' "
        "ORDER BY r.rank_alerts, r.rank_adherence, r.rank_last, r.patient_id LIMIT ?"
    ),
    "care_weeks": (
        "SELECT owner_id, CASE "
        + " ".join(f"WHEN started_at >= ? AND started_at < ? THEN {k}" for k in range(5))
        + " ELSE -1 END AS bucket, COUNT(*) FROM workout_session "
        "WHERE deleted_at IS NULL AND started_at >= ? AND started_at < ? AND owner_id IN ({}) "
        "GROUP BY owner_id, bucket"
    ),
    "care_sides": (
        "SELECT owner_id, CASE week "
        + " ".join(f"WHEN ? THEN {k}" for k in range(5))
        + " ELSE -1 END AS bucket, SUM(left_counted), SUM(right_counted) "
        "FROM exercise_week_total WHERE week >= ? AND week <= ? AND owner_id IN ({}) "
        "GROUP BY owner_id, bucket"
    ),
    "care_log": (
        "INSERT INTO access_log (id, patient_id, actor_id, actor_name, clinic_id, clinic_name, "
        "relationship_id, action, resource, at, address) "
        "SELECT ?, ?, ?, ?, c.id, c.name, ?, 'read', 'care_overview', ?, ? FROM clinic c "
        "WHERE c.id = ?"
    ),
}
ITEM_FIELDS = (
    "exercise",
    "sets",
    "reps",
    "steps",
    "hold_seconds",
    "side",
    "rest_seconds",
    "notes",
    "reason",
)
ENTRY_FIELDS = ("set_number", "side", "reps", "steps", "hold_seconds", "load_band", "load_kg")
PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=5000")


class Refused(Exception):
    """An answer other than success: status and problem title."""

    def __init__(self, status: int, title: str) -> None:
        super().__init__(title)
        self.status, self.title = status, title


UNAUTHORIZED = Refused(401, "Unauthorized")
NOT_FOUND = Refused(404, "Not Found")
UNPROCESSABLE = Refused(422, "Unprocessable Content")
NOT_IMPLEMENTED = Refused(501, "Not Implemented")


def problem_body(refused: Refused) -> bytes:
    return orjson.dumps({"type": "about:blank", "title": refused.title, "status": refused.status})


def token_claims(header: str) -> tuple[uuid.UUID, uuid.UUID] | None:
    """(user id, token family id) of a valid access token, else None."""
    try:
        claims = jwt.decode(
            header, SECRET, algorithms=["HS256"], options={"require": ["exp", "sub", "fam"]}
        )
        return uuid.UUID(claims["sub"]), uuid.UUID(hex=claims["fam"])
    except (jwt.PyJWTError, ValueError, KeyError):
        return None


class Db:
    """How the operations reach the database; ids bound as the app stores them (hex on
    SQLite, uuid on PG). This one: one raw connection, opened on first use."""

    def __init__(self) -> None:
        self.mark = "%s" if POSTGRES else "?"
        self._conn: Any = None

    @property
    def conn(self) -> Any:
        if self._conn is None:
            if POSTGRES:
                import psycopg

                url = DATABASE.replace("postgresql+psycopg://", "postgresql://")
                self._conn = psycopg.connect(url, autocommit=True)
            else:
                path = DATABASE.removeprefix("sqlite:///")
                self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
                for pragma in PRAGMAS:
                    self._conn.execute(f"PRAGMA {pragma}")
        return self._conn

    def q(self, key: str, n: int = 0) -> str:
        text = SQL[key].format(", ".join("?" * n)) if n else SQL[key]
        # psycopg reads `%` as a placeholder's start: a literal one is doubled.
        return text.replace("%", "%%").replace("?", self.mark) if POSTGRES else text

    def id(self, value: uuid.UUID) -> Any:
        return value if POSTGRES else value.hex

    def time(self, value: datetime) -> Any:
        """An instant as the app binds it (SQLite: UTC text with microseconds)."""
        if POSTGRES:
            return value
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    def fetch(self, key: str, params: Sequence[Any]) -> list[Any]:
        """Rows of `SQL[key]`; for an `IN ({})` statement `params` are the list's values."""
        sql = self.q(key, len(params)) if "{}" in SQL[key] else self.q(key)
        return list(self.conn.execute(sql, params).fetchall())

    def fetch_in(self, key: str, params: Sequence[Any], items: Sequence[Any]) -> list[Any]:
        """Rows of a statement with `?` parameters and, last, an `IN ({})` list."""
        return list(self.conn.execute(self.q(key, len(items)), [*params, *items]).fetchall())

    def write_many(self, key: str, rows: Sequence[Sequence[Any]]) -> None:
        """One executemany of `SQL[key]` in its own transaction."""
        self.conn.execute("BEGIN" if POSTGRES else "BEGIN IMMEDIATE")
        try:
            self.conn.cursor().executemany(self.q(key), rows)
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            raise

    def run(self, sql: str, params: Sequence[Any]) -> list[Any]:
        """One statement of finished SQL text (`statement`), its rows if it returns any."""
        cursor = self.conn.execute(self.driver(sql), params)
        return list(cursor.fetchall()) if cursor.description is not None else []

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One executemany of finished SQL text."""
        self.conn.cursor().executemany(self.driver(sql), rows)

    def driver(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", self.mark) if POSTGRES else sql

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (SQLite: BEGIN IMMEDIATE), rolled back on any error."""
        self.conn.execute("BEGIN" if POSTGRES else "BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def write(self, session: Sequence[Any], entries: Sequence[Sequence[Any]]) -> bool:
        """The minimal create's transaction: insert the session and its entries; False
        if refused."""
        self.conn.execute("BEGIN" if POSTGRES else "BEGIN IMMEDIATE")
        try:
            self.conn.execute(self.q("insert_session_minimal"), session)
            cursor = self.conn.cursor()
            cursor.executemany(self.q("insert_entry"), entries)
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            return False
        return True


def _created(
    session_id: uuid.UUID,
    started: datetime,
    ended: datetime | None,
    body: dict[str, Any],
    entries: list[dict[str, Any]],
    stamp: str | None,
) -> dict[str, Any]:
    """A create's answer, as the app's for a session that names no routine."""
    return {
        "id": str(session_id),
        "routine_id": None,
        "routine_version": None,
        "started_at": _when(started),
        "ended_at": _when(ended),
        "notes": body.get("notes", ""),
        "entries": [
            {"exercise": e["exercise"], **{f: e.get(f) for f in ENTRY_FIELDS}}
            | {"pain": e["pain"], "effort": e["effort"], "notes": e.get("notes", "")}
            for e in entries
        ],
        "revision": 1,
        "created_at": stamp,
        "updated_at": stamp,
    }


def _when(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite: naive UTC text
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.astimezone(UTC).isoformat()).replace("+00:00", "Z")


def _uid(value: Any) -> str:
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(hex=value))


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str) else value


def _parsed(raw: bytes) -> tuple[dict[str, Any], list[Any], uuid.UUID, datetime, datetime | None]:
    """The create's body, entries, id, start and end, with the minimal check: types and
    bounds of what is stored."""
    try:
        body = orjson.loads(raw)
        entries = body["entries"]
        session_id = uuid.UUID(body["id"]) if body.get("id") else uuid.uuid4()
        started = datetime.fromisoformat(body["started_at"])
        ended = datetime.fromisoformat(body["ended_at"]) if body.get("ended_at") else None
        if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
            raise ValueError("entries")
        for entry in entries:
            if not (isinstance(entry["exercise"], str) and 0 <= entry["pain"] <= 10):
                raise ValueError("entry")
            if not 0 <= entry["effort"] <= 10 or not 1 <= entry["set_number"] <= 50:
                raise ValueError("entry")
    except (ValueError, KeyError, TypeError):
        raise UNPROCESSABLE from None
    return body, entries, session_id, started, ended


def _figures(entries: Sequence[Any]) -> dict[str, list[int]]:
    """The session's day (and week) figures per exercise, in TOTAL_FIGURES order
    (app/logbook/sessions/totals.py `add_session`): a session counts once per exercise."""
    out: dict[str, list[int]] = {}
    at = {name: n for n, name in enumerate(TOTAL_FIGURES)}
    for e in entries:
        v = out.get(e["exercise"])
        if v is None:
            v = out[e["exercise"]] = [0] * len(TOTAL_FIGURES)
            v[0] = 1
        reps, steps, hold = e.get("reps") or 0, e.get("steps") or 0, e.get("hold_seconds") or 0
        v[1] += 1
        v[2] += reps
        v[3] += steps
        v[4] += hold
        v[5], v[6], v[7] = max(v[5], reps), max(v[6], steps), max(v[7], hold)
        v[8] += e["pain"]
        v[9] = max(v[9], e["pain"])
        v[10] += e["effort"]
        side = e.get("side")
        if side in ("left", "right"):
            k = at[f"{side}_sets"]
            v[k] += 1
            v[k + 1] += reps + steps
            v[k + 2] += hold
    return out


def advice_sql(exercises: int) -> str:
    """The advice inputs' statement for this many exercises."""
    picks = " UNION ALL ".join(SQL["advice_pick"].format(n=n) for n in range(exercises))
    return SQL["advice_inputs"].format(in_=", ".join("?" * exercises), picks=picks)


def _advice_moves(rows: Sequence[Any], touched: Sequence[str]) -> bool:
    """Whether the advice rule (progress.calc.reduce_reason: reduce at a worst pain of
    REDUCE_AT_PAIN in the exercise's last two sessions) moves a stored state: an exercise
    turning to reduce or leaving it. The app then raises an alert or saves the states."""
    reducing: dict[str, bool] = {}
    worst: dict[str, int] = {}
    for kind, exercise, first, _ in rows:
        if kind == 0:
            reducing[exercise] = bool(first)
        else:
            worst[exercise] = max(worst.get(exercise, 0), int(first))
    if any(on for exercise, on in reducing.items() if exercise not in touched):
        return True  # an exercise standing at reduce is decided again: its sessions read
    return any((worst.get(e, 0) >= REDUCE_AT_PAIN) != reducing.get(e, False) for e in touched)


def _taken(error: BaseException) -> bool:
    """An integrity error (sqlite3, psycopg or SQLAlchemy's): the id is taken."""
    return any(kind.__name__ == "IntegrityError" for kind in type(error).__mro__)


class Operations:
    """Each signed-in operation's statements and answer, given the checked user's row
    (`user`, from the token's two ids). A refusal raises `Refused`."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def user(self, ids: tuple[uuid.UUID, uuid.UUID] | None) -> tuple[Any, ...]:
        """Check the sign-in is live: the app's one user + family query."""
        if ids is None:
            raise UNAUTHORIZED
        rows = self.db.fetch("signed_in_user", (self.db.id(ids[1]), self.db.id(ids[0])))
        if not rows:
            raise UNAUTHORIZED
        return tuple(rows[0])

    def _sessions(self, rows: Sequence[Any]) -> list[dict[str, Any]]:
        """Session rows with their entries, read in one more statement."""
        if not rows:
            return []
        ids = [r[0] for r in rows]
        entries: dict[Any, list[dict[str, Any]]] = {i: [] for i in ids}
        for e in self.db.fetch("entries", ids):
            entries[e[0]].append(
                {
                    "exercise": e[1],
                    "set_number": e[2],
                    "side": e[3],
                    "reps": e[4],
                    "steps": e[5],
                    "hold_seconds": e[6],
                    "load_band": e[7],
                    "load_kg": None if e[8] is None else str(e[8]),
                    "pain": e[9],
                    "effort": e[10],
                    "notes": e[11],
                }
            )
        return [
            {
                "id": _uid(r[0]),
                "routine_id": None if r[1] is None else _uid(r[1]),
                "started_at": _when(r[2]),
                "ended_at": _when(r[3]),
                "notes": r[4],
                "entries": entries[r[0]],
                "revision": r[5],
                "created_at": _when(r[6]),
                "updated_at": _when(r[7]),
            }
            for r in rows
        ]

    def create_session(self, user: Sequence[Any], raw: bytes) -> Any:
        """The app's create (module docstring), statement for statement."""
        db = self.db
        body, entries, session_id, started, ended = _parsed(raw)
        pain_max = max((e["pain"] for e in entries), default=None)
        if body.get("routine_id") is not None or (pain_max or 0) >= ALERT_AT_PAIN:
            raise NOT_IMPLEMENTED  # a routine's version read, a pain alert: not the bench's
        slugs = sorted({e["exercise"] for e in entries})
        if not self._known(slugs):
            raise UNPROCESSABLE
        owner, time_zone = user[0], user[3]
        zone = ZoneInfo(time_zone)
        local = started.astimezone(zone).date()
        day_start, day_end = (
            datetime.combine(d, datetime.min.time(), tzinfo=zone).astimezone(UTC)
            for d in (local, local + timedelta(days=1))
        )
        day = local.toordinal()
        figures = _figures(entries)
        now = datetime.now(UTC)
        stamp, stamped = _when(now), db.time(now)
        answer = _created(session_id, started, ended, body, entries, stamp)
        digest = hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()
        sid = db.id(session_id)
        rows = [
            (
                sid,
                n,
                e["exercise"],
                *(e.get(f) for f in ENTRY_FIELDS[:-1]),
                e.get("load_kg"),
                e["pain"],
                e["effort"],
                e.get("notes", ""),
            )
            for n, e in enumerate(entries, start=1)
        ]
        bounds, _ = _week_bounds(time_zone)
        counted_from, counted_to, week_ends = (db.time(bounds[k]) for k in (0, 4, 5))
        try:
            with db.transaction():
                seq = db.run(SQL["bump_counter"], (owner,))[0][0]
                before = (owner, db.time(day_start), db.time(day_end), owner)
                count, stored_zone = db.run(SQL["before_create"], before)[0]
                if count >= MAX_PER_DAY:
                    raise Refused(409, "Conflict")
                if stored_zone not in (None, time_zone):
                    raise NOT_IMPLEMENTED  # the app rebuilds the totals in the new zone
                ended_at = None if ended is None else db.time(ended)
                session = (sid, owner, db.time(started), ended_at, body.get("notes", ""))
                db.run(SQL["insert_session"], (*session, digest, stamped, stamped, seq, pain_max))
                db.run_many(SQL["insert_entry"], rows)
                week = day - (day - 1) % 7
                for key, when in (("add_day_totals", day), ("add_week_totals", week)):
                    db.run_many(SQL[key], [(owner, when, k, *v) for k, v in figures.items()])
                if stored_zone is None:  # a first session: the app builds the rows anew
                    db.run(SQL["set_totals_zone"], (owner, time_zone))
                advice = [owner, True, *slugs]
                for slug in slugs:
                    advice += [slug, owner, slug]
                if _advice_moves(db.run(advice_sql(len(slugs)), advice), slugs):
                    raise NOT_IMPLEMENTED  # an advice state moves: the app may raise an alert
                if POSTGRES:
                    db.run(SQL["lock_care"], (owner,))
                progress, alerts = "%,progress,%", "%,alerts,%"
                counted = (counted_from, counted_to)
                care = [*counted, week_ends, alerts, progress, *counted, *counted, progress]
                db.run(SQL["refresh_care"], (*care, progress, owner))
                data = orjson.dumps({"session": answer}).decode()
                outbox = (owner, f"session:{session_id}", data, CLINIC_PRIVATE, stamped)
                db.run(SQL["outbox"], outbox)
        except Refused:
            raise
        except Exception as error:
            if not _taken(error):
                raise
            raise Refused(409, "Conflict") from None  # the id is taken
        return answer

    def _known(self, slugs: Sequence[str]) -> bool:
        """Whether every slug names a live exercise, by the catalog's revision and the live
        slugs read again when it changed (the app's cached catalog)."""
        revision = self.db.run(SQL["catalog_revision"], ())[0][0]
        if CATALOG[0] != revision:
            live = {row[0] for row in self.db.run(SQL["live_slugs"], ())}
            CATALOG[0], CATALOG[1] = revision, frozenset(live)
        known: frozenset[str] = CATALOG[1]
        return set(slugs) <= known

    def create_session_minimal(self, user: Sequence[Any], raw: bytes) -> Any:
        """The create as the floor did it before it did the app's work (MINIMAL_CREATE):
        the exercises read, the session and its entries inserted; no change counter,
        totals, advice, care summaries or outbox row."""
        db = self.db
        body, entries, session_id, started, ended = _parsed(raw)
        slugs = sorted({e["exercise"] for e in entries})
        known = {r[0] for r in db.fetch("exercises", slugs)} if slugs else set()
        if len(known) != len(slugs):
            raise UNPROCESSABLE
        now = datetime.now(UTC)
        digest = hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()
        sid = db.id(session_id)
        rows = [
            (
                sid,
                n,
                e["exercise"],
                *(e.get(f) for f in ENTRY_FIELDS[:-1]),
                None if e.get("load_kg") is None else str(e["load_kg"]),
                e["pain"],
                e["effort"],
                e.get("notes", ""),
            )
            for n, e in enumerate(entries, start=1)
        ]
        session = (
            sid,
            db.id(uuid.UUID(hex=user[0]) if isinstance(user[0], str) else user[0]),
            db.time(started),
            None if ended is None else db.time(ended),
            body.get("notes", ""),
            digest,
            db.time(now),
            db.time(now),
        )
        if not db.write(session, rows):
            raise Refused(409, "Conflict")
        return _created(session_id, started, ended, body, entries, _when(now))

    def list_sessions(self, user: Sequence[Any], limit: str | None) -> Any:
        try:
            count = int("20" if limit is None else limit)
        except ValueError:
            raise UNPROCESSABLE from None
        if not 1 <= count <= 100:
            raise UNPROCESSABLE
        # One more row says whether a next page exists.
        rows = self.db.fetch("latest_sessions", (user[0], count + 1))
        items = self._sessions(rows[:count])
        return {"items": items, "next_cursor": None if len(rows) <= count else "more"}

    def get_session(self, user: Sequence[Any], session_id: str) -> Any:
        try:
            key = self.db.id(uuid.UUID(session_id))
        except ValueError:
            raise NOT_FOUND from None
        rows = self.db.fetch("one_session", (key, user[0]))
        if not rows:
            raise NOT_FOUND
        return self._sessions(rows)[0]

    def me(self, user: Sequence[Any]) -> Any:
        keys = ("id", "email", "display_name", "time_zone", "units", "role", "revision")
        data = dict(zip(keys, user[:7], strict=True))
        data["id"] = _uid(data["id"])
        data["created_at"], data["updated_at"] = _when(user[7]), _when(user[8])
        return data

    def get_routine(self, user: Sequence[Any], routine_id: str) -> Any:
        db = self.db
        try:
            key = db.id(uuid.UUID(routine_id))
        except ValueError:
            raise NOT_FOUND from None
        rows = db.fetch("routine", (key, user[0]))
        if not rows:
            raise NOT_FOUND
        r = rows[0]
        items = db.fetch("routine_items", (key,))
        slugs = sorted({item[0] for item in items})
        exercises = db.fetch("item_exercises", slugs) if slugs else []
        documents = {row[0]: _json(row[1]) for row in exercises}
        return {
            "id": _uid(r[0]),
            "is_template": bool(r[2]),
            "name": r[4],
            "notes": r[5],
            "sessions_per_week": r[6],
            "origin": r[7],
            "progression": _json(r[8]),
            "rationale": _json(r[9]),
            "items": [
                dict(zip(ITEM_FIELDS, item, strict=True)) | {"order": n}
                for n, item in enumerate(items, start=1)
            ],
            # A stand-in for the app's duration arithmetic over the exercises' documents.
            "estimated_seconds": sum(
                (item[1] * (item[6] + 30) if item[0] in documents else 0) for item in items
            ),
            "revision": r[10],
            "created_at": _when(r[11]),
            "updated_at": _when(r[12]),
        }


def _week_bounds(time_zone: str) -> tuple[list[datetime], list[int]]:
    """The five weeks' UTC bounds (six instants) and Mondays (ordinals) in `time_zone`,
    the last four weeks and this one, as the app's overview computes them."""
    zone = ZoneInfo(time_zone)
    today = datetime.now(UTC).astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    mondays = [monday - timedelta(weeks=4 - k) for k in range(6)]
    bounds = [
        datetime.combine(day, datetime.min.time(), tzinfo=zone).astimezone(UTC) for day in mondays
    ]
    return bounds, [day.toordinal() for day in mondays[:5]]


def _asymmetry(left: int, right: int) -> float | None:
    larger = max(left, right)
    return None if larger == 0 else round((left - right) / larger, 3)


def care_cursor(row: Sequence[Any]) -> str:
    values = [int(row[15]), row[13], row[14]]
    payload = orjson.dumps({"s": "attention", "v": values, "i": _uid(row[0])})
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


class CareOperations(Operations):
    """The clinician's view: membership, the patients' zone, the page, the page's
    left/right totals, then the read logged for each listed patient."""

    def care_patients(self, user: Sequence[Any], clinic_id: str, limit: str | None) -> Any:
        db = self.db
        try:
            clinic = db.id(uuid.UUID(clinic_id))
            count = int("20" if limit is None else limit)
        except ValueError:
            raise UNPROCESSABLE from None
        if not 1 <= count <= 100:
            raise UNPROCESSABLE
        if not db.fetch("clinic_role", (clinic, user[0])):
            raise NOT_FOUND
        now_at = datetime.now(UTC)
        if db.fetch("care_stale", (clinic, user[0], db.time(now_at))):
            raise Refused(501, "Not Implemented")  # the floor reads the summaries, never keeps
        rows = db.fetch("care_page", (clinic, clinic, user[0], count + 1))
        page = rows[:count]
        if not page:
            return {"items": [], "next_cursor": None}
        if len({r[16] for r in page}) > 1:
            raise Refused(501, "Not Implemented")  # the floor serves one zone (see SQL)
        bounds, mondays = _week_bounds(page[0][16])
        # As the app binds them (SQLite: text with microseconds, compared as text).
        at = [b if POSTGRES else b.strftime("%Y-%m-%d %H:%M:%S.%f") for b in bounds]
        weeks = [value for k in range(5) for value in (at[k], at[k + 1])]
        counted: dict[tuple[str, int], int] = {}
        for owner, bucket, n in db.fetch_in(
            "care_weeks", (*weeks, at[0], at[5]), [r[0] for r in page]
        ):
            if bucket >= 0:
                counted[(_uid(owner), int(bucket))] = int(n)
        sides: dict[tuple[str, int], tuple[int, int]] = {}
        if page:
            for owner, bucket, left, right in db.fetch_in(
                "care_sides", (*mondays, mondays[0], mondays[-1]), [r[0] for r in page]
            ):
                if bucket >= 0:
                    sides[(_uid(owner), int(bucket))] = (int(left or 0), int(right or 0))
        now = db.time(now_at)
        actor = user[2] or "your clinician"  # app/care/team/names.py: never the email
        db.write_many(
            "care_log",
            [
                (db.id(uuid.uuid4()), r[0], user[0], actor, r[2], now, "127.0.0.1", clinic)
                for r in page
            ],
        )
        days = [date.fromordinal(m).isoformat() for m in mondays]
        items = []
        for r in page:
            patient, target = _uid(r[0]), r[4]
            counts = [counted.get((patient, k), 0) for k in range(5)]
            scopes = sorted(r[3].split(","))
            seen = "progress" in scopes
            single = "sessions" in scopes  # one session's time, pain, effort
            items.append(
                {
                    "patient": {"id": patient, "display_name": r[1]},
                    "relationship_id": _uid(r[2]),
                    "scopes": scopes,
                    "open_alerts": int(r[15]) if "alerts" in scopes else None,
                    "figures": {
                        "sessions_per_week": target,
                        "adherence": r[13] / 1000 if r[13] <= 1000 else None,
                        "weeks": [
                            {
                                "starts_on": day,
                                "sessions": n,
                                "ratio": round(n / target, 3) if target else None,
                            }
                            for day, n in zip(days, counts, strict=True)
                        ],
                        "last_session_at": _when(r[10]) if single else None,
                        "latest_pain": r[11] if single else None,
                        "latest_effort": r[12] if single else None,
                        "asymmetry": [
                            {
                                "starts_on": day,
                                "asymmetry": _asymmetry(*sides.get((patient, k), (0, 0))),
                            }
                            for k, day in enumerate(days)
                        ],
                    }
                    if seen
                    else None,
                    "latest_measure": _latest_measure(r) if "measures" in scopes else None,
                }
            )
        more = len(rows) > count
        return {"items": items, "next_cursor": care_cursor(page[-1]) if more else None}


# Each instrument's MCID as its source published it (app/outcomes/instruments/definitions.py):
# the answer shows it beside the change the row keeps.
MCIDS: dict[str, float | None] = {
    "groc": None,
    "night-pain": 1.5,
    "stairs-pain": 1.5,
    "sls-time-to-pain": None,
    "hip-abduction-strength": None,
    "psfs": 1.3,
}


def _latest_measure(r: Sequence[Any]) -> dict[str, Any] | None:
    if r[17] is None or r[21] is None or r[19] is None:
        return None
    return {
        "answer_id": _uid(r[17]),
        "instrument_id": r[18],
        "answered_at": _when(r[19]),
        "score": r[20],
        "change": r[21],
        "mcid": MCIDS[r[18]],
        "verdict": r[22],
    }


ops = CareOperations(Db())
PROBLEM = "application/problem+json"
# The path of the 4-statement create (`create_session_minimal`), on both floors.
MINIMAL_CREATE = "/api/v1/minimal/sessions"


def _refused(refused: Refused) -> Response:
    return Response(problem_body(refused), refused.status, media_type=PROBLEM)


def _user(request: Request) -> tuple[Any, ...]:
    header = request.headers.get("authorization", "")
    return ops.user(token_claims(header[7:]) if header.startswith("Bearer ") else None)


async def _create(request: Request, operation: Any) -> Response:
    try:
        user = _user(request)
        data = operation(user, await request.body())
    except Refused as refused:
        return _refused(refused)
    return Response(orjson.dumps(data), 201, media_type="application/json")


async def create_session(request: Request) -> Response:
    return await _create(request, ops.create_session)


async def create_session_minimal(request: Request) -> Response:
    return await _create(request, ops.create_session_minimal)


def _read(request: Request, operation: Any, *args: Any) -> Response:
    try:
        data = operation(_user(request), *args)
    except Refused as refused:
        return _refused(refused)
    return Response(orjson.dumps(data), media_type="application/json")


async def list_sessions(request: Request) -> Response:
    return _read(request, ops.list_sessions, request.query_params.get("limit"))


async def get_session(request: Request) -> Response:
    return _read(request, ops.get_session, request.path_params["session_id"])


async def me(request: Request) -> Response:
    return _read(request, ops.me)


async def get_routine(request: Request) -> Response:
    return _read(request, ops.get_routine, request.path_params["routine_id"])


async def care_patients(request: Request) -> Response:
    return _read(
        request,
        ops.care_patients,
        request.path_params["clinic_id"],
        request.query_params.get("limit"),
    )


async def ready(_request: Request) -> Response:
    return Response(b'{"status":"ok"}', media_type="application/json")


app = Starlette(
    routes=[
        Route("/api/v1/sessions", create_session, methods=["POST"]),
        Route(MINIMAL_CREATE, create_session_minimal, methods=["POST"]),
        Route("/api/v1/sessions", list_sessions, methods=["GET"]),
        Route("/api/v1/sessions/{session_id}", get_session, methods=["GET"]),
        Route("/api/v1/me", me, methods=["GET"]),
        Route("/api/v1/routines/{routine_id}", get_routine, methods=["GET"]),
        Route("/api/v1/clinics/{clinic_id}/patients", care_patients, methods=["GET"]),
        Route("/readyz", ready),
    ],
)
