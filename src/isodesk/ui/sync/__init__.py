"""Đồng bộ: the unit key's fingerprint and the export of sync packages for the province."""
