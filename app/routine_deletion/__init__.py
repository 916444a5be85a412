"""Deleting a routine: the routine goes, and each session logged against it records the change.

Sessions name their routine (sessions sit above routines), so the write that spans both
lives here, above the two, in one transaction: routines never import sessions. See
tests/test_architecture.py for the layers.
"""
