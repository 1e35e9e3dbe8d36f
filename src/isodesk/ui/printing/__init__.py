"""Print preview, printing and saving of the PDFs the report layer makes (forms, ledger, reports)."""
