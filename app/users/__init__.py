"""Users and who may call: registration, tokens and their families, the account's settings,
its deletion (an event the packages above react to), and `users.auth` (the dependencies
every signed-in route uses)."""
