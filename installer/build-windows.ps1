# Builds the Windows installer: dist\isodesk\ (PyInstaller, from the dev lock) and then
# dist\isodesk-VERSION-setup.exe (Inno Setup 6.4 or later). Run from anywhere, in PowerShell:
#     powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Options: -Python "py -3.11" (the Python that runs dev.py), -Iscc "C:\...\ISCC.exe" (when not found by itself).
param(
    [string]$Python = "py",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

& $Python dev.py bundle
if ($LASTEXITCODE -ne 0) { throw "dev.py bundle failed ($LASTEXITCODE)" }
foreach ($exe in "isodesk.exe", "isodesk-cli.exe") {
    if (-not (Test-Path "dist\isodesk\$exe")) { throw "dist\isodesk\$exe is missing" }
}
# A quick look that the console program runs from the bundle before it is packed.
& "dist\isodesk\isodesk-cli.exe" --version
if ($LASTEXITCODE -ne 0) { throw "dist\isodesk\isodesk-cli.exe --version failed" }

$Version = (& ".venv\Scripts\python.exe" -c "import sys; sys.path.insert(0, 'installer'); import layout; print(layout.version())").Trim()

if (-not $Iscc) {
    $found = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($found) { $Iscc = $found.Source }
}
if (-not $Iscc) {
    $candidates = @(
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 7\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 7\ISCC.exe"
    )
    $Iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup's ISCC.exe was not found: install Inno Setup 6.4+ or pass -Iscc PATH" }

& $Iscc "/DAppVersion=$Version" "/DBundleDir=$Root\dist\isodesk" "installer\isodesk.iss"
if ($LASTEXITCODE -ne 0) { throw "ISCC failed ($LASTEXITCODE)" }
Get-Item "dist\isodesk-$Version-setup.exe" | Format-List Name, Length
