"""The personal-data page: a copy for a person, erasure."""
