"""The ``isodesk`` command line (DESIGN.md §5): scripting, batch work and tests, on the same services."""
