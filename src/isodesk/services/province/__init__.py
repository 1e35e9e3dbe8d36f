"""The province's desk: importing the units' sync packages and what the province sees of its units (issue 13)."""
