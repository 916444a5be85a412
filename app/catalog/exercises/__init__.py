"""Exercises, muscles and equipment: the seeded catalog, its reads and its import/export."""
