// Prints what a browser downloads from the release build (dist/): each file raw and gzipped
// (level 9, as a web server would send it), the total fetched when the page opens, and what is
// fetched only on demand (the Word-export worker). Run after `trunk build --release`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = fs.readdirSync(dir).filter((f) => /\.(wasm|js|css|html|json)$/.test(f)).sort();
// The Word worker is fetched when a .docx is asked for; the extras module the first time one of
// its pages is opened (print views, list, training, overview, the ledger's import and export);
// the English file when English is chosen; embed.js and its stylesheet only by a host page that
// embeds the app.
const onDemand = (f) => f.startsWith('docx-worker') || f.startsWith('extras') || f.startsWith('english') || f.startsWith('embed');
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const totals = { start: [0, 0], demand: [0, 0] };
console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const f of files) {
  const body = fs.readFileSync(path.join(dir, f));
  const g = zlib.gzipSync(body, { level: 9 }).length;
  const t = onDemand(f) ? totals.demand : totals.start;
  t[0] += body.length;
  t[1] += g;
  console.log((f + (onDemand(f) ? '  (on demand)' : '')).padEnd(40), kb(body.length), kb(g));
}
console.log('total when the page opens'.padEnd(40), kb(totals.start[0]), kb(totals.start[1]));
console.log('on demand (extras, English, Word, embedding)'.padEnd(40), kb(totals.demand[0]), kb(totals.demand[1]));
