"""Self-checks: the article's tests a user records (single-leg stance, Trendelenburg), and
their interpretation, which feeds the routine builder's emphasis."""
