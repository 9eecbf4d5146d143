#!/usr/bin/env bash
# Builds the Linux installer (.deb) with the Tauri CLI. The CLI is installed if missing,
# which takes about 15 minutes once; so this is not part of the per-commit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
if ! cargo tauri --version >/dev/null 2>&1; then
  echo "build-deb: installing the Tauri CLI (once, about 15 minutes)"
  cargo install tauri-cli --version "^2" --locked
fi
cargo tauri build --bundles deb -- --locked -p csr-self-assessment-app
ls -l "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb
