"""The care team's follow-up of a patient: their alerts (listed, acknowledged) and comments
on their sessions, under /clinics/{clinic_id}/patients/{patient_id}/, every call logged."""
