// Prints what a browser downloads from the release build (dist/): each file raw and gzipped
// (level 9, as a web server would send it), and the total. Run after `trunk build --release`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = fs.readdirSync(dir).filter((f) => /\.(wasm|js|css|html)$/.test(f)).sort();
let raw = 0;
let gz = 0;
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const f of files) {
  const body = fs.readFileSync(path.join(dir, f));
  const g = zlib.gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  console.log(f.padEnd(40), kb(body.length), kb(g));
}
console.log('total'.padEnd(40), kb(raw), kb(gz));
