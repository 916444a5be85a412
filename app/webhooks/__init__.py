"""Signed webhooks (Standard Webhooks): endpoints, the transactional outbox, the worker."""
