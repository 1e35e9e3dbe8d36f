"""The quality system area."""
