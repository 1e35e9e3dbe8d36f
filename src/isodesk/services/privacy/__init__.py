"""Applicants' personal data: a copy for the person who asks, and erasure when it is no longer needed."""
