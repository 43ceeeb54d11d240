"""kept months of the key figures: children per step at each finished month's end, and what makes them stale

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 10:00:00

Two tables and the triggers that bump their generation on any change that alters a finished month
(`visitation.store.month_store`), and the indexes by creation time that find the cases a running month
touched.
"""

from __future__ import annotations

from alembic import op

from visitation.store import month_store

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Empty tables (counted on first use), their triggers, two indexes."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in month_store.SQLITE_CREATE if sqlite else month_store.PG_CREATE:
        op.execute(statement)
    op.create_index('ix_case_created', 'case', ['created_at', 'id'])
    op.create_index('ix_decision_created', 'decision', ['created_at', 'outcome', 'case_id'])


def downgrade() -> None:
    """Drop them."""
    op.drop_index('ix_decision_created', table_name='decision')
    op.drop_index('ix_case_created', table_name='case')
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in month_store.SQLITE_DROP if sqlite else month_store.PG_DROP:
        op.execute(statement)
