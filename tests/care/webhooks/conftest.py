"""The webhook harness (loopback receiver, in-process worker) for clinic endpoints."""

from tests.webhooks.conftest import app, receiver, worker

__all__ = ["app", "receiver", "worker"]
