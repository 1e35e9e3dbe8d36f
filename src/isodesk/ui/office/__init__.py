"""Screens of the office: the first-run wizard and the settings page."""
