"""Routines: a user's own and the public templates, versioned, the routine-builder endpoint,
and deleting a routine (an event the logbook's sessions react to)."""
