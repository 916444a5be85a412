"""The care team: clinics and clinicians, care relationships under the patient's consent, the
one access decision and its log, prescriptions, follow-up and a clinic's webhooks."""
