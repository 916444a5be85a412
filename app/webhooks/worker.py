"""The delivery worker (`python -m app worker`): expands the outbox, claims due
deliveries and POSTs them.

Each round first expands what the writes left in the outbox (app/webhooks/outbox.py
`expand`: audiences, deliveries, advice), in transactions of their own, oldest first.
Each round claims a batch under a lease (`repository.claim`), makes the attempts in a few
threads with no database connection held, and records each outcome in a transaction of
its own, only if the lease is still this worker's. A worker killed mid-delivery leaves
its leases to run out, after which another worker (or the restarted one) sends the same
event again: at-least-once, and receivers deduplicate by `webhook-id`.

Failures back off exponentially with jitter up to a cap and are given up after
`WEBHOOK_MAX_ATTEMPTS`; an endpoint whose events keep being given up, or that has failed
every attempt for `WEBHOOK_DISABLE_AFTER_HOURS`, is disabled until its owner re-enables it.
"""

from __future__ import annotations

import logging
import random
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy import Engine, func, update
from sqlmodel import Session, col

from app.core.config import Settings
from app.core.db import begin_write, build_engine
from app.core.types import utcnow
from app.core.vocabulary import DeliveryStatus, EndpointDisabledReason
from app.webhooks import outbox, repository, signing, targets
from app.webhooks.models import ERROR_MAX, WebhookEndpoint, webhook_id
from app.webhooks.repository import Claimed

logger = logging.getLogger("medius.webhooks")
PRUNE_EVERY_SECONDS = 3600.0
EXPAND_BATCH = 200


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool
    status_code: int | None = None
    error: str | None = None


def backoff(attempts: int, settings: Settings) -> timedelta:
    """The wait after the `attempts`-th failure: doubling from the base, capped, with half
    of it random ("equal jitter"), so endpoints that failed together do not retry together."""
    ceiling = min(
        settings.webhook_backoff_max_seconds,
        settings.webhook_backoff_seconds * 2 ** min(attempts - 1, 32),
    )
    return timedelta(seconds=ceiling / 2 + random.uniform(0, ceiling / 2))  # noqa: S311


class Worker:
    def __init__(
        self,
        settings: Settings,
        engine: Engine | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        """`tls` replaces the system's trusted certificates (tests trust their own CA)."""
        self.settings = settings
        self.engine = engine or build_engine(settings)
        self._tls: ssl.SSLContext | bool = tls or True
        self.stopping = threading.Event()
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(
            settings.webhook_worker_threads, thread_name_prefix="webhook"
        )
        self._pruned_at = 0.0

    # --- the loop -----------------------------------------------------------------------------

    def run(self) -> None:
        """Deliver until `stopping` is set (SIGTERM or SIGINT in `python -m app worker`)."""
        logger.info("webhook worker started")
        while not self.stopping.is_set():
            try:
                if self.run_once() == 0:
                    self._prune_now_and_then()
                    self.stopping.wait(self._idle_seconds())
            except Exception:  # a database outage: log, wait, go on
                logger.exception("webhook worker round failed")
                self.stopping.wait(self.settings.webhook_poll_seconds)
        self.close()
        logger.info("webhook worker stopped")

    def run_once(self) -> int:
        """One round: expand the outbox, then claim a batch, attempt each, record each
        outcome. How many deliveries were tried."""
        self.expand()
        batch = self._claim()
        if not batch:
            return 0
        futures = [(claimed, self._pool.submit(self.attempt, claimed)) for claimed in batch]
        for claimed, future in futures:
            self._record(claimed, future.result())
        return len(batch)

    def drain(self, rounds: int = 1000) -> int:
        """Rounds until nothing is due (tests and one-off runs). How many attempts were made."""
        total = 0
        for _ in range(rounds):
            done = self.run_once()
            if done == 0:
                return total
            total += done
        return total

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def _idle_seconds(self) -> float:
        poll = self.settings.webhook_poll_seconds
        with Session(self.engine) as session:
            due = repository.next_due(session)
        if due is None:
            return poll
        return max(0.0, min(poll, (due - utcnow()).total_seconds()))

    def _prune_now_and_then(self) -> None:
        if time.monotonic() - self._pruned_at < PRUNE_EVERY_SECONDS:
            return
        self._pruned_at = time.monotonic()
        before = utcnow() - timedelta(days=self.settings.webhook_retention_days)
        with Session(self.engine) as session:
            begin_write(session)
            repository.prune(session, before)
            session.commit()

    # --- one delivery -------------------------------------------------------------------------

    def expand(self) -> int:
        """Expand every outbox row written so far, a batch per transaction; how many."""
        total = 0
        while True:
            with Session(self.engine) as session:
                begin_write(session)
                done = outbox.expand(session, EXPAND_BATCH)
                session.commit()
            total += done
            if done < EXPAND_BATCH:
                return total

    def _claim(self) -> list[Claimed]:
        lease = timedelta(seconds=self.settings.webhook_lease_seconds)
        with Session(self.engine) as session:
            begin_write(session)
            batch = repository.claim(session, utcnow(), lease, self.settings.webhook_worker_threads)
            session.commit()
        return batch

    def _client(self) -> httpx.Client:
        client: httpx.Client | None = getattr(self._local, "client", None)
        if client is None:
            # No proxies from the environment: a proxy would connect to a name the checks
            # never saw. No redirects: a 3xx could point anywhere, and counts as a failure.
            client = httpx.Client(
                timeout=self.settings.webhook_timeout_seconds,
                follow_redirects=False,
                trust_env=False,
                verify=self._tls,
            )
            self._local.client = client
        return client

    def attempt(self, claimed: Claimed) -> Outcome:
        """POST the event once; any 2xx is delivered. No database connection is held."""
        try:
            pinned = targets.pin(claimed.url, self.settings)
        except targets.TargetRefused as exc:
            return Outcome(False, error=f"refused: {exc}")
        headers = signing.headers(
            claimed.secrets, webhook_id(claimed.event_id), utcnow(), claimed.payload
        )
        headers["host"] = pinned.host_header
        try:
            with self._client().stream(
                "POST",
                pinned.url,
                content=claimed.payload.encode(),
                headers=headers,
                extensions={"sni_hostname": pinned.server_name},
            ) as response:  # the body is never read: only the status counts
                status = response.status_code
        except httpx.HTTPError as exc:
            return Outcome(False, error=f"{type(exc).__name__}: {exc}"[:ERROR_MAX])
        if 200 <= status < 300:
            return Outcome(True, status)
        return Outcome(False, status, f"the receiver answered {status}")

    def _record(self, claimed: Claimed, outcome: Outcome) -> None:
        now = utcnow()
        attempts = claimed.attempts + 1
        with Session(self.engine) as session:
            begin_write(session)
            common = {
                "attempts": attempts,
                "last_attempt_at": now,
                "last_status_code": outcome.status_code,
                "last_error": outcome.error,
            }
            if outcome.ok:
                values = {**common, "status": DeliveryStatus.DELIVERED, "delivered_at": now}
            elif attempts >= self.settings.webhook_max_attempts:
                values = {**common, "status": DeliveryStatus.FAILED}
            else:
                values = {**common, "next_attempt_at": now + backoff(attempts, self.settings)}
            if not repository.finish(session, claimed, values):
                session.rollback()  # the lease ran out and another worker took over
                return
            self._endpoint_health(session, claimed, outcome, values, now)
            session.commit()
        if not outcome.ok:
            logger.info(
                "webhook delivery %s to %s failed (attempt %s): %s",
                claimed.id,
                claimed.endpoint_id,
                attempts,
                outcome.error,
            )

    def _endpoint_health(
        self,
        session: Session,
        claimed: Claimed,
        outcome: Outcome,
        values: dict[str, object],
        now: datetime,
    ) -> None:
        """Reset the endpoint's failure record on success; on failure extend it, and
        disable the endpoint once it has failed too many events or for too long."""
        where = col(WebhookEndpoint.id) == claimed.endpoint_id
        if outcome.ok:
            session.execute(
                update(WebhookEndpoint)
                .where(where, col(WebhookEndpoint.failing_since).is_not(None))
                .values(consecutive_failures=0, failing_since=None)
            )
            return
        given_up = values.get("status") is DeliveryStatus.FAILED
        session.execute(
            update(WebhookEndpoint)
            .where(where)
            .values(
                consecutive_failures=WebhookEndpoint.consecutive_failures + int(given_up),
                failing_since=func.coalesce(col(WebhookEndpoint.failing_since), now),
            )
        )
        endpoint = repository.endpoint_for_update(session, claimed.endpoint_id)
        if endpoint is None or not endpoint.enabled:
            return
        failing_for = now - (endpoint.failing_since or now)
        too_many = (
            endpoint.consecutive_failures >= self.settings.webhook_disable_after_failed_events
        )
        too_long = failing_for >= timedelta(hours=self.settings.webhook_disable_after_hours)
        if not (too_many or too_long):
            return
        session.execute(
            update(WebhookEndpoint)
            .where(where)
            .values(
                enabled=False,
                disabled_reason=EndpointDisabledReason.FAILING,
                disabled_at=now,
                revision=WebhookEndpoint.revision + 1,
                updated_at=now,
            )
        )
        repository.give_up_pending(
            session, claimed.endpoint_id, "endpoint disabled after repeated failures"
        )
        logger.warning("webhook endpoint %s disabled after repeated failures", endpoint.id)
