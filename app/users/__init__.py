"""Users and who may call: registration, tokens and their families, the account's settings,
deletion steps, and `users.auth` (the dependencies every signed-in route uses)."""
