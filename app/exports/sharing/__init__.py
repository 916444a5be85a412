"""Share links: a patient's read-only, expiring, revocable link to one routine's handout or
to their progress summary, for someone without an account. Above the handout and progress
(it renders both); every use is recorded for the patient (`service.record_use`).
"""
