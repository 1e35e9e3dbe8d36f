"""The province keeps the dossiers its units send in columns (province_dossiers) and counted by unit, month and
procedure (province_dossier_months), so that its dashboard and statistics are counted in SQL; the dossier records
already received move there from province_records.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 17:50:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_FIELDS = ("procedure_code", "procedure_field", "received_at", "received_on", "due_at", "settled_at", "settled_on",
           "status", "timeliness", "extensions", "rating", "handling_role")
_MONTHS = """
INSERT INTO province_dossier_months (month, unit_code, procedure_code, procedure_field, received, ahead, on_time,
    late, rating_1, rating_2, rating_3, rating_4, settle_days)
SELECT month, unit_code, procedure_code, procedure_field, sum(received), sum(ahead), sum(on_time), sum(late),
    sum(r1), sum(r2), sum(r3), sum(r4), sum(days)
FROM (
    SELECT substr(received_on, 1, 7) AS month, unit_code, procedure_code, procedure_field, 1 AS received,
        0 AS ahead, 0 AS on_time, 0 AS late, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS days
    FROM province_dossiers WHERE received_on IS NOT NULL
    UNION ALL
    SELECT substr(settled_on, 1, 7), unit_code, procedure_code, procedure_field, 0, timeliness = 'ahead',
        timeliness = 'on_time', timeliness = 'late', rating IS 1, rating IS 2, rating IS 3, rating IS 4,
        CAST(julianday(settled_on) - julianday(received_on) AS INTEGER)
    FROM province_dossiers WHERE settled_on IS NOT NULL AND timeliness IN ('ahead', 'on_time', 'late')
)
GROUP BY month, unit_code, procedure_code, procedure_field
"""


def upgrade() -> None:
    op.create_table('province_dossiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('unit_change_seq', sa.Integer(), nullable=False),
    sa.Column('unit_updated_at', sa.String(length=40), nullable=False),
    sa.Column('procedure_code', sa.String(length=30), nullable=False),
    sa.Column('procedure_field', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(length=40), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('due_at', sa.String(length=40), nullable=True),
    sa.Column('settled_at', sa.String(length=40), nullable=True),
    sa.Column('settled_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('timeliness', sa.String(length=10), nullable=True),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('handling_role', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_province_dossiers')),
    sa.UniqueConstraint('unit_code', 'uuid', name=op.f('uq_province_dossiers_unit_code'))
    )
    op.create_table('province_dossier_months',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('procedure_code', sa.String(length=30), nullable=False),
    sa.Column('procedure_field', sa.Text(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('ahead', sa.Integer(), nullable=False),
    sa.Column('on_time', sa.Integer(), nullable=False),
    sa.Column('late', sa.Integer(), nullable=False),
    sa.Column('rating_1', sa.Integer(), nullable=False),
    sa.Column('rating_2', sa.Integer(), nullable=False),
    sa.Column('rating_3', sa.Integer(), nullable=False),
    sa.Column('rating_4', sa.Integer(), nullable=False),
    sa.Column('settle_days', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('month', 'unit_code', 'procedure_code', 'procedure_field',
                            name=op.f('pk_province_dossier_months')),
    sqlite_with_rowid=False
    )
    op.create_index('ix_province_dossier_months_unit_code', 'province_dossier_months', ['unit_code'], unique=False)
    defaults = {"procedure_code": "''", "procedure_field": "''", "status": "''", "extensions": "0",
                "handling_role": "''"}  # fmt: skip
    values = ", ".join(
        f"coalesce(json_extract(body, '$.{f}'), {defaults[f]})" if f in defaults else f"json_extract(body, '$.{f}')"
        for f in _FIELDS
    )
    op.execute(
        "INSERT INTO province_dossiers (unit_code, uuid, unit_change_seq, unit_updated_at, "
        f"{', '.join(_FIELDS)}) SELECT unit_code, uuid, unit_change_seq, unit_updated_at, {values} "
        "FROM province_records WHERE kind = 'dossiers'"
    )
    op.execute("DELETE FROM province_records WHERE kind = 'dossiers'")
    op.execute(_MONTHS)


def downgrade() -> None:
    fields = ", ".join(f"'{f}', {f}" for f in _FIELDS)
    op.execute(
        "INSERT INTO province_records (unit_code, kind, uuid, unit_change_seq, unit_updated_at, body) "
        "SELECT unit_code, 'dossiers', uuid, unit_change_seq, unit_updated_at, json_object('uuid', uuid, "
        f"'unit_code', unit_code, 'updated_at', unit_updated_at, 'change_seq', unit_change_seq, {fields}) "
        "FROM province_dossiers"
    )
    op.drop_index('ix_province_dossier_months_unit_code', table_name='province_dossier_months')
    op.drop_table('province_dossier_months')
    op.drop_table('province_dossiers')
