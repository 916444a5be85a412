"""Path parameters of the share-link routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

from app.exports.sharing.models import TOKEN_MAX

LinkID = Annotated[uuid.UUID, Path(description="The share link's id (UUID).")]

Token = Annotated[
    str, Path(min_length=1, max_length=TOKEN_MAX, description="The link's secret token.")
]
