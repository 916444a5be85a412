"""All runtime settings, read once from the environment (and an optional `.env`)."""

from __future__ import annotations

import contextlib
import os
import secrets
from enum import StrEnum
from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network
from pathlib import Path
from typing import Annotated, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Keys that were ever published (the repository's old development default): never trusted.
PUBLIC_SECRET_KEYS = frozenset({"medius-development-secret-key-change-me-please"})
MIN_SECRET_BYTES = 32


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Every knob of the service. The docs' settings page is generated from these fields
    (scripts/docs_site.py), so each needs a `description`."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: Environment = Field(
        default=Environment.DEVELOPMENT,
        description="Deployment kind: `production` refuses to start without a private "
        "`SECRET_KEY` of 32 bytes or more.",
    )
    host: str = Field(default="127.0.0.1", description="Interface `make run` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `make run` listens on.")
    workers: int = Field(default=1, ge=1, le=64, description="uvicorn worker processes.")
    listen_fd: int | None = Field(
        default=None,
        ge=0,
        description="Serve on a listening socket already open as this file descriptor, "
        "instead of binding HOST:PORT: for a supervisor that binds the port itself (the "
        "test harness asks the OS for a free port that way). PORT should still name its port.",
    )
    database_url: str = Field(
        default="sqlite:///./medius.db",
        description="SQLAlchemy URL: a SQLite file, or postgresql+psycopg://user@host/db.",
    )
    worker_threads: int = Field(
        default=8,
        ge=1,
        le=100,
        description="Threads per worker process that run request work (each holds one "
        "database connection while it does); requests beyond wait on the event loop.",
    )
    db_pool_size: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description="Database connections kept per worker process; unset: `worker_threads`.",
    )
    db_max_overflow: int = Field(
        default=2,
        ge=0,
        le=100,
        description="Extra connections per worker beyond the pool (closed when returned); "
        "`DB_POOL_SIZE + DB_MAX_OVERFLOW` must be at least `WORKER_THREADS`.",
    )
    sqlite_busy_timeout_ms: int = Field(
        default=5000,
        ge=0,
        le=60000,
        description="How long a SQLite writer of another process waits for the write lock "
        "(milliseconds).",
    )
    secret_key: str | None = Field(
        default=None,
        description="Signs access tokens. Required in production; elsewhere, when unset, a "
        "random key is made on first run and kept in `secret_key_file`.",
    )
    secret_key_file: Path = Field(
        default=Path(".medius-secret"),
        description="Where development and test keep their generated key (mode 0600).",
    )
    access_token_minutes: int = Field(
        default=15, ge=1, le=1440, description="Access-token lifetime (minutes)."
    )
    refresh_token_days: int = Field(
        default=30, ge=1, le=365, description="Refresh-token lifetime (days)."
    )
    argon2_time_cost: int = Field(default=3, ge=1, le=20, description="argon2id passes.")
    argon2_memory_kib: int = Field(
        default=65536, ge=1024, le=1048576, description="argon2id memory per hash (KiB)."
    )
    max_prescriptions_per_clinic: int = Field(
        default=50,
        ge=1,
        le=1000,
        description="Prescriptions one clinic may keep for one patient at once (a clinic's "
        "own limit: prescriptions never count against the patient's own routines).",
    )
    max_sessions_per_day: int = Field(
        default=200,
        ge=1,
        le=100000,
        description="Sessions one account may log per calendar day of `started_at` (in the "
        "account's time zone) before 409 quota-exceeded; a retry of a stored session still "
        "answers 200.",
    )
    login_max_failures: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="Sign-in attempts per account and client address per window before 429; "
        "also the failures per account (any address) after which attempts are slowed down.",
    )
    login_address_max_failures: int = Field(
        default=30,
        ge=1,
        le=100000,
        description="Failed sign-ins per client address (any account) per window before 429.",
    )
    login_window_seconds: int = Field(
        default=60, ge=1, le=86400, description="The sign-in limits' window (seconds)."
    )
    login_slowdown_max_seconds: float = Field(
        default=4.0,
        ge=0,
        le=60,
        description="Longest delay added to a sign-in of an account under attack.",
    )
    register_max_per_address: int = Field(
        default=10, ge=1, le=100000, description="Sign-ups per client address per window."
    )
    register_window_seconds: int = Field(
        default=3600, ge=1, le=86400, description="The sign-up limit's window (seconds)."
    )
    password_hash_workers: int | None = Field(
        default=None,
        ge=1,
        le=256,
        description="Threads hashing passwords at once, per worker process; unset: the CPU "
        "cores less one, shared among the workers (at least 1).",
    )
    password_hash_max_waiting: int = Field(
        default=256,
        ge=1,
        le=100000,
        description="Password checks allowed to queue for a hashing thread before 429.",
    )
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
    catalog_cache_max_bytes: int = Field(
        default=32 * 1024 * 1024,
        ge=0,
        le=16 * 1024**3,
        description="Bytes the catalog responses and /catalog document cached by each "
        "worker may take together; the least recently used go first (0: keep none).",
    )
    max_body_bytes: int = Field(
        default=1024 * 1024,
        ge=1024,
        le=64 * 1024 * 1024,
        description="Largest request body accepted; a larger one is 413.",
    )
    header_timeout_seconds: float = Field(
        default=10, gt=0, le=300, description="Time a request's head may take to arrive (408)."
    )
    body_timeout_seconds: float = Field(
        default=30, gt=0, le=3600, description="Time a request's body may take to arrive (408)."
    )
    log_level: str = Field(
        default="info", description="uvicorn's log level (`info` logs every request)."
    )
    trusted_proxies: Annotated[list[IPv4Network | IPv6Network], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated addresses or CIDR networks of the reverse proxies in "
        "front of the server: only a connection from one of them may name the client with "
        "`X-Forwarded-For` / `X-Forwarded-Proto` (the address the sign-in and sign-up limits "
        "count and the access log records). Empty (the default everywhere): proxy headers "
        "are ignored and the connection's own address is the client's.",
    )
    webhook_allowed_networks: Annotated[list[IPv4Network | IPv6Network], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated CIDR networks webhook endpoints may reach although they "
        "are private, loopback or otherwise internal (refused by default, at registration and "
        "at each delivery: server-side request forgery). Tests and local development only.",
    )
    webhook_allow_http: bool = Field(
        default=False,
        description="Accept plain `http://` webhook endpoints (tests and local receivers); "
        "otherwise only `https://`.",
    )
    webhook_max_endpoints: int = Field(
        default=10, ge=1, le=100, description="Webhook endpoints one account or clinic keeps."
    )
    webhook_timeout_seconds: float = Field(
        default=10, gt=0, le=60, description="Time a receiver has to answer one delivery."
    )
    webhook_max_attempts: int = Field(
        default=12,
        ge=1,
        le=50,
        description="Attempts at one event before it is given up (marked failed).",
    )
    webhook_backoff_seconds: float = Field(
        default=10,
        gt=0,
        le=3600,
        description="First retry delay; each later one doubles, with full jitter.",
    )
    webhook_backoff_max_seconds: float = Field(
        default=6 * 3600, gt=0, le=7 * 86400, description="Longest delay between two attempts."
    )
    webhook_lease_seconds: float = Field(
        default=120,
        gt=0,
        le=3600,
        description="How long a worker owns a claimed delivery; a worker killed mid-delivery "
        "loses it when the lease runs out and another attempt is made (at-least-once).",
    )
    webhook_poll_seconds: float = Field(
        default=1.0, gt=0, le=60, description="How often an idle worker looks for work."
    )
    webhook_worker_threads: int = Field(
        default=4, ge=1, le=64, description="Deliveries one worker process makes at once."
    )
    webhook_disable_after_failed_events: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="Consecutive events given up on after which an endpoint is disabled.",
    )
    webhook_disable_after_hours: float = Field(
        default=72,
        gt=0,
        le=24 * 90,
        description="An endpoint failing every attempt for longer than this is disabled.",
    )
    webhook_secret_grace_hours: float = Field(
        default=24,
        ge=0,
        le=24 * 30,
        description="After a secret rotation, how long the old secret keeps signing beside "
        "the new one.",
    )
    webhook_retention_days: int = Field(
        default=30, ge=1, le=3650, description="Days finished deliveries stay in the log."
    )
    public_base_url: str | None = Field(
        default=None,
        max_length=512,
        pattern=r"^https?://[^/?#\s]+(/[^?#\s]*)?$",
        description="The absolute URL clients reach this server at (no trailing slash), "
        "e.g. https://api.example.org. FHIR `fullUrl`s and links are built on it, never on "
        "the request's Host header (a client sends that, and public answers are cached); "
        "unset: http://HOST:PORT.",
    )

    @model_validator(mode="before")
    @classmethod
    def _split_origins(cls, data: object) -> object:
        if isinstance(data, dict):
            raw = data.get("cors_origins")
            if isinstance(raw, str):
                data["cors_origins"] = [o.strip() for o in raw.split(",") if o.strip()]
            for key in ("webhook_allowed_networks", "trusted_proxies"):
                networks = data.get(key)
                if isinstance(networks, str):
                    data[key] = [n.strip() for n in networks.split(",") if n.strip()]
        return data

    @model_validator(mode="after")
    def _pool_fits_threads(self) -> Self:
        if self.pool_size + self.db_max_overflow < self.worker_threads:
            raise ValueError(
                "DB_POOL_SIZE + DB_MAX_OVERFLOW must be at least WORKER_THREADS: each request "
                "thread holds a connection"
            )
        return self

    @model_validator(mode="after")
    def _lease_outlasts_delivery(self) -> Self:
        if self.webhook_lease_seconds <= 2 * self.webhook_timeout_seconds:
            raise ValueError(
                "WEBHOOK_LEASE_SECONDS must exceed twice WEBHOOK_TIMEOUT_SECONDS: a lease that "
                "ran out during a delivery would let a second worker send the event too"
            )
        return self

    @model_validator(mode="after")
    def _resolve_secret_key(self) -> Self:
        if self.secret_key is None:
            if self.env is Environment.PRODUCTION:
                raise ValueError("SECRET_KEY must be set in production (32 bytes or more)")
            self.secret_key = local_secret_key(self.secret_key_file)
        if self.env is Environment.PRODUCTION and (
            self.secret_key in PUBLIC_SECRET_KEYS
            or len(self.secret_key.encode()) < MIN_SECRET_BYTES
        ):
            raise ValueError(
                "SECRET_KEY must be a private value of at least 32 bytes in production"
            )
        return self

    @property
    def hashing_threads(self) -> int:
        """Password-hashing threads of this process: one core stays free for everything else,
        so a flood of sign-ups and sign-ins cannot starve other requests of CPU."""
        if self.password_hash_workers is not None:
            return self.password_hash_workers
        return max(1, ((os.cpu_count() or 1) - 1) // self.workers)

    @property
    def pool_size(self) -> int:
        """Connections kept per worker: one per request thread by default, so a thread never
        waits for a connection and none is opened and closed per request (an overflow
        connection is closed when returned: a new PostgreSQL connection per request)."""
        return self.db_pool_size or self.worker_threads

    @property
    def public_url(self) -> str:
        """PUBLIC_BASE_URL without a trailing slash, or where `make run` serves."""
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        return f"http://{self.host}:{self.port}"

    @property
    def signing_key(self) -> str:
        """The resolved secret key (never None once the settings validated)."""
        assert self.secret_key is not None
        return self.secret_key


def local_secret_key(path: Path) -> str:
    """The development key kept in `path`, made on first run (0600, never overwritten).

    The key is written to a private temporary file and hard-linked into place, so two
    processes starting at once agree on one key and nobody reads a half-written file.
    """
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
        with contextlib.suppress(FileExistsError):  # another process made it first
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return _read_key(path)


def _read_key(path: Path) -> str:
    key = path.read_text(encoding="ascii").strip()
    if len(key.encode()) < MIN_SECRET_BYTES:
        raise ValueError(f"{path} holds a key shorter than {MIN_SECRET_BYTES} bytes; delete it")
    return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
