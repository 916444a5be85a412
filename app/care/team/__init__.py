"""The care team: clinics, members, care relationships with the patient's consent, and the
log of every read or write of a patient's data by someone else (issue #14)."""
