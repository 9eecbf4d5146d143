#!/usr/bin/env bash
# Prints the project's figures (release builds): core timings, PDF generation beside
# headless Chromium, and the app beside an empty Tauri app. Installs Debian's Chromium for
# the PDF comparison if it is missing. Takes about 20 minutes on a fresh 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

# Runs a command with its stderr (cargo's build output) kept out of the figures, unless
# the command fails: then it is shown and the script stops.
quiet() {
  local log
  log=$(mktemp)
  if ! "$@" 2>"$log"; then
    cat "$log" >&2
    rm -f "$log"
    echo "bench: failed: $*" >&2
    exit 1
  fi
  rm -f "$log"
}

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "== core"; quiet cargo bench --locked --bench core
echo "== PDF"; quiet cargo bench --locked --bench pdf
echo "== collect (NEC side: 1,000 submissions)"; quiet cargo bench --locked --bench collect
echo "== app"
quiet cargo build --release --locked --manifest-path benches/empty-tauri-app/Cargo.toml
quiet xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  env EMPTY_TAURI_APP="$CARGO_TARGET_DIR/release/empty-tauri-app" \
  cargo bench --locked -p csr-self-assessment-app --bench app
