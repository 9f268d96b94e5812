#!/usr/bin/env bash
# Builds the release app and packs it into one self-contained HTML file for a USB stick or a
# shared drive: dist-single/xieshang.html (see scripts/single.mjs and the README).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release
node scripts/single.mjs dist dist-single/xieshang.html
