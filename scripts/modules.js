// How the page gets the app's wasm modules: written into modules-<hash>.js by
// scripts/postbuild.mjs, which puts the build's file names in for the names in capitals (a name
// missing or left over stops the build). Imported by the start-up module (scripts/start.js) and
// by embed.js; the Word worker's loader (assets/docx-worker_loader.js) imports it too.
//
// The build packs each wasm module with xz (postbuild.mjs, `pack`) into xz/, under the module's
// own name: the app's module is 372 KB packed against the 496 KB a web server's gzip makes of it
// (and 1,334 KB from a server that compresses nothing). It is unpacked here as it arrives, by
// xz-decompress (xz-embedded compiled to wasm; npm, placed below by the build), and given to
// wasm-bindgen's init as a Response that the browser compiles as it is unpacked. If the packed
// copy cannot be fetched or read, the plain module is fetched instead.

// xz-decompress, as its authors build it (a UMD bundle), given the CommonJS names it looks for.
const module = { exports: {} };
const exports = module.exports;
const require = () => globalThis;
/* XZ_DECOMPRESS */
const { XzReadableStream } = module.exports;

// The packed module at `url`, as a Response that unpacks it as it arrives.
async function unpacked(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Response(new XzReadableStream(response.body), { headers: { 'content-type': 'application/wasm' } });
}

// Runs wasm-bindgen's `init` on the module `name` (the file's name in the build), packed, or plain
// if the packed copy fails.
export function load(init, name) {
  const packed = new URL(`./xz/${name}`, import.meta.url).href;
  const plain = new URL(`./${name}`, import.meta.url).href;
  return init({ module_or_path: unpacked(packed) }).catch((error) => {
    console.warn(`${packed}: ${error}; the plain module instead`);
    return init({ module_or_path: plain });
  });
}

// The loader of the extras module (ui/extras.rs; its name is `globals::EXTRAS_LOADER` there),
// fetched the first time a page in it is opened. A failed import stays failed for the page's
// life, so a new try asks for another address.
let extras, extrasTries = 0;
globalThis.__xieshangExtras ??= () => extras ??= import(new URL('./EXTRAS_JS' + (extrasTries ? '?try=' + extrasTries : ''), import.meta.url).href)
  .then(async (m) => { await load(m.default, 'EXTRAS_WASM'); return m; })
  .catch((e) => { extras = undefined; extrasTries += 1; throw e; });
// The address of the English file (i18n::EnglishFile), fetched when English is chosen.
globalThis.__xieshangEnglish ??= new URL('./ENGLISH_JSON', import.meta.url).href;
