"""case search index: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 20:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from visitation.store import search

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Build the index over the cases already there; without the SQLite or PostgreSQL feature, LIKE still works."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and search.SQLITE_HAS_TRIGRAM:
        for statement in search.SQLITE_CREATE:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        try:
            with bind.begin_nested():
                op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                op.execute(search.PG_CREATE)
        except sa.exc.DBAPIError:
            pass  # no pg_trgm on this server: searches scan, as before


def downgrade() -> None:
    """Drop the index."""
    bind = op.get_bind()
    statements = search.SQLITE_DROP if bind.dialect.name == "sqlite" else (search.PG_DROP,)
    for statement in statements:
        op.execute(statement)
