"""The foundation commands: --version, init, info, staff, demo; exit codes and messages."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from isodesk import __version__
from isodesk.db.paths import database_path
from tests.cli.conftest import ADMIN_PASSWORD, init, isodesk


def test_version() -> None:
    run = isodesk("--version")
    assert run.code == 0 and run.out.strip() == f"isodesk {__version__}"


def test_init_then_info_reports_the_unit(data_dir: Path) -> None:
    run = isodesk(
        "init", "--province", "82", "--unit", "28261", "--leader", "Nguyễn Văn Hùng", "--json", data_dir=data_dir
    )
    assert run.code == 0, run.err
    assert run.json()["leader_name"] == "Nguyễn Văn Hùng"
    info = isodesk("info", "--json", data_dir=data_dir)
    assert info.code == 0
    data = info.json()
    assert {k: data[k] for k in ("unit_code", "unit_name", "province_code", "role")} == {
        "unit_code": "28261",
        "unit_name": "Phường Mỹ Tho",
        "province_code": "82",
        "role": "commune",
    }
    assert data["schema_version"] and data["data_dir"] == str(data_dir)


def test_data_dir_option_wins_over_the_environment(tmp_path: Path) -> None:
    chosen, other = tmp_path / "chosen", tmp_path / "other"
    run = init("--data-dir", str(chosen), "--province", "1", "--role", "province", data_dir=other)
    assert run.code == 0, run.err
    assert database_path(chosen).exists() and not database_path(other).exists()
    info = isodesk("info", "--json", "--data-dir", str(chosen)).json()
    assert (info["unit_code"], info["role"], info["unit_name"]) == ("01", "province", "Thành phố Hà Nội")


def test_unknown_unit_is_refused_and_nothing_is_written(data_dir: Path) -> None:
    run = init("--province", "82", "--unit", "99999", data_dir=data_dir)
    assert run.code == 1
    assert "99999" in run.err and "Traceback" not in run.err
    assert run.out == ""
    assert isodesk("info", data_dir=data_dir).code == 1  # still no office


def test_unit_outside_the_province_is_refused(data_dir: Path) -> None:
    run = init("--province", "01", "--unit", "28261", "--lang", "en", data_dir=data_dir)
    assert run.code == 1
    assert run.err.strip() == "Error: Phường Mỹ Tho (code 28261) is not in Thành phố Hà Nội."


def test_messages_follow_the_chosen_language(data_dir: Path) -> None:
    vi = isodesk("info", data_dir=data_dir)
    en = isodesk("info", "--lang", "en", data_dir=data_dir)
    assert vi.code == en.code == 1
    assert vi.err.startswith("Lỗi: Chưa thiết lập đơn vị") and "isodesk init" in vi.err
    assert en.err.startswith("Error: No office has been set up") and "isodesk init" in en.err


def test_staff_add_and_list_in_vietnamese_order(data_dir: Path) -> None:
    assert init("--province", "82", "--unit", "28261", data_dir=data_dir).code == 0
    ids = []
    for name in ("Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Văn An", "Phạm Thị Ân"):
        run = isodesk(
            "staff",
            "add",
            "--name",
            name,
            "--department",
            "Một cửa",
            "--position",
            "Công chức",
            "--json",
            data_dir=data_dir,
        )
        assert run.code == 0, run.err
        ids.append(run.json()["id"])
    assert len(set(ids)) == 4
    staff = isodesk("staff", "list", "--json", data_dir=data_dir).json()["staff"]
    # Given names compare letter by letter (a < ă < â), tones only break ties: An < Ánh < Ân < Bình.
    assert [p["name"] for p in staff] == ["Lê Văn An", "Nguyễn Thị Ánh", "Phạm Thị Ân", "Trần Văn Bình"]
    assert set(staff[0]) == {"id", "name", "department", "position"}


def test_staff_add_with_an_empty_name_is_refused(data_dir: Path) -> None:
    assert init("--province", "82", "--unit", "28261", data_dir=data_dir).code == 0
    run = isodesk("staff", "add", "--name", "  ", "--department", "Một cửa", data_dir=data_dir)
    assert run.code == 1 and "không được để trống" in run.err


def test_demo_fills_an_empty_folder(data_dir: Path) -> None:
    run = isodesk("demo", "--json", data_dir=data_dir)
    assert run.code == 0, run.err
    assert run.json()["initialised_office"] is True and run.json()["quality_records"] > 20
    info = isodesk("info", "--json", data_dir=data_dir).json()
    assert info["unit_code"] == "28261" and info["counts"]["staff"] >= 10
    chosen = isodesk("user", "passwd", "admin", input="\n" + ADMIN_PASSWORD + "\n", data_dir=data_dir, signed_in=False)
    assert chosen.code == 0, chosen.err
    findings = isodesk("audit", "finding", "list", "--json", data_dir=data_dir).json()["findings"]
    assert {f["grade"] for f in findings} == {"minor", "observation"}
    again = isodesk("demo", "--json", data_dir=data_dir)  # a second run adds no second quality system
    assert again.code == 0 and again.json()["quality_records"] == 0
    listed = isodesk("audit", "finding", "list", data_dir=data_dir)
    assert "Không phù hợp nhẹ — 7.5 — đang mở: Sổ theo dõi hồ sơ" in listed.out  # the words, not the keys


def test_bad_usage_exits_2() -> None:
    assert isodesk("init").code == 2
    assert isodesk("no-such-command").code == 2


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_read_only_data_dir(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        folder = Path("/proc/isodesk-data")  # not writable even by root
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    run = init("--province", "82", "--unit", "28261", data_dir=folder)
    assert run.code == 1 and str(folder) in run.err


def test_data_dir_on_a_missing_drive(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    run = isodesk("info", "--data-dir", str(blocker / "isodesk"))
    assert run.code == 1 and "Traceback" not in run.err and str(blocker / "isodesk") in run.err


def test_commands_without_a_window_do_not_load_qt(data_dir: Path) -> None:
    assert init("--province", "82", "--unit", "28261", data_dir=data_dir).code == 0
    import subprocess
    import sys

    code = (
        "import sys, runpy; sys.argv=['isodesk','info','--json'];\n"
        "from isodesk.__main__ import main\n"
        "main()\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
        "print('no-qt')\n"
    )
    env = {**os.environ, "ISODESK_DATA_DIR": str(data_dir)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("no-qt")


def test_help_is_written_in_the_chosen_language() -> None:
    """``isodesk --help`` in Vietnamese by default and with ``--lang vi``, argparse's own words included; in English
    with ``--lang en`` or ``ISODESK_LANG=en``."""
    for args, env in ((("--help",), {}), (("--lang", "vi", "--help"), {"ISODESK_LANG": "en"})):
        run = isodesk(*args, env=env, signed_in=False)
        assert run.code == 0, run.err
        assert run.out.startswith("cách dùng: isodesk") and "tùy chọn:" in run.out
        assert "thiết lập đơn vị trong thư mục dữ liệu" in run.out and "xem hướng dẫn này rồi thoát" in run.out
        assert "usage" not in run.out and "show this help" not in run.out and "the office" not in run.out
    for args, env in ((("--lang=en", "--help"), {}), (("--help",), {"ISODESK_LANG": "en"})):
        english = isodesk(*args, env=env, signed_in=False)
        assert english.out.startswith("usage: isodesk") and "set up the office in the data folder" in english.out
    wrong = isodesk("--lang", "vi", "dossier", "move", "X", "--to", "bay", signed_in=False)
    assert wrong.code == 2 and "lựa chọn không hợp lệ: 'bay'" in wrong.err


def test_init_without_a_password_says_how_to_set_one_and_the_advice_works(data_dir: Path) -> None:
    run = isodesk("init", "--province", "82", "--unit", "28261", data_dir=data_dir, signed_in=False)
    assert run.code == 0, run.err
    assert "chưa có mật khẩu" in run.out and "isodesk user passwd admin" in run.out
    chosen = isodesk("user", "passwd", "admin", input="\nQuản trị 2026\n", data_dir=data_dir, signed_in=False)
    assert chosen.code == 0, chosen.err
    assert isodesk("info", data_dir=data_dir).code == 0  # signs in with that password
    with_password = init("--province", "82", "--unit", "28261", data_dir=data_dir / "other")
    assert with_password.code == 0 and "passwd" not in with_password.out


def _help_texts(parser: argparse.ArgumentParser, path: str = "isodesk") -> dict[str, str]:
    """Every help text and description of ``parser`` and its sub-commands, by where it appears."""
    texts = {f"{path}: description": parser.description or ""}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                texts[f"{path} {choice.dest}"] = choice.help or ""
            for name, sub in action.choices.items():
                texts.update(_help_texts(sub, f"{path} {name}"))
        elif action.help not in (None, argparse.SUPPRESS):
            texts[f"{path} {'/'.join(action.option_strings) or action.dest}"] = str(action.help)
    return {where: text for where, text in texts.items() if text}


def test_every_sub_command_help_is_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each help text of each command is built through the catalogs: in Vietnamese none is left as the English."""
    from isodesk.cli.main import build_parser
    from isodesk.i18n import _, set_language

    monkeypatch.setattr(argparse, "_", _, raising=False)  # as ``run`` does, for argparse's own words

    set_language("en")
    english = _help_texts(build_parser())
    set_language("vi")
    vietnamese = _help_texts(build_parser())
    assert english.keys() == vietnamese.keys() and len(english) > 200
    left = {where: text for where, text in vietnamese.items() if text == english[where]}
    assert not left, left


def test_dossier_move_help_is_vietnamese() -> None:
    run = isodesk("--lang", "vi", "dossier", "move", "--help", env={"ISODESK_LANG": "en"}, signed_in=False)
    assert run.code == 0, run.err
    assert run.out.startswith("cách dùng: isodesk dossier move") and "tùy chọn:" in run.out
    for words in ("mã hồ sơ", "bàn giao cho cán bộ này", "mức độ hài lòng", "ngày hẹn mới"):
        assert words in " ".join(run.out.split()), words
    for english in ("usage", "the dossier's code", "hand over to", "satisfaction", "when it happened", "why;"):
        assert english not in run.out, english
    default = isodesk("audit", "--help", signed_in=False)  # Vietnamese with no language asked for
    assert default.code == 0 and "lập kế hoạch đánh giá" in default.out and "plan an audit" not in default.out
