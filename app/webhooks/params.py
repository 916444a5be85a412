"""Path parameters of the webhook endpoint routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

EndpointID = Annotated[uuid.UUID, Path(description="The webhook endpoint's id (UUID).")]
