"""What a user actually did: session logs set by set (offline sync), the progress and advice
computed from them, the alerts they raise and a clinician's comments on them."""
