"""What the test suite and the benchmark both run against: a throwaway PostgreSQL 15 cluster
(`harness.postgres`) and a real Medius server in a subprocess (`harness.server`).

Neither tests/ nor bench/ owns these, so neither imports the other for them
(tests/test_architecture.py holds bench/ and app/ to it). Not part of the app or its image.
"""
