#!/usr/bin/env bash
# Sets up the machine if needed, then runs every test: the UI's unit tests (node --test),
# the core's unit, integration,
# durability (kill) and disk-full tests, and the desktop app's end-to-end tests, which drive
# the real app through tauri-driver and WebKitWebDriver under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
# Tests that need poppler, actionlint or nsis skip where those are missing (Windows, macOS);
# here setup.sh installed them, so a missing one is a failure, not a skip.
export CSR_TESTS_REQUIRE_TOOLS=1
# The UI's logic that runs without a browser (node's own test runner, no packages).
node --test ui/tests/
# A start of the app that never got its window is retried once by the end-to-end harness
# and named in this log (a passing test's output is not shown): printed at the end.
flaky="${CARGO_TARGET_DIR:-target}/tmp/flaky-starts.log"
rm -f "$flaky"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- cargo test --workspace --locked "$@" || status=$?
if [ -s "$flaky" ]; then
  echo "== app starts retried once (each named by its test):"
  cat "$flaky"
fi
exit "$status"
