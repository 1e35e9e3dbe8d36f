"""Decisions of a management review as tracked actions: text, owner, due date, status and the day done.

ISO 9001:2015 9.3.3 (the outputs of the review include actions) and 9.3.2 a (the next review reads their status): a
new table only, nothing existing changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 13:00:00
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_decisions',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], name=op.f('fk_review_decisions_owner_id_staff')),
    sa.ForeignKeyConstraint(['review_id'], ['management_reviews.id'], name=op.f('fk_review_decisions_review_id_management_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_decisions')),
    sa.UniqueConstraint('uuid', name=op.f('uq_review_decisions_uuid'))
    )
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_decisions_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_decisions_review_id'), ['review_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_decisions_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_decisions_status'))
        batch_op.drop_index(batch_op.f('ix_review_decisions_review_id'))
        batch_op.drop_index(batch_op.f('ix_review_decisions_change_seq'))

    op.drop_table('review_decisions')
