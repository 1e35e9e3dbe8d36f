"""The province's import of unit packages: the units enrolled with their keys, the import log and the records
received, kept per unit.

New tables only, nothing existing changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 14:10:00
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('province_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('unit_name', sa.Text(), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('enrolled_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('last_sequence', sa.Integer(), nullable=False),
    sa.Column('last_sha256', sa.String(length=64), nullable=False),
    sa.Column('last_package_at', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_province_units')),
    sa.UniqueConstraint('unit_code', name=op.f('uq_province_units_unit_code'))
    )
    op.create_table('province_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_province_imports'))
    )
    op.create_table('province_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('unit_change_seq', sa.Integer(), nullable=False),
    sa.Column('unit_updated_at', sa.String(length=40), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_province_records')),
    sa.UniqueConstraint('unit_code', 'kind', 'uuid', name=op.f('uq_province_records_unit_code'))
    )


def downgrade() -> None:
    op.drop_table('province_records')
    op.drop_table('province_imports')
    op.drop_table('province_units')
