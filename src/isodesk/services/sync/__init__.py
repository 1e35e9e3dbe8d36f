"""The province's sync (issue 13): the unit's signing key and its fingerprint, and the export of signed packages of
the quality system's records and of dossiers reduced to what statistics need. The package format and its checks
are in :mod:`isodesk.sync`."""
