"""How a clinician is named to a patient: their display name, never their email.

An email is a private contact detail, not a name: printed on a handout it travels with every
share link of it (issue #22). A clinician must set a display name before asking a patient's
consent (`consent.invite_patient`); one who clears it later is named neutrally.
"""

from __future__ import annotations

UNNAMED_CLINICIAN = "your clinician"


def clinician_name(display_name: str | None) -> str:
    """The name a patient sees (on a handout, a prescription, their access log)."""
    return display_name or UNNAMED_CLINICIAN


def asked_by(display_name: str | None, clinic_name: str) -> str:
    """Who asks for consent, in words: "Dr Ada Moss at Riverside Physiotherapy"."""
    return f"{clinician_name(display_name)} at {clinic_name}"
