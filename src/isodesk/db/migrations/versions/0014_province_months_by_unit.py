"""The province's counts by month are kept in the order the dashboard reads them: by unit, procedure and field,
then month (the primary key was month first). The dashboard's sums by unit and procedure then read the table in
order instead of sorting it, and the index on the unit alone is no longer needed.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 21:50:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_COLUMNS = ("month", "unit_code", "procedure_code", "procedure_field", "received", "ahead", "on_time", "late",
            "rating_1", "rating_2", "rating_3", "rating_4", "settle_days")


def _recreate(primary_key: tuple[str, ...]) -> None:
    op.create_table('province_dossier_months_new',
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
    sa.PrimaryKeyConstraint(*primary_key, name=op.f('pk_province_dossier_months')),
    sqlite_with_rowid=False
    )
    columns = ", ".join(_COLUMNS)
    op.execute(f"INSERT INTO province_dossier_months_new ({columns}) SELECT {columns} FROM province_dossier_months")
    op.drop_table('province_dossier_months')
    op.rename_table('province_dossier_months_new', 'province_dossier_months')


def upgrade() -> None:
    op.drop_index('ix_province_dossier_months_unit_code', table_name='province_dossier_months')
    _recreate(("unit_code", "procedure_code", "procedure_field", "month"))


def downgrade() -> None:
    _recreate(("month", "unit_code", "procedure_code", "procedure_field"))
    op.create_index('ix_province_dossier_months_unit_code', 'province_dossier_months', ['unit_code'], unique=False)
