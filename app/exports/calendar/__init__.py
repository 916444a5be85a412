"""The planned sessions as an iCalendar feed (RFC 5545) behind a revocable read-only token."""
