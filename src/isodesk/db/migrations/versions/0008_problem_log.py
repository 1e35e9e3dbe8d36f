"""The log of problems met while applying the procedures (noted weekly, reviewed monthly).

A new table only, ``qms_problems``; nothing existing changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 13:00:00
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('qms_problems',
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('procedure_code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qms_problems')),
    sa.UniqueConstraint('uuid', name=op.f('uq_qms_problems_uuid'))
    )
    with op.batch_alter_table('qms_problems', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qms_problems_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_qms_problems_noted_on'), ['noted_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('qms_problems', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qms_problems_noted_on'))
        batch_op.drop_index(batch_op.f('ix_qms_problems_change_seq'))

    op.drop_table('qms_problems')
