// Developer aid, not part of the test run: CPU profile of export and import of COUNT records.
// Prints the functions with most self time. Run after `trunk build --release`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { seed } from '../tests/e2e/helpers.mjs';

const COUNT = Number(process.env.COUNT ?? 10000);
const samples = path.resolve(`target/samples-${COUNT}.json`);
const server = await serve(process.env.DIST ?? 'dist', { files: { '/samples.json': samples } });
const browser = await launch();

function top(profile, label) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n== ${label}: ${total.toFixed(0)} ms sampled`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
  }
}

const a = await browser.newContext({ acceptDownloads: true });
const pa = await a.newPage();
await pa.goto(server.url + '#/records');
await pa.getByText('还没有协商记录').waitFor();
await seed(pa, server.url + 'samples.json');
await pa.locator('table.records tbody tr').first().waitFor({ timeout: 60000 });
const cdp = await a.newCDPSession(pa);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
let t0 = Date.now();
const [download] = await Promise.all([
  pa.waitForEvent('download', { timeout: 120000 }),
  pa.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
]);
console.log('export', Date.now() - t0, 'ms');
top((await cdp.send('Profiler.stop')).profile, 'export');
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xs-prof-')), 'x.json');
await download.saveAs(file);

const b = await browser.newContext();
const pb = await b.newPage();
await pb.goto(server.url + '#/records');
await pb.getByText('还没有协商记录').waitFor();
const cdb = await b.newCDPSession(pb);
await cdb.send('Profiler.enable');
await cdb.send('Profiler.setSamplingInterval', { interval: 200 });
await cdb.send('Profiler.start');
t0 = Date.now();
await pb.getByLabel('导入协商记录文件（JSON）').setInputFiles(file);
await pb.getByRole('region', { name: /导入预览/ }).waitFor({ timeout: 120000 });
console.log('preview', Date.now() - t0, 'ms');
top((await cdb.send('Profiler.stop')).profile, 'import preview');
await browser.close();
await server.close();
