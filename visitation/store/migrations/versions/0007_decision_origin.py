"""where a decision imported with its case was made (the meeting of the other system)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The table decision_origin; no existing row changes."""
    op.create_table('decision_origin',
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('meeting_ref', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_decision_origin_decision_id_decision')),
    sa.PrimaryKeyConstraint('decision_id', name=op.f('pk_decision_origin'))
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table('decision_origin')
