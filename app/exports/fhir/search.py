"""FHIR search over a list Medius already holds in full (the definitions, a patient's
`$everything`): `_id`, `url` (canonical resolution, `url|version`), then `_count` pages.

A search answers a `searchset` whose `total` counts every match and whose entries are one
page of them: never more than `_count` (search.html: servers SHALL NOT return more than
requested), with `self`, `first`, `previous`, `next` and `last` links that repeat the
search with `_offset`. Without `_count` every match is one page. The `self` link names
only the parameters applied (a parameter the server ignored is left out, as search.html
asks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlencode

from app.exports.fhir import bundles
from app.exports.fhir.params import MAX_COUNT
from app.exports.fhir.resources import AnyResource, Bundle, BundleLink

Relation = Literal["self", "first", "previous", "next", "last"]


@dataclass(frozen=True, slots=True)
class Query:
    """A search's parameters, as the route parsed them (None: not sent)."""

    ids: str | None = None
    url: str | None = None
    count: int | None = None
    offset: int = 0
    summary: str | None = None

    def page_size(self, matches: int) -> int:
        """Entries per page: none for `_summary=count`; every match when `_count` is not
        sent (the lists are small and `$everything` has always answered whole), else
        `_count` up to MAX_COUNT."""
        if self.summary == "count":
            return 0
        return matches if self.count is None else min(self.count, MAX_COUNT)


def _listed(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _canonical_matches(resource: AnyResource, wanted: str) -> bool:
    url, _, version = wanted.partition("|")
    if resource.get("url") != url:
        return False
    return not version or resource.get("version") == version


def matches(resources: Sequence[AnyResource], query: Query) -> list[AnyResource]:
    """The resources the search parameters select, in their order."""
    selected = list(resources)
    if query.ids is not None:
        wanted = set(_listed(query.ids))
        selected = [r for r in selected if r["id"] in wanted]
    if query.url is not None:
        urls = _listed(query.url)
        selected = [r for r in selected if any(_canonical_matches(r, u) for u in urls)]
    return selected


def _link(relation: Relation, url: str, query: Query, offset: int) -> BundleLink:
    params: list[tuple[str, str]] = []
    if query.ids is not None:
        params.append(("_id", query.ids))
    if query.url is not None:
        params.append(("url", query.url))
    if query.count is not None:
        params.append(("_count", str(query.count)))
    if query.summary is not None:
        params.append(("_summary", query.summary))
    if offset:
        params.append(("_offset", str(offset)))
    return {"relation": relation, "url": f"{url}?{urlencode(params)}" if params else url}


def searchset(
    base: str,
    url: str,
    resources: Sequence[AnyResource],
    query: Query,
    *,
    last_updated: datetime | None,
    timestamp: datetime | None = None,
) -> Bundle:
    """The page `query` asks for of the resources it selects, as a searchset Bundle."""
    selected = matches(resources, query)
    size = query.page_size(len(selected))
    start = min(query.offset, len(selected))
    page = selected[start : start + size]
    bundle = bundles.searchset(base, url, page, last_updated=last_updated, timestamp=timestamp)
    bundle["total"] = len(selected)
    links = [_link("self", url, query, query.offset)]
    if size and len(selected) > size:
        last = (len(selected) - 1) // size * size
        links.append(_link("first", url, query, 0))
        if start > 0:
            links.append(_link("previous", url, query, max(start - size, 0)))
        if start + size < len(selected):
            links.append(_link("next", url, query, start + size))
        links.append(_link("last", url, query, last))
    bundle["link"] = links
    if not page:
        del bundle["entry"]  # FHIR JSON has no empty arrays (json.html)
    return bundle
