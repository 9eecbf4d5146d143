# Sourced by check-windows.sh (and its test, flaky-test.sh): tells a test binary that failed
# only because wine could not start a child process (CreateProcess: "Internal error", OS error
# 1359, seen once in three runs of the same binary, which then passed 11 of 11) from a real
# failure, in the log of `cargo test --no-fail-fast -- --nocapture`.
#
# A flake is named, not hidden: check-windows.sh reruns such a binary once and reports it as
# "flaky under wine (OS error 1359), passed on rerun"; anything else, or a rerun that fails,
# fails the check.

# The targets that failed, as cargo names them for a rerun, one a line: "--lib",
# "-p csr-self-assessment --test cli". Cargo ends each failed binary's output with
# "error: test failed, to rerun pass `ARGS`".
failed_targets() { # LOG
  sed -n 's/^error: test failed, to rerun pass `\(.*\)`.*$/\1/p' "$1"
}

# "START END": the lines of LOG that are TARGET's output, from cargo's "Running" line for it
# (or the end of the previous binary's output) to its "error: test failed" line.
section_bounds() { # LOG TARGET
  awk -v target="$2" '
    /^ *Running / || /^ *Doc-tests / { start = NR }
    /^error: test failed, to rerun pass `/ {
      if (index($0, "`" target "`")) { print (start ? start : 1), NR; exit }
      start = NR + 1
    }' "$1"
}

section_of() { # LOG TARGET: prints TARGET's output
  local bounds
  bounds=$(section_bounds "$1" "$2")
  [ -n "$bounds" ] && sed -n "${bounds% *},${bounds#* }p" "$1"
}

# "flaky-1359" when every panic in TARGET's output is wine's process-spawn error (OS error
# 1359), else "real". No panic at all (a crash, a harness=false binary that exited with an
# error, a timeout) is real, and so is any panic that says something else, even beside a
# 1359: only a failure that is nothing but the spawn error is a flake.
classify() { # LOG TARGET
  # A panic is "thread 'NAME' (ID) panicked at FILE:LINE:COL:" (with --nocapture it may
  # follow a test's own output on the same line), its message on the lines after it until
  # a blank line, the backtrace note, or the next test's line. (\047 is a single quote.)
  section_of "$1" "$2" | awk '
    /thread \047[^\047]*\047.* panicked at / {
      if (inpanic && spawn) spawnpanics++
      panics++; inpanic = 1; spawn = 0; next
    }
    inpanic && (/^stack backtrace:/ || /^note: / || /^$/ || /^test / || /^error: / || /^failures:/) {
      if (spawn) spawnpanics++
      inpanic = 0
    }
    inpanic && (/os error 1359/ || /code: 1359[,} ]/) { spawn = 1 }
    END {
      if (inpanic && spawn) spawnpanics++
      print (panics > 0 && panics == spawnpanics) ? "flaky-1359" : "real"
    }'
}

# LOG with TARGET's output replaced by the file RERUN (the rerun's log): the figures of the
# summary then count the rerun, not the flake.
replace_section() { # LOG TARGET RERUN
  local bounds start end
  bounds=$(section_bounds "$1" "$2")
  start=${bounds% *} end=${bounds#* }
  { head -n "$((start - 1))" "$1"; cat "$3"; tail -n "+$((end + 1))" "$1"; }
}

# "PASSED FAILED IGNORED": the sums of the "test result:" lines of LOG.
test_counts() { # LOG
  awk '/^test result:/ {
      for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) g += $i }
    } END { print p + 0, f + 0, g + 0 }' "$1"
}
