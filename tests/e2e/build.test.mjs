// What the release build ships, read from dist/: every file the page names is there, and the
// Word worker (fetched on demand) carries only the Word export, not the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

test('the Word worker carries the Word export only, and the embedding files name files that exist', async () => {
  const worker = new WebAssembly.Module(fs.readFileSync('dist/docx-worker_bg.wasm'));
  const names = WebAssembly.Module.exports(worker).map((e) => e.name);
  assert.ok(!names.some((n) => /mount|embedded/i.test(n)), `worker exports ${names.join(', ')}`);
  const app = fs.readdirSync('dist').find((f) => /^xieshang-[0-9a-f]+_bg\.wasm$/.test(f));
  const appNames = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(path.join('dist', app)))).map((e) => e.name);
  // The names between the app's wasm and its glue are shortened (scripts/postbuild.mjs): the glue
  // exports mount for embed.js and calls the wasm's export by its new name.
  const glueText = fs.readFileSync(path.join('dist', fs.readdirSync('dist').find((f) => /^xieshang-[0-9a-f]+\.js$/.test(f))), 'utf8');
  const mount = /export function mount\([^)]*\)\{[^}]*?\bwasm(?:\.([\w$]+)|\["([^"]+)"\])\(/.exec(glueText);
  assert.ok(mount, 'the glue exports mount for embed.js');
  assert.ok(appNames.includes(mount[1] ?? mount[2]), `the app's wasm exports ${mount[1] ?? mount[2]}, which the glue's mount calls`);
  assert.ok(!appNames.some((n) => /^wasm_bindgen__|^__wbg_/.test(n)), `the app's wasm exports long names: ${appNames.join(', ')}`);
  const embed = fs.readFileSync('dist/embed.js', 'utf8');
  for (const [, file] of embed.matchAll(/'\.\/([^']+)'/g)) {
    assert.ok(fs.existsSync(path.join('dist', file)), `embed.js names ${file}`);
  }
  const sw = fs.readFileSync('dist/sw.js', 'utf8');
  const files = JSON.parse(/const FILES = (\[[\s\S]*?\]);/.exec(sw)[1]);
  for (const f of files.filter((f) => f !== './')) assert.ok(fs.existsSync(path.join('dist', f)), `sw.js keeps ${f}`);
  // The app's hashed files are served from the cache without asking the network.
  const hashed = JSON.parse(/const HASHED = new Set\((\[[\s\S]*?\])\);/.exec(sw)[1]);
  const glue = fs.readdirSync('dist').find((f) => /^xieshang-[0-9a-f]+\.js$/.test(f));
  for (const f of [app, glue]) assert.ok(hashed.includes('./' + f), `sw.js treats ${f} as hashed`);
});
