"""the seeds' methods: Signs of Safety mapping and safety plan, ICS notes, the prevention triangle, and the
decision's reason for a step outside the ruler's range and its safety plan

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import context, op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

DECISION_COLUMNS = ('ruler_reason', 'safety_plan')
CASE_COLUMNS = ('prevention', 'position', 'wellbeing')


def _text(length: int | None = None) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _owned(name: str, *columns: sa.Column) -> None:
    """A table of rows that belong to a case, stamped with when and by whom."""
    op.create_table(name,
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    *columns,
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', _text(200), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f(f'fk_{name}_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}'))
    )
    op.create_index(op.f(f'ix_{name}_case_id'), name, ['case_id'])


def upgrade() -> None:
    """New tables; new case columns (blank); new decision columns (blank), the decisions sealed again."""
    _owned('sos_entry', sa.Column('kind', _text(20), nullable=False), sa.Column('text', _text(2000), nullable=False),
           sa.Column('who', _text(200), nullable=False))
    _owned('sos_scale', sa.Column('who', _text(200), nullable=False),
           sa.Column('score', sa.Integer(), nullable=False), sa.Column('rated_on', sa.Date(), nullable=False))
    _owned('safety_rule', sa.Column('text', _text(2000), nullable=False),
           sa.Column('keepers', sa.JSON(), nullable=False))
    _owned('ics_note', sa.Column('side', _text(20), nullable=False), sa.Column('dimension', _text(40), nullable=False),
           sa.Column('kind', _text(20), nullable=False), sa.Column('text', _text(2000), nullable=False))
    with op.batch_alter_table('case', schema=None) as batch_op:
        for name in CASE_COLUMNS:
            batch_op.add_column(sa.Column(name, _text(20), nullable=False, server_default=''))
    with op.batch_alter_table('decision', schema=None) as batch_op:
        for name in DECISION_COLUMNS:
            batch_op.add_column(sa.Column(name, _text(), nullable=False, server_default=''))
    # Every column of a decision is hashed: the rows recorded before this revision are checked as they were
    # sealed and sealed again with the new columns, in this transaction (visitation.store.rekey).
    from visitation.store.rekey import reseal_grown

    reseal_grown(op.get_bind(), 'decision', DECISION_COLUMNS, context.config.attributes.get("user", "visitation"),
                 revision)


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('decision', schema=None) as batch_op:
        for name in reversed(DECISION_COLUMNS):
            batch_op.drop_column(name)
    # SQLite drops the columns in place: copying the table as batch mode does would drop "case", which every
    # case's rows refer to (the foreign keys refuse it once there are rows).
    with op.batch_alter_table('case', schema=None, recreate='never') as batch_op:
        for name in reversed(CASE_COLUMNS):
            batch_op.drop_column(name)
    for name in ('ics_note', 'safety_rule', 'sos_scale', 'sos_entry'):
        op.drop_index(op.f(f'ix_{name}_case_id'), table_name=name)
        op.drop_table(name)
