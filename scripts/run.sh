#!/usr/bin/env bash
# Sets up the machine if needed, then builds and starts the desktop app.
# Extra arguments go to cargo (for example --release).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
exec cargo run --locked -p csr-self-assessment-app "$@"
