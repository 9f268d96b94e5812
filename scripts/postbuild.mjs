// Trunk's post-build hook (Trunk.toml): turns the staged build into what ships, one step after
// another, each in its own file under scripts/build/:
//  1. the modules (build/wasm.mjs): short names between each wasm module and its glue, the
//     extras module's and the English file's names given a content hash, the app's glue
//     minified, every wasm module packed with xz into xz/;
//  2. the start-up (build/startup.mjs): the module loader (scripts/modules.js), the browser check
//     with the first view's script, the start-up module (scripts/start.js) and its preloads in
//     place of Trunk's marker (Trunk.toml, pattern_script), so that the Content-Security-Policy
//     (below, into index.html as a <meta>) needs no 'unsafe-inline' for scripts;
//  3. the page for embedding (build/embed.mjs): embed.js (scripts/embed.js) and its stylesheet;
//  4. the build's id and the service worker (build/service-worker.mjs, scripts/sw.js);
//  5. the first view (prerender.mjs): a copy of the catalogue page as this build draws it goes
//     into index.html, shown on a first visit while the app's module downloads.
// Runs in Node with terser and xz-decompress from node_modules (package.json) and xz (xz-utils);
// the staging directory comes from Trunk (TRUNK_STAGING_DIR) or the first argument.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { renameHashed, sha } from './build/common.mjs';
import { writeEmbed } from './build/embed.mjs';
import { writeServiceWorker } from './build/service-worker.mjs';
import { startup, writeCheck, writeModules } from './build/startup.mjs';
import { pack, shortenNames } from './build/wasm.mjs';
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

// 1. The modules. Trunk's marker for the app's module names its glue and wasm.
const marker = /<script type="module" data-xieshang-start data-glue="([^"]+)" data-wasm="([^"]+)"><\/script>/;
const found = marker.exec(html);
if (!found) throw new Error('index.html has no start-up marker (Trunk.toml, pattern_script)');
const [, glueName, wasmName] = found;
// The extras module (ui/extras.rs): Trunk names a worker-type build plainly; its files get a
// content hash here, so that a page of one build never loads the extras of another (and the
// service worker may serve them from its cache).
const extrasFiles = ['extras.js', 'extras_bg.wasm'];
if (!extrasFiles.every((f) => fs.existsSync(path.join(dir, f)))) throw new Error('the extras module is missing from the build');
shortenNames(dir, 'extras_bg.wasm', 'extras.js');
const extrasHash = sha(Buffer.concat(extrasFiles.map((f) => fs.readFileSync(path.join(dir, f))))).slice(0, 16);
const extrasJs = `extras-${extrasHash}.js`;
const extrasWasm = `extras-${extrasHash}_bg.wasm`;
fs.renameSync(path.join(dir, 'extras.js'), path.join(dir, extrasJs));
fs.renameSync(path.join(dir, 'extras_bg.wasm'), path.join(dir, extrasWasm));
// The English file (i18n::EnglishFile), fetched when English is chosen: hashed like the extras.
const englishName = renameHashed(dir, 'english.json', 'the English file');
// The app's wasm and glue with short names between them, the glue minified (terser: local names
// shortened, white space and comments out; the top-level names, which the single file calls,
// kept).
shortenNames(dir, wasmName, glueName);
{
  const gluePath = path.join(dir, glueName);
  const { code } = await minify(fs.readFileSync(gluePath, 'utf8'), { parse: { module: true }, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code || !/__wbg_init\b/.test(code)) throw new Error('the minified glue lost __wbg_init');
  fs.writeFileSync(gluePath, code);
}
// Every wasm module packed; the plain ones stay, for the single file and as the fallback.
if (!fs.existsSync(path.join(dir, 'docx-worker_bg.wasm'))) throw new Error('the Word worker is missing from the build');
const plainWasm = [wasmName, extrasWasm, 'docx-worker_bg.wasm'];
for (const f of plainWasm) pack(dir, f);

// 2. The start-up, and the policy.
const modulesName = await writeModules(dir, { extrasJs, extrasWasm, englishName });
const checkName = await writeCheck(dir);
html = html.replace(found[0], startup(dir, { glueName, modulesName, wasmName, checkName }));
html = html.replace(/ nonce="[^"]*"/g, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
const CHARSET = '<meta charset="utf-8">';
if (!html.includes(CHARSET)) throw new Error(`index.html has no ${CHARSET} to put the policy after`);
html = html.replace(CHARSET, `${CHARSET}\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);

// 3. The page for embedding.
writeEmbed(dir, { glueName, modulesName, wasmName });

// 4. The build's id and the service worker.
const { id, kept } = writeServiceWorker(dir, html, plainWasm);
html = html.replace(CHARSET, `${CHARSET}\n  <meta name="xieshang-build" content="${id}">`);
fs.writeFileSync(indexPath, html);

// 5. The first view: the catalogue as this build draws it, into index.html (scripts/prerender.mjs).
const markup = await firstView(dir);
fs.writeFileSync(indexPath, withFirstView(html, markup));
console.log(`postbuild: build ${id}, ${kept} files kept for offline use, CSP set, first view of ${markup.length} characters`);
