// The build's id and its service worker, a step of scripts/postbuild.mjs: the id is a digest of
// every file and of index.html (which the app compares with the last one it ran to tell the user
// of an update); sw.js is scripts/sw.js with the id, the files it keeps and those whose names carry
// a content hash.
import fs from 'node:fs';
import path from 'node:path';
import { filled, sha } from './common.mjs';

/** Every file of the build but sw.js and index.html, as paths from `dir`, sorted. */
function filesOf(dir) {
  const files = [];
  (function walk(d) {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!['sw.js', 'index.html'].includes(entry.name) || d !== dir) files.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  })(dir);
  return files.sort();
}

/**
 * Writes sw.js; returns the build's id and how many files it keeps. `plainWasm`: the plain wasm modules, not kept (the page
 * fetches them packed, the plain ones only if a packed one fails).
 */
export function writeServiceWorker(dir, html, plainWasm) {
  const files = filesOf(dir);
  const id = sha(files.map((f) => f + '\0' + sha(fs.readFileSync(path.join(dir, f)))).join('\n') + html).slice(0, 12);
  // Smallest first: what a page may still be fetching (the modules) comes last, by then most
  // likely in the browser's HTTP cache.
  const size = (f) => fs.statSync(path.join(dir, f)).size;
  const kept = ['./', ...files.filter((f) => !plainWasm.includes(f)).sort((a, b) => size(a) - size(b)).map((f) => './' + f)];
  const hashed = files.filter((f) => /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|json)$/.test(f)).map((f) => './' + f);
  fs.writeFileSync(path.join(dir, 'sw.js'), filled('sw.js', {
    BUILD_ID: id,
    KEPT_FILES: JSON.stringify(kept, null, 2),
    HASHED_FILES: JSON.stringify(hashed),
  }));
  return { id, kept: kept.length };
}
