"""User accounts, the hash-chained audit trail, dossier notes.

An office that already exists gets its administrator account ("admin", no password yet: the program asks for
one at the first sign-in). The trail starts empty, its head at the genesis hash; triggers make it append-only.
Columns are added with plain ALTER TABLE (no table copy), so a ledger of a million dossiers migrates in seconds.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00
"""

import uuid
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa
import isodesk.db.types


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('username_key', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_accounts_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('username_key', name=op.f('uq_accounts_username_key')),
    sa.UniqueConstraint('uuid', name=op.f('uq_accounts_uuid'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_change_seq'), ['change_seq'], unique=False)

    op.create_table('audit_trail',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('after', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_trail'))
    )
    with op.batch_alter_table('audit_trail', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_trail_label'), ['label'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_trail_record_uuid'), ['record_uuid'], unique=False)

    head = op.create_table('audit_trail_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_audit_trail_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_trail_head'))
    )
    op.bulk_insert(head, [{'id': 1, 'seq': 0, 'hash': GENESIS}])
    # Append-only: no statement of the program updates or deletes an entry, and SQLite refuses anyone else's.
    op.execute(
        "CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    # The head only moves forward and is never removed.
    op.execute(
        "CREATE TRIGGER audit_trail_head_forward BEFORE UPDATE ON audit_trail_head WHEN new.seq <= old.seq "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail head only moves forward'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_trail_head_kept BEFORE DELETE ON audit_trail_head "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail head cannot be removed'); END"
    )

    # Plain ALTER TABLE: SQLite adds a column with a constant default without copying the table.
    op.add_column('dossiers', sa.Column('note', sa.Text(), server_default='', nullable=False))
    op.create_index('ix_dossiers_applicant', 'dossiers', ['applicant_id'], unique=False)

    _administrator_for_existing_office()


def _administrator_for_existing_office() -> None:
    conn = op.get_bind()
    office = conn.execute(sa.text("SELECT unit_code FROM office LIMIT 1")).first()
    if office is None:
        return  # a new office gets its administrator when it is set up
    seq = conn.execute(
        sa.text("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value")
    ).scalar_one()
    now = datetime.now(UTC)
    accounts = sa.table(
        'accounts',
        sa.column('username', sa.String), sa.column('username_key', sa.String),
        sa.column('display_name', sa.String), sa.column('roles', sa.Text), sa.column('active', sa.Boolean),
        sa.column('password_hash', sa.Text), sa.column('must_change_password', sa.Boolean),
        sa.column('failed_attempts', sa.Integer), sa.column('uuid', sa.Uuid),
        sa.column('unit_code', sa.String), sa.column('created_at', isodesk.db.types.UTCDateTime()),
        sa.column('updated_at', isodesk.db.types.UTCDateTime()), sa.column('updated_by', sa.String),
        sa.column('change_seq', sa.Integer),
    )
    op.bulk_insert(accounts, [{
        'username': 'admin', 'username_key': 'admin', 'display_name': 'Quản trị viên', 'roles': '["admin"]',
        'active': True, 'password_hash': '', 'must_change_password': False, 'failed_attempts': 0,
        'uuid': uuid.uuid4(), 'unit_code': office[0], 'created_at': now, 'updated_at': now,
        'updated_by': 'admin', 'change_seq': seq,
    }])


def downgrade() -> None:
    op.drop_index('ix_dossiers_applicant', table_name='dossiers')
    op.execute("ALTER TABLE dossiers DROP COLUMN note")  # SQLite >= 3.35; no table copy, FTS triggers kept
    for trigger in ("audit_trail_no_update", "audit_trail_no_delete", "audit_trail_head_forward",
                    "audit_trail_head_kept"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table('audit_trail_head')
    with op.batch_alter_table('audit_trail', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_trail_record_uuid'))
        batch_op.drop_index(batch_op.f('ix_audit_trail_label'))
    op.drop_table('audit_trail')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_change_seq'))
    op.drop_table('accounts')
