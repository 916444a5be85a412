"""Each row shape a care repository answers names exactly the columns its statement
selects, so what mypy checks a service reads (`row.role`) is what the query returns."""

from __future__ import annotations

import uuid

from sqlalchemy import Select
from sqlalchemy import select as columns_select

from app.care.team import overview_sql
from app.care.team import repository as team
from app.care.webhooks import repository as webhooks
from app.core.types import utcnow


def _members(shape: type) -> set[str]:
    return {name for name, value in vars(shape).items() if isinstance(value, property)}


def _selected(statement: Select[tuple[object, ...]]) -> set[str]:
    return set(statement.selected_columns.keys())


def test_a_clinic_row_names_the_clinic_columns() -> None:
    assert _members(team.ClinicRow) == _selected(columns_select(*team.CLINIC_COLUMNS))


def test_a_member_row_names_the_member_columns() -> None:
    assert _members(team.MemberRow) == _selected(columns_select(*team.MEMBER_COLUMNS))


def test_an_audience_row_names_the_audience_columns() -> None:
    statement = webhooks._audience_statement()
    assert isinstance(statement, Select)
    assert _members(webhooks.AudienceRow) == _selected(statement)


def test_a_missing_column_is_seen() -> None:
    fewer = columns_select(*team.CLINIC_COLUMNS[:-1])
    assert _members(team.ClinicRow) - _selected(fewer) == {"revision"}


class _Recording:
    """A stand-in session that records the statement a repository runs (and finds nothing)."""

    def __init__(self) -> None:
        self.statements: list[Select[tuple[object, ...]]] = []

    def execute(self, statement: Select[tuple[object, ...]], *_: object) -> _Recording:
        self.statements.append(statement)
        return self

    def all(self) -> list[object]:
        return []


def test_a_patient_row_names_the_overview_page_columns() -> None:
    recording = _Recording()
    overview_sql.page(recording, uuid.uuid4(), uuid.uuid4(), None, 10, utcnow())  # type: ignore[arg-type]
    (statement,) = recording.statements
    assert _members(overview_sql.PatientRow) == _selected(statement)


def test_a_scopes_row_names_the_scopes_in_care_columns() -> None:
    recording = _Recording()
    webhooks.scopes_in_care(recording, uuid.uuid4(), frozenset({uuid.uuid4()}))  # type: ignore[arg-type]
    (statement,) = recording.statements
    assert _members(webhooks.ScopesRow) == _selected(statement)
