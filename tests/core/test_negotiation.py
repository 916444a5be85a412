"""Content negotiation: the most specific matching range sets a type's quality, q=0 refuses."""

from __future__ import annotations

import pytest

from app.core.errors import NotAcceptable
from app.core.negotiation import negotiate

OFFERED = ("text/html", "application/pdf")


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "text/html"),
        ("", "text/html"),
        ("*/*", "text/html"),
        ("application/pdf", "application/pdf"),
        ("APPLICATION/PDF", "application/pdf"),
        ("application/*", "application/pdf"),
        ("text/*", "text/html"),
        ("application/pdf, text/html", "text/html"),  # a tie goes to the server's order
        ("application/pdf, */*", "application/pdf"),  # ... after specificity
        ("text/html;q=0.4, application/pdf;q=0.6", "application/pdf"),
        ("*/*;q=0.9, text/html;q=0", "application/pdf"),
        ("application/pdf;q=bogus", "application/pdf"),
        ("garbage, application/pdf", "application/pdf"),
        ("garbage", "text/html"),
    ],
)
def test_negotiate_picks_the_preferred_offered_type(accept: str | None, chosen: str) -> None:
    assert negotiate(accept, OFFERED) == chosen


@pytest.mark.parametrize(
    "accept",
    ["image/png", "application/json, text/plain", "*/*;q=0", "text/html;q=0, application/pdf;q=0"],
)
def test_negotiate_refuses_when_nothing_offered_is_acceptable(accept: str) -> None:
    with pytest.raises(NotAcceptable, match="text/html or application/pdf"):
        negotiate(accept, OFFERED)
