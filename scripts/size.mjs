// Prints what a browser downloads from the release build (dist/): each file raw and gzipped
// (level 9, as a web server would send it; the wasm modules in xz/ are packed with xz already, and
// gzip adds a little to them), the total fetched when the page opens, what is fetched only on
// demand, and the plain wasm modules, which a browser fetches only if a packed one fails (the
// single file is made from them). Run after `trunk build --release`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = [
  ...fs.readdirSync(dir).filter((f) => /\.(wasm|js|css|html|json)$/.test(f)),
  ...(fs.existsSync(path.join(dir, 'xz')) ? fs.readdirSync(path.join(dir, 'xz')).map((f) => `xz/${f}`) : []),
].sort();
// The Word worker is fetched when a .docx is asked for; the extras module the first time one of
// its pages is opened (print views, list, training, overview, the ledger's import and export);
// the English file when English is chosen; embed.js and its stylesheet only by a host page that
// embeds the app.
const kind = (f) => {
  if (/^(xieshang-[0-9a-f]+|extras-[0-9a-f]+|docx-worker)_bg\.wasm$/.test(f)) return 'plain';
  const name = f.replace(/^xz\//, '');
  return /^(docx-worker|extras|english|embed)/.test(name) ? 'demand' : 'start';
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const totals = { start: [0, 0], demand: [0, 0], plain: [0, 0] };
const note = { start: '', demand: '  (on demand)', plain: '  (fallback only)' };
console.log('file'.padEnd(48), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const f of files) {
  const body = fs.readFileSync(path.join(dir, f));
  const g = zlib.gzipSync(body, { level: 9 }).length;
  const k = kind(f);
  totals[k][0] += body.length;
  totals[k][1] += g;
  console.log((f + note[k]).padEnd(48), kb(body.length), kb(g));
}
console.log('total when the page opens'.padEnd(48), kb(totals.start[0]), kb(totals.start[1]));
console.log('on demand (extras, English, Word, embedding)'.padEnd(48), kb(totals.demand[0]), kb(totals.demand[1]));
console.log('plain wasm, fetched only if a packed one fails'.padEnd(48), kb(totals.plain[0]), kb(totals.plain[1]));
