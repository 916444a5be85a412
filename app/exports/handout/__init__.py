"""Printable program: a routine as a self-contained HTML page or an A4 PDF.

`page` builds one `Handout` (what the program says); `html` and `pdf` each draw it in
their format; `router` serves `GET /routines/{id}/handout`. It sits above the domains it
reads: the routine (routines) and the pain and "reduce" warnings (progress), so neither
imports it (see tests/test_architecture.py for the layers).
"""
