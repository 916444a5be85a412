"""A clinician's prescriptions: routines written for a patient in their care, from a
template, the builder (with the patient's latest self-check) or by hand, revised version by
version. Above care (who may) and routines (what is stored); every call is in the
patient's access log.
"""
