"""A unit's side of the province's packages: the province whose packages it applies, with its key.

A new table only, nothing existing changes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 17:40:00
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_province',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('province_code', sa.String(length=10), nullable=False),
    sa.Column('province_name', sa.Text(), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('enrolled_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('last_sequence', sa.Integer(), nullable=False),
    sa.Column('last_sha256', sa.String(length=64), nullable=False),
    sa.Column('last_package_at', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.Column('calendar_days', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_province')),
    sa.UniqueConstraint('province_code', name=op.f('uq_sync_province_province_code'))
    )


def downgrade() -> None:
    op.drop_table('sync_province')
