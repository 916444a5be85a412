"""The live catalog: this process's copies of the catalog per revision -- the public
responses, the /catalog document, the validated specs and the planner index -- owned by
one `LiveCatalog` (live.py), invalidated on commit (above `catalog` and `builder`)."""
