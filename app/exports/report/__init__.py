"""The progress report: a patient's pain, adherence, left/right work, outcome measures, alerts
and program versions over a period, as charts with a plain-words summary under each, in HTML
(inline SVG) and as an A4 PDF.

`service` gathers the figures (aggregates read in SQL, never every set); `sections` turns
them into charts (`charts`, drawn with `plot`'s geometry and marks, ReportLab graphics)
and summaries; `html` and `pdf` draw the
same sections; `router` serves the patient's own report and a clinician's at the clinic.
Above the handout (whose negotiation and response it reuses), below sharing (which can
carry a report).
"""
