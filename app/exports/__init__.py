"""A user's data in other shapes, for other readers: the printable handout, share links, the
calendar feed, the account export and FHIR R4B."""
