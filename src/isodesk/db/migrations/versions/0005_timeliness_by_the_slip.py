"""Timeliness by the due date on the receipt slip: an apology's new appointment is kept apart.

QĐ 766/QĐ-TTg 2022 counts a dossier as returned on time against the appointment written on the receipt slip; an
apology with a new appointment (NĐ 61/2018/NĐ-CP art. 19, NĐ 118/2025/NĐ-CP) does not make a late dossier timely.
Only a stopped clock (supplement request, pause) moves that date. Dossiers get ``new_due_at``, the appointment
given with an apology; ``due_at`` goes back to the date on the slip.

Existing dossiers with an apology: the slip's date is the appointment recorded by the step before the first
apology; the current appointment becomes the new one. A returned dossier is judged again against the slip's
date, and the per-day counts move with it. Changed dossiers take a new change number for sync.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 12:00:00
"""

from datetime import UTC, date, datetime, timedelta

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TIMELINESS = ('ahead', 'on_time', 'late')
VIETNAM = timedelta(hours=7)  # Vietnam time has no daylight saving


def _day(stored: str) -> date:
    """The Vietnam day of a naive UTC time as UTCDateTime stores it."""
    return (datetime.fromisoformat(stored) + VIETNAM).date()


def _timeliness(returned_on: date, due_day: date) -> str:
    """Ahead before the due day, on time on it, late after it (:func:`isodesk.domain.ledger.timeliness`)."""
    if returned_on < due_day:
        return 'ahead'
    return 'on_time' if returned_on == due_day else 'late'


def upgrade() -> None:
    op.add_column('dossiers', sa.Column('new_due_at', sa.DateTime(), nullable=True))
    conn = op.get_bind()
    apologised = conn.execute(
        sa.text("SELECT id, due_at, status, settled_on, timeliness, procedure_id FROM dossiers WHERE extensions > 0")
    ).all()
    if not apologised:
        return
    seq = conn.execute(
        sa.text("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value")
    ).scalar_one()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=' ')
    for dossier_id, due_at, status, settled_on, old, procedure_id in apologised:
        events = conn.execute(
            sa.text("SELECT action, due_at FROM dossier_events WHERE dossier_id = :id ORDER BY at, id"),
            {'id': dossier_id},
        ).all()
        original, apology = None, False
        for action, event_due in events:
            if action == 'extended':
                apology = True
                break
            if event_due is not None:
                original = event_due
        if not apology or original is None or due_at is None:
            continue  # no recorded apology, or no date before it: nothing to go back to
        values = {'id': dossier_id, 'due': original, 'new': due_at, 'seq': seq, 'now': now, 'tl': old}
        if status == 'returned' and settled_on is not None and old is not None:
            values['tl'] = _timeliness(date.fromisoformat(str(settled_on)), _day(str(original)))
            new = values['tl']
            if new != old and old in TIMELINESS:  # column names from a fixed list, never from the data
                conn.execute(
                    sa.text(f"UPDATE daily_counts SET {old} = {old} - 1, {new} = {new} + 1 "
                            f"WHERE day = :day AND procedure_id = :pid AND {old} > 0"),
                    {'day': str(settled_on), 'pid': procedure_id},
                )
        conn.execute(
            sa.text("UPDATE dossiers SET due_at = :due, new_due_at = :new, timeliness = :tl, change_seq = :seq, "
                    "updated_at = :now, updated_by = 'isodesk-0005' WHERE id = :id"),
            values,
        )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE dossiers SET due_at = new_due_at WHERE new_due_at IS NOT NULL"))
    op.execute("ALTER TABLE dossiers DROP COLUMN new_due_at")  # SQLite >= 3.35; no table copy
