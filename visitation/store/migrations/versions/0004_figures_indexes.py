"""indexes for the key figures: open cases and due follow-ups covered, corrections found at once

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 06:10:00
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Four indexes; no data changes."""
    op.create_index('ix_case_figures', 'case', ['status', 'current_step', 'caseworker', 'created_at'])
    op.create_index('ix_followup_figures', 'followup',
                    ['superseded_by_id', 'done_on', 'due', 'decision_id', 'case_id'])
    op.create_index('ix_decision_supersedes_id', 'decision', ['supersedes_id'])
    op.create_index('ix_decision_figures', 'decision', ['outcome', 'case_id', 'id', 'step_before', 'step',
                                                        'created_at', 'start', 'meeting_id', 'supersedes_id'])


def downgrade() -> None:
    """Drop them."""
    op.drop_index('ix_decision_figures', table_name='decision')
    op.drop_index('ix_decision_supersedes_id', table_name='decision')
    op.drop_index('ix_followup_figures', table_name='followup')
    op.drop_index('ix_case_figures', table_name='case')
