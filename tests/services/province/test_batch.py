"""Many packages at once: a folder stands for its .isosync files, each unit's packages applied in sequence order
whatever their names, a package held for a gap tried again once a full package closed it, a folder with no package
refused, and a file that is not a package last, refused by the import with its reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from isodesk.errors import UserError
from isodesk.services.audit.findings import add_finding
from isodesk.services.context import AppContext
from isodesk.services.province.batch import expand, import_batch, ordered
from isodesk.services.sync.export import export_package


def test_a_folder_applies_each_unit_s_packages_in_sequence(
    unit: AppContext, province: AppContext, tmp_path: Path
) -> None:
    folder = tmp_path / "USB từ các phường"
    folder.mkdir()
    # Names that sort against the sequence: the batch must read the manifests, not the names.
    export_package(unit, folder / "c gói đầu.isosync")
    add_finding(unit, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")
    export_package(unit, folder / "b gói hai.isosync")
    add_finding(unit, None, "observation", "9.1", "Chưa tổng hợp khảo sát")
    export_package(unit, folder / "a gói ba.isosync")
    (folder / "ghi chú.txt").write_text("không phải gói", encoding="utf-8")
    assert [p.name for p in expand([folder])] == ["a gói ba.isosync", "b gói hai.isosync", "c gói đầu.isosync"]
    assert [q.sequence for q in ordered(expand([folder]))] == [1, 2, 3]
    seen: list[tuple[int, int]] = []
    results = import_batch(province, [folder], trust_new=True, progress=lambda d, t: seen.append((d, t)))
    assert [(Path(r.file).name, r.status, r.sequence) for r in results] == [
        ("c gói đầu.isosync", "imported", 1),
        ("b gói hai.isosync", "imported", 2),
        ("a gói ba.isosync", "imported", 3),
    ]
    assert results[1].added == 1 and results[2].added == 1
    assert seen == [(1, 3), (2, 3), (3, 3)]
    again = import_batch(province, [folder, folder / "a gói ba.isosync"])  # named twice: imported once
    assert [r.status for r in again] == ["unchanged"] * 3


def test_a_gap_closed_by_a_full_package_is_tried_again(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_batch(province, [first.file], trust_new=True)
    add_finding(unit, None, "minor", "7.5", "Thiếu ngày trả kết quả")
    export_package(unit, tmp_path / "2.isosync")  # lost on the way
    add_finding(unit, None, "observation", "9.1", "Chưa tổng hợp khảo sát")
    folder = tmp_path / "đợt hai"
    folder.mkdir()
    export_package(unit, folder / "3.isosync")
    export_package(unit, folder / "4.isosync", full=True)
    results = import_batch(province, [folder])
    by_sequence = {r.sequence: r for r in results}
    assert by_sequence[4].status == "imported" and by_sequence[4].added == 2
    assert by_sequence[3].status == "unchanged" and "cũ hơn" in by_sequence[3].reason


def test_a_dry_run_writes_nothing_and_keeps_the_order(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    (dry,) = import_batch(province, [tmp_path], dry_run=True, trust_new=True)
    assert (dry.status, dry.added) == ("imported", first.records)
    (real,) = import_batch(province, [tmp_path], trust_new=True)
    assert (real.status, real.added) == ("imported", first.records)


def test_a_folder_without_packages_is_refused(province: AppContext, tmp_path: Path) -> None:
    empty = tmp_path / "trống"
    empty.mkdir()
    with pytest.raises(UserError, match="không có gói đồng bộ"):
        import_batch(province, [empty])


def test_a_file_that_is_not_a_package_comes_last_and_is_refused(
    unit: AppContext, province: AppContext, tmp_path: Path
) -> None:
    folder = tmp_path / "lẫn"
    folder.mkdir()
    (folder / "0 hỏng.isosync").write_bytes(b"PK\x03\x04 not really")
    export_package(unit, folder / "9 tốt.isosync")
    shutil.copyfile(folder / "9 tốt.isosync", tmp_path / "bản sao.isosync")
    results = import_batch(province, [folder], trust_new=True)
    assert [(Path(r.file).name, r.status) for r in results] == [
        ("9 tốt.isosync", "imported"),
        ("0 hỏng.isosync", "rejected"),
    ]
    assert results[1].reason


def test_a_batch_stops_between_two_packages_when_asked(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "gói"
    folder.mkdir()
    export_package(unit, folder / "1.isosync")
    add_finding(unit, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")
    export_package(unit, folder / "2.isosync")
    add_finding(unit, None, "observation", "9.1", "Chưa tổng hợp khảo sát")
    export_package(unit, folder / "3.isosync")
    seen: list[int] = []
    results = import_batch(
        province, [folder], trust_new=True, progress=lambda d, _t: seen.append(d), cancelled=lambda: len(seen) == 1
    )
    assert [(Path(r.file).name, r.status) for r in results] == [("1.isosync", "imported")]
    rest = import_batch(province, [folder])  # the rest, when imported again: the first is unchanged
    assert [r.status for r in rest] == ["unchanged", "imported", "imported"]
