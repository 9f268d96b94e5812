// Benchmark: export and import 10,000 records in headless Chromium. Prints figures; asserts
// nothing. Run after `trunk build --release` (scripts/bench.sh does all).
//   - export: from the click on 导出全部记录（JSON） to the file offered for download;
//   - import: from choosing the file to the preview on screen, then from 确认导入 to done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { seed } from '../tests/e2e/helpers.mjs';

const COUNT = Number(process.env.COUNT ?? 10000);
const samples = path.resolve(`target/samples-${COUNT}.json`);
if (!fs.existsSync(samples)) {
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'samples', '--', String(COUNT), samples], { stdio: 'inherit' });
}
const server = await serve('dist', { files: { '/samples.json': samples } });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const a = await browser.newContext({ acceptDownloads: true });
const pa = await a.newPage();
await pa.goto(server.url + '#/records');
await pa.getByText('还没有协商记录').waitFor();
await seed(pa, server.url + 'samples.json');
await pa.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
await pa.locator('table.records tbody tr').first().waitFor({ timeout: 60000 });

// In the page: from the click event to the download link being followed (what the user waits
// for, without Playwright's own work around the click and the download event).
await pa.evaluate(() => {
  window.__probe = {};
  document.addEventListener('click', (e) => { if (e.target.tagName === 'BUTTON') window.__probe.click = performance.now(); }, true);
  const follow = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () { window.__probe.offered = performance.now(); return follow.call(this); };
});
const exports = [];
const inPage = [];
let file;
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  const [download] = await Promise.all([
    pa.waitForEvent('download', { timeout: 120000 }),
    pa.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
  ]);
  exports.push(Date.now() - t0);
  inPage.push(Math.round(await pa.evaluate(() => window.__probe.offered - window.__probe.click)));
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xs-bench-')), download.suggestedFilename());
  await download.saveAs(file);
}
const size = fs.statSync(file).size;
// The floor under the export: reading the stored records out of IndexedDB, nothing else.
const reads = [];
for (let i = 0; i < 3; i++) {
  reads.push(await pa.evaluate(async () => {
    const db = await new Promise((resolve) => { const r = indexedDB.open('xieshang'); r.onsuccess = () => resolve(r.result); });
    const t0 = performance.now();
    await new Promise((resolve) => { const q = db.transaction('records').objectStore('records').getAll(); q.onsuccess = resolve; });
    const ms = Math.round(performance.now() - t0);
    db.close();
    return ms;
  }));
}

const previews = [];
const imports = [];
for (let i = 0; i < 3; i++) {
  const b = await browser.newContext();
  const pb = await b.newPage();
  await pb.goto(server.url + '#/records');
  await pb.getByText('还没有协商记录').waitFor();
  const t0 = Date.now();
  await pb.getByLabel('导入协商记录文件（JSON）').setInputFiles(file);
  await pb.getByRole('region', { name: /导入预览/ }).waitFor({ timeout: 120000 });
  previews.push(Date.now() - t0);
  const t1 = Date.now();
  await pb.getByRole('button', { name: '确认导入' }).click();
  await pb.getByRole('status').filter({ hasText: `已导入${COUNT}条记录。` }).waitFor({ timeout: 120000 });
  imports.push(Date.now() - t1);
  await b.close();
}
console.log(`transfer benchmark: ${COUNT} records (${(size / 1048576).toFixed(1)} MB file), headless Chromium, release build`);
console.log(`export all to a JSON file offered for download   median ${median(exports)} ms   (runs: ${exports.join(', ')})`);
console.log(`  the same in the page: click event to the download   median ${median(inPage)} ms   (runs: ${inPage.join(', ')})`);
console.log(`  of which IndexedDB getAll of the stored records   median ${median(reads)} ms   (runs: ${reads.join(', ')})`);
console.log(`import: choose the file to the preview on screen  median ${median(previews)} ms   (runs: ${previews.join(', ')})`);
console.log(`import: 确认导入 to all records stored            median ${median(imports)} ms   (runs: ${imports.join(', ')})`);
await browser.close();
await server.close();
