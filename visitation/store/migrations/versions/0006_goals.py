"""goals and sub-goals of a case, scored at each follow-up

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The tables goal and goal_score, with their indexes; no existing row changes."""
    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_goal_case_id_case')),
    sa.ForeignKeyConstraint(['parent_id'], ['goal.id'], name=op.f('fk_goal_parent_id_goal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal'))
    )
    op.create_index(op.f('ix_goal_case_id'), 'goal', ['case_id'])
    op.create_index(op.f('ix_goal_parent_id'), 'goal', ['parent_id'])

    op.create_table('goal_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('followup_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('scored_on', sa.Date(), nullable=False),
    sa.Column('scored_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['followup_id'], ['followup.id'], name=op.f('fk_goal_score_followup_id_followup')),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_goal_score_goal_id_goal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_score'))
    )
    op.create_index(op.f('ix_goal_score_followup_id'), 'goal_score', ['followup_id'])
    op.create_index(op.f('ix_goal_score_goal_id'), 'goal_score', ['goal_id'])


def downgrade() -> None:
    """Drop them (the scores first: they point at the goals)."""
    op.drop_index(op.f('ix_goal_score_goal_id'), table_name='goal_score')
    op.drop_index(op.f('ix_goal_score_followup_id'), table_name='goal_score')
    op.drop_table('goal_score')
    op.drop_index(op.f('ix_goal_parent_id'), table_name='goal')
    op.drop_index(op.f('ix_goal_case_id'), table_name='goal')
    op.drop_table('goal')
