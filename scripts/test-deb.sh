#!/usr/bin/env bash
# Tests the .deb as a user gets it: installs it with apt, starts the installed app under
# Xvfb and checks its window appears (xdotool, from scripts/setup.sh), checks the desktop entry and icons, uninstalls, and
# checks the user's data folder is left alone. Run after scripts/build-deb.sh (as root or
# with sudo). Prints the package's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
deb=$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "test-deb: no .deb; run scripts/build-deb.sh first"; exit 1; }
package=$(dpkg-deb -f "$deb" Package)
fail() { echo "test-deb: FAIL: $*"; exit 1; }

echo "test-deb: installing $deb"
$SUDO apt-get install -y -qq "$(realpath "$deb")" >/dev/null
bin=/usr/bin/csr-self-assessment
[ -x "$bin" ] || fail "$bin is not installed"
desktop=$(dpkg -L "$package" | grep '\.desktop$' | head -1)
[ -n "$desktop" ] || fail "no desktop entry"
grep -q '^Exec=csr-self-assessment' "$desktop" || fail "the desktop entry does not start the app"
grep -q '^Icon=csr-self-assessment' "$desktop" || fail "the desktop entry names no icon"
grep -q '^Categories=.*Office' "$desktop" || fail "the desktop entry has no category"
for size in 32x32 128x128 256x256@2; do
  dpkg -L "$package" | grep -q "/icons/hicolor/$size/apps/csr-self-assessment.png" || fail "no $size icon"
done
echo "test-deb: desktop entry $desktop and icons installed"

# Start the installed app as a user would, with a home of its own.
home=$(mktemp -d)
data="$home/.local/share/app.csr-self-assessment.desktop"
HOME="$home" XDG_DATA_HOME= XDG_CONFIG_HOME= XDG_CACHE_HOME= CSR_ASSESS_DB= \
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c "exec 2>/dev/null
    $bin >/dev/null 2>&1 & pid=\$!
    xdotool search --sync --onlyvisible --name 'CSR Self-Assessment' >/dev/null &
    waiter=\$!; ( sleep 30; kill \$waiter 2>/dev/null ) & wait \$waiter || { kill \$pid; exit 3; }
    sleep 3; import -window root '$home/installed.png'
    kill \$pid; wait \$pid 2>/dev/null; exit 0" || fail "the window did not appear"
[ -f "$data/assessments.sqlite3" ] || fail "the app did not create its database in $data"
echo "test-deb: the installed app started, showed its window and created $data/assessments.sqlite3"

echo "test-deb: uninstalling"
$SUDO apt-get remove -y -qq "$package" >/dev/null
[ ! -e "$bin" ] || fail "$bin is still there after uninstalling"
[ -f "$data/assessments.sqlite3" ] || fail "uninstalling removed the user's data"
echo "test-deb: uninstalled; the user's data folder is untouched"

echo "figures:"
echo "  .deb                  $(du -k "$deb" | cut -f1) KB ($(du -h "$deb" | cut -f1))"
echo "  installed size        $(dpkg-deb -f "$deb" Installed-Size) KB"
echo "  binary in the .deb    $(dpkg-deb -c "$deb" | awk '$6 ~ /usr\/bin\/csr-self-assessment$/ {print $3}') bytes"
echo "  screenshot            $home/installed.png"
echo "test-deb: OK"
