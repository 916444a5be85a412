"""Proactive content negotiation (RFC 9110 section 12.5.1): pick what the `Accept` header prefers.

For each representation the server offers, the most specific matching media range in
`Accept` gives its quality (`text/html` beats `text/*` beats `*/*`); `q=0` refuses it.
The highest quality wins; ties go to the more specific match (so `application/pdf, */*`
means the PDF), then to the server's order. No or an empty `Accept` means anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.errors import NotAcceptable


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    quality: float

    def specificity(self, media_type: str) -> int | None:
        """2 exact, 1 `type/*`, 0 `*/*`; None when this range does not cover media_type."""
        offered_type, _, offered_subtype = media_type.partition("/")
        if self.type == "*":
            return 0 if self.subtype == "*" else None
        if self.type != offered_type:
            return None
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == offered_subtype else None


def _quality(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value.strip())
            except ValueError:
                return 1.0  # a malformed weight is ignored, not held against the client
            return min(max(q, 0.0), 1.0)
    return 1.0


def _parse(accept: str) -> list[_Range]:
    ranges = []
    for part in accept.split(","):
        media, *params = part.split(";")
        kind, slash, subtype = media.strip().lower().partition("/")
        if not slash or not kind or not subtype:
            continue  # not a media range; skip it rather than fail the request
        ranges.append(_Range(kind, subtype, _quality(params)))
    return ranges


def negotiate(accept: str | None, offered: Sequence[str]) -> str:
    """The offered media type `accept` prefers (offered[0] when any will do).

    Raises NotAcceptable (406) naming what is offered when the client accepts none of them.
    """
    if accept is None or not accept.strip():
        return offered[0]
    ranges = _parse(accept)
    if not ranges:
        return offered[0]
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for rank, media_type in enumerate(offered):
        matches = [
            (spec, r.quality)
            for r in ranges
            if (spec := r.specificity(media_type.lower())) is not None
        ]
        if not matches:
            continue
        specificity, quality = max(matches, key=lambda m: m[0])
        key = (quality, specificity, -rank)
        if quality > 0 and (best is None or key > best):
            best, chosen = key, media_type
    if chosen is None:
        raise NotAcceptable(
            f"This resource is available as {' or '.join(offered)}; "
            "send one of them (or */*) in Accept."
        )
    return chosen


def _codings(accept_encoding: str) -> dict[str, float]:
    """`Accept-Encoding` as {coding: quality} (RFC 9110 section 12.5.3), lower-cased."""
    weights: dict[str, float] = {}
    for part in accept_encoding.split(","):
        coding, *params = part.split(";")
        name = coding.strip().lower()
        if name:
            weights[name] = _quality(params)
    return weights


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when the client takes gzip at least as gladly as no encoding at all.

    `gzip` (or its alias `x-gzip`) counts with its own weight, else `*` with its
    weight; `q=0` refuses. Identity unnamed is acceptable but never preferred; named
    (or through `*`) it competes on weight, so `gzip;q=0.5, identity` gets the plain
    body. No header (or an empty one) means identity: a client that says nothing may
    not understand gzip.
    """
    if not accept_encoding:
        return False
    weights = _codings(accept_encoding)
    wildcard = weights.get("*", 0.0)
    gzip = weights.get("gzip", weights.get("x-gzip", wildcard))
    identity = weights.get("identity", wildcard)
    return gzip > 0 and gzip >= identity
