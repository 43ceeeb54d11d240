"""Alembic migrations of the Visitation schema (run through `visitation.store.schema`)."""
