#!/usr/bin/env bash
# Tests flaky.sh, the part of check-windows.sh that tells wine's process-spawn flake (OS error
# 1359) from a real failure, on captured cargo output (testdata/). Run: scripts/windows/flaky-test.sh
set -euo pipefail
cd "$(dirname "$0")"
. ./flaky.sh
LOG=testdata/core-tests.log
failures=0
expect() { # WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then printf '  ok    %s\n' "$1"; else printf '  FAIL  %s: expected "%s", got "%s"\n' "$1" "$2" "$3"; failures=$((failures + 1)); fi
}

expect "the failed targets, as cargo names them for a rerun" \
  "-p csr-self-assessment --lib|-p csr-self-assessment --test durability|-p csr-self-assessment --test cli|-p csr-self-assessment --test submit|-p csr-self-assessment --test storage_faults" \
  "$(failed_targets "$LOG" | paste -sd '|')"
expect "a lib test that fails for real is real" real "$(classify "$LOG" "-p csr-self-assessment --lib")"
expect "a harness=false binary that failed only to spawn is a flake" flaky-1359 "$(classify "$LOG" "-p csr-self-assessment --test durability")"
expect "a test that failed only to spawn (Display of the error) is a flake" flaky-1359 "$(classify "$LOG" "-p csr-self-assessment --test cli")"
expect "a real failure beside a spawn error is real" real "$(classify "$LOG" "-p csr-self-assessment --test submit")"
expect "a crash without a panic is real" real "$(classify "$LOG" "-p csr-self-assessment --test storage_faults")"
expect "a target that is not in the log is real" real "$(classify "$LOG" "-p csr-self-assessment --test nowhere")"
expect "the section of a target runs from its Running line to its rerun line" "33 50" "$(section_bounds "$LOG" "-p csr-self-assessment --test cli")"
expect "no section of a target that passed" "" "$(section_bounds "$LOG" "-p csr-self-assessment --test schema_corpus")"

# The counts with the flake's output replaced by its passing rerun: 1 passed and 1 failed
# of cli become 2 passed.
expect "counts of the first run" "2 4 0" "$(test_counts "$LOG")"
replaced=$(mktemp)
replace_section "$LOG" "-p csr-self-assessment --test cli" testdata/rerun-cli-passed.log >"$replaced"
expect "counts with the rerun in place of the flake" "3 3 0" "$(test_counts "$replaced")"
expect "the rerun is in the log, the flake is not" "1 0" \
  "$(grep -c 'finished in 3.12s' "$replaced") $(grep -c "thread 'pdf_verify_and_extract' (21786)" "$replaced" || true)"
expect "the other targets' output is kept" "$(grep -c . "$LOG")" \
  "$(( $(grep -c . "$replaced") - $(grep -c . testdata/rerun-cli-passed.log) + $(section_of "$LOG" "-p csr-self-assessment --test cli" | grep -c .) ))"
rm -f "$replaced"

if [ "$failures" = 0 ]; then echo "flaky-test: all passed"; else echo "flaky-test: $failures failed"; exit 1; fi
