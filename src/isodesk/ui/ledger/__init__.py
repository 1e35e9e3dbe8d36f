"""The Một cửa area and the Overview: the ledger table, receiving dossiers, a dossier and its timeline, the calendar,
the dashboard."""
