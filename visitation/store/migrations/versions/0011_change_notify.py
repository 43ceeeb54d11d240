"""change notification: PostgreSQL notifies listeners of every change event in the audit log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 16:00:00

Every change is written with an audit event in the same transaction, so one trigger on the audit log
tells every open screen that something changed (NOTIFY is sent at commit, and not at all on rollback).
Reads, exports and refused saves are not changes. SQLite has no NOTIFY: screens watch its data version.
"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

FUNCTION = """
CREATE OR REPLACE FUNCTION visitation_notify_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('visitation_changes', NEW.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
TRIGGER = """
CREATE TRIGGER audit_event_notify AFTER INSERT ON audit_event FOR EACH ROW
WHEN (NEW.action NOT IN ('read', 'export', 'search', 'citizen', 'backup', 'conflict', 'print'))
EXECUTE FUNCTION visitation_notify_change()
"""


def upgrade() -> None:
    """The function and the trigger (PostgreSQL only)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION)
        op.execute(TRIGGER)


def downgrade() -> None:
    """Drop them."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_notify ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS visitation_notify_change()")
