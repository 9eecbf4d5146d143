#!/usr/bin/env bash
# Prints the project's figures (release builds): core timings, PDF generation beside
# headless Chromium, and the app beside an empty Tauri app, after the machine and file
# systems they were measured on. Installs Debian's Chromium for the PDF comparison if it is
# missing (waiting for the package manager if another process holds its lock).
# Time: see README, "Performance".
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
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
  # Waits up to 20 minutes for another apt or dpkg (an unattended upgrade) to finish.
  WAIT=(-o DPkg::Lock::Timeout=1200)
  $SUDO apt-get "${WAIT[@]}" update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${WAIT[@]}" install -y -qq chromium >/dev/null
fi
echo "== machine"
echo "$(uname -srm); $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(free -g | awk '/^Mem:/ {print $2}') GB memory"
[ -r /etc/os-release ] && . /etc/os-release && echo "${PRETTY_NAME:-}"
echo "build folder $CARGO_TARGET_DIR on $(findmnt -no FSTYPE -T "$CARGO_TARGET_DIR" 2>/dev/null || echo '?'); temporary files ${TMPDIR:-/tmp} on $(findmnt -no FSTYPE -T "${TMPDIR:-/tmp}" 2>/dev/null || echo '?')"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"
echo "== core"; quiet cargo bench --locked --bench core
echo "== PDF"; quiet cargo bench --locked --bench pdf
echo "== collect (NEC side: 1,000 submissions)"; quiet cargo bench --locked --bench collect
echo "== feedback (NEC side: feedback files for 1,000 suppliers from one filled-in workbook)"; quiet cargo bench --locked --bench feedback
echo "== app"
quiet cargo build --release --locked --manifest-path benches/empty-tauri-app/Cargo.toml
quiet xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  env EMPTY_TAURI_APP="$CARGO_TARGET_DIR/release/empty-tauri-app" \
  cargo bench --locked -p csr-self-assessment-app --bench app
echo "== bench.sh took $(( ($(date +%s) - started) / 60 )) minutes, setup and builds included"
