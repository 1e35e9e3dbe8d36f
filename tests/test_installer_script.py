"""The Windows installer script (installer/isodesk.iss) and the Linux desktop entry, read as text: Inno Setup does
not run here, so what can be checked without it is checked against the bundle's layout and the program itself."""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path

import pytest

from isodesk.db.paths import DB_FILENAME
from isodesk.services.safety.backups import inspect

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))
import layout  # noqa: E402

ISS = (INSTALLER / "isodesk.iss").read_text(encoding="utf-8")


def _section(name: str, text: str = ISS) -> list[str]:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.M | re.S)
    assert match, name
    return [line for line in match.group(1).splitlines() if line.strip() and not line.startswith(";")]


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _section("Setup"))


def test_per_user_without_administrator_and_windows_10_1809_or_later() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert set(setup["PrivilegesRequiredOverridesAllowed"].split()) == {"dialog", "commandline"}
    assert setup["MinVersion"] == "10.0.17763"  # Windows 10 version 1809
    assert setup["ArchitecturesAllowed"] == setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["DefaultDirName"] == "{autopf}\\{#AppName}"  # %LOCALAPPDATA%\Programs per user, Program Files for all
    assert setup["AppId"] == "isodesk"  # never changes: it is what makes a newer installer upgrade in place
    assert (INSTALLER / setup["SetupIconFile"]).is_file()


def test_the_files_it_installs_are_the_bundle_s() -> None:
    sources = [re.search(r'Source: "([^"]+)"', line).group(1) for line in _section("Files")]  # type: ignore[union-attr]
    names = {s.removeprefix("{#BundleDir}\\") for s in sources}
    assert names == {"{#AppExe}", f"{layout.NAME_CLI}.exe", "_internal\\*"}
    assert re.search(rf'#define AppExe "{layout.NAME_GUI}.exe"', ISS)
    assert re.search(rf'#define AppVersion "{re.escape(layout.version())}"', ISS)
    assert [line for line in _section("InstallDelete")] == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_shortcuts_in_the_start_menu_and_on_the_desktop() -> None:
    icons = _section("Icons")
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in icons)
    assert any(line.startswith('Name: "{autodesktop}\\{#AppName}"') and "Tasks: desktopicon" in line for line in icons)
    tasks = _section("Tasks")
    assert any(line.startswith('Name: "desktopicon"') and "unchecked" not in line for line in tasks)
    assert any(line.startswith('Name: "backupdata"') and "Check: HasData" in line for line in tasks)


def test_vietnamese_first_and_english_with_every_custom_message() -> None:
    languages = _section("Languages")
    assert languages[0].startswith('Name: "vi"') and "windows\\Vietnamese.isl" in languages[0]
    assert languages[1].startswith('Name: "en"')
    used = set(re.findall(r"\{cm:(\w+)", ISS)) | set(re.findall(r"CustomMessage\('(\w+)'\)", ISS))
    custom = dict(line.split("=", 1) for line in _section("CustomMessages"))
    isl = (INSTALLER / "windows" / "Vietnamese.isl").read_text(encoding="utf-8")
    assert not isl.startswith("\ufeff")  # UTF-8 without BOM
    standard = dict(line.split("=", 1) for line in _section("CustomMessages", isl))
    for name in used:
        if name in standard:
            continue  # Inno Setup's own (CreateDesktopIcon, LaunchProgram…): English in Default.isl, ours here
        assert f"vi.{name}" in custom and f"en.{name}" in custom, name
        placeholders = [sorted(re.findall(r"%\d", custom[f"{lang}.{name}"])) for lang in ("vi", "en")]
        assert placeholders[0] == placeholders[1], name
    messages = [line.split("=", 1)[0] for line in _section("Messages", isl)]
    assert len(messages) == len(set(messages))
    assert "Tiếng Việt" in isl and "Hủy" in isl


def test_the_data_folder_is_the_program_s_and_the_backup_is_named_as_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installer copies the data file to where and how the program keeps a manual copy, which it then lists
    and never rotates away."""
    assert "ExpandConstant('{localappdata}\\isodesk')" in ISS  # platformdirs' user data folder on Windows
    assert f"'\\{DB_FILENAME}'" in ISS
    stamp_format = re.search(r"GetDateTimeString\('([^']+)'", ISS).group(1)  # type: ignore[union-attr]
    assert stamp_format == "yyyymmdd-hhnnss"
    name = re.search(r"'\\backups\\(isodesk-manual-)' \+", ISS).group(1) + "20261205-081530.sqlite3"  # type: ignore[union-attr]
    copy = tmp_path / name
    copy.write_bytes(b"")
    assert inspect(copy).kind == "manual"


def test_uninstall_keeps_the_data_unless_asked() -> None:
    code = ISS.split("[Code]", 1)[1]
    uninstall = code.split("procedure CurUninstallStepChanged", 1)[1]
    assert "MB_DEFBUTTON2" in uninstall and "not UninstallSilent()" in uninstall  # No is the default; silent keeps
    assert re.search(r"= IDYES then\s+DelTree\(DataDir\(\)", uninstall)


def test_the_linux_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(INSTALLER / "linux" / "isodesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"] == f"@BUNDLE@/{layout.NAME_GUI}" and desktop["Icon"] == "@ICON@"
    script = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "s|@BUNDLE@|" in script and "s|@ICON@|" in script and "--uninstall" in script
    removed = re.findall(r"^\s*rm -rf (.*)$", script, re.M)
    assert removed and not [r for r in removed if re.search(r"share|XDG_DATA_HOME|\$prefix/isodesk|\$HOME\b", r)]
