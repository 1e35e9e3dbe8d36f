"""One-stop-shop ledger (procedures, applicants, dossiers, events, counters) and the calendar overlay.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:41:58.579359
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('applicants',
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('id_number', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicants')),
    sa.UniqueConstraint('uuid', name=op.f('uq_applicants_uuid'))
    )
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicants_change_seq'), ['change_seq'], unique=False)

    op.create_table('calendar_changes',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('old_kind', sa.String(length=10), nullable=False),
    sa.Column('new_kind', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_changes')),
    sa.UniqueConstraint('uuid', name=op.f('uq_calendar_changes_uuid'))
    )
    with op.batch_alter_table('calendar_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_changes_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_changes_day'), ['day'], unique=False)

    op.create_table('calendar_overrides',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_overrides')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_overrides_day')),
    sa.UniqueConstraint('uuid', name=op.f('uq_calendar_overrides_uuid'))
    )
    with op.batch_alter_table('calendar_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_overrides_change_seq'), ['change_seq'], unique=False)

    op.create_table('counters',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_counters'))
    )
    op.create_table('procedures',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('time_unit', sa.String(length=20), nullable=False),
    sa.Column('time_value', sa.String(length=12), nullable=False),
    sa.Column('cutoff_note', sa.Text(), nullable=False),
    sa.Column('fee', sa.String(length=200), nullable=False),
    sa.Column('components', sa.Text(), nullable=False),
    sa.Column('steps', sa.Text(), nullable=False),
    sa.Column('in_scope', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('confidence', sa.String(length=10), nullable=False),
    sa.Column('office_time_unit', sa.String(length=20), nullable=True),
    sa.Column('office_time_value', sa.String(length=12), nullable=True),
    sa.Column('office_fee', sa.String(length=200), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedures')),
    sa.UniqueConstraint('code', name=op.f('uq_procedures_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_procedures_uuid'))
    )
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedures_change_seq'), ['change_seq'], unique=False)

    op.create_table('dossiers',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('book_year', sa.Integer(), nullable=False),
    sa.Column('book_seq', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('received_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('due_at', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.Column('settled_at', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.Column('settled_on', sa.Date(), nullable=True),
    sa.Column('timeliness', sa.String(length=10), nullable=True),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('paused_at', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('sets', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('handler_id', sa.Integer(), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_dossiers_applicant_id_applicants'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['handler_id'], ['staff.id'], name=op.f('fk_dossiers_handler_id_staff')),
    sa.ForeignKeyConstraint(['officer_id'], ['staff.id'], name=op.f('fk_dossiers_officer_id_staff')),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_dossiers_procedure_id_procedures')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossiers')),
    sa.UniqueConstraint('code', name=op.f('uq_dossiers_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_dossiers_uuid'))
    )
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.create_index('ix_dossiers_book', ['book_year', 'book_seq'], unique=True)
        batch_op.create_index(batch_op.f('ix_dossiers_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index('ix_dossiers_received', ['received_on', 'status', 'timeliness', 'procedure_id'], unique=False)
        batch_op.create_index('ix_dossiers_settled', ['settled_on', 'timeliness', 'procedure_id', 'rating'], unique=False)
        batch_op.create_index('ix_dossiers_due', ['due_at'], unique=False)
        batch_op.create_index('ix_dossiers_status_due', ['status', 'due_at', 'received_on'], unique=False)

    op.create_table('dossier_events',
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=False),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('from_staff_id', sa.Integer(), nullable=True),
    sa.Column('to_staff_id', sa.Integer(), nullable=True),
    sa.Column('due_at', isodesk.db.types.UTCDateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_dossier_events_dossier_id_dossiers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['from_staff_id'], ['staff.id'], name=op.f('fk_dossier_events_from_staff_id_staff')),
    sa.ForeignKeyConstraint(['to_staff_id'], ['staff.id'], name=op.f('fk_dossier_events_to_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_events')),
    sa.UniqueConstraint('uuid', name=op.f('uq_dossier_events_uuid'))
    )
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_events_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_events_dossier_id'), ['dossier_id'], unique=False)


    op.create_table('daily_counts',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('ahead', sa.Integer(), nullable=False),
    sa.Column('on_time', sa.Integer(), nullable=False),
    sa.Column('late', sa.Integer(), nullable=False),
    sa.Column('rating_1', sa.Integer(), nullable=False),
    sa.Column('rating_2', sa.Integer(), nullable=False),
    sa.Column('rating_3', sa.Integer(), nullable=False),
    sa.Column('rating_4', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'procedure_id', name=op.f('pk_daily_counts'))
    )
    # Accent-insensitive substring search over dossier codes and applicant names: an FTS5 trigram index on the
    # folded search key (SQLite >= 3.34), kept in step with the table by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE dossier_search USING fts5(search_key, content='dossiers', content_rowid='id', "
        "tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER dossier_search_ai AFTER INSERT ON dossiers BEGIN "
        "INSERT INTO dossier_search(rowid, search_key) VALUES (new.id, new.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER dossier_search_ad AFTER DELETE ON dossiers BEGIN "
        "INSERT INTO dossier_search(dossier_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER dossier_search_au AFTER UPDATE OF search_key ON dossiers BEGIN "
        "INSERT INTO dossier_search(dossier_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); "
        "INSERT INTO dossier_search(rowid, search_key) VALUES (new.id, new.search_key); END"
    )


def downgrade() -> None:
    for trigger in ("dossier_search_ai", "dossier_search_ad", "dossier_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS dossier_search")
    op.drop_table('daily_counts')
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_events_dossier_id'))
        batch_op.drop_index(batch_op.f('ix_dossier_events_change_seq'))

    op.drop_table('dossier_events')
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.drop_index('ix_dossiers_status_due')
        batch_op.drop_index('ix_dossiers_settled')
        batch_op.drop_index('ix_dossiers_received')
        batch_op.drop_index(batch_op.f('ix_dossiers_change_seq'))
        batch_op.drop_index('ix_dossiers_book')

    op.drop_table('dossiers')
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedures_change_seq'))

    op.drop_table('procedures')
    op.drop_table('counters')
    with op.batch_alter_table('calendar_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_overrides_change_seq'))

    op.drop_table('calendar_overrides')
    with op.batch_alter_table('calendar_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_changes_day'))
        batch_op.drop_index(batch_op.f('ix_calendar_changes_change_seq'))

    op.drop_table('calendar_changes')
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicants_change_seq'))

    op.drop_table('applicants')
