"""`make bench`: the real server under load, on SQLite and PostgreSQL, empty and at scale.

1. Databases: an empty one (migrated and seeded by the server's own start-up) and a
   scale one (migrated, seeded, then bulk-loaded) per backend; PostgreSQL is a
   throwaway cluster started by `harness.postgres`.
2. Servers: `python -m app serve` with production settings, as `make run` starts it,
   one worker (and two on PostgreSQL); then the bare Starlette app serving the
   catalog page's bytes, fetched from the real server, with the same uvicorn settings.
3. Load: wrk (or the httpx fallback) in its own process, rows interleaved
   (A B A B ...), each run bounded in time, pinned with taskset and unpinned.
4. Report: medians per row, ratios to the bare ceiling and to the empty database,
   the issue's targets, written to bench/results/latest.md.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlmodel import Session

from app.core.config import Settings
from app.core.server import proxy_options
from app.core.vocabulary import CareScope, WebhookEventType
from app.users.models import User
from app.users.service import create_admin, issue_sign_in
from bench import loadgen, scenarios
from bench.config import Config, usage
from bench.datagen import (
    BENCH_EMAIL,
    BENCH_PASSWORD,
    Scale,
    ScaleData,
    care_clinic_id,
    generate,
)
from bench.loader import migrate_and_seed, one_password_hash, prepare_scale
from bench.report import SCALE_OUT_CPUS, Row, document
from bench.scenarios import Scenario
from harness.postgres import PG_BIN, Cluster, start_cluster
from harness.server import PRODUCTION_SECRET, ServerProcess, free_port, production_env

BEGAN = float(os.environ.get("BENCH_STARTED_AT") or time.time())
TOKEN_MAX_AGE = 600.0  # access tokens live 15 minutes; sign in again after 10
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")  # /proc/<pid>/stat's unit of CPU time


def log(message: str) -> None:
    print(f"[{time.time() - BEGAN:6.1f}s] {message}", flush=True)


# --- load generator ---------------------------------------------------------------------


def ensure_wrk(config: Config) -> str:
    """Install Debian's wrk when missing (as root, if allowed); say what happened."""
    if shutil.which("wrk") or config.loadgen == "httpx":
        return "present" if shutil.which("wrk") else "not used"
    if not config.install_wrk or os.geteuid() != 0 or not shutil.which("apt-get"):
        return "missing (not installed: not root or BENCH_INSTALL_WRK=0)"
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    for step in (install, ["apt-get", "update", "-q"], install):  # a stale list needs update
        log(f"wrk missing: {' '.join(step)}")
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(step, capture_output=True, timeout=180, check=False)
        if shutil.which("wrk"):
            return "installed from Debian's packages"
    return "could not install"


# --- databases --------------------------------------------------------------------------


_DATA: ScaleData | None = None  # generated once, inherited by the forked loaders


def _load_scale(url: str) -> None:
    assert _DATA is not None
    prepare_scale(url, _DATA, log=lambda line: log(f"{url.split(':', 1)[0]}: {line}"))


def load_all(config: Config, urls: dict[str, str]) -> str:
    """Generate the scale data once, then migrate, seed and load every backend at once."""
    global _DATA
    started = time.monotonic()
    _DATA = generate(config.scale, one_password_hash())
    last_variant = _DATA.specs[-1].slug if _DATA.specs else "clamshell"
    log(f"scale data generated in {time.monotonic() - started:.1f}s")
    for backend in config.backends:  # the empty databases: just migrated and seeded
        migrate_and_seed(urls[f"{backend}/empty"])
    with ProcessPoolExecutor(len(config.backends), mp_context=get_context("fork")) as pool:
        loads = [pool.submit(_load_scale, urls[f"{b}/scale"]) for b in config.backends]
        for future in loads:
            future.result()
    _DATA = None
    log(f"databases ready in {time.monotonic() - started:.1f}s")
    return last_variant


def database_urls(config: Config, workdir: Path, cluster: Cluster | None) -> dict[str, str]:
    """`backend/state` -> URL, with the PostgreSQL databases created."""
    urls: dict[str, str] = {}
    for backend in config.backends:
        for state in ("empty", "scale"):
            if backend == "sqlite":
                urls[f"{backend}/{state}"] = f"sqlite:///{workdir / f'{state}.db'}"
            else:
                assert cluster is not None
                admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    conn.execute(text(f"CREATE DATABASE bench_{state}"))
                admin.dispose()
                urls[f"{backend}/{state}"] = cluster.url(f"bench_{state}")
    return urls


# --- servers ----------------------------------------------------------------------------


@dataclass
class Target:
    """A running server the load is aimed at."""

    key: str
    backend: str
    state: str  # "empty", "1M sets" or "-"
    workers: int
    server: ServerProcess
    signs_up: bool = False  # empty database: register the bench user first
    signer: Target | None = None  # the floor signs in through the real server beside it
    email: str = BENCH_EMAIL
    token: str | None = None
    token_at: float = 0.0
    etags: dict[str, str] = field(default_factory=dict)
    database_url: str = ""  # the scale database, whose users sign in for the many-user row
    user_tokens: tuple[str, ...] = ()
    user_tokens_at: float = 0.0

    def bearer(self) -> str:
        if self.signer is not None:
            return self.signer.bearer()
        if self.token is None or time.monotonic() - self.token_at > TOKEN_MAX_AGE:
            with httpx.Client(base_url=self.server.base_url, timeout=30) as client:
                if self.signs_up:
                    answer = client.post(
                        "/api/v1/auth/register",
                        json={"email": self.email, "password": BENCH_PASSWORD},
                    )
                    if answer.status_code not in (201, 409):
                        raise RuntimeError(f"{self.key}: register {answer.status_code}")
                answer = client.post(
                    "/api/v1/auth/token",
                    data={"username": self.email, "password": BENCH_PASSWORD},
                )
                if answer.status_code != 200:
                    raise RuntimeError(f"{self.key}: sign-in {answer.status_code} {answer.text}")
                self.token, self.token_at = answer.json()["access_token"], time.monotonic()
        return self.token

    def etag(self, path: str) -> str:
        if path not in self.etags:
            answer = httpx.get(self.server.base_url + path, timeout=30)
            self.etags[path] = answer.headers["etag"]
        return self.etags[path]

    def tokens(self, users: int) -> tuple[str, ...]:
        """Access tokens of `users` distinct users of the scale database (its care
        patients), issued again once they age."""
        aged = time.monotonic() - self.user_tokens_at > TOKEN_MAX_AGE
        if len(self.user_tokens) != users or aged:
            ids = user_ids_of(self.database_url, users)
            self.user_tokens = sign_in_without_password(self.database_url, ids)
            self.user_tokens_at = time.monotonic()
        return self.user_tokens

    def request(self, scenario: Scenario) -> loadgen.Request:
        return scenario.request(
            self.bearer() if scenario.signed_in else None,
            self.etag(scenario.path) if scenario.conditional else None,
            self.tokens(scenario.users) if scenario.users > 1 else (),
        )


def user_ids_of(url: str, count: int) -> list[uuid.UUID]:
    """`count` users other than the bench user, the same ones every time: the clinic's
    patients first (bench/datagen.py names them user00001, user00002, ...)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        raw = conn.execute(
            text(
                "SELECT id FROM app_user WHERE email LIKE 'user%@example.com' "
                "ORDER BY email LIMIT :n"
            ),
            {"n": count},
        ).scalars()
        found = [v if isinstance(v, uuid.UUID) else uuid.UUID(hex=str(v)) for v in raw]
    engine.dispose()
    if len(found) < count:
        raise RuntimeError(f"{count} users wanted, {len(found)} found: raise BENCH_USERS")
    return found


def sign_in_without_password(url: str, ids: Sequence[uuid.UUID]) -> tuple[str, ...]:
    """Access tokens of `ids`, issued as the operational tools issue them
    (`issue_sign_in`): one argon2id check per user would only load the machine."""
    settings = Settings(secret_key=PRODUCTION_SECRET)
    engine = create_engine(url)
    tokens = []
    with Session(engine) as session:
        for user_id in ids:
            user = session.get(User, user_id)
            assert user is not None, user_id
            tokens.append(issue_sign_in(session, user, settings).access_token)
    engine.dispose()
    return tuple(tokens)


def app_server(workdir: Path, key: str, url: str, workers: int) -> ServerProcess:
    # The create rows log thousands of sessions on one day for one user; the daily quota
    # is one indexed count whatever its value, so lifting it measures the same work.
    # The endpoints that put the bench user's writes in care (`put_in_care`) point at a
    # closed loopback port: registering them needs loopback allowed, as in development.
    env = production_env(
        url,
        free_port(),
        WORKERS=str(workers),
        MAX_SESSIONS_PER_DAY="100000",
        WEBHOOK_ALLOWED_NETWORKS="127.0.0.0/8",
    )
    return ServerProcess(env=env, log_path=workdir / f"{key.replace('/', '-')}.log")


def floor_server(workdir: Path, url: str, workers: int, stack: bool = False) -> ServerProcess:
    """bench/floor_app.py (or, `stack`, bench/stack_floor_app.py) on the real server's
    database, with the same uvicorn settings; the stack floor gets the app's thread and
    pool sizes."""
    port = free_port()
    settings = Settings()
    env = production_env(
        url,
        port,
        BENCH_FLOOR_DATABASE=url,
        MAX_SESSIONS_PER_DAY="100000",  # as the app's server (`app_server`)
        BENCH_STACK_THREADS=str(settings.worker_threads),
        BENCH_STACK_POOL_SIZE=str(settings.pool_size),
        BENCH_STACK_MAX_OVERFLOW=str(settings.db_max_overflow),
    )
    module = "stack_floor_app" if stack else "floor_app"
    name = url.rsplit("/", 1)[-1].replace(".", "-")
    return ServerProcess(
        env=env,
        log_path=workdir / f"{module}-{name}-{workers}w.log",
        command=_uvicorn(f"bench.{module}:app", port, workers),
        ready_path="/readyz",
    )


def _uvicorn(module: str, port: int, workers: int) -> list[str]:
    settings = Settings()  # the same uvicorn settings `python -m app serve` passes
    return [
        sys.executable,
        "-m",
        "uvicorn",
        module,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        settings.log_level,
        *_proxy_flags(settings),
    ]


def _proxy_flags(settings: Settings) -> list[str]:
    options = proxy_options(settings)
    if not options["proxy_headers"]:
        return ["--no-proxy-headers"]
    return ["--proxy-headers", "--forwarded-allow-ips", ",".join(options["forwarded_allow_ips"])]


def prepare_signed_in(target: Target, url: str, sessions: int = 20) -> dict[str, str]:
    """Give the bench user `sessions` sessions of 10 entries; name one, and a template.

    They start in 2030, later than every session the create rows add, so they stay the
    user's latest: the list row reads these 20 (10 entries each) however many the
    create rows stored before it.
    """
    body = scenarios.session_body(10).replace("2026-11-20", "2030-01-01")
    if target.email != BENCH_EMAIL:  # the small user's sets fall in the progress window
        body = scenarios.session_body(10).replace("2026-11-20", "2025-06-01")
    headers = {"Authorization": f"Bearer {target.bearer()}", "Content-Type": "application/json"}
    session_id = ""
    with httpx.Client(base_url=target.server.base_url, timeout=60) as client:
        for _ in range(sessions):
            session_id = str(uuid.uuid4())
            answer = client.post(
                "/api/v1/sessions",
                content=body.replace(loadgen.ID_MARK, session_id),
                headers=headers,
            )
            if answer.status_code != 201:
                raise RuntimeError(f"{target.key}: seeding sessions {answer.status_code}")
    engine = create_engine(url)
    with engine.connect() as conn:
        raw = conn.execute(text("SELECT id FROM routine WHERE is_template LIMIT 1")).scalar_one()
    engine.dispose()
    routine_id = str(raw if isinstance(raw, uuid.UUID) else uuid.UUID(hex=str(raw)))
    return {"session_id": session_id, "routine_id": routine_id}


CARE_EMAILS = ("bench-lead@example.com", "bench-colleague@example.com")
HOOK_URL = "https://127.0.0.1:9/medius"  # the discard port: nothing is delivered in the bench


def put_in_care(target: Target) -> None:
    """Care on for the bench user, through the API as a clinic would: two clinicians of one
    clinic with every scope, and three endpoints subscribed to every event (the user's own,
    two of the clinic's). No webhook worker runs beside the bench's servers: what the
    request itself pays is measured, not the deliveries."""
    every_event = [t.value for t in WebhookEventType]
    every_scope = [s.value for s in CareScope]
    with httpx.Client(base_url=target.server.base_url, timeout=60) as client:

        def ok(answer: httpx.Response, status: int = 201) -> Any:
            if answer.status_code != status:
                raise RuntimeError(f"{target.key}: care setup {answer.status_code} {answer.text}")
            return answer.json() if answer.content else None

        staff = []
        for email in CARE_EMAILS:
            ok(
                client.post(
                    "/api/v1/auth/register", json={"email": email, "password": BENCH_PASSWORD}
                )
            )
            token = ok(
                client.post(
                    "/api/v1/auth/token", data={"username": email, "password": BENCH_PASSWORD}
                ),
                200,
            )["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            me = client.get("/api/v1/me", headers=headers)
            ok(
                client.patch(
                    "/api/v1/me",
                    json={"display_name": "Dr Bench"},
                    headers={**headers, "If-Match": me.headers["etag"]},
                ),
                200,
            )
            staff.append(headers)
        lead, colleague = staff
        clinic = ok(client.post("/api/v1/clinics", json={"name": "Bench physios"}, headers=lead))[
            "id"
        ]
        code = ok(
            client.post(
                f"/api/v1/clinics/{clinic}/invitations", json={"role": "clinician"}, headers=lead
            )
        )["code"]
        ok(
            client.post(
                "/api/v1/clinic-invitations/accept", json={"code": code}, headers=colleague
            ),
            200,
        )
        patient = {"Authorization": f"Bearer {target.bearer()}"}
        for clinician in staff:
            code = ok(
                client.post(
                    f"/api/v1/clinics/{clinic}/care-invitations",
                    json={"scopes": every_scope},
                    headers=clinician,
                )
            )["code"]
            ok(client.post("/api/v1/me/care-relationships", json={"code": code}, headers=patient))
        hook = {"url": HOOK_URL, "event_types": every_event}
        ok(client.post("/api/v1/me/webhooks", json=hook, headers=patient))
        for _ in range(2):
            ok(client.post(f"/api/v1/clinics/{clinic}/webhooks", json=hook, headers=lead))


def bare_server(workdir: Path, body: bytes, etag: str, workers: int) -> ServerProcess:
    body_path = workdir / "catalog-page.json"
    body_path.write_bytes(body)
    port = free_port()
    env = production_env("sqlite://", port, BENCH_BARE_BODY=str(body_path), BENCH_BARE_ETAG=etag)
    command = _uvicorn("bench.bare_app:app", port, workers)
    return ServerProcess(
        env=env, log_path=workdir / f"bare-{workers}w.log", command=command, ready_path="/readyz"
    )


def start_all(servers: Sequence[ServerProcess]) -> None:
    for server in servers:
        server.launch()
    for server in servers:
        server.wait_ready(120)


# --- pinning and quiet ------------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                continue
    return found


class ServerSide:
    """Every process serving requests: the app servers and the PostgreSQL cluster."""

    def __init__(self, servers: Sequence[ServerProcess], cluster: Cluster | None) -> None:
        self.servers = servers
        self.cluster = cluster

    def pids(self) -> list[int]:
        pids = [pid for server in self.servers for pid in server.pids()]
        if self.cluster is not None:
            pidfile = self.cluster.root / "data" / "postmaster.pid"
            with contextlib.suppress(OSError, ValueError, IndexError):
                pids += _descendants(int(pidfile.read_text().split()[0]))
        return pids

    def pin(self, cpus: str) -> None:
        """taskset every thread of every server-side process (new ones inherit it)."""
        for pid in self.pids():
            subprocess.run(
                ["taskset", "-a", "-p", "-c", cpus, str(pid)], capture_output=True, check=False
            )

    def cpu_ticks(self) -> int:
        total = 0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime
        return total

    def wait_quiet(self, timeout: float = 20.0) -> float:
        """Wait until no server-side process burns CPU (requests a load generator left
        behind still run to completion); return how long that took."""
        began = time.monotonic()
        previous = self.cpu_ticks()
        while time.monotonic() - began < timeout:
            time.sleep(0.05)
            current = self.cpu_ticks()
            if current - previous <= 1:
                break
            previous = current
        return time.monotonic() - began


# --- measuring --------------------------------------------------------------------------


@dataclass
class Measured:
    rows: list[Row]
    notes: list[str]


def sequential(
    target: Target, request: loadgen.Request, count: int, seconds: float
) -> tuple[int, list[float]]:
    """Up to `count` requests one at a time, stopping after `seconds` (at least one);
    return the last status and each latency in ms."""
    latencies: list[float] = []
    status = 0
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=target.server.base_url, timeout=120) as client:
        for _ in range(max(1, count)):
            body = request.body and request.body.replace(loadgen.ID_MARK, str(uuid.uuid4()))
            headers = request.headers
            if request.tokens:  # the many-user rows warm up as their users
                turn = request.tokens[len(latencies) % len(request.tokens)]
                headers = {**headers, "Authorization": f"Bearer {turn}"}
            started = time.monotonic()
            answer = client.request(request.method, request.path, headers=headers, content=body)
            latencies.append((time.monotonic() - started) * 1000)
            status = answer.status_code
            if status != request.expect or time.monotonic() > deadline:
                break
    return status, latencies


def _sequential_result(status: int, expect: int, latencies: list[float]) -> loadgen.Result:
    ordered = sorted(latencies)
    return loadgen.Result(
        requests=len(ordered),
        seconds=sum(ordered) / 1000,
        p50_ms=ordered[len(ordered) // 2],
        p99_ms=ordered[-1],
        errors=0 if status == expect else 1,
        statuses={str(status): len(ordered)},
    )


def measure_group(
    config: Config,
    generator: loadgen.LoadGenerator,
    side: ServerSide,
    cells: Sequence[tuple[Target, Scenario, Row]],
    notes: list[str],
    pins: Sequence[str] | None = None,
    runs: int | None = None,
) -> None:
    """Interleave the cells (A B C A B C ...) for each run and pinning mode; each row
    records the machine's 1-minute load average before and after its group.

    A cell whose single request takes longer than a run is measured sequentially
    instead (a few requests one at a time per pinning mode), and says so in the notes.
    """
    live: list[tuple[Target, Scenario, Row]] = []
    pins = list(pins or config.pinning)
    runs = runs or config.runs
    before = load_average()
    side.pin(_all_cpus())
    for target, scenario, row in cells:
        request = target.request(scenario)
        status, latencies = sequential(target, request, config.warmup_requests, 2.0)
        if status == request.expect and len(latencies) < 3:
            # The first request may pay a one-off cost (the builder's first catalog
            # snapshot): judge the row by requests after it.
            status, latencies = sequential(target, request, 3, 2.0)
        if status != request.expect:
            if scenario.key == "progress" and status == 404:
                row.unavailable = "404"
                continue
            raise RuntimeError(f"{target.key} {scenario.label}: {status}, not {request.expect}")
        single_ms = sorted(latencies)[len(latencies) // 2]
        if single_ms < config.seconds * 1000 / 2:
            live.append((target, scenario, row))
            continue
        for pin in pins:
            side.pin(_server_cpus() if pin == "pinned" else _all_cpus())
            status, latencies = sequential(target, target.request(scenario), 3, config.seconds)
            result = _sequential_result(status, request.expect, latencies)
            row.results[pin] = [result]
            log(f"  sequential {pin:8} {target.key:22} {scenario.key:8} p50 {result.p50_ms:.0f} ms")
        side.pin(_all_cpus())
        notes.append(
            f"{scenario.label} on {row.backend} ({row.state}): one request alone takes about "
            f"{single_ms / 1000:.1f} s, longer than a {config.seconds} s run, so this row was "
            "measured with requests sent one at a time (p99 is the slowest of them)."
        )
    for run in range(runs):
        for pin in pins:
            side.pin(_server_cpus() if pin == "pinned" else _all_cpus())
            for target, scenario, row in live:
                request = target.request(scenario)  # a fresh token if the old one aged
                connections = scenario.connections or min(
                    config.connections, scenario.max_connections or 10**6
                )
                ticks = side.cpu_ticks()
                result = generator.run(
                    target.server.base_url,
                    request,
                    max(config.seconds, scenario.min_seconds),
                    connections,
                    cpus=_load_cpu() if pin == "pinned" else None,
                )
                row.results.setdefault(pin, []).append(result)
                busy = (side.cpu_ticks() - ticks) / CLOCK_TICKS / max(result.seconds, 1e-9)
                row.server_cpus.setdefault(pin, []).append(busy)
                side.wait_quiet()
                log(
                    f"  run {run + 1}/{runs} {pin:8} {target.key:22} {scenario.key:8} "
                    f"{result.rps:8.1f} rps  p50 {result.p50_ms or 0:7.1f} ms  "
                    f"p99 {result.p99_ms or 0:7.1f} ms  errors {result.errors}"
                )
    side.pin(_all_cpus())
    after = load_average()
    for _, _, row in cells:
        row.load = f"{before} / {after}"
    log(f"  load average before / after: {before} / {after}")


def load_average() -> str:
    """The machine's 1-minute load average (the machine is shared: every figure says it)."""
    return Path("/proc/loadavg").read_text().split()[0]


def _all_cpus() -> str:
    return f"0-{(os.cpu_count() or 1) - 1}"


def _server_cpus() -> str:
    """Pinned: the server side gets every CPU but the last, the load generator's."""
    return f"0-{max(0, (os.cpu_count() or 1) - 2)}"


def _load_cpu() -> str:
    return str(max(1, (os.cpu_count() or 1) - 1))


def _check_scale_data(target: Target, scale: Scale, last_variant: str) -> None:
    """The loaded rows read back through the real server (which validates them)."""
    with httpx.Client(base_url=target.server.base_url, timeout=60) as client:
        answer = client.get(f"/api/v1/exercises/{last_variant}")
        assert answer.status_code == 200, answer.text
        page = client.get(
            "/api/v1/sessions",
            params={"limit": 100},
            headers={"Authorization": f"Bearer {target.bearer()}"},
        )
        assert page.status_code == 200, page.text
        items = page.json()["items"]
        assert len(items) == min(100, scale.bench_user_sessions)
        assert all(len(item["entries"]) == scale.entries_per_session for item in items)


# --- the whole run ----------------------------------------------------------------------

ROW_SCENARIOS = [
    scenarios.CATALOG,
    scenarios.DETAIL,
    scenarios.NOT_MODIFIED,
    scenarios.WHOLE_CATALOG,
    scenarios.SESSION_CREATE,
    scenarios.BUILDER,
]
READS = 4  # the first ROW_SCENARIOS are public reads, measured as one interleaved group
# The one-connection signed-in rows.
SINGLE = {"me1", "progress1", "progress500", "care1", "report1"}
ONE_PIN = "unpinned"
BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@contextmanager
def _workdir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="medius-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def run(config: Config) -> str:
    wrk_state = ensure_wrk(config)
    generator = loadgen.choose(config.loadgen)
    log(f"load generator: {generator.name} (wrk {wrk_state})")
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    notes: list[str] = []
    with ExitStack() as stack:
        workdir = stack.enter_context(_workdir())
        cluster: Cluster | None = None
        if "postgresql" in config.backends:
            cluster = start_cluster(port=free_port())  # over TCP, as in production
            stack.callback(cluster.stop)
            log(f"PostgreSQL cluster on 127.0.0.1:{cluster.port} ({PG_BIN})")
        urls = database_urls(config, workdir, cluster)
        last_variant = load_all(config, urls)

        targets: list[Target] = []
        for backend in config.backends:
            name = BACKEND_NAMES[backend]
            worker_counts = [1, 2] if backend == "postgresql" and config.two_workers else [1]
            for workers in worker_counts:
                for state, label in (("empty", "empty"), ("scale", sets_label(config.scale))):
                    key = f"{backend}/{state}/{workers}w"
                    server = app_server(workdir, key, urls[f"{backend}/{state}"], workers)
                    stack.callback(server.stop)
                    targets.append(Target(key, name, label, workers, server, state == "empty"))
        start_all([t.server for t in targets])
        log(f"{len(targets)} servers ready (python -m app serve, ENV=production)")
        for target in targets:
            if target.state != "empty":
                _check_scale_data(target, config.scale, last_variant)

        first_scale = next(t for t in targets if t.state != "empty")
        page = httpx.get(first_scale.server.base_url + scenarios.CATALOG.path, timeout=30)
        bares: dict[int, Target] = {}
        for workers in sorted({t.workers for t in targets}):
            server = bare_server(workdir, page.content, page.headers["etag"], workers)
            stack.callback(server.stop)
            bares[workers] = Target(f"bare/{workers}w", "-", "-", workers, server)
        start_all([b.server for b in bares.values()])
        assert httpx.get(bares[1].server.base_url + scenarios.BARE.path).content == page.content
        log(f"bare app ready, serving the {len(page.content):,}-byte catalog page")

        floors: dict[str, Target] = {}  # by the real target's key; "stack:" + key
        if "signed-in" in config.groups or "care" in config.groups:
            for target in targets:
                # The signed-in rows run on the empty databases; the care row at scale.
                state = target.key.split("/")[1]
                if not (
                    (state == "empty" and target.workers == 1 and "signed-in" in config.groups)
                    or (state == "scale" and target.workers == 1 and "care" in config.groups)
                ):
                    continue
                url = urls[f"{target.key.split('/')[0]}/{state}"]
                for prefix, on_stack in (("", False), ("stack:", True)):
                    server = floor_server(workdir, url, target.workers, on_stack)
                    stack.callback(server.stop)
                    floors[prefix + target.key] = Target(
                        f"{'stack-' if on_stack else ''}floor/{target.key}",
                        target.backend,
                        target.state,
                        target.workers,
                        server,
                        signer=target,
                    )
            start_all([f.server for f in floors.values()])
            log(f"{len(floors)} floor servers ready (bench/floor_app.py, bench/stack_floor_app.py)")

        side = ServerSide(
            [t.server for t in [*targets, *bares.values(), *floors.values()]], cluster
        )
        rows: list[Row] = []
        bare_rows = {w: Row("bare", scenarios.BARE.label, "-", "-", w) for w in sorted(bares)}
        rows.extend(bare_rows.values())
        by_key = {t.key: t for t in targets}

        def pair(backend: str, scenario: Scenario, workers: int) -> list[tuple[Target, Row]]:
            name = BACKEND_NAMES[backend]
            scale_t = by_key[f"{backend}/scale/{workers}w"]
            empty_t = by_key[f"{backend}/empty/{workers}w"]
            empty_row = Row(scenario.key, scenario.label, name, "empty", workers)
            scale_row = Row(scenario.key, scenario.label, name, sets_label(config.scale), workers)
            scale_row.baseline = empty_row
            scale_row.ceiling = empty_row.ceiling = bare_rows[workers]
            rows.extend([scale_row, empty_row])
            return [(empty_t, empty_row), (scale_t, scale_row)]

        groups: list[list[tuple[Target, Scenario, Row]]] = []
        for backend in config.backends:
            reads: list[tuple[Target, Scenario, Row]] = [(bares[1], scenarios.BARE, bare_rows[1])]
            for scenario in ROW_SCENARIOS[:READS]:
                reads += [(t, scenario, r) for t, r in pair(backend, scenario, 1)]
            groups.append(reads)
            for scenario in ROW_SCENARIOS[READS:]:
                groups.append([(t, scenario, r) for t, r in pair(backend, scenario, 1)])
        if config.two_workers:
            two: list[tuple[Target, Scenario, Row]] = [(bares[2], scenarios.BARE, bare_rows[2])]
            for scenario in (scenarios.CATALOG, scenarios.SESSION_CREATE):
                two += [(t, scenario, r) for t, r in pair("postgresql", scenario, 2)]
            groups.append(two)

        if "catalog" not in config.groups:
            groups, rows = [], []
        if "signed-in" in config.groups:
            groups += signed_in_groups(config, by_key, floors, urls, rows)
        if "care" in config.groups:
            for backend in config.backends:
                groups.append(care_group(config, by_key[f"{backend}/scale/1w"], floors, rows))
        scale_out: list[list[tuple[Target, Scenario, Row]]] = []
        if "scale-out" in config.groups:
            for backend in config.backends:
                scale_out.append(many_users_group(config, by_key, urls, backend, rows))

        for cells in groups:
            names = sorted({f"{s.key}" for _, s, _ in cells} - {"bare"})
            log(f"measuring {', '.join(names)} on {cells[0][0].key.split('/')[0]} ...")
            # The signed-in rows run in one pinning mode (unpinned when measured) and
            # BENCH_SIGNED_IN_RUNS runs: with their floors they double the rows, and make
            # bench must stay under 10 minutes.
            signed_in = any(row.floor is not None or row.scenario in SINGLE for _, _, row in cells)
            pins = [ONE_PIN if ONE_PIN in config.pinning else config.pinning[0]]
            if signed_in:
                measure_group(config, generator, side, cells, notes, pins, config.signed_in_runs)
            else:
                measure_group(config, generator, side, cells, notes)
        for cells in scale_out:
            log(f"measuring {MANY_USERS} users writing at once on {cells[0][0].backend} ...")
            measure_group(config, generator, side, cells, notes, scale_out_pins(config))
        notes += scale_out_notes(config, rows)
        if "catalog" in config.groups:
            for backend in config.backends:
                scale_t = by_key[f"{backend}/scale/1w"]
                rows += builder_after_change(scale_t, urls[f"{backend}/scale"], last_variant)

        sizes = {
            t.state: len(httpx.get(t.server.base_url + scenarios.CATALOG.path).json()["items"])
            for t in targets
            if t.workers == 1
        }
        if len(set(sizes.values())) > 1:
            notes.append(
                "The catalog page holds "
                + " and ".join(
                    f"{n} exercises on the {state} database" for state, n in sizes.items()
                )
                + " (the empty one has only the article's eight), so the list's ratios to the "
                "empty database compare pages of different sizes."
            )
        if float(load_before[0]) > 1.0:
            notes.append(
                f"Other processes were busy during the run (load average {load_before[0]} "
                "before it started): absolute figures are noisy; ratios between interleaved "
                "runs less so."
            )
        for row in rows:
            if row.unavailable == "404":
                notes.append(
                    f"{row.label} answered 404 on {row.backend} ({row.state}): the endpoint "
                    "is not built yet, so the row reads n/a; the harness measures it once it "
                    "answers 200."
                )
        for target in [*targets, *bares.values(), *floors.values()]:
            output = target.server.output()
            if "database is locked" in output or "Traceback" in output:
                notes.append(f"{target.key}: server log shows errors; see its log")
    elapsed = time.time() - BEGAN
    load_after = Path("/proc/loadavg").read_text().split()[:3]
    header = [
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` in "
        f"**{elapsed:.0f} s** (wall time, install included when run through make).",
        "",
        f"- Machine: {os.cpu_count()} CPUs ({_cpu_model()}), Python {platform.python_version()}, "
        f"load average before/after: {' '.join(load_before)} / {' '.join(load_after)}.",
        "- Server: `python -m app serve` (ENV=production, uvicorn, LOG_LEVEL=info so access "
        "logs are on, as `make run`); PostgreSQL 15 throwaway cluster from harness/postgres.py "
        "(fsync off).",
        f"- Scale database: {config.scale.exercises:,} extra exercises, "
        f"{config.scale.users:,} users, {config.scale.sets:,} logged sets in "
        f"{config.scale.sessions:,} sessions; the signed-in bench user owns "
        f"{config.scale.bench_user_sets:,} sets and runs a clinic whose "
        f"{config.scale.care_patients:,} patients (all in the bench user's care) own the "
        "other sets, logged over the two years up to the run; care on: the bench user is "
        "also the patient of two clinicians at another clinic (every scope), with three "
        "endpoints subscribed to all their events (their own, two of that clinic's). Empty "
        "database: migrated and seeded; before the signed-in rows the bench user is put in "
        "the same care through the API (two clinicians, three endpoints; no webhook worker "
        "runs, so the rows measure what the request pays).",
        f"- Load: {generator.name}, {config.connections} connections (builder: 1), "
        f"{config.runs} interleaved runs ({config.signed_in_runs} for the signed-in rows) of "
        f"{config.seconds} s per row and pinning mode; "
        "cells are medians of the runs, errors are summed (socket errors plus any status "
        "other than the one expected).",
        "- Load average: the `load` column is the machine's 1-minute load average before / "
        "after the row's group was measured (the machine is shared; compare ratios within "
        "a run).",
        "- Ratios: rps / bare is against the bare Starlette app returning the same catalog "
        "bytes with the same workers; rps / empty and p99 / empty compare with the same "
        "endpoint on the empty database.",
    ]
    backends = [BACKEND_NAMES[backend] for backend in config.backends]
    return document(rows, config.pinning, backends, header, notes)


def signed_in_groups(
    config: Config,
    by_key: dict[str, Target],
    floors: dict[str, Target],
    urls: dict[str, str],
    rows: list[Row],
) -> list[list[tuple[Target, Scenario, Row]]]:
    """Each signed-in operation beside its two floors (bare and stack), interleaved
    (A B C A B C ...), one group each."""
    groups: list[list[tuple[Target, Scenario, Row]]] = []
    for backend in config.backends:
        real = by_key[f"{backend}/empty/1w"]
        put_in_care(real)
        ids = prepare_signed_in(real, urls[f"{backend}/empty"])
        for template, target_ratio in scenarios.FLOORED:
            if config.scenarios and template.key not in config.scenarios:
                continue
            workers = 1
            mine = by_key[f"{backend}/empty/{workers}w"]
            scenario = replace(template, path=template.path.format(**ids))
            row = Row(scenario.key, scenario.label, BACKEND_NAMES[backend], "20 sessions", workers)
            floor_row = Row(scenario.key, scenario.label, BACKEND_NAMES[backend], "floor", workers)
            stack_row = replace(floor_row, state="stack floor", results={})
            row.floor, row.floor_target, row.stack_floor = floor_row, target_ratio, stack_row
            rows.append(row)
            cells = [
                (mine, scenario, row),
                (floors[mine.key], scenario, floor_row),
                (floors[f"stack:{mine.key}"], scenario, stack_row),
            ]
            if scenario.path == scenarios.SESSION_CREATE.path:
                # The stack floor's old 4-statement create, in the same runs (report.py).
                minimal = replace(floor_row, state="4-statement stack floor", results={})
                row.minimal_floor = minimal
                old_floor = replace(scenario, path=scenarios.MINIMAL_CREATE)
                cells.append((floors[f"stack:{mine.key}"], old_floor, minimal))
            groups.append(cells)
        if not config.scenarios or "progress" in config.scenarios:
            groups.append(progress_group(config, by_key[f"{backend}/scale/1w"], urls, rows))
    return groups


SMALL_EMAIL = "bench-small@example.com"
ADMIN_EMAIL = "bench-admin@example.com"
CHANGES = 7  # catalog changes, each followed by one builder request (the cold one)
WARM = 3  # builder requests after each cold one


def builder_after_change(target: Target, url: str, slug: str) -> list[Row]:
    """POST /routine-builder right after an admin changes one exercise, against the same
    request once the catalog is unchanged: the first pays for the snapshot refresh.

    Sequential, one connection, CHANGES times: PATCH the exercise's summary (If-Match),
    time the next builder request (cold), then WARM more (warm). Rows: cold and warm p50
    and slowest; the check is cold p50 / warm p50.
    """
    engine = create_engine(url)
    with Session(engine) as session:
        create_admin(session, ADMIN_EMAIL, BENCH_PASSWORD)
    engine.dispose()
    admin = Target(f"{target.key}/admin", target.backend, target.state, 1, target.server)
    admin.email = ADMIN_EMAIL
    admin_headers = {"Authorization": f"Bearer {admin.bearer()}"}
    build = target.request(scenarios.BUILDER)
    cold: list[float] = []
    warm: list[float] = []
    before = load_average()
    with httpx.Client(base_url=target.server.base_url, timeout=120) as client:

        def timed() -> float:
            started = time.monotonic()
            answer = client.request(
                build.method, build.path, headers=build.headers, content=build.body
            )
            if answer.status_code != build.expect:
                raise RuntimeError(f"{target.key} builder: {answer.status_code} {answer.text}")
            return (time.monotonic() - started) * 1000

        timed()  # the snapshot exists before the first change
        for n in range(CHANGES):
            path = f"/api/v1/exercises/{slug}"
            etag = client.get(path).headers["etag"]
            changed = client.patch(
                path,
                json={"summary": f"Bench change {n}: a variant of a seeded exercise."},
                headers={**admin_headers, "If-Match": etag},
            )
            if changed.status_code != 200:
                raise RuntimeError(f"{target.key} catalog change: {changed.status_code}")
            cold.append(timed())
            warm += [timed() for _ in range(WARM)]
    load = f"{before} / {load_average()}"
    rows = []
    for key, label, latencies in (
        ("builder-cold", "POST /routine-builder, first after a catalog change", cold),
        ("builder-warm", "POST /routine-builder, catalog unchanged (same loop)", warm),
    ):
        row = Row(key, label, target.backend, target.state, 1, load=load)
        row.results[ONE_PIN] = [_sequential_result(build.expect, build.expect, latencies)]
        rows.append(row)
        log(f"  {target.key} {key}: p50 {rows[-1].results[ONE_PIN][0].p50_ms:.1f} ms")
    return rows


def progress_group(
    config: Config, scale: Target, urls: dict[str, str], rows: list[Row]
) -> list[tuple[Target, Scenario, Row]]:
    """GET /me, GET /me/progress and GET /me/report at one connection on the scale
    database: the bench user (BENCH_USER_SETS sets) and, for progress, a second user
    given 500 sets (50 sessions of 10)."""
    backend = scale.key.split("/")[0]
    small = Target(
        f"{scale.key}/small", scale.backend, "500 sets", 1, scale.server, True, email=SMALL_EMAIL
    )
    prepare_signed_in(small, urls[f"{backend}/scale"], sessions=50)
    many = f"{config.scale.bench_user_sets:,} sets"
    cells: list[tuple[Target, Scenario, Row]] = []
    for target, scenario, state in (
        (scale, scenarios.ME_ONE, many),
        (scale, scenarios.PROGRESS_ONE, many),
        (scale, scenarios.REPORT_ONE, many),
        (small, scenarios.PROGRESS_SMALL, "500 sets"),
    ):
        row = Row(scenario.key, scenario.label, BACKEND_NAMES[backend], state, 1)
        rows.append(row)
        cells.append((target, scenario, row))
    return cells


MANY_USERS = scenarios.MANY_USERS


def many_users_group(
    config: Config,
    by_key: dict[str, Target],
    urls: dict[str, str],
    backend: str,
    rows: list[Row],
) -> list[tuple[Target, Scenario, Row]]:
    """POST /sessions by MANY_USERS distinct users of the scale database at once (one
    connection each), with one worker and, on PostgreSQL, two, interleaved: what the
    second worker adds when no change counter serialises the writers."""
    cells: list[tuple[Target, Scenario, Row]] = []
    workers = [1, 2] if backend == "postgresql" and config.two_workers else [1]
    for count in workers:
        target = by_key[f"{backend}/scale/{count}w"]
        target.database_url = urls[f"{backend}/scale"]
        state = f"{MANY_USERS} users, {sets_label(config.scale)}"
        row = Row(
            scenarios.MANY_CREATE.key,
            scenarios.MANY_CREATE.label,
            BACKEND_NAMES[backend],
            state,
            count,
        )
        rows.append(row)
        cells.append((target, scenarios.MANY_CREATE, row))
    return cells


def scale_out_pins(config: Config) -> list[str]:
    """The scale-out rows run in every pinning mode asked for, and pinned (the load
    generator on a CPU of its own) whatever was asked, when there are CPUs to pin apart."""
    pins = list(config.pinning)
    if (os.cpu_count() or 1) >= 2 and "pinned" not in pins:
        pins.append("pinned")
    return pins


def scale_out_notes(config: Config, rows: Sequence[Row]) -> list[str]:
    """What the machine let the two-worker row show, with the CPUs the server side used."""
    many = [row for row in rows if row.scenario == scenarios.MANY_CREATE.key]
    if not many:
        return []
    busy = []
    for row in many:
        for pin, values in sorted(row.server_cpus.items()):
            busy.append(
                f"{row.backend}, {row.workers} worker(s), {pin}: {statistics.median(values):.2f}"
            )
    cpus = os.cpu_count() or 1
    said = [
        f"Scale-out rows ({MANY_USERS} distinct users of the scale database, the clinic's "
        f"patients, each on its own connection, so no change counter serialises them): "
        f"CPUs the server side (app workers and PostgreSQL) kept busy, median of the runs: "
        + "; ".join(busy)
        + "."
    ]
    if cpus < SCALE_OUT_CPUS and config.two_workers:
        said.append(
            f"This machine has {cpus} CPUs: one worker, PostgreSQL and the load generator "
            "already share them (see the CPUs busy above), so a second worker has no CPU of "
            f"its own and the two-worker target cannot be shown here; it is reported n/a, not "
            f"met or missed. It needs at least {SCALE_OUT_CPUS} CPUs (the pinned runs keep "
            "the load generator on the last CPU and the server side on the others)."
        )
    return said


def care_group(
    config: Config, scale: Target, floors: dict[str, Target], rows: list[Row]
) -> list[tuple[Target, Scenario, Row]]:
    """GET /clinics/{id}/patients on the scale database as the bench user (the owner of the
    clinic, with every patient in care), beside its two floors on the same database
    (bench/floor_app.py's `care_patients`: the same statements in plain SQL)."""
    backend = scale.key.split("/")[0]
    clinic = care_clinic_id(config.scale)
    scenario = replace(scenarios.CARE, path=scenarios.CARE.path.format(clinic_id=clinic))
    state = f"{config.scale.care_patients} patients, {sets_label(config.scale)}"
    row = Row(scenario.key, scenario.label, BACKEND_NAMES[backend], state, 1)
    floor_row = Row(scenario.key, scenario.label, BACKEND_NAMES[backend], "floor", 1)
    stack_row = replace(floor_row, state="stack floor", results={})
    row.floor, row.stack_floor = floor_row, stack_row
    row.floor_target = scenarios.STACK_FLOOR_TARGET
    one = replace(scenarios.CARE_ONE, path=scenario.path)
    one_row = Row(one.key, one.label, BACKEND_NAMES[backend], state, 1)
    rows += [row, one_row]
    return [
        (scale, scenario, row),
        (floors[scale.key], scenario, floor_row),
        (floors[f"stack:{scale.key}"], scenario, stack_row),
        (scale, one, one_row),
    ]


def sets_label(scale: Scale) -> str:
    """1000000 -> "1M sets", 20000 -> "20k sets"."""
    n = scale.sets
    if n >= 1_000_000:
        return f"{n / 1_000_000:g}M sets"
    return f"{n / 1000:g}k sets" if n >= 1000 else f"{n} sets"


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def main() -> None:
    if "--help" in sys.argv or "-h" in sys.argv:
        print(usage())
        return
    config = Config.from_env()
    markdown = run(config)
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(markdown)
    print()
    print(markdown)
    log(f"report written to {config.output}; total {time.time() - BEGAN:.0f} s")
