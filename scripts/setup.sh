#!/usr/bin/env bash
# Installs what building and testing Xieshang need, skipping whatever is already present.
# (poppler-utils: the print tests read the PDFs Chromium prints; LibreOffice converts the
# .docx files to PDF in the Word-export test; faketime moves the clock of a test run.)
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run on its own. Needs rustup and
# cargo; installs the rest (wasm target, Trunk, wasm-bindgen-cli at the version Cargo.lock pins,
# geckodriver, Node.js packages for wasm-opt, Playwright and selenium-webdriver, Chromium with
# its driver, Firefox ESR, WebKitGTK's driver, Xvfb, a CJK font, and Chromium 92 for the
# old-browser test).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.22.1
log() { printf '[setup] %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root for: $*"; return 1
  fi
}

# npm's binaryen goes before /usr/bin: Debian's wasm-opt cannot read what current Rust emits.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# --- system packages: Chromium and its driver, a CJK font, Node.js ---------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# faketime: the suite is run once more on another day (years ahead, a leap day) to prove that
# no test depends on the day it runs.
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
# xz packs the wasm modules at build time (scripts/postbuild.mjs).
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
# The other engines of the main walk: Firefox ESR, and WebKitGTK (Safari's engine) with its
# WebDriver and MiniBrowser under a virtual X server.
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; }; then
  missing+=(fonts-noto-cjk fontconfig)
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust: the wasm target, Trunk, wasm-bindgen-cli ---------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  log "installing Trunk $TRUNK_VERSION (about 10 minutes, once)"
  # 0.22 declares a newer rustc than it needs; LTO off halves the build time.
  CARGO_PROFILE_RELEASE_LTO=off cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version
fi

# geckodriver, Firefox's WebDriver, from crates.io (there is no Debian package of it).
GECKODRIVER_VERSION=0.37.1
if ! geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
  log "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  log "Trunk.toml pins another wasm-bindgen than Cargo.lock ($WASM_BINDGEN_VERSION): update [tools] wasm_bindgen"
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # Not --locked: its locked tree wants a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# --- Node packages: wasm-opt (binaryen), playwright-core and terser (minifies the JS glue) ------
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- an engine below the floor, for the browser-check test: Chromium 92, a headless build inside
# the npm package chrome-aws-lambda@10.1.0 (brotli-packed), unpacked into target/ --------------
OLD_CHROMIUM="$ROOT/target/old-chromium"
if [ ! -x "$OLD_CHROMIUM/chromium" ]; then
  log "unpacking Chromium 92 (chrome-aws-lambda@10.1.0) for the old-browser test"
  mkdir -p "$OLD_CHROMIUM"
  (cd "$OLD_CHROMIUM" && npm pack --silent chrome-aws-lambda@10.1.0 >/dev/null \
    && tar xzf chrome-aws-lambda-10.1.0.tgz package/bin/chromium.br \
    && node -e "const z=require('zlib'),f=require('fs');f.writeFileSync('chromium.part',z.brotliDecompressSync(f.readFileSync('package/bin/chromium.br')));f.chmodSync('chromium.part',0o755)" \
    && mv chromium.part chromium && rm -rf package chrome-aws-lambda-10.1.0.tgz)
fi

# --- crates, so that Trunk can build offline -----------------------------------------------------
cargo fetch --locked --quiet

export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
