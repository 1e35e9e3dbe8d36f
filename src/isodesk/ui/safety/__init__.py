"""Screens that keep the data safe: backups and restore, the audit trail."""
