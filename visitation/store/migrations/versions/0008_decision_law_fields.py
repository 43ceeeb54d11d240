"""the decision's fields of Barnets Lov: the youth's consent, the investigation, § 52 and § 100

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import context, op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

COLUMNS = ('youth_consent', 'investigation_done', 'acute', 'return_period_months', 'siblings', 'schooling',
           'foster_assessment')


def upgrade() -> None:
    """Add the columns (a decision recorded before them: youth consent unknown, not acute, texts blank)."""
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('youth_consent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False,
                                      server_default='unknown'))
        batch_op.add_column(sa.Column('investigation_done', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('acute', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('return_period_months', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('siblings', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('schooling', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('foster_assessment', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
    # Every column of a decision is hashed: the rows recorded before this revision are checked as they were
    # sealed and sealed again with the new columns, in this transaction (visitation.store.rekey).
    from visitation.store.rekey import reseal_grown

    reseal_grown(op.get_bind(), 'decision', COLUMNS, context.config.attributes.get("user", "visitation"), revision)


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('decision', schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
