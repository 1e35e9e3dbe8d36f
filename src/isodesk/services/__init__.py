"""Use cases: one function per thing a user does. Each owns its transaction and returns plain data."""
