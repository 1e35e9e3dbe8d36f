; Inno Setup script of the isodesk installer for Windows 10 (1809) and later, 64-bit.
; Built by installer\build-windows.ps1 from the one-folder bundle (dist\isodesk), which it builds first:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=..\dist\isodesk installer\isodesk.iss
; What it does (installer/README.md):
; - installs for the current user, without administrator rights, into %LOCALAPPDATA%\Programs\isodesk; for all
;   users (Program Files, administrator) when chosen in the first dialog or with /ALLUSERS on the command line;
; - Start-menu shortcut, and a desktop shortcut (a task, ticked);
; - upgrades in place: the same folder, the previous version's files replaced whole; the data folder
;   (%LOCALAPPDATA%\isodesk) is never written, except for the copy of the data file the installer offers to make
;   first into its backups\ folder (a task, ticked, shown only when there is data);
; - uninstalls the program and keeps the data, unless the user answers Yes to removing it too (default No);
; - refuses Windows older than 10 version 1809 (build 17763) with its own message.

#if VER < EncodeVer(6, 4, 0)
  #error Inno Setup 6.4 or later is needed (UTF-8 message files without BOM, CopyFile)
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\isodesk"
#endif
#define AppName "isodesk"
#define AppExe "isodesk.exe"

[Setup]
AppId=isodesk
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=isodesk
AppComments=TCVN ISO 9001:2015 và một cửa cho UBND xã, phường
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no
SetupIconFile=isodesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
ShowLanguageDialog=yes
LanguageDetectionMethod=none
Compression=lzma2/ultra64
SolidCompression=yes
LZMAUseSeparateProcess=yes
OutputDir=..\dist
OutputBaseFilename=isodesk-{#AppVersion}-setup

[Languages]
; Vietnamese first (the default); English from the same list. The Vietnamese file overrides Default.isl's messages.
Name: "vi"; MessagesFile: "compiler:Default.isl,windows\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.BackupData=Sao lưu dữ liệu hiện có trước khi nâng cấp (khuyến nghị)
en.BackupData=Back up the existing data before upgrading (recommended)
vi.BackupGroup=Dữ liệu:
en.BackupGroup=Data:
vi.BackupFailed=Không sao lưu được dữ liệu vào %1.%n%nDữ liệu chưa bị thay đổi. Tiếp tục cài đặt? (Chương trình vẫn tự sao lưu trước khi nâng cấp dữ liệu khi mở lần đầu.)
en.BackupFailed=The data could not be backed up to %1.%n%nThe data has not been changed. Go on with the installation? (The program still backs the data up itself before upgrading it when first opened.)
vi.RemoveDataAsk=Xóa luôn dữ liệu của đơn vị trong %1?%n%nChọn Không để giữ lại dữ liệu (sổ hồ sơ, tài liệu, các bản sao lưu) cho lần cài sau. Đã xóa thì không lấy lại được.
en.RemoveDataAsk=Also delete the office's data in %1?%n%nChoose No to keep the data (the dossier ledger, documents, backups) for a later installation. Once deleted it cannot be recovered.
vi.CommandLine=isodesk (dòng lệnh)
en.CommandLine=isodesk (command line)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "backupdata"; Description: "{cm:BackupData}"; GroupDescription: "{cm:BackupGroup}"; Check: HasData

[InstallDelete]
; The previous version's program files go before the new ones are copied, so nothing stale is imported.
; Only the program's own folder: the data folder is elsewhere and is never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\isodesk-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder of the user running Setup: where the program keeps its data when no other folder is given
  (platformdirs' user data folder on Windows, %LOCALAPPDATA%\isodesk). }
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\isodesk');
end;

function DataFile(): String;
begin
  Result := DataDir() + '\isodesk.sqlite3';
end;

{ Shown only when there is data to back up: an upgrade, or a reinstall over a kept data folder. }
function HasData(): Boolean;
begin
  Result := FileExists(DataFile());
end;

{ A copy named as the program names its own manual copies (isodesk-manual-YYYYMMDD-HHMMSS.sqlite3), which it lists
  in Settings > Backups and never rotates away. The write-ahead log goes with it, under the copy's name, so the copy
  holds every saved change even if the program did not close cleanly. Setup has closed the program by now
  (CloseApplications), so the file is not being written. }
procedure BackUpData();
var
  Target: String;
begin
  ForceDirectories(DataDir() + '\backups');
  Target := DataDir() + '\backups\isodesk-manual-' + GetDateTimeString('yyyymmdd-hhnnss', #0, #0) + '.sqlite3';
  if FileExists(DataFile() + '-wal') and not CopyFile(DataFile() + '-wal', Target + '-wal', True) then
  begin
    if MsgBox(FmtMessage(CustomMessage('BackupFailed'), [Target]), mbError, MB_YESNO) = IDNO then
      Abort;
    exit;
  end;
  if not CopyFile(DataFile(), Target, True) then
  begin
    if MsgBox(FmtMessage(CustomMessage('BackupFailed'), [Target]), mbError, MB_YESNO) = IDNO then
      Abort;
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssInstall) and WizardIsTaskSelected('backupdata') then
    BackUpData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and not UninstallSilent() then
  begin
    if MsgBox(FmtMessage(CustomMessage('RemoveDataAsk'), [DataDir()]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir(), True, True, True);
  end;
end;
