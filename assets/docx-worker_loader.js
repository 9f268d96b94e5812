// Starts the Word export worker (src/bin/docx-worker.rs): wasm-bindgen's glue, then its wasm,
// packed with xz and unpacked by the module loader (scripts/modules.js, whose name in this build
// scripts/postbuild.mjs puts in for MODULES_JS), named as wasm-bindgen asks (one object of
// options). A browser whose workers cannot import a module gets the plain wasm.
importScripts('./docx-worker.js');
import('./MODULES_JS')
  .then(({ load }) => load(wasm_bindgen, 'docx-worker_bg.wasm'))
  .catch(() => wasm_bindgen({ module_or_path: './docx-worker_bg.wasm' }));
