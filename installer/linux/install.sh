#!/bin/sh
# Cài isodesk cho người dùng này (không cần quyền root): chép chương trình vào ~/.local/lib/isodesk, thêm vào menu
# ứng dụng và tạo lệnh isodesk, isodesk-cli trong ~/.local/bin. Dữ liệu (~/.local/share/isodesk) không bị động đến.
# Installs isodesk for this user (no root): the program into ~/.local/lib/isodesk, a menu entry, and the commands
# isodesk and isodesk-cli in ~/.local/bin. The data folder (~/.local/share/isodesk) is never touched.
# Gỡ cài đặt / uninstall: sh install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/lib/isodesk
bin=$HOME/.local/bin
entry=$prefix/applications/isodesk.desktop
icon=$prefix/icons/hicolor/256x256/apps/isodesk.png

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$target" "$entry" "$icon" "$bin/isodesk" "$bin/isodesk-cli"
    echo "Đã gỡ isodesk; dữ liệu vẫn còn. / isodesk removed; the data is kept."
    exit 0
fi

mkdir -p "$target.new" "$bin" "$prefix/applications" "$(dirname "$icon")"
cp -a "$here/isodesk/." "$target.new/"
rm -rf "$target.old"
[ -d "$target" ] && mv "$target" "$target.old"
mv "$target.new" "$target"
rm -rf "$target.old"
cp "$here/isodesk.png" "$icon"
sed -e "s|@BUNDLE@|$target|g" -e "s|@ICON@|$icon|g" "$here/isodesk.desktop" > "$entry"
chmod 0644 "$entry"
ln -sf "$target/isodesk" "$bin/isodesk"
ln -sf "$target/isodesk-cli" "$bin/isodesk-cli"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/applications" || true
echo "Đã cài isodesk vào $target (menu Ứng dụng › Văn phòng). / isodesk installed in $target (Office menu)."
