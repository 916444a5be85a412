"""The one email normaliser: registration, sign-in, admin creation and the CLI agree.

An address is stored and looked up as: surrounding whitespace removed, validated by
email-validator (which applies Unicode NFC and IDNA, so `xn--bcher-kva.example` and
`bücher.example` are one domain), then lower-cased (accounts are case-insensitive).
"""

from __future__ import annotations

import unicodedata

from email_validator import EmailNotValidError, validate_email

EMAIL_MAX_LENGTH = 254


def normalise_email(raw: str) -> str:
    """The canonical form of an email address; ValueError if it is not one."""
    try:
        checked = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(f"value is not a valid email address: {exc}") from exc
    canonical = unicodedata.normalize("NFC", checked.normalized.lower())
    if len(canonical) > EMAIL_MAX_LENGTH:
        raise ValueError(f"an email address has at most {EMAIL_MAX_LENGTH} characters")
    return canonical


def email_or_none(raw: str) -> str | None:
    """`normalise_email`, or None for a string that cannot be anybody's address."""
    try:
        return normalise_email(raw)
    except ValueError:
        return None
