"""The live catalog as the routers of the domains above the catalog reach it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.catalog.live.live import LiveCatalog
from app.catalog.live.snapshot import CatalogSpecs


def live_catalog(request: Request) -> LiveCatalog:
    """This process's live catalog (`app.state.live_catalog`, made by create_app)."""
    live: LiveCatalog = request.app.state.live_catalog
    return live


async def catalog_specs(request: Request) -> CatalogSpecs:
    """This process's cached catalog specs (checked against the catalog revision on use).

    async: it only reads app.state, so it needs no thread-pool hop."""
    return live_catalog(request).specs


CatalogDep = Annotated[CatalogSpecs, Depends(catalog_specs)]
