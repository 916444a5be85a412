"""Outcome instruments: versioned definitions with their source, licence and published
MCID, and the one scoring module (pure)."""
