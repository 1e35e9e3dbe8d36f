"""The Một cửa area: the ledger table, receiving dossiers, a dossier and its timeline, the calendar."""
