// How the page starts, steps of scripts/postbuild.mjs: the module loader (scripts/modules.js,
// with xz-decompress in it), the browser check with the first view's script, the start-up module
// (scripts/start.js), and what index.html carries in place of Trunk's marker.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { SCRIPTS, filled, integrity, writeHashed } from './common.mjs';

/** The browser test and its words (scripts/unsupported.js), also put into embed.js. */
export const unsupportedText = () => fs.readFileSync(path.join(SCRIPTS, 'unsupported.js'), 'utf8');

/**
 * The module loader, minified (terser) under xz-decompress's licence comment: it is on the way to
 * the first task. The Word worker's loader (assets/docx-worker_loader.js) is given its name.
 * Returns the loader's file name.
 */
export async function writeModules(dir, { extrasJs, extrasWasm, englishName }) {
  const decoder = fs.readFileSync(path.join(SCRIPTS, '..', 'node_modules', 'xz-decompress', 'dist', 'package', 'xz-decompress.min.js'), 'utf8');
  if (!/XzReadableStream/.test(decoder)) throw new Error('xz-decompress has no XzReadableStream');
  const text = filled('modules.js', {
    EXTRAS_JS: extrasJs,
    EXTRAS_WASM: extrasWasm,
    ENGLISH_JSON: englishName,
    XZ_DECOMPRESS: decoder.replace(/\/\/# sourceMappingURL=.*$/m, '').trim(),
  });
  const licence = /^\/\*![\s\S]*?\*\//.exec(decoder)?.[0];
  if (!licence?.includes('xz-embedded')) throw new Error('xz-decompress has no licence comment at its head');
  const code = `${licence}\n${(await minify(text, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code}\n`;
  if (!/export function load\b/.test(code)) throw new Error('the module loader did not minify as expected');
  const name = writeHashed(dir, 'modules', '.js', code);
  const loader = path.join(dir, 'docx-worker_loader.js');
  const loaderText = fs.readFileSync(loader, 'utf8');
  if (!loaderText.includes("import('./MODULES_JS')")) throw new Error('the Word worker\'s loader does not import MODULES_JS');
  fs.writeFileSync(loader, loaderText.split("'./MODULES_JS'").join(`'./${name}'`));
  return name;
}

/**
 * The browser check (scripts/browser-check.js): a classic script, deferred, so that it runs
 * before the start-up module without holding up the page, and says what to do in a browser that
 * cannot run the app. Its test and words (scripts/unsupported.js) come first, then the first
 * view's script (scripts/first-view.js), which needs the test; all kept out of the page's
 * globals, minified (terser, kept ES5): it is on the way to the first view. Returns its name.
 */
export async function writeCheck(dir) {
  const read = (f) => fs.readFileSync(path.join(SCRIPTS, f), 'utf8');
  const source = `(function () {\n${unsupportedText()}\n${read('browser-check.js')}\n${read('first-view.js')}})();\n`;
  const code = (await minify(source, { ecma: 5, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code + '\n';
  if (!/xieshangCanRun/.test(source) || code.length < 1000) throw new Error('the browser check did not minify');
  return writeHashed(dir, 'check', '.js', code);
}

/**
 * The start-up module, and the markup that goes in place of Trunk's marker: the start-up
 * module's imports and the packed wasm asked for at once (each is a round trip later otherwise),
 * then the browser check and the start-up module.
 */
export function startup(dir, { glueName, modulesName, wasmName, checkName }) {
  const startName = writeHashed(dir, 'start', '.js', filled('start.js', { GLUE_JS: glueName, MODULES_JS: modulesName, APP_WASM: wasmName }));
  const of = (file) => integrity(fs.readFileSync(path.join(dir, file)));
  return [
    `<link rel="modulepreload" href="./${glueName}" crossorigin="anonymous" integrity="${of(glueName)}">`,
    `<link rel="modulepreload" href="./${modulesName}" crossorigin="anonymous" integrity="${of(modulesName)}">`,
    `<link rel="preload" href="./xz/${wasmName}" crossorigin="anonymous" as="fetch">`,
    `<script defer src="./${checkName}"></script>`,
    `<script type="module" src="./${startName}"></script>`,
  ].join('\n');
}
