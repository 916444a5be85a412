"""Shared field types and vocabularies, declared once with their bounds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Annotated, Any, ForwardRef, TypeAlias
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

# JSON as parsed or as orjson will encode it, for values whose members are open by contract
# (an OpenAPI example, a webhook event's `data`, an imported document before its model
# reads it). An answer a service builds has a TypedDict shape instead (app.core.shapes).
if TYPE_CHECKING:
    JSONValue: TypeAlias = (
        str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
    )
else:
    # The same at run time, its self-references bound to this module, so that
    # `typing.get_type_hints` resolves a shape using it from any module (tests/core). Not for
    # a pydantic field: pydantic would recurse on it (Python 3.12's `type` statement fixes that).
    _JSON_VALUE = ForwardRef("JSONValue", module=__name__)
    JSONValue = str | int | float | bool | list[_JSON_VALUE] | dict[str, _JSON_VALUE] | None
JSONObject: TypeAlias = dict[str, JSONValue]
# An OpenAPI document or a piece of one (a `responses=` entry, an `openapi_extra=`): open by
# the OpenAPI specification, and typed as FastAPI types the parameters it is handed to.
OpenAPIObject: TypeAlias = dict[str, Any]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Lengths shared by the wire types below and the table columns that store their values.
SLUG_MAX = 64
SHORT_TEXT_MAX = 120
SENTENCE_MAX = 500
LONG_TEXT_MAX = 2000
NOTES_MAX = 2000
SHORT_NOTES_MAX = 500

Slug = Annotated[
    str,
    StringConstraints(min_length=1, max_length=SLUG_MAX, pattern=SLUG_PATTERN),
    Field(description="Lower-case, hyphenated, stable identifier.", examples=["clamshell"]),
]

# C0 controls, DEL and C1 controls. PostgreSQL cannot store U+0000 in text (a 500 before
# these types), and none of them belongs in a name, a search or a note.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The same, less tab and line feed (carriage returns are normalised to line feeds first).
_CONTROLS_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ONE_LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
MULTI_LINE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"


def control_characters(value: str) -> bool:
    """Whether `value` holds a C0/C1 control character (NUL, ESC, DEL, U+0085...)."""
    return _CONTROLS.search(value) is not None


@dataclass(frozen=True, slots=True)
class NoControls:
    """Annotated marker: the string may hold no control character (`multiline`: but tab and
    newline; CR LF and lone CR become LF, so stored text has one line ending).

    Put it last in `Annotated`, after `StringConstraints`, so the length bounds stay on the
    string schema (and in OpenAPI); the schema also gets the equivalent `pattern`.
    """

    multiline: bool = False

    def _check(self, value: str) -> str:
        if self.multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            if _CONTROLS_BUT_LAYOUT.search(value):
                raise PydanticCustomError(
                    "string_control_characters",
                    "control characters are not allowed (tab and newline are)",
                )
        elif _CONTROLS.search(value):
            raise PydanticCustomError(
                "string_control_characters", "control characters are not allowed"
            )
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["pattern"] = MULTI_LINE_PATTERN if self.multiline else ONE_LINE_PATTERN
        return json_schema


ONE_LINE = NoControls()
MULTI_LINE = NoControls(multiline=True)

ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT_TEXT_MAX), ONE_LINE
]
Sentence = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SENTENCE_MAX), ONE_LINE
]
LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=LONG_TEXT_MAX),
    MULTI_LINE,
]
Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=NOTES_MAX), MULTI_LINE]
# Notes on one set or one item (their columns hold 500). A `Field(max_length=...)` on a
# field typed with one of these aliases is silently ignored by pydantic (the alias' own
# bound wins), so each length gets its own alias.
ShortNotes = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=SHORT_NOTES_MAX), MULTI_LINE
]
SearchText = Annotated[str, StringConstraints(max_length=100), ONE_LINE]


def utcnow() -> datetime:
    return datetime.now(UTC)


_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text_form(kind: type, pattern: re.Pattern[str], message: str) -> Callable[[object], object]:
    """A before-validator: a `kind` passes; anything else must be text matching `pattern`
    (no epoch numbers, no naive local times, no other spellings)."""

    def check(value: object) -> object:
        if isinstance(value, kind):
            return value
        if not isinstance(value, str) or not pattern.match(value):
            raise ValueError(message)
        return value

    return check


_rfc3339_text = _text_form(
    datetime, _RFC3339, "expected an RFC 3339 timestamp with an offset, e.g. 2026-11-20T07:30:00Z"
)
_iso_date_text = _text_form(date, _ISO_DATE, "expected a calendar date, YYYY-MM-DD")


# Every time and date a client sends must fall in this range: far beyond any real workout,
# and far enough from year 1 and 9999 that converting an offset to UTC, or adding a week,
# can never overflow Python's datetime (a 500 before).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
_RANGE_TEXT = "between 1900-01-01 and 2200-12-31"


def in_time_range(value: datetime) -> datetime:
    """`value` (aware) in UTC, if within EARLIEST..LATEST; else ValueError, never OverflowError.

    The local date is checked before converting: 0001-01-01T00:00:00+01:00 is year 0 in UTC.
    """
    if value.tzinfo is None:
        raise ValueError("timestamp needs a UTC offset or Z")
    if not EARLIEST_DATE <= value.date() <= LATEST_DATE:
        raise ValueError(f"timestamp must be {_RANGE_TEXT}")
    utc = value.astimezone(UTC)
    if not EARLIEST <= utc <= LATEST:
        raise ValueError(f"timestamp must be {_RANGE_TEXT} (UTC)")
    return utc


def _in_date_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"date must be {_RANGE_TEXT}")
    return value


AwareDatetime = Annotated[datetime, BeforeValidator(_rfc3339_text), AfterValidator(in_time_range)]
CalendarDate = Annotated[date, BeforeValidator(_iso_date_text), AfterValidator(_in_date_range)]


def local_day_bounds(moment: datetime, time_zone: str) -> tuple[datetime, datetime]:
    """The UTC bounds [start, end) of the calendar day `moment` falls on in `time_zone`
    (23 or 25 hours long across a daylight-saving change)."""
    zone = ZoneInfo(time_zone)
    day = moment.astimezone(zone).date()
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)
