"""The quality management system's records, and the day counts the quality objectives read.

- New tables, each with the sync columns of every record of the office: ``qms_roles`` (steering committee,
  quality representative, ISO secretary, internal auditors, chosen from staff), ``qms_trainings``, ``qms_scopes``
  (versions of the scope, ISO 9001:2015 4.3), ``qms_policies`` (versions of the quality policy, 5.2),
  ``qms_objectives`` (6.2), ``qms_milestones`` (audits, reviews, the head's confirmation), ``qms_announcements``
  (QĐ 19/2014/QĐ-TTg, Annex I), ``qms_legal_changes``, ``qms_plan_tasks``, ``qms_risks`` (6.1), and the
  register of controlled documents ``qms_documents`` with their issues ``qms_revisions`` (7.5).
- ``daily_counts`` gets ``supplements`` (supplement requests made that day) and ``settle_days`` (calendar days from
  receipt to return summed over the dossiers settled that day), filled from the dossiers and their steps, so a
  year's objectives add up a few thousand rows instead of scanning a million dossiers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 14:00:00
"""

from alembic import op
import sqlalchemy as sa

import isodesk.db.types


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TABLES = (
    'qms_roles', 'qms_trainings', 'qms_scopes', 'qms_policies', 'qms_objectives', 'qms_milestones',
    'qms_announcements', 'qms_legal_changes', 'qms_plan_tasks', 'qms_risks', 'qms_documents', 'qms_revisions',
)


def _synced(name: str, *columns: sa.Column, unique: tuple[str, ...] = (), indexes: tuple[str, ...] = ()) -> None:
    """A table with the columns every synchronised record carries (isodesk.db.base.SyncedMixin)."""
    op.create_table(
        name,
        *columns,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.Uuid(), nullable=False),
        sa.Column('unit_code', sa.String(length=10), nullable=False),
        sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
        sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=100), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')),
        sa.UniqueConstraint('uuid', name=op.f(f'uq_{name}_uuid')),
        *(sa.UniqueConstraint(c, name=op.f(f'uq_{name}_{c}')) for c in unique),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column in ('change_seq', *indexes):
            batch_op.create_index(batch_op.f(f'ix_{name}_{column}'), [column], unique=False)


def upgrade() -> None:
    _synced('qms_roles',
            sa.Column('role', sa.String(length=30), nullable=False),
            sa.Column('staff_id', sa.Integer(), sa.ForeignKey('staff.id', name=op.f('fk_qms_roles_staff_id_staff')),
                      nullable=False),
            sa.Column('duty', sa.Text(), nullable=False),
            sa.Column('named_on', sa.Date(), nullable=True),
            indexes=('role', 'staff_id'))
    _synced('qms_trainings',
            sa.Column('staff_id', sa.Integer(),
                      sa.ForeignKey('staff.id', name=op.f('fk_qms_trainings_staff_id_staff')), nullable=False),
            sa.Column('course', sa.Text(), nullable=False),
            sa.Column('held_on', sa.Date(), nullable=False),
            sa.Column('certificate', sa.Text(), nullable=False),
            indexes=('staff_id',))
    _synced('qms_scopes',
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('set_on', sa.Date(), nullable=False),
            sa.Column('procedures', sa.Text(), nullable=False),
            sa.Column('exclusions', sa.Text(), nullable=False),
            sa.Column('note', sa.Text(), nullable=False),
            unique=('version',))
    _synced('qms_policies',
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('text', sa.Text(), nullable=False),
            sa.Column('state', sa.String(length=20), nullable=False),
            sa.Column('drafted_by', sa.Text(), nullable=False),
            sa.Column('drafted_on', sa.Date(), nullable=True),
            sa.Column('reviewed_by', sa.Text(), nullable=False),
            sa.Column('reviewed_on', sa.Date(), nullable=True),
            sa.Column('approved_by', sa.Text(), nullable=False),
            sa.Column('approved_on', sa.Date(), nullable=True),
            unique=('version',))
    _synced('qms_objectives',
            sa.Column('year', sa.Integer(), nullable=False),
            sa.Column('title', sa.Text(), nullable=False),
            sa.Column('measure', sa.String(length=30), nullable=False),
            sa.Column('procedures', sa.Text(), nullable=False),
            sa.Column('field', sa.Text(), nullable=False),
            sa.Column('target', sa.String(length=30), nullable=False),
            sa.Column('direction', sa.String(length=10), nullable=False),
            sa.Column('unit', sa.Text(), nullable=False),
            sa.Column('period', sa.String(length=10), nullable=False),
            sa.Column('actuals', sa.Text(), nullable=False),
            sa.Column('plan', sa.Text(), nullable=False),
            sa.Column('owner', sa.Text(), nullable=False),
            sa.Column('evaluation', sa.Text(), nullable=False),
            sa.Column('active', sa.Boolean(), nullable=False),
            indexes=('year',))
    _synced('qms_milestones',
            sa.Column('kind', sa.String(length=20), nullable=False),
            sa.Column('held_on', sa.Date(), nullable=False),
            sa.Column('reference', sa.Text(), nullable=False),
            sa.Column('note', sa.Text(), nullable=False),
            indexes=('kind',))
    _synced('qms_announcements',
            sa.Column('number', sa.Text(), nullable=False),
            sa.Column('announced_on', sa.Date(), nullable=False),
            sa.Column('notified_on', sa.Date(), nullable=True),
            sa.Column('scope_version', sa.Integer(), nullable=True))
    _synced('qms_legal_changes',
            sa.Column('procedure_code', sa.Text(), nullable=False),
            sa.Column('change', sa.String(length=20), nullable=False),
            sa.Column('basis', sa.Text(), nullable=False),
            sa.Column('effective_on', sa.Date(), nullable=False),
            sa.Column('applied_on', sa.Date(), nullable=True))
    _synced('qms_plan_tasks',
            sa.Column('task', sa.Text(), nullable=False),
            sa.Column('owner', sa.Text(), nullable=False),
            sa.Column('deadline', sa.Date(), nullable=True),
            sa.Column('done_on', sa.Date(), nullable=True))
    _synced('qms_risks',
            sa.Column('kind', sa.String(length=20), nullable=False),
            sa.Column('description', sa.Text(), nullable=False),
            sa.Column('action', sa.Text(), nullable=False),
            sa.Column('owner', sa.Text(), nullable=False),
            sa.Column('review_on', sa.Date(), nullable=True),
            sa.Column('closed_on', sa.Date(), nullable=True))

    _synced('qms_documents',
            sa.Column('code', sa.Text(), nullable=False),
            sa.Column('title', sa.Text(), nullable=False),
            sa.Column('kind', sa.String(length=20), nullable=False),
            sa.Column('obsolete_on', sa.Date(), nullable=True))
    _synced('qms_revisions',
            sa.Column('document_id', sa.Integer(),
                      sa.ForeignKey('qms_documents.id', name=op.f('fk_qms_revisions_document_id_qms_documents')),
                      nullable=False),
            sa.Column('issue', sa.Integer(), nullable=False),
            sa.Column('state', sa.String(length=20), nullable=False),
            sa.Column('change', sa.Text(), nullable=False),
            sa.Column('issued_on', sa.Date(), nullable=True),
            sa.Column('approved_by', sa.Text(), nullable=False),
            sa.Column('file_name', sa.Text(), nullable=False),
            sa.Column('checksum', sa.String(length=64), nullable=False),
            sa.Column('distribution', sa.Text(), nullable=False),
            indexes=('document_id',))

    op.add_column('daily_counts', sa.Column('supplements', sa.Integer(), server_default='0', nullable=False))
    op.add_column('daily_counts', sa.Column('settle_days', sa.Integer(), server_default='0', nullable=False))
    conn = op.get_bind()
    # Days from receipt to return of the returned dossiers, on the day and procedure they count in.
    conn.execute(sa.text(
        "INSERT INTO daily_counts (day, procedure_id, received, ahead, on_time, late, rating_1, rating_2, rating_3, "
        "rating_4, supplements, settle_days) "
        "SELECT settled_on, procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
        "CAST(SUM(julianday(settled_on) - julianday(received_on)) AS INTEGER) FROM dossiers "
        "WHERE settled_on IS NOT NULL AND timeliness IS NOT NULL GROUP BY settled_on, procedure_id "
        "ON CONFLICT (day, procedure_id) DO UPDATE SET settle_days = excluded.settle_days"
    ))
    # Supplement requests on the Vietnam day they were made (stored times are UTC; Vietnam is UTC+7 all year).
    conn.execute(sa.text(
        "INSERT INTO daily_counts (day, procedure_id, received, ahead, on_time, late, rating_1, rating_2, rating_3, "
        "rating_4, supplements, settle_days) "
        "SELECT date(e.at, '+7 hours') AS d, x.procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), 0 "
        "FROM dossier_events e JOIN dossiers x ON x.id = e.dossier_id WHERE e.action = 'supplement' "
        "GROUP BY d, x.procedure_id "
        "ON CONFLICT (day, procedure_id) DO UPDATE SET supplements = excluded.supplements"
    ))


def downgrade() -> None:
    with op.batch_alter_table('daily_counts', schema=None) as batch_op:
        batch_op.drop_column('settle_days')
        batch_op.drop_column('supplements')
    for name in reversed(TABLES):
        op.drop_table(name)
