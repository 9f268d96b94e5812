#!/usr/bin/env bash
# Builds the release app and prints the benchmark figures (sizes, load times, large ledger,
# export and import). Not a test:
# nothing here passes or fails on a number.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release
node scripts/size.mjs
node bench/load.mjs
node bench/first-task.mjs
node bench/ledger.mjs
node bench/transfer.mjs
node bench/crash.mjs
