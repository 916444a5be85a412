"""Domain exceptions raised by services. They know nothing of HTTP; `problems` maps them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import ValidationError


@dataclass
class FieldError:
    loc: list[str | int]
    msg: str
    type: str


@dataclass
class DomainError(Exception):
    detail: str
    errors: list[FieldError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.detail


class NotFound(DomainError):
    """The record does not exist, or is not the caller's (never revealed apart)."""


class Conflict(DomainError):
    """The write clashes with what is stored (duplicate key, same id another body)."""


class IdTaken(Conflict):
    """A create under a client-chosen id that a stored record already has, unless it is a
    retry of the request that made it. One answer per kind of record, whoever holds the id
    (the caller with another body, a record since deleted, or someone else), so it never
    says whose it is (docs/reference/api-conventions.md, client-chosen ids)."""

    @classmethod
    def of(cls, noun: str) -> IdTaken:
        return cls(
            f"This {noun} id is already used. Only a retry of the request that made the "
            f"{noun} may send it again (200); choose a new id for a new {noun}.",
            errors=[FieldError(["body", "id"], "this id is already used", "id_taken")],
        )


class QuotaExceeded(Conflict):
    """The owner already keeps as many records of a kind as one account may
    (docs/reference/limits.md)."""


class EditWindowClosed(Conflict):
    """The record may no longer be edited: its short edit window has passed."""


class DisplayNameRequired(Conflict):
    """The caller's profile has no display name, and the write would name them to someone."""


class PreconditionFailed(DomainError):
    """`If-Match` named a version that is no longer current."""


class PreconditionRequired(DomainError):
    """An update came without `If-Match`."""


class Invalid(DomainError):
    """Values that parse but break a domain rule (unknown exercise, wrong dosage unit)."""


class Infeasible(Invalid):
    """No plan satisfies the constraints; `errors` names the constraint."""


class Unauthorized(DomainError):
    """No or invalid credentials."""


class Forbidden(DomainError):
    """Signed in, but not allowed."""


class PrescribedReadOnly(Forbidden):
    """The patient tried to change a routine a clinician prescribed (they may copy it)."""


class ScopeNotGranted(Forbidden):
    """A clinician in care asked for what the patient's consent does not cover."""


class NotAcceptable(DomainError):
    """The client accepts none of the representations the resource has."""


class RateLimited(DomainError):
    """Too many attempts; `headers` carries Retry-After."""


def invalid_from(exc: ValidationError, prefix: list[str | int], detail: str) -> Invalid:
    """Re-raise a model validation failure as a domain error, locations under `prefix`."""
    return Invalid(
        detail,
        errors=[
            FieldError([*prefix, *[p for p in err["loc"]]], err["msg"], err["type"])
            for err in exc.errors()
        ],
    )


def reject_nulls(values: Mapping[str, object], required: tuple[str, ...]) -> None:
    """A merge patch may null optional fields only; nulling a required one is 422."""
    nulled = [name for name in required if name in values and values[name] is None]
    if nulled:
        raise Invalid(
            f"{', '.join(nulled)} cannot be null.",
            errors=[
                FieldError(["body", name], "may not be null", "null_not_allowed") for name in nulled
            ],
        )
