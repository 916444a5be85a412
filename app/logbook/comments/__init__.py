"""Comments a clinician writes on a patient's session; the patient reads them."""
