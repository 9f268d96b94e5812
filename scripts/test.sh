#!/usr/bin/env bash
# Installs what is missing, then runs every test: the engine natively, the UI components in
# headless Chromium (wasm-bindgen-test), and the release build end to end (Playwright driving
# the system Chromium). Exits non-zero on the first failing suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n=== %s ===\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "engine (native)"
cargo test --locked --features schema

step "components in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release
node scripts/size.mjs

step "end to end in headless Chromium (release build)"
# Sample records for the ledger tests, made by the engine itself.
cargo run --quiet --locked --example samples -- 60 target/samples-60.json
node --test --test-concurrency=1 tests/e2e/
