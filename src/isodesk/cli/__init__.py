"""The ``isodesk`` command line (docs/ARCHITECTURE.md §8): scripting, batch work and tests, on the same services."""
