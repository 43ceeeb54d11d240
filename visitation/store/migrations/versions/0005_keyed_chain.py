"""the hash chains keyed (HMAC-SHA256, the key outside the database): existing chains re-keyed once

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 11:20:00
"""

from __future__ import annotations

from alembic import context, op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Check the old SHA-256 chains, re-seal both with the chain key, and log it (see `visitation.store.rekey`)."""
    from visitation.store.rekey import key_existing

    key_existing(op.get_bind(), context.config.attributes.get("user", "visitation"))


def downgrade() -> None:
    """Not possible: the old, unkeyed hashes are gone, and restoring them would remove the protection."""
    raise NotImplementedError("the keyed chains cannot be downgraded; restore the copy taken before the upgrade")
