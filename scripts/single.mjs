// One self-contained HTML file of the release build, for a USB stick or a shared drive: the CSS,
// the app's JavaScript and wasm, the extras module and the Word-export worker, all inside one .html that runs
// from file://. The wasm is stored gzip-compressed in base64 and unpacked by the browser
// (DecompressionStream); the worker is started from a blob: URL. The file carries its own
// Content-Security-Policy: its inline scripts are allowed by their SHA-256, nothing else runs.
//   node scripts/single.mjs [dist] [out]     (after `trunk build --release`)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { FIRST_ID } from './prerender.mjs';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? path.join('dist-single', 'xieshang.html');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = fs.readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`no ${re} in ${dist}`);
  return fs.readFileSync(path.join(dist, f));
};
// The app's styles (the extras module's pages included).
const css = pick(/^main-[0-9a-f]+\.css$/).toString('utf8');
const glue = pick(/^xieshang-[0-9a-f]+\.js$/).toString('utf8');
const wasm = pick(/^xieshang-[0-9a-f]+_bg\.wasm$/);
const workerGlue = fs.readFileSync(path.join(dist, 'docx-worker.js'), 'utf8');
const english = pick(/^english-[0-9a-f]+\.json$/).toString('utf8');
const extrasGlue = pick(/^extras-[0-9a-f]+\.js$/).toString('utf8');
const extrasWasm = pick(/^extras-[0-9a-f]+_bg\.wasm$/);
const workerWasm = fs.readFileSync(path.join(dist, 'docx-worker_bg.wasm'));
const packed = (bytes) => zlib.gzipSync(bytes, { level: 9 }).toString('base64');
const build = /name="xieshang-build" content="([^"]+)"/.exec(html)?.[1] ?? 'single';

// The same unpacking in the page and in the worker.
const unpack = `async function unpack(b64) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}`;
const worker = `${workerGlue}
${unpack}
unpack(${JSON.stringify(packed(workerWasm))}).then((bytes) => wasm_bindgen({ module_or_path: bytes }));
`;
// The extras module (ui/extras.rs): its glue, an ES module too, becomes the body of a function
// (its exports plain declarations, returned), run the first time a page in it is opened.
const exportList = /^export \{[^}]*\};?\s*$/m;
if (!exportList.test(extrasGlue) || !/^export function mount\b/m.test(extrasGlue)) {
  throw new Error('the extras glue does not look as expected (wasm-bindgen changed?)');
}
const extrasBody = extrasGlue.replace(exportList, '').replace(/^export (class|function) /gm, '$1 ');
const extras = `window.__xieshangEnglishText = ${JSON.stringify(english.trim())};
let extras;
window.__xieshangExtras = () => extras ??= (async () => {
${extrasBody}
await __wbg_init({ module_or_path: await unpack(${JSON.stringify(packed(extrasWasm))}) });
return { mount };
})();
`;
// The app's glue is an ES module; its exports stay, unused, in this inline module.
// The browser check (inline before it) stops it in a browser that cannot run the app.
const start = `if (globalThis.__xieshangUnsupported) throw new Error('this browser cannot run the app (see the browser check)');
${glue}
${unpack}
${extras}
window.__xieshangDocxWorker = URL.createObjectURL(new Blob([${JSON.stringify(worker)}], { type: 'text/javascript' }));
await __wbg_init({ module_or_path: await unpack(${JSON.stringify(packed(wasm))}) });
`;
// Inline, the script must not close itself early (its hash would then allow a different script).
if (/<\/script|<!--/i.test(start)) throw new Error('the inlined script contains </script or <!--');
const hash = crypto.createHash('sha256').update(start).digest('base64');
// The browser check (scripts/browser-check.js), inline here, runs first and says what to do in a
// browser that cannot run the app.
const check = pick(/^check-[0-9a-f]+\.js$/).toString('utf8');
if (/<\/script|<!--/i.test(check)) throw new Error('the browser check contains </script or <!--');
const checkHash = crypto.createHash('sha256').update(check).digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${checkHash}' 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "worker-src blob:",
  "connect-src blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (!/<meta http-equiv="Content-Security-Policy"[^>]*>/.test(html)) throw new Error('index.html carries no CSP to replace');
if (!/__wbg_init\b/.test(glue)) throw new Error('the JS glue has no __wbg_init (wasm-bindgen changed?)');
const head = /<head>([\s\S]*?)<\/head>/.exec(html)[1]
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/<link rel="(stylesheet|modulepreload|preload|manifest|icon)"[^>]*>/g, '')
  .replace(/<script[^>]*><\/script>/g, '')
  .replace(/name="xieshang-build" content="[^"]+"/, `name="xieshang-build" content="${build}-single"`);
// Without the first view (scripts/prerender.mjs): the single file opens from the disk, at once.
const withoutFirst = (text) => {
  const from = text.indexOf(`<template id="${FIRST_ID}"`);
  return from < 0 ? text : text.slice(0, from) + text.slice(text.indexOf('<div id="app">'));
};
const body = withoutFirst(/<body>([\s\S]*?)<\/body>/.exec(html)[1]);
const single = `<!doctype html>
<html lang="zh-CN">
<head>${head.trimEnd()}
  <style>${css}</style>
  <script>${check}</script>
  <script type="module">${start}</script>
</head>
<body>${body}</body>
</html>
`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, single);
console.log(`single file: ${out}, ${(single.length / 1024).toFixed(0)} KB`);
