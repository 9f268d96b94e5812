// Starts the Word export worker (src/bin/docx-worker.rs): wasm-bindgen's glue, then its wasm,
// named as wasm-bindgen asks (one object of options).
importScripts('./docx-worker.js');
wasm_bindgen({ module_or_path: './docx-worker_bg.wasm' });
