#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it at http://127.0.0.1:8080/
# (rebuilding on change). Pass another port as the first argument.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT="${1:-8080}"
echo "协商工作台: http://127.0.0.1:$PORT/"
exec trunk serve --release --port "$PORT"
