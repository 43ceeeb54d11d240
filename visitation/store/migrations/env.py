"""Alembic environment: migrates the connection handed over by `visitation.store.schema`."""

from __future__ import annotations

from alembic import context

from visitation.store.models import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, compare_type=True,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
