"""The live catalog per revision: validated specs and the builder's planner index, cached
per process and refreshed once per catalog change (above both `catalog` and `builder`)."""
