"""index for Socialstyrelsen's key figures: open cases by profile, prevention level and position × trivsel

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 15:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """One covering index, in the GROUP BY's order; no data changes."""
    op.create_index('ix_case_prevention', 'case',
                    ['status', 'profile_key', 'profile_version', 'prevention', 'position', 'wellbeing'])


def downgrade() -> None:
    """Drop it."""
    op.drop_index('ix_case_prevention', table_name='case')
