# Sourced by scripts that start apps, drivers, browsers or wine (bench.sh, check-windows.sh):
# marks everything the script starts with CSR_TEST_RUN=<pid>.<start> in its environment, and
# when the script ends, whatever the reason (done, failed, Ctrl-C, TERM, a limit passed),
# stops every process that still carries the mark and says which. Processes are found by the
# mark, never by name: another developer's app, or another run on the same machine, is not
# ours. The Rust harness (src-tauri/tests/support) keeps the mark and adds its own per app.
#
# Use: GUARD_NAME=bench; . scripts/guard.sh; then run long commands as
#   limit SECONDS "what it waits for" command args…
# which ends the script, naming what it waited for, when the limit passes.

# Field 22 of /proc/PID/stat (start time in clock ticks since boot): with the pid, a name
# that a later process reusing the pid cannot take.
guard_start_ticks() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  # shellcheck disable=SC2086 # split into fields on purpose
  set -- $stat
  echo "${20}"
}

# The script's own stderr, kept for the guard's messages: a caller may send a command's
# stderr to a log (bench.sh does), and a limit's message must still be seen.
exec {GUARD_ERR}>&2

CSR_TEST_RUN="$$.$(guard_start_ticks $$)"
export CSR_TEST_RUN
GUARD_NAME=${GUARD_NAME:-$(basename "$0")}

# The pids that carry this run's mark (this shell's own environment never does: the mark is
# exported after it started, and /proc/PID/environ is the environment a process started with).
guard_marked() {
  local dir pid kv
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = "$$" ] && continue
    # Pure bash (no process per pid): a zombie or a process gone meanwhile reads as empty.
    { while IFS= read -r -d '' kv; do
        if [ "$kv" = "CSR_TEST_RUN=$CSR_TEST_RUN" ]; then echo "$pid"; break; fi
      done <"$dir/environ"; } 2>/dev/null || true
  done
}

guard_names() { # "pid name, pid name" for messages
  local pid out=""
  for pid in "$@"; do out+="${out:+, }$pid $(cat "/proc/$pid/comm" 2>/dev/null || echo '?')"; done
  echo "$out"
}

# Stops every marked process: SIGTERM, then SIGKILL after 2 s, waiting at most 12 s in all.
# Prints what it stopped; returns 1 if something would not stop.
guard_stop_marked() {
  local pids left i
  mapfile -t pids < <(guard_marked)
  [ ${#pids[@]} -eq 0 ] && return 0
  echo "$GUARD_NAME: stopping ${#pids[@]} processes this run left running: $(guard_names "${pids[@]}")" >&"$GUARD_ERR"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for i in $(seq 1 120); do
    mapfile -t left < <(guard_marked)
    [ ${#left[@]} -eq 0 ] && return 0
    [ "$i" -ge 20 ] && kill -KILL "${left[@]}" 2>/dev/null || true
    sleep 0.1
  done
  echo "$GUARD_NAME: still running 12 s after SIGKILL: $(guard_names "${left[@]}")" >&"$GUARD_ERR"
  return 1
}

guard_at_exit() {
  local status=$?
  trap - EXIT INT TERM
  # What a limit or Ctrl-C interrupted is still running: stop it first, then check.
  guard_stop_marked || status=1
  if [ -z "$(guard_marked)" ]; then
    echo "$GUARD_NAME: no process of this run is left (checked by its mark CSR_TEST_RUN=$CSR_TEST_RUN)"
  fi
  exit "$status"
}
trap guard_at_exit EXIT
trap 'echo "$GUARD_NAME: interrupted" >&"$GUARD_ERR"; exit 130' INT
trap 'echo "$GUARD_NAME: terminated" >&"$GUARD_ERR"; exit 143' TERM

# limit SECONDS WHAT COMMAND…: runs COMMAND; if it has not finished after SECONDS, stops it
# and ends the script with "WHAT did not finish within SECONDS s". Run in the background and
# waited for, so that Ctrl-C reaches this shell's trap at once (bash runs a trap only after
# a foreground command ends).
limit() {
  local seconds=$1 what=$2 rc=0 pid
  shift 2
  timeout --kill-after=10 "$seconds" "$@" &
  pid=$!
  wait "$pid" || rc=$?
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "$GUARD_NAME: $what did not finish within $seconds s; stopped" >&"$GUARD_ERR"
    exit 1
  fi
  return "$rc"
}
