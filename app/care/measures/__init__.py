"""A clinician's side of outcome measures: assign them, record a measured test, read the
results; every call in the patient's access log (app/outcomes holds the measures)."""
