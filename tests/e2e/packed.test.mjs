// The wasm modules travel packed with xz (scripts/postbuild.mjs `pack`, scripts/modules.js): each
// packed copy unpacks, with the decoder the page runs, to its plain module byte for byte; the
// page, the bureau module and the Word worker ask only for the packed copies (and the service
// worker keeps only those); and when a packed copy cannot be had, the plain module is fetched and
// the app works all the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import * as h from './helpers.mjs';

const require = createRequire(import.meta.url);
const PLAIN = /^(xieshang-[0-9a-f]+|extras-[0-9a-f]+|docx-worker)_bg\.wasm$/;

test('each packed module unpacks, with the page\'s own decoder, to its plain module; smaller than gzip makes it', async () => {
  const { XzReadableStream } = require('xz-decompress');
  const plain = fs.readdirSync('dist').filter((f) => PLAIN.test(f)).sort();
  assert.equal(plain.length, 3, `three wasm modules: ${plain.join(', ')}`);
  assert.deepEqual(fs.readdirSync('dist/xz').sort(), plain);
  for (const f of plain) {
    const packed = fs.readFileSync(path.join('dist/xz', f));
    const unpacked = Buffer.from(await new Response(new XzReadableStream(new Blob([packed]).stream())).arrayBuffer());
    assert.ok(unpacked.equals(fs.readFileSync(path.join('dist', f))), `xz/${f} unpacks to ${f}`);
    const gzip = zlib.gzipSync(unpacked, { level: 9 }).length;
    assert.ok(packed.length < 0.85 * gzip, `xz/${f}: ${packed.length} bytes against gzip's ${gzip}`);
  }
  // The page asks for the app's packed module at once; the service worker keeps the packed ones.
  const html = fs.readFileSync('dist/index.html', 'utf8');
  const app = plain.find((f) => f.startsWith('xieshang-'));
  assert.ok(html.includes(`<link rel="preload" href="./xz/${app}" crossorigin="anonymous" as="fetch">`), 'index.html preloads the packed module');
  assert.ok(!html.includes(`"./${app}"`), 'index.html does not name the plain module');
  const sw = fs.readFileSync('dist/sw.js', 'utf8');
  const kept = JSON.parse(/const FILES = (\[[\s\S]*?\]);/.exec(sw)[1]);
  for (const f of plain) {
    assert.ok(kept.includes(`./xz/${f}`), `sw.js keeps xz/${f}`);
    assert.ok(!kept.includes(`./${f}`), `sw.js does not keep the plain ${f}`);
  }
});

test('the page, the bureau module and the Word worker fetch their wasm packed; the plain modules are never asked for', async () => {
  const server = await serve('dist');
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await h.startConsultation(page, '门禁改造');
    await page.getByLabel('议题说明').fill('北门门禁改造');
    await h.waitSaved(page);
    await page.getByRole('link', { name: '协商台账', exact: true }).click();
    await page.locator('table.records tbody tr').filter({ hasText: '门禁改造' }).getByRole('link').first().click();
    await page.getByRole('navigation', { name: /打印文书|文书/ }).getByRole('link', { name: '协商议题公示' }).click();
    await page.getByRole('heading', { name: '协商议题公示' }).first().waitFor();
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载Word文件（.docx）' }).click()]);
    assert.equal(fs.readFileSync(await word.path()).subarray(0, 2).toString(), 'PK', 'the Word file is a zip');
    // The service worker has kept what it keeps (its cache is complete when it activates).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
    const asked = server.asked();
    for (const name of ['xieshang-', 'extras-', 'docx-worker']) {
      assert.ok(asked.some((p) => p.startsWith('/xz/' + name)), `${name} fetched packed: ${asked.join(' ')}`);
    }
    assert.deepEqual(asked.filter((p) => PLAIN.test(path.basename(p)) && !p.startsWith('/xz/')), [], 'no plain module asked for');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a packed module that cannot be had: the plain one is fetched, and the app and its bureau pages work', async () => {
  const server = await serve('dist');
  const browser = await launch();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // A proxy that mangles the packed copies, and a server that lacks them.
    await page.route(/\/xz\/xieshang-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not xz at all') }));
    await page.route(/\/xz\/extras-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(server.url);
    await h.startConsultation(page, '门禁改造');
    await page.getByLabel('议题说明').fill('北门门禁改造');
    await h.waitSaved(page);
    await page.goto(server.url + '#/training');
    await page.getByRole('heading', { level: 2, name: '培训练习' }).waitFor();
    const asked = server.asked();
    for (const name of ['xieshang-', 'extras-']) {
      assert.ok(asked.some((p) => new RegExp(`^/${name}[0-9a-f]+_bg\\.wasm$`).test(p)), `the plain ${name} module fetched: ${asked.join(' ')}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
