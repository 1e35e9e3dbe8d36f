"""Internal audits, findings, corrective actions, issued audit reports and management reviews.

ISO 9001:2015 9.2 (internal audit), 9.3 (management review), 10.2 (nonconformity and corrective action): new tables
only, nothing existing changes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 08:00:00
"""

from alembic import op
import sqlalchemy as sa
import isodesk.db.types  # noqa: F401  (custom column types)


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audits',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=False),
    sa.Column('members', sa.Text(), nullable=False),
    sa.Column('auditees', sa.Text(), nullable=False),
    sa.Column('procedures', sa.Text(), nullable=False),
    sa.Column('clauses', sa.Text(), nullable=False),
    sa.Column('objectives', sa.Text(), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('opening', sa.String(length=5), nullable=False),
    sa.Column('closing', sa.String(length=5), nullable=False),
    sa.Column('conclusions', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('edition', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['departments.id'], name=op.f('fk_audits_area_id_departments')),
    sa.ForeignKeyConstraint(['lead_id'], ['staff.id'], name=op.f('fk_audits_lead_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audits')),
    sa.UniqueConstraint('uuid', name=op.f('uq_audits_uuid'))
    )
    with op.batch_alter_table('audits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audits_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_audits_held_on'), ['held_on'], unique=False)

    op.create_table('management_reviews',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('inputs', sa.Text(), nullable=False),
    sa.Column('minutes', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('chair', sa.Text(), nullable=False),
    sa.Column('effective', sa.Boolean(), nullable=True),
    sa.Column('confirmed_by', sa.Integer(), nullable=True),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['confirmed_by'], ['staff.id'], name=op.f('fk_management_reviews_confirmed_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_management_reviews')),
    sa.UniqueConstraint('uuid', name=op.f('uq_management_reviews_uuid'))
    )
    with op.batch_alter_table('management_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_management_reviews_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_management_reviews_held_on'), ['held_on'], unique=False)

    op.create_table('audit_checklist',
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('clause', sa.String(length=10), nullable=False),
    sa.Column('procedure_code', sa.String(length=40), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audits.id'], name=op.f('fk_audit_checklist_audit_id_audits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_checklist')),
    sa.UniqueConstraint('uuid', name=op.f('uq_audit_checklist_uuid'))
    )
    with op.batch_alter_table('audit_checklist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_checklist_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_checklist_change_seq'), ['change_seq'], unique=False)

    op.create_table('audit_findings',
    sa.Column('audit_id', sa.Integer(), nullable=True),
    sa.Column('grade', sa.String(length=12), nullable=False),
    sa.Column('clause', sa.String(length=10), nullable=False),
    sa.Column('procedure_code', sa.String(length=40), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('acknowledged_by', sa.Integer(), nullable=True),
    sa.Column('acknowledged_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['acknowledged_by'], ['staff.id'], name=op.f('fk_audit_findings_acknowledged_by_staff')),
    sa.ForeignKeyConstraint(['audit_id'], ['audits.id'], name=op.f('fk_audit_findings_audit_id_audits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_findings')),
    sa.UniqueConstraint('uuid', name=op.f('uq_audit_findings_uuid'))
    )
    with op.batch_alter_table('audit_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_findings_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_findings_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_findings_status'), ['status'], unique=False)

    op.create_table('audit_reports',
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('issued_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audits.id'], name=op.f('fk_audit_reports_audit_id_audits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_reports')),
    sa.UniqueConstraint('uuid', name=op.f('uq_audit_reports_uuid'))
    )
    with op.batch_alter_table('audit_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_reports_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_reports_change_seq'), ['change_seq'], unique=False)

    op.create_table('corrective_actions',
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.Column('cause', sa.Text(), nullable=False),
    sa.Column('correction', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('verified_by', sa.Integer(), nullable=True),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('effective', sa.Boolean(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('created_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', isodesk.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['audit_findings.id'], name=op.f('fk_corrective_actions_finding_id_audit_findings')),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], name=op.f('fk_corrective_actions_owner_id_staff')),
    sa.ForeignKeyConstraint(['verified_by'], ['staff.id'], name=op.f('fk_corrective_actions_verified_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrective_actions')),
    sa.UniqueConstraint('uuid', name=op.f('uq_corrective_actions_uuid'))
    )
    with op.batch_alter_table('corrective_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrective_actions_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrective_actions_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrective_actions_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('corrective_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrective_actions_status'))
        batch_op.drop_index(batch_op.f('ix_corrective_actions_finding_id'))
        batch_op.drop_index(batch_op.f('ix_corrective_actions_change_seq'))

    op.drop_table('corrective_actions')
    with op.batch_alter_table('audit_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_reports_change_seq'))
        batch_op.drop_index(batch_op.f('ix_audit_reports_audit_id'))

    op.drop_table('audit_reports')
    with op.batch_alter_table('audit_findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_findings_status'))
        batch_op.drop_index(batch_op.f('ix_audit_findings_change_seq'))
        batch_op.drop_index(batch_op.f('ix_audit_findings_audit_id'))

    op.drop_table('audit_findings')
    with op.batch_alter_table('audit_checklist', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_checklist_change_seq'))
        batch_op.drop_index(batch_op.f('ix_audit_checklist_audit_id'))

    op.drop_table('audit_checklist')
    with op.batch_alter_table('management_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_management_reviews_held_on'))
        batch_op.drop_index(batch_op.f('ix_management_reviews_change_seq'))

    op.drop_table('management_reviews')
    with op.batch_alter_table('audits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audits_held_on'))
        batch_op.drop_index(batch_op.f('ix_audits_change_seq'))

    op.drop_table('audits')
