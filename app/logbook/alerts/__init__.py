"""Alerts for a patient's care team: raised in the transaction of the change that causes
them, listed by the patient and by the care team, acknowledged with a note."""
