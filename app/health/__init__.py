"""Liveness and readiness: /healthz and /readyz, for orchestrators."""
