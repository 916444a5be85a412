"""All runtime settings, read once from the environment (and an optional `.env`)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SECRET_KEY = "medius-development-secret-key-change-me-please"  # noqa: S105


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Every knob of the service. The README's settings table lists these fields."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: Environment = Field(default=Environment.DEVELOPMENT, description="Deployment kind.")
    host: str = Field(default="127.0.0.1", description="Interface `make run` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `make run` listens on.")
    workers: int = Field(default=1, ge=1, le=64, description="uvicorn worker processes.")
    database_url: str = Field(
        default="sqlite:///./medius.db",
        description="SQLAlchemy URL: a SQLite file, or postgresql+psycopg://user@host/db.",
    )
    db_pool_size: int = Field(default=5, ge=1, le=100, description="PostgreSQL pool size.")
    db_max_overflow: int = Field(default=10, ge=0, le=100, description="Extra connections.")
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0, le=60000)
    secret_key: str = Field(default=DEFAULT_SECRET_KEY, description="Signs access tokens.")
    access_token_minutes: int = Field(default=15, ge=1, le=1440)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    argon2_time_cost: int = Field(default=3, ge=1, le=20, description="argon2id passes.")
    argon2_memory_kib: int = Field(
        default=65536, ge=1024, le=1048576, description="argon2id memory per hash (KiB)."
    )
    login_max_failures: int = Field(default=10, ge=1, le=1000)
    login_window_seconds: int = Field(default=60, ge=1, le=86400)
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Comma-separated allowed browser origins."
    )
    catalog_max_age: int = Field(
        default=300, ge=0, le=86400, description="Cache-Control max-age of catalog reads."
    )
    catalog_version_ttl: float = Field(
        default=1.0,
        ge=0,
        le=3600,
        description="Seconds a worker trusts its catalog revision before re-reading it.",
    )
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, le=64 * 1024 * 1024)
    header_timeout_seconds: float = Field(
        default=10, gt=0, le=300, description="Time a request's head may take to arrive (408)."
    )
    body_timeout_seconds: float = Field(
        default=30, gt=0, le=3600, description="Time a request's body may take to arrive (408)."
    )
    log_level: str = Field(default="info")

    @model_validator(mode="before")
    @classmethod
    def _split_origins(cls, data: object) -> object:
        if isinstance(data, dict):
            raw = data.get("cors_origins")
            if isinstance(raw, str):
                data["cors_origins"] = [o.strip() for o in raw.split(",") if o.strip()]
        return data

    @model_validator(mode="after")
    def _refuse_weak_secret_in_production(self) -> Self:
        if self.env is Environment.PRODUCTION and (
            self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key.encode()) < 32
        ):
            raise ValueError(
                "SECRET_KEY must be set to a private value of at least 32 bytes in production"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
