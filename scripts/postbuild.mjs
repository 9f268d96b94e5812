// Trunk's post-build hook (Trunk.toml): turns the staged build into what ships.
//  1. The start-up: Trunk writes only a marker (Trunk.toml, pattern_script); the start-up module
//     (scripts/start.js) and the module loader (scripts/modules.js) become files with this
//     build's names, so that the Content-Security-Policy needs no 'unsafe-inline' for scripts;
//     the policy goes into index.html as a <meta>. The wasm modules are packed with xz (`pack`).
//  2. The build gets an id (a digest of every file) in index.html, which the app compares with
//     the last one it ran to tell the user of an update.
//  3. sw.js, the service worker, is written with the list of files to keep for offline use.
//  4. The first view: a copy of the catalogue page as this build draws it goes into index.html,
//     shown on a first visit while the app's module downloads (scripts/prerender.mjs).
// Runs in Node with terser from node_modules (package.json) and xz (xz-utils); the staging
// directory comes from Trunk (TRUNK_STAGING_DIR) or the first argument.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { firstView, withFirstView } from './prerender.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('no staging directory');
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

// Scripts only from this origin, and wasm compiled only by the browser's own API; styles may be
// inline (the print view sets its page rules at run time; user text never becomes markup).
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');

// The names between a wasm module and its glue, shortened. wasm-bindgen names each import after
// the browser API it calls plus a hash (`__wbg_addEventListener_847fd86b8c33ec43`), and the
// closures it exports likewise; the hashes do not compress, and each name is in both files.
// binaryen's wasm-opt gives every import, export and import module a short name and prints the
// mapping, which is applied to the glue. Every import must be found where it is expected (its key
// in the glue's import object) and no export may be left called by its old name (`wasm.<name>`),
// or the build stops. About 4 KB gzip of the first visit's download, and 6 KB of the extras'.
function shortenNames(wasmFile, glueFile) {
  const wasmPath = path.join(dir, wasmFile);
  const gluePath = path.join(dir, glueFile);
  const wasmBefore = fs.readFileSync(wasmPath);
  const glueBefore = fs.readFileSync(gluePath, 'utf8');
  const modules = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasmBefore)).map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`${wasmFile} imports from ${modules.length} modules, not one`);
  const wasmOpt = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', '.bin', 'wasm-opt');
  const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
  const printed = execFileSync(wasmOpt, [
    wasmPath, '--minify-imports-and-exports-and-modules', '-Oz', ...features.map((f) => `--enable-${f}`), '-o', wasmPath,
  ], { encoding: 'utf8' });
  const mapping = JSON.parse(printed.slice(printed.indexOf('{')));
  const wasmAfter = fs.readFileSync(wasmPath);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasmAfter));
  if (mapping.imports.length !== imports.length) throw new Error(`wasm-opt did not map every import of ${wasmFile}`);
  const literal = (text) => text.replace(/[$.*+?^(){}[\]|\\/]/g, '\\$&');
  let glue = glueBefore;
  const once = (re, to, what) => {
    const hits = glue.match(new RegExp(re.source, 'g'))?.length ?? 0;
    if (hits !== 1) throw new Error(`${glueFile} has ${hits} places for ${what}, not one`);
    glue = glue.replace(re, to);
  };
  once(new RegExp(`"${literal(modules[0])}":`), `"${imports[0].module}":`, `the import module ${modules[0]}`);
  for (const [, from, to] of mapping.imports) once(new RegExp(`(?<![\\w$])${literal(from)}(?=:)`), `"${to}"`, `the import ${from}`);
  for (const [from, to] of mapping.exports) glue = glue.replace(new RegExp(`\\bwasm\\.${literal(from)}(?![\\w$])`, 'g'), `wasm["${to}"]`);
  const left = /\bwasm\.[\w$]+/.exec(glue);
  if (left) throw new Error(`${glueFile} still calls ${left[0]} by its old name`);
  fs.writeFileSync(gluePath, glue);
  return { before: { wasm: wasmBefore, glue: glueBefore }, after: { wasm: wasmAfter, glue } };
}

// Packs the wasm module `file` with xz into xz/<file> (scripts/modules.js unpacks it in the
// browser). LZMA2 with a dictionary as large as a module (the unpacker allocates what the file
// asks for) and literal-context bits tuned on the app's module: 381 KB against gzip's 496 KB.
// The packed copy is unpacked again here and must give the module back byte for byte.
function pack(file) {
  const from = path.join(dir, file);
  const to = path.join(dir, 'xz', file);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const packed = execFileSync('xz', ['--format=xz', '--check=crc32', '--lzma2=preset=9e,dict=2MiB,lc=3,lp=0,pb=0,nice=273', '--stdout', from], { maxBuffer: 1 << 28 });
  fs.writeFileSync(to, packed);
  const back = execFileSync('xz', ['--decompress', '--stdout', to], { maxBuffer: 1 << 28 });
  if (!back.equals(fs.readFileSync(from))) throw new Error(`xz/${file} does not unpack to ${file}`);
}

// 1. The start-up. Trunk's marker for the app's module (Trunk.toml, pattern_script) names its
// glue and wasm.
const marker = /<script type="module" data-xieshang-start data-glue="([^"]+)" data-wasm="([^"]+)"><\/script>/;
const found = marker.exec(html);
if (!found) throw new Error('index.html has no start-up marker (Trunk.toml, pattern_script)');
const [, glueName, wasmName] = found;
// The extras module (ui/extras.rs): Trunk names a worker-type build plainly; its files get a
// content hash here, so that a page of one build never loads the extras of another (and the
// service worker may serve them from its cache).
const extrasFiles = ['extras.js', 'extras_bg.wasm'];
if (!extrasFiles.every((f) => fs.existsSync(path.join(dir, f)))) throw new Error('the extras module is missing from the build');
shortenNames('extras_bg.wasm', 'extras.js');
const extrasHash = sha(Buffer.concat(extrasFiles.map((f) => fs.readFileSync(path.join(dir, f))))).slice(0, 16);
const extrasJs = `extras-${extrasHash}.js`;
const extrasWasm = `extras-${extrasHash}_bg.wasm`;
fs.renameSync(path.join(dir, 'extras.js'), path.join(dir, extrasJs));
fs.renameSync(path.join(dir, 'extras_bg.wasm'), path.join(dir, extrasWasm));

// A file copied plainly by Trunk, renamed with a content hash (`<stem>-<hash>.<ext>`).
const hashed = (file, what) => {
  const from = path.join(dir, file);
  if (!fs.existsSync(from)) throw new Error(`${what} is missing from the build`);
  const dot = file.lastIndexOf('.');
  const name = `${file.slice(0, dot)}-${sha(fs.readFileSync(from)).slice(0, 16)}${file.slice(dot)}`;
  fs.renameSync(from, path.join(dir, name));
  return name;
};
// The English file (i18n::EnglishFile), fetched when English is chosen: hashed like the extras.
const englishName = hashed('english.json', 'the English file');

// A script of scripts/ with this build's names put in for its placeholders, the names in
// capitals in quotes ('./GLUE_JS', 'APP_WASM') or in a comment of their own (/* XZ_DECOMPRESS */):
// the placeholders it has must be the ones given.
const scripts = path.dirname(new URL(import.meta.url).pathname);
const filled = (script, names) => {
  const text = fs.readFileSync(path.join(scripts, script), 'utf8');
  const has = new Set([...text.matchAll(/'(?:\.\/)?([A-Z][A-Z0-9]*_[A-Z0-9_]+)'|\/\* ([A-Z][A-Z0-9]*_[A-Z0-9_]+) \*\//g)].map((m) => m[1] ?? m[2]));
  const given = Object.keys(names);
  if (has.size !== given.length || !given.every((n) => has.has(n))) {
    throw new Error(`scripts/${script} has the placeholders ${[...has].join(', ')}, not ${given.join(', ')}`);
  }
  const marked = (name) => new RegExp(`(?<=')(?:\\./)?${name}(?=')|/\\* ${name} \\*/`, 'g');
  return given.reduce((t, name) => t.replace(marked(name), (m) => (m.startsWith('./') ? './' : '') + names[name]), text);
};

// The app's wasm and glue with short names between them (above), the glue minified (terser:
// local names shortened, white space and comments out; the top-level names, which the single
// file calls, kept).
shortenNames(wasmName, glueName);
{
  const gluePath = path.join(dir, glueName);
  const { code } = await minify(fs.readFileSync(gluePath, 'utf8'), { parse: { module: true }, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code || !/__wbg_init\b/.test(code)) throw new Error('the minified glue lost __wbg_init');
  fs.writeFileSync(gluePath, code);
}
// Every wasm module packed (above); the plain ones stay, for the single file and as the fallback.
if (!fs.existsSync(path.join(dir, 'docx-worker_bg.wasm'))) throw new Error('the Word worker is missing from the build');
for (const f of [wasmName, extrasWasm, 'docx-worker_bg.wasm']) pack(f);

// The module loader (scripts/modules.js) with xz-decompress in it, as its package builds it.
const decoder = fs.readFileSync(path.join(scripts, '..', 'node_modules', 'xz-decompress', 'dist', 'package', 'xz-decompress.min.js'), 'utf8');
if (!/XzReadableStream/.test(decoder)) throw new Error('xz-decompress has no XzReadableStream');
const modulesText = filled('modules.js', {
  EXTRAS_JS: extrasJs,
  EXTRAS_WASM: extrasWasm,
  ENGLISH_JSON: englishName,
  XZ_DECOMPRESS: decoder.replace(/\/\/# sourceMappingURL=.*$/m, '').trim(),
});
// Minified (terser), under xz-decompress's licence comment: it is on the way to the first task.
const licence = /^\/\*![\s\S]*?\*\//.exec(decoder)?.[0];
if (!licence?.includes('xz-embedded')) throw new Error('xz-decompress has no licence comment at its head');
const modulesCode = `${licence}\n${(await minify(modulesText, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code}\n`;
if (!/export function load\b/.test(modulesCode)) throw new Error('the module loader did not minify as expected');
const modulesName = `modules-${sha(modulesCode).slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, modulesName), modulesCode);
// The Word worker's loader imports it too.
{
  const loader = path.join(dir, 'docx-worker_loader.js');
  const text = fs.readFileSync(loader, 'utf8');
  if (!text.includes("import('./MODULES_JS')")) throw new Error('the Word worker\'s loader does not import MODULES_JS');
  fs.writeFileSync(loader, text.split("'./MODULES_JS'").join(`'./${modulesName}'`));
}

// The browser check (scripts/browser-check.js): a classic script, deferred, so that it runs
// before the start-up module without holding up the page, and says what to do in a browser that
// cannot run the app.
// Its test and words (scripts/unsupported.js) come first, both kept out of the page's globals.
const unsupportedText = fs.readFileSync(path.join(scripts, 'unsupported.js'), 'utf8');
// Then the first view's script (scripts/first-view.js), which needs the test.
// Minified (terser, kept ES5): it is on the way to the first view.
const checkSource = `(function () {\n${unsupportedText}\n${fs.readFileSync(path.join(scripts, 'browser-check.js'), 'utf8')}\n${fs.readFileSync(path.join(scripts, 'first-view.js'), 'utf8')}})();\n`;
const checkText = (await minify(checkSource, { ecma: 5, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code + '\n';
if (!/xieshangCanRun/.test(checkSource) || checkText.length < 1000) throw new Error('the browser check did not minify');
const checkName = `check-${sha(checkText).slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, checkName), checkText);
// The start-up module (scripts/start.js).
const startText = filled('start.js', { GLUE_JS: glueName, MODULES_JS: modulesName, APP_WASM: wasmName });
const startName = `start-${sha(startText).slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, startName), startText);
// In place of the marker: the start-up module's imports and the packed wasm asked for at once
// (each is a round trip later otherwise), then the browser check and the start-up module.
{
  const integrity = (file) => 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, file))).digest('base64');
  html = html.replace(found[0], [
    `<link rel="modulepreload" href="./${glueName}" crossorigin="anonymous" integrity="${integrity(glueName)}">`,
    `<link rel="modulepreload" href="./${modulesName}" crossorigin="anonymous" integrity="${integrity(modulesName)}">`,
    `<link rel="preload" href="./xz/${wasmName}" crossorigin="anonymous" as="fetch">`,
    `<script defer src="./${checkName}"></script>`,
    `<script type="module" src="./${startName}"></script>`,
  ].join('\n'));
}
html = html.replace(/ nonce="[^"]*"/g, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
const CHARSET = '<meta charset="utf-8">';
if (!html.includes(CHARSET)) throw new Error(`index.html has no ${CHARSET} to put the policy after`);
html = html.replace(CHARSET, `${CHARSET}\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);

// The page for embedding in a host page: embed.js, and the stylesheet with rem replaced, so
// that a host's root font size does not scale the app (see ui/embed.rs).
const cssName = fs.readdirSync(dir).find((n) => /^main-[0-9a-f]+\.css$/.test(n));
if (!cssName) throw new Error('the app\'s CSS is missing from the build');
{
  const css = fs.readFileSync(path.join(dir, cssName), 'utf8').replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--xs-rem, 1rem))');
  const embedCss = `embed-${sha(css).slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, embedCss), css);
  fs.writeFileSync(path.join(dir, 'embed.js'), `// Mounts the workbench into an element of a host page (see ui/embed.rs and the README):
//   import { mount } from './embed.js';
//   const app = await mount(document.querySelector('#consultation'), { namespace, list, start, lang, onEvent });
import init, { mount as mountApp } from './${glueName}';
import { load } from './${modulesName}';
${unsupportedText}
let started;
export async function mount(element, options = {}) {
  // A browser that cannot run the app (scripts/unsupported.js) gets the words that say what to
  // do in the host's element, and the host a rejected promise.
  if (!xieshangCanRun()) {
    xieshangSayUnsupported(element);
    throw new Error('this browser cannot run the workbench');
  }
  started ??= load(init, '${wasmName}');
  await started;
  globalThis.__xieshangDocxWorker ??= new URL('./docx-worker_loader.js', import.meta.url).href;
  return mountApp(element, { ...options, css: new URL('./${embedCss}', import.meta.url).href });
}
`);
}

// 2. and 3. The build's id and the files to keep.
const files = [];
(function walk(d) {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (!['sw.js', 'index.html'].includes(entry.name) || d !== dir) files.push(path.relative(dir, full).split(path.sep).join('/'));
  }
})(dir);
files.sort();
const plainWasm = [wasmName, extrasWasm, 'docx-worker_bg.wasm'];
const id = sha(files.map((f) => f + '\0' + sha(fs.readFileSync(path.join(dir, f)))).join('\n') + html).slice(0, 12);
html = html.replace(CHARSET, `${CHARSET}\n  <meta name="xieshang-build" content="${id}">`);
fs.writeFileSync(indexPath, html);

const sw = `// The service worker, written by scripts/postbuild.mjs for build ${id}. It keeps the app's files
// so that after one visit the app opens and works with the network off. Files whose names carry
// a content hash are served from the cache; the page itself and the other files are asked of the
// network first (so a new build is picked up on the next visit online) and taken from the cache
// when there is no network. Records are in IndexedDB and never pass through here.
const BUILD = ${JSON.stringify(id)};
const CACHE = 'xieshang-' + BUILD;
// Smallest first: what a page may still be fetching (the modules) comes last, by then most likely
// in the browser's HTTP cache.
// The plain wasm modules are not kept: the page fetches them packed (xz/), the plain ones only if
// a packed one fails.
const FILES = ${JSON.stringify(['./', ...files.filter((f) => !plainWasm.includes(f)).sort((a, b) => fs.statSync(path.join(dir, a)).size - fs.statSync(path.join(dir, b)).size).map((f) => './' + f)], null, 2)};
// Files whose names carry a content hash (Trunk's and this script's): never changed in place.
const HASHED = new Set(${JSON.stringify(files.filter((f) => /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|json)$/.test(f)).map((f) => './' + f))});

// The page tells the worker while it is fetching something the user asked for (a module, the
// English file, the Word worker): 'xieshang:busy' … 'xieshang:idle' (ui/mod.rs, Busy). The
// files kept for offline use are fetched one at a time, smallest first, each only while the page
// is fetching nothing of its own (or after 20 s of waiting, so that a page closed mid-way cannot
// hold the worker back for good).
let busy = 0;
let woken = [];
self.addEventListener('message', (event) => {
  if (event.data === 'xieshang:busy') busy += 1;
  else if (event.data === 'xieshang:idle') busy = Math.max(0, busy - 1);
  if (!busy) for (const wake of woken.splice(0)) wake();
});
const pageIdle = () => busy ? new Promise((resolve) => { woken.push(resolve); setTimeout(resolve, 20000); }) : undefined;

self.addEventListener('install', (event) => {
  // Files whose names carry a content hash may come from the browser's HTTP cache (the page has
  // just downloaded the app's own: no second download); the others past it, so that a new build
  // never keeps an old page or file.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const f of FILES) {
      await pageIdle();
      const request = new Request(f, { cache: HASHED.has(f) ? 'default' : 'reload' });
      const response = await fetch(request);
      if (!response.ok) throw new Error(\`\${f}: \${response.status}\`);
      await cache.put(request, response);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('xieshang-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// From the network (past the HTTP cache), keeping what comes back; when there is no network,
// or it is slower than 4 s and a kept copy exists, the kept copy.
async function fromNetwork(request, cache, key) {
  const kept = await cache.match(key ?? request, { ignoreSearch: true });
  const fetching = fetch(request, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) await cache.put(key ?? request, response.clone());
    return response;
  });
  if (!kept) return fetching;
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(() => resolve(kept), 4000); });
  try {
    return await Promise.race([fetching, slow]);
  } catch {
    return kept;
  } finally {
    clearTimeout(timer);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      // Only the app's own page is kept (as the scope's address); other pages in the scope are
      // passed to the network as they are.
      const scope = new URL(self.registration.scope);
      const page = url.pathname === scope.pathname || url.pathname === scope.pathname + 'index.html';
      if (!page) return fetch(request);
      return fromNetwork(request, cache, scope.href);
    }
    if (HASHED.has('./' + url.pathname.slice(new URL(self.registration.scope).pathname.length))) {
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
    }
    return fromNetwork(request, cache);
  })());
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw);

// 4. The first view: the catalogue as this build draws it, into index.html (scripts/prerender.mjs).
const markup = await firstView(dir);
fs.writeFileSync(indexPath, withFirstView(html, markup));
console.log(`postbuild: build ${id}, ${files.length} files kept for offline use, CSP set, first view of ${markup.length} characters`);
