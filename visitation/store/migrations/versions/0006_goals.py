"""goals and sub-goals of a case, scored at each follow-up

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 11:20:00
"""

from __future__ import annotations

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Placeholder: filled in by the goals work."""


def downgrade() -> None:
    """Nothing to undo yet."""
