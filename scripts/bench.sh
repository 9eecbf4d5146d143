#!/usr/bin/env bash
# Prints the project's figures (release builds): core timings, PDF generation beside
# headless Chromium, and the app beside an empty Tauri app, after the machine and file
# systems they were measured on. Installs Debian's Chromium for the PDF comparison if it is
# missing (waiting for the package manager if another process holds its lock).
# Time: see README, "Performance".
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
# Everything this script starts carries its mark and is stopped when it ends, whatever the
# reason; each long step has a limit that names it (scripts/guard.sh).
GUARD_NAME=bench
. scripts/guard.sh
limit 3600 "setup.sh (packages, Rust, tauri-driver)" ./scripts/setup.sh
. scripts/env.sh

# run SECONDS WHAT COMMAND…: runs COMMAND within its limit, with its stderr (cargo's build
# output) kept out of the figures unless it fails: then it is shown and the script stops.
run() {
  local seconds=$1 what=$2 log rc=0
  shift 2
  log=$(mktemp)
  limit "$seconds" "$what" "$@" 2>"$log" || rc=$?
  if [ "$rc" != 0 ]; then
    cat "$log" >&2
    rm -f "$log"
    echo "bench: failed: $what ($*)" >&2
    exit 1
  fi
  rm -f "$log"
}

# Chromium for the PDF comparison; valgrind counts the PDF's instructions (a figure the
# machine's load does not change).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # Waits up to 20 minutes for another apt or dpkg (an unattended upgrade) to finish.
  WAIT=(-o DPkg::Lock::Timeout=1200)
  limit 1800 "apt-get update" $SUDO apt-get "${WAIT[@]}" update -qq
  limit 1800 "installing ${missing[*]}" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${WAIT[@]}" install -y -qq "${missing[@]}" >/dev/null
fi
# Each part's header says when it ran and the load then: every figure below it was taken
# under that load (other work on the machine slows every time; instruction counts and
# memory do not move with it).
part() { echo "== $1 ($(date '+%F %R'), $(( $(date +%s) - started )) s in, load average $(cut -d' ' -f1-3 /proc/loadavg))"; }
echo "== machine"
echo "$(uname -srm); $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(free -g | awk '/^Mem:/ {print $2}') GB memory"
[ -r /etc/os-release ] && . /etc/os-release && echo "${PRETTY_NAME:-}"
echo "build folder $CARGO_TARGET_DIR on $(findmnt -no FSTYPE -T "$CARGO_TARGET_DIR" 2>/dev/null || echo '?'); temporary files ${TMPDIR:-/tmp} on $(findmnt -no FSTYPE -T "${TMPDIR:-/tmp}" 2>/dev/null || echo '?')"
# Builds first (a cold release build is 10 to 25 minutes on 2 cores), then the measurements,
# each with its own limit.
part "builds"
run 3600 "building the core's benchmarks (release)" cargo bench --locked --no-run --bench core --bench pdf --bench collect --bench feedback
# The app's benchmark is run from the executable this build names: cargo would build the app
# again (4 to 5 minutes here) because its build script always counts as changed (tauri-build
# names the bundled font files relative to src-tauri/, where they are not).
built=$(mktemp)
run 3600 "building the app's benchmark (release)" sh -c \
  'cargo bench --locked --no-run -p csr-self-assessment-app --bench app --message-format=json-render-diagnostics >"$0"' "$built"
APP_BENCH=$(grep '"kind":\["bench"\]' "$built" | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
rm -f "$built"
[ -x "$APP_BENCH" ] || { echo "bench: the build named no app benchmark executable" >&2; exit 1; }
run 3600 "building the empty Tauri app (release)" cargo build --release --locked --manifest-path benches/empty-tauri-app/Cargo.toml
part "core"; run 900 "the core benchmark" cargo bench --locked --bench core
part "PDF"; run 1200 "the PDF benchmark (with Chromium)" cargo bench --locked --bench pdf
part "collect (NEC side: 1,000 submissions)"; run 1800 "the collect benchmark" cargo bench --locked --bench collect
part "feedback (NEC side: feedback files for 1,000 suppliers from one filled-in workbook)"; run 900 "the feedback benchmark" cargo bench --locked --bench feedback
part "app"
run 2400 "the app benchmark (the app and the empty app under tauri-driver)" \
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  env EMPTY_TAURI_APP="$CARGO_TARGET_DIR/release/empty-tauri-app" "$APP_BENCH"
part "end"
echo "== bench.sh took $(( ($(date +%s) - started) / 60 )) minutes, setup and builds included"
