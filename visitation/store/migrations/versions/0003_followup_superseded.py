"""follow-ups made moot by a later decision

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 21:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add followup.superseded_by_id (a decision)."""
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.add_column(sa.Column('superseded_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_followup_superseded_by_id_decision'), 'decision',
                                    ['superseded_by_id'], ['id'])


def downgrade() -> None:
    """Drop it."""
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_followup_superseded_by_id_decision'), type_='foreignkey')
        batch_op.drop_column('superseded_by_id')
