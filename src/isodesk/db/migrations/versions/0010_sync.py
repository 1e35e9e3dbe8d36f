"""The province's sync: the history of exported packages and the unit's signing key.

New tables only, nothing existing changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 12:40:00
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_exports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('changes_from', sa.Integer(), nullable=False),
    sa.Column('changes_to', sa.Integer(), nullable=False),
    sa.Column('records', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_exports')),
    sa.UniqueConstraint('sequence', name=op.f('uq_sync_exports_sequence'))
    )
    op.create_table('sync_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('private_pem', sa.LargeBinary(), nullable=False),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_keys'))
    )


def downgrade() -> None:
    op.drop_table('sync_keys')
    op.drop_table('sync_exports')
