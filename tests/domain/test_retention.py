"""Which backups rotation keeps."""

from __future__ import annotations

from datetime import datetime, timedelta

from isodesk.domain.retention import Copy, to_keep


def test_daily_copies_follow_grandfather_father_son() -> None:
    now = datetime(2026, 11, 24, 8)
    copies = [Copy(f"d{i}", "daily", now - timedelta(days=i)) for i in range(60)]
    keep = to_keep(copies)
    assert {f"d{i}" for i in range(7)} <= keep  # the last seven days
    assert {"d9", "d16"} <= keep  # the newest of two earlier ISO weeks: Sundays 15 and 8 November
    assert "d24" in keep and "d55" in keep  # newest of October (31 Oct) and of September (30 Sep)
    assert len(keep) <= 7 + 4 + 12 and "d40" not in keep


def test_event_copies_keep_the_last_ten_of_each_kind_and_hand_made_ones_stay() -> None:
    now = datetime(2026, 11, 24, 8)
    copies = [Copy(f"i{i}", "pre-import", now - timedelta(days=100 + i)) for i in range(12)]
    copies += [Copy(f"m{i}", "manual", now - timedelta(days=900 + i)) for i in range(3)]
    keep = to_keep(copies)
    assert keep == {f"i{i}" for i in range(10)} | {"m0", "m1", "m2"}


def test_the_newest_copy_is_always_kept() -> None:
    now = datetime(2026, 11, 24, 8)
    copies = [Copy(f"r{i}", "pre-restore", now - timedelta(minutes=i)) for i in range(11)]
    copies.append(Copy("x", "pre-import", now + timedelta(minutes=1)))
    assert "x" in to_keep(copies) and "r10" not in to_keep(copies)
