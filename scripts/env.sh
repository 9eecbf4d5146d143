# Sourced by the scripts: where cargo and the build live.
export PATH="$HOME/.cargo/bin:$HOME/.cache/csr-self-assessment/venv/bin:$PATH"
# Outside the clone, so repeated runs (and fresh clones on the same machine) reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/csr-self-assessment/target}"
