"""FHIR's HTTP rules that hold before any route runs (http.html, search.html), applied by
`FhirBoundary` (app/exports/fhir/outcome.py) in front of the catalog cache:

- **content negotiation**: `_format` overrides `Accept`; JSON is served
  (`json`, `application/fhir+json`, answered as `application/fhir+json`; `application/json`
  answered as `application/json`), anything else (`xml`, `ttl`, `html`...) is 406. `Accept`
  is weighed with its q-values (`q=0` refuses a type); a `fhirVersion` media-type parameter
  other than this server's 4.3 refuses that type.
- **`Prefer: handling=strict`**: a query parameter the interaction does not support is a
  400 OperationOutcome; without it (`handling=lenient`, the default) it is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl

from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute

from app.core.errors import NotAcceptable
from app.core.negotiation import negotiate
from app.exports.fhir.codes import FHIR_MEDIA_TYPE
from app.exports.fhir.params import COMMON_PARAMETERS

JSON = "application/json"
ACCEPTED = (FHIR_MEDIA_TYPE, JSON)
SERVED_VERSIONS = frozenset({"4.3", "4.3.0"})
FORMATS = {"json": FHIR_MEDIA_TYPE, FHIR_MEDIA_TYPE: FHIR_MEDIA_TYPE, JSON: JSON, "text/json": JSON}
ONLY_JSON = (
    "This server serves FHIR as JSON only: send _format=json (or application/fhir+json, "
    "application/json) or an Accept naming one of them."
)


def _version_served(params: Iterable[str]) -> bool:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "fhirversion":
            return value.strip().strip('"') in SERVED_VERSIONS
    return True


def media_type(accept: str | None, format_: str | None) -> str:
    """The media type to answer with; NotAcceptable (406) when the client takes none we serve."""
    if format_ is not None:
        kind, *params = format_.split(";")
        served = FORMATS.get(kind.strip().lower())
        if served is None or not _version_served(params):
            raise NotAcceptable(ONLY_JSON + f" Not {format_!r}.")
        return served
    if accept is None or not accept.strip():
        return FHIR_MEDIA_TYPE
    ranges = [r for r in accept.split(",") if r.strip()]
    kept = [r for r in ranges if _version_served(r.split(";")[1:])]
    if ranges and not kept:
        raise NotAcceptable(f"This server serves FHIR {sorted(SERVED_VERSIONS)[-1]} only.")
    return negotiate(",".join(kept), ACCEPTED)


def strict(prefer: str | None) -> bool:
    """Whether `Prefer` asks for `handling=strict` (RFC 7240; search.html)."""
    if not prefer:
        return False
    tokens = {t.strip().lower().replace(" ", "") for t in prefer.split(",")}
    return "handling=strict" in tokens


@dataclass(frozen=True, slots=True)
class Interaction:
    """One FHIR route: its path pattern, its methods and the query parameters it reads."""

    pattern: re.Pattern[str]
    methods: frozenset[str]
    parameters: frozenset[str]


def _query_names(dependant: Dependant) -> Iterable[str]:
    for param in dependant.query_params:
        yield param.alias
    for dependency in dependant.dependencies:
        yield from _query_names(dependency)


def interactions(routes: Sequence[BaseRoute], fhir_path: re.Pattern[str]) -> list[Interaction]:
    """Every route under a FHIR base, with the query parameters it declares."""
    return [
        Interaction(
            route.path_regex,
            frozenset(route.methods or ()),
            frozenset(_query_names(route.dependant)) | COMMON_PARAMETERS,
        )
        for route in iter_route_contexts(routes)
        if fhir_path.match(route.path or "")
    ]


def unsupported(method: str, path: str, query: bytes, served: Sequence[Interaction]) -> list[str]:
    """The query parameters the interaction does not support (none for an unknown route:
    its 404 or 405 says more)."""
    found = next(
        (i for i in served if method in i.methods and i.pattern.match(path)),
        None,
    )
    if found is None or not query:
        return []
    names = [name for name, _ in parse_qsl(query.decode("latin-1"), keep_blank_values=True)]
    return sorted({name for name in names if name not in found.parameters})


def format_parameter(query: bytes) -> str | None:
    """The last `_format` of the query string (a repeated scalar's last value, as routes read)."""
    values = [
        value
        for name, value in parse_qsl(query.decode("utf-8", "replace"), keep_blank_values=True)
        if name == "_format"
    ]
    return values[-1] if values else None
