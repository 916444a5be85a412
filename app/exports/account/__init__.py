"""The account as a whole: what one person owns across every domain (the export).

An aggregate above the domains it reads (users, routines, assessments, sessions), so none
of them imports it; see tests/test_architecture.py for the layers.
"""
