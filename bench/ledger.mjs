// Benchmark: a ledger of 10,000 records in headless Chromium. Prints figures; asserts nothing.
//   node bench/ledger.mjs            (after `trunk build --release`; scripts/bench.sh does all)
// Measures, on the release build served with gzip from localhost:
//   - opening the ledger: a cold page load straight onto #/records until the first rows show
//     (the app's start-up + reading 10,000 summaries from IndexedDB + render); from the
//     catalogue to the ledger inside the app, the first time in a page and again (the summaries
//     are read once, with the catalogue, so both are renders of what is in memory);
//   - a filter keystroke: from the input event to the updated list in the DOM, and to the next
//     frame painted;
//   - memory: the JS heap and the wasm linear memories (the app's; the extras module is not
//     loaded for the ledger) after the ledger is open.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const COUNT = Number(process.env.COUNT ?? 10000);
const samples = path.resolve(`target/samples-${COUNT}.json`);
if (!fs.existsSync(samples)) {
  console.error(`making ${COUNT} sample records…`);
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'samples', '--', String(COUNT), samples], { stdio: 'inherit' });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const server = await serve('dist', { files: { '/samples.json': samples } });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url + '#/records');
await page.getByText('还没有协商记录').waitFor();

const t0 = Date.now();
const seeded = await page.evaluate(async (url) => {
  const data = await (await fetch(url)).json();
  const db = await new Promise((res, rej) => { const r = indexedDB.open('xieshang'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const enc = new TextEncoder(); // records are stored as UTF-8 bytes, as the app stores them
  for (let i = 0; i < data.records.length; i += 1000) {
    await new Promise((res, rej) => {
      const tx = db.transaction(['records', 'summaries'], 'readwrite');
      for (let j = i; j < Math.min(i + 1000, data.records.length); j++) {
        const id = JSON.parse(data.summaries[j]).id;
        tx.objectStore('records').put(enc.encode(data.records[j]), id);
        tx.objectStore('summaries').put(data.summaries[j], id);
      }
      tx.oncomplete = res; tx.onerror = () => rej(tx.error);
    });
  }
  db.close();
  return data.records.length;
}, server.url + 'samples.json');
console.error(`seeded ${seeded} records in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// Cold loads straight onto the ledger.
const cold = [];
for (let i = 0; i < 5; i++) {
  await page.goto('about:blank');
  await page.goto(server.url + '#/records');
  await page.locator('table.records tbody tr').first().waitFor({ timeout: 60000 });
  cold.push(await page.evaluate(() => performance.now()));
}

// From the catalogue to the ledger, inside the app: the first time in a page, and again.
const toLedger = () => page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const obs = new MutationObserver(() => {
      if (document.querySelector('table.records tbody tr')) {
        obs.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    obs.observe(document.body, { childList: true, subtree: true });
    document.querySelector('a[href="#/records"]').click();
  }));
const inApp = [];
const again = [];
for (let i = 0; i < 5; i++) {
  await page.goto('about:blank'); // a new page: the hash alone would not load it again
  await page.goto(server.url + '#/catalogue');
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor({ timeout: 60000 });
  inApp.push(await toLedger());
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor({ timeout: 60000 });
  again.push(await toLedger());
}

// Filter keystrokes: type words one character at a time.
const typed = ['幸福社区', '东村', '开展', '财务预决算', '第99号'];
const dom = [];
const paint = [];
for (const word of typed) {
  const r = await page.evaluate((word) => new Promise(async (resolve) => {
    const input = document.getElementById('ledger-text');
    const range = () => document.querySelector('.range, .ledger .empty')?.textContent;
    const out = [];
    for (const prefix of [...word].map((_, i) => word.slice(0, i + 1)).concat([''])) {
      const before = range();
      const t = performance.now();
      let tDom = null;
      await new Promise((done) => {
        const obs = new MutationObserver(() => { if (range() !== before && tDom === null) { tDom = performance.now() - t; } });
        obs.observe(document.querySelector('.ledger'), { childList: true, subtree: true, characterData: true });
        input.value = prefix;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        setTimeout(() => requestAnimationFrame(() => setTimeout(() => { obs.disconnect(); out.push([tDom ?? performance.now() - t, performance.now() - t]); done(); }, 0)), 0);
      });
    }
    resolve(out);
  }), word);
  for (const [d, p] of r) { dom.push(d); paint.push(p); }
}

const client = await context.newCDPSession(page);
await client.send('HeapProfiler.collectGarbage');
await client.send('Performance.enable');
const metrics = Object.fromEntries((await client.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
// Every WebAssembly.Memory in the page (each wasm module loaded has one).
const { result: proto } = await client.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
const { objects } = await client.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
const { result: sizes } = await client.send('Runtime.callFunctionOn', {
  objectId: objects.objectId,
  functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
  returnByValue: true,
});
const wasmBytes = sizes.value;

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
console.log(`ledger benchmark: ${seeded} records, headless Chromium, release build served with gzip`);
console.log(`open ledger, cold page load to first rows   median ${fmt(median(cold))}   (runs: ${cold.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`open ledger from the catalogue, first time  median ${fmt(median(inApp))}   (runs: ${inApp.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`open ledger from the catalogue, again       median ${fmt(median(again))}   (runs: ${again.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`filter keystroke to updated list (DOM)      median ${fmt(median(dom))}   max ${fmt(Math.max(...dom))}   (${dom.length} keystrokes)`);
console.log(`filter keystroke to next painted frame      median ${fmt(median(paint))}   max ${fmt(Math.max(...paint))}`);
console.log(`memory: JS heap used ${mb(metrics.JSHeapUsedSize)}, wasm linear memories ${wasmBytes.map(mb).join(' + ')}`);
await browser.close();
await server.close();
