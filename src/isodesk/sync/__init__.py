"""The sync package for the province: format, export, verification and import."""
