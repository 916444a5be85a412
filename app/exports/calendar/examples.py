"""OpenAPI examples of the calendar feed (functions, see `app.core.examples`)."""

from __future__ import annotations

from app.core.types import JSONObject

TOKEN = "q2Jx0cW4m3y9bVt7ZkT1pR8sL5nA6fD0hG2jK4lE3uI"  # noqa: S105  # an example


def token_create() -> JSONObject:
    return {"time_of_day": "07:30"}


def token() -> JSONObject:
    return {
        "token": TOKEN,
        "url": f"https://medius.example/api/v1/me/calendar.ics?token={TOKEN}",
        "time_of_day": "07:30",
        "created_at": "2026-11-20T09:30:00Z",
    }


def calendar() -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Medius//Planned sessions//EN\r\n"
        "BEGIN:VEVENT\r\nSUMMARY:Morning glute med (week 1)\r\n"
        "DTSTART;TZID=Europe/Berlin:20261123T073000\r\n...\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
