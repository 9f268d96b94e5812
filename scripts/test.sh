#!/usr/bin/env bash
# Installs what is missing, then runs every test: the engine natively, the UI components in
# headless Chromium (wasm-bindgen-test), and the release build end to end (Playwright driving
# the system Chromium). Exits non-zero on the first failing suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n=== %s ===\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "scripts: syntax of every script (the templates the build fills included)"
for f in scripts/*.js scripts/*.mjs scripts/build/*.mjs bench/*.mjs bench/*/*.mjs tests/e2e/*.mjs; do
  node --check "$f"
done

step "engine (native)"
cargo test --locked --features schema

step "components in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release
# What the build filled in and wrote (the service worker, embed.js, the loaders) is still a script.
for f in dist/*.js; do node --check "$f"; done
node scripts/size.mjs

step "end to end in headless Chromium (release build)"
# Sample records for the ledger tests, made by the engine itself.
cargo run --quiet --locked --example samples -- 60 target/samples-60.json
# The road case as an export file, for the tests of paper and of 核验 (domain::sample::road).
cargo run --quiet --locked --example road -- target/road.json
node --test --test-concurrency=1 tests/e2e/

step "first-task benchmark, smoke run (one cold profile each; figures printed, nothing asserted)"
RUNS=1 SETTLE=20000 node bench/first-task.mjs

# No test may depend on the day it runs: the screens that show or compare dates (the stages and
# their gates, training's worked cases, the ledger's overdue, the overview, the printed documents,
# saving) are walked again with the clock of the whole process tree moved — to the first minutes
# of a leap day in China Standard Time (still 28 February in UTC), and years ahead late in the
# evening in UTC (already the next day in China). The engine's tests run there too. faketime reads
# the time it is given in the zone of TZ.
DATED=(tests/e2e/workflow.test.mjs tests/e2e/training.test.mjs tests/e2e/ledger.test.mjs
       tests/e2e/overview.test.mjs tests/e2e/print.test.mjs tests/e2e/keeping.test.mjs)
step "end to end on another day: 2028-02-29 00:30 in China (faketime, TZ=Asia/Shanghai)"
TZ=Asia/Shanghai faketime '2028-02-29 00:30:00' node --test --test-concurrency=1 "${DATED[@]}"
step "end to end on another day: 2031-02-28 23:30 UTC (faketime)"
TZ=UTC faketime '2031-02-28 23:30:00' node --test --test-concurrency=1 "${DATED[@]}"
step "engine (native) on another day (faketime)"
faketime '2031-02-28 23:30:00' cargo test --locked --features schema --test it
