"""The catalog dependency routers of the domains above the catalog declare."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.live_catalog.snapshot import CatalogSpecs


async def catalog_specs(request: Request) -> CatalogSpecs:
    """This process's cached catalog specs (checked against the catalog revision on use).

    async: it only reads app.state, so it needs no thread-pool hop."""
    specs: CatalogSpecs = request.app.state.catalog_specs
    return specs


CatalogDep = Annotated[CatalogSpecs, Depends(catalog_specs)]
