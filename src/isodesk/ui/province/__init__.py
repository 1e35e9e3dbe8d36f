"""The province's desk: the dashboard of its units and the import of their packages (issue 13)."""
