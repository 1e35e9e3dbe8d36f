"""The one-stop-shop desk: the procedure catalogue, the working-day calendar, dossiers, the ledger, statistics."""
