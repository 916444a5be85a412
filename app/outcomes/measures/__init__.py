"""Assigned outcome measures: schedules, what is due, answers and their scores."""
