"""What a user trains with: their self-checks and their routines (owned, templates, built by
the routine builder from constraints and the latest self-check)."""
