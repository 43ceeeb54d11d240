"""Alembic environment: migrates the connection handed over by `visitation.store.schema`."""

from __future__ import annotations

from alembic import context

from visitation.store.models import metadata
from visitation.store.search import not_a_model

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, compare_type=True,
                  render_as_batch=connection.dialect.name == "sqlite", include_name=not_a_model)
with context.begin_transaction():
    context.run_migrations()
