"""Storage: SQLAlchemy 2.0 models over one SQLite file per office, migrated with Alembic at start-up."""
