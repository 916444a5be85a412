"""No domain at all: settings, the database, errors and problems, HTTP plumbing (caching,
paging, negotiation, middleware), vocabularies and in-transaction events."""
