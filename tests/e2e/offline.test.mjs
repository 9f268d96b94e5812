// Field readiness: after one visit over the network the app opens and works with the network
// off (records intact, printing and Word export too); a new build is picked up on the next visit
// online, the user is told, and the records are still there. Also: the build ships a
// Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' for scripts, and the app runs
// under it without a single violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import * as h from './helpers.mjs';

let server;
let browser;
let copy;
before(async () => {
  // A copy of the build, so that a "new build" can be put in its place.
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-offline-'));
  fs.cpSync('dist', path.join(copy, 'v1'), { recursive: true });
  server = await serve(path.join(copy, 'v1'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(copy, { recursive: true, force: true });
});

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
}

test('after one visit the app opens and works offline, and a new build is picked up online with records intact', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  await h.startConsultation(page, '健身器材的选址');
  await page.getByLabel('协商议题', { exact: true }).fill('离线时录入的议题');
  await h.waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), '离线时录入的议题');
  // The documents print, and the Word file is made, with no network.
  await page.getByRole('link', { name: '协商议题公示' }).click();
  await page.getByRole('heading', { level: 2, name: '协商议题公示' }).waitFor();
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载Word文件（.docx）' }).click(),
  ]);
  assert.equal(fs.readFileSync(await word.path()).subarray(0, 2).toString(), 'PK');
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.getByRole('row').filter({ hasText: '离线时录入的议题' }), 1);

  // A new build goes up; the next visit online takes it and says so.
  const v2 = path.join(copy, 'v2');
  fs.cpSync(path.join(copy, 'v1'), v2, { recursive: true });
  const index = path.join(v2, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(/name="xieshang-build" content="[^"]+"/, 'name="xieshang-build" content="newbuild0002"'));
  const sw = path.join(v2, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const BUILD = "[^"]+";/, 'const BUILD = "newbuild0002";'));
  server.setRoot(v2);
  await context.setOffline(false);
  await page.reload();
  const told = page.getByRole('status').filter({ hasText: '工作台已更新到新版本' });
  await told.waitFor();
  await h.expectCount(page.getByRole('row').filter({ hasText: '离线时录入的议题' }), 1);
  await page.getByRole('button', { name: '知道了' }).click();
  await h.expectCount(told, 0);
  // The new service worker takes over and keeps the new build for the next time offline.
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.includes('xieshang-newbuild0002') && keys.length === 1;
  }, null, { timeout: 15000 });
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await h.expectCount(page.getByRole('row').filter({ hasText: '离线时录入的议题' }), 1);
  assert.deepEqual(violations, []);
  await context.close();
});

test('the build ships a Content-Security-Policy with no inline or eval scripts, and the app runs under it', async () => {
  const html = fs.readFileSync('dist/index.html', 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, 'a CSP in index.html');
  const script = /script-src ([^;]+)/.exec(csp)[1];
  assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"), script);
  assert.ok(script.includes("'wasm-unsafe-eval'"));
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script');

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  const evil = '<img src=x onerror="window.__pwned=1">';
  await h.startConsultation(page, '公共部位设施修缮');
  await page.getByLabel('协商议题', { exact: true }).fill(evil);
  await h.waitSaved(page);
  for (const doc of ['协商议题公示', '城乡社区协商归档表']) {
    await page.getByRole('link', { name: doc }).click();
    await page.getByRole('heading', { level: 2, name: doc }).waitFor();
  }
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  // The ledger's own row (not a row of the document page still on screen a moment before).
  await page.locator('table.records').getByRole('row').filter({ hasText: evil }).waitFor();
  await page.getByRole('link', { name: '事项清单' }).click();
  await page.getByRole('heading', { level: 2, name: '本县（市）协商事项清单' }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(violations, []);
  await context.close();
});

test('on a slow connection the page shows its loading message at once, then the catalogue as a first view, then the app', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50000, uploadThroughput: 50000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.url, { waitUntil: 'commit' });
  const loading = page.getByRole('status').filter({ hasText: '正在加载' });
  await loading.waitFor({ timeout: 5000 });
  // Still loading the app: the message is what the user sees, not a blank page.
  await h.expectCount(page.getByRole('button', { name: '发起协商' }), 0, 0);
  // Then, the app's module still on its way, the catalogue (the first view), saying so.
  await page.locator('div#xs-first').getByRole('button', { name: '发起协商' }).first().waitFor({ timeout: 30000 });
  assert.match(await loading.textContent(), /^工作台正在加载，可先查看协商事项清单。$/);
  // Then the app's own page, and no loading line.
  await page.locator('#app').getByRole('button', { name: '发起协商' }).first().waitFor({ timeout: 90000 });
  await h.expectCount(page.locator('#xs-first'), 0, 0);
  await h.expectCount(loading, 0);
  await context.close();
});

test('the service worker keeps the app for offline use without competing with what the user asked for', async () => {
  // A line of 2 Mbit/s shared by every request (bench/first-task.mjs's), so that downloads take
  // long enough to be seen overlapping or not.
  const slow = await serve(path.join(copy, 'v1'), { slow: { kbps: 2000, rtt: 50 } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  const at = () => performance.now();
  context.on('request', (r) => seen.push({ url: new URL(r.url()).pathname, worker: r.serviceWorker() != null, start: at(), request: r }));
  context.on('requestfinished', (r) => { const s = seen.find((x) => x.request === r); if (s) s.end = at(); });
  try {
    await page.goto(slow.url);
    await page.getByRole('button', { name: '发起协商' }).first().waitFor({ timeout: 60000 });
    // Registered only once the app's own module is in: nothing of the worker's before it.
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r != null), null, { timeout: 30000 });
    const appWasm = seen.find((s) => /\/xieshang-[0-9a-f]+_bg\.wasm$/.test(s.url) && !s.worker);
    assert.ok(appWasm?.end, 'the app’s module was fetched');
    const script = seen.find((s) => s.url.endsWith('/sw.js'));
    // (Playwright hears of a download's end a few milliseconds after the page does: 200 ms of
    // slack, on a download of two seconds.)
    assert.ok(script && script.start > appWasm.end - 200, 'the worker is registered after the app’s module is in');
    // While the worker fetches what it keeps, the user opens a bureau page: the page's download of
    // the extras module goes first; the worker starts nothing new until it is in.
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r?.installing != null), null, { timeout: 30000 });
    await page.getByRole('link', { name: '汇总分析' }).click();
    await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor({ timeout: 60000 });
    const mine = seen.find((s) => /\/extras-[0-9a-f]+_bg\.wasm$/.test(s.url) && !s.worker);
    assert.ok(mine?.end, 'the page fetched the extras module itself');
    // The page tells the worker it is busy as the download starts (a message, so allow 300 ms).
    const meanwhile = seen.filter((s) => s.worker && s.start > mine.start + 300 && s.start < mine.end);
    assert.deepEqual(meanwhile.map((s) => s.url), [], 'the worker waited while the page fetched its module');
    // And once the page is idle, it finishes: everything kept, the app works offline.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60000 });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
  } finally {
    await context.close();
    await slow.close();
  }
});
