"""Foundation: office, staff, departments, settings, administrative units, change counter.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 13:50:59.915635
"""

from alembic import op
import sqlalchemy as sa

import isodesk.db.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('admin_units',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('division_type', sa.String(length=40), nullable=False),
    sa.Column('province_code', sa.String(length=10), nullable=True),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_admin_units'))
    )
    with op.batch_alter_table('admin_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_units_province_code'), ['province_code'], unique=False)

    op.create_table('change_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_counter'))
    )
    op.bulk_insert(sa.table('change_counter', sa.column('id', sa.Integer), sa.column('value', sa.Integer)),
                   [{'id': 1, 'value': 0}])
    op.create_table('departments',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('uuid', name=op.f('uq_departments_uuid'))
    )
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_departments_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_departments_search_key'), ['search_key'], unique=False)

    op.create_table('office',
    sa.Column('province_code', sa.String(length=10), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('leader_name', sa.String(length=200), nullable=False),
    sa.Column('leader_title', sa.String(length=200), nullable=False),
    sa.Column('iso_representative', sa.String(length=200), nullable=False),
    sa.Column('iso_secretary', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('agency_code', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office')),
    sa.UniqueConstraint('uuid', name=op.f('uq_office_uuid'))
    )
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_change_seq'), ['change_seq'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings')),
    sa.UniqueConstraint('key', name=op.f('uq_settings_key')),
    sa.UniqueConstraint('uuid', name=op.f('uq_settings_uuid'))
    )
    with op.batch_alter_table('settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_settings_change_seq'), ['change_seq'], unique=False)

    op.create_table('admin_unit_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('is_alias', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['admin_units.code'], name=op.f('fk_admin_unit_names_unit_code_admin_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admin_unit_names'))
    )
    with op.batch_alter_table('admin_unit_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_unit_names_unit_code'), ['unit_code'], unique=False)

    op.create_table('staff',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_staff_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('uuid', name=op.f('uq_staff_uuid'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_search_key'), ['search_key'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_search_key'))
        batch_op.drop_index(batch_op.f('ix_staff_department_id'))
        batch_op.drop_index(batch_op.f('ix_staff_change_seq'))

    op.drop_table('staff')
    with op.batch_alter_table('admin_unit_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_unit_names_unit_code'))

    op.drop_table('admin_unit_names')
    with op.batch_alter_table('settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_settings_change_seq'))

    op.drop_table('settings')
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_change_seq'))

    op.drop_table('office')
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_departments_search_key'))
        batch_op.drop_index(batch_op.f('ix_departments_change_seq'))

    op.drop_table('departments')
    op.drop_table('change_counter')
    with op.batch_alter_table('admin_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_units_province_code'))

    op.drop_table('admin_units')
