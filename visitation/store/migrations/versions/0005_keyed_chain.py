"""the hash chains keyed (HMAC-SHA256, the key outside the database): existing chains re-keyed once

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 11:20:00
"""

from __future__ import annotations

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Placeholder: filled in by the keyed-chain work."""


def downgrade() -> None:
    """Nothing to undo yet."""
