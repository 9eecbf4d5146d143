#!/usr/bin/env bash
# Prints the project's figures (release builds): core timings, PDF generation beside
# headless Chromium, and the app beside an empty Tauri app. Installs Debian's Chromium for
# the PDF comparison if it is missing. Takes about 20 minutes on a fresh 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
echo "== core"; cargo bench --locked --bench core 2>/dev/null
echo "== PDF"; cargo bench --locked --bench pdf 2>/dev/null
echo "== app"
cargo build --release --locked --manifest-path benches/empty-tauri-app/Cargo.toml 2>/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  env EMPTY_TAURI_APP="$CARGO_TARGET_DIR/release/empty-tauri-app" \
  cargo bench --locked -p csr-self-assessment-app --bench app 2>/dev/null
