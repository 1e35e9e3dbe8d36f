"""Keeping the data safe: backups and restore, start-up checks of the file and the clock, the audit trail."""
