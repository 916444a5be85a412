"""Progress: figures and advice per exercise computed from the sessions and their totals."""
