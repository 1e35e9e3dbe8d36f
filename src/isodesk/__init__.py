"""isodesk: ISO 9001 quality management and one-stop-shop ledger for Vietnamese communes and wards."""

__version__ = "0.1.0"
