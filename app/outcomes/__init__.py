"""Outcome measures: instruments with their provenance and scoring, and what patients
answer on the schedule their clinician sets."""
