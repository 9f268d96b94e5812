// The wasm modules as they ship: short names between each module and its glue, and each packed
// with xz (scripts/modules.js unpacks it in the browser). Steps of scripts/postbuild.mjs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SCRIPTS } from './common.mjs';

// The names between a wasm module and its glue, shortened. wasm-bindgen names each import after
// the browser API it calls plus a hash (`__wbg_addEventListener_847fd86b8c33ec43`), and the
// closures it exports likewise; the hashes do not compress, and each name is in both files.
// binaryen's wasm-opt gives every import, export and import module a short name and prints the
// mapping, which is applied to the glue. Every import must be found where it is expected (its key
// in the glue's import object) and no export may be left called by its old name (`wasm.<name>`),
// or the build stops. About 4 KB gzip of the first visit's download, and 6 KB of the extras'.
export function shortenNames(dir, wasmFile, glueFile) {
  const wasmPath = path.join(dir, wasmFile);
  const gluePath = path.join(dir, glueFile);
  const wasmBefore = fs.readFileSync(wasmPath);
  const glueBefore = fs.readFileSync(gluePath, 'utf8');
  const modules = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasmBefore)).map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`${wasmFile} imports from ${modules.length} modules, not one`);
  const wasmOpt = path.join(SCRIPTS, '..', 'node_modules', '.bin', 'wasm-opt');
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
// asks for) and literal-context bits tuned on the app's module: 372 KB against gzip's 496 KB.
// The packed copy is unpacked again here and must give the module back byte for byte.
export function pack(dir, file) {
  const from = path.join(dir, file);
  const to = path.join(dir, 'xz', file);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const packed = execFileSync('xz', ['--format=xz', '--check=crc32', '--lzma2=preset=9e,dict=2MiB,lc=3,lp=0,pb=0,nice=273', '--stdout', from], { maxBuffer: 1 << 28 });
  fs.writeFileSync(to, packed);
  const back = execFileSync('xz', ['--decompress', '--stdout', to], { maxBuffer: 1 << 28 });
  if (!back.equals(fs.readFileSync(from))) throw new Error(`xz/${file} does not unpack to ${file}`);
}
