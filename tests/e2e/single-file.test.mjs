// The one-file build, opened from file:// as a bureau would from a USB stick: it runs, stores
// records, exports, prints and makes Word files, with no server and no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';
import * as h from './helpers.mjs';

let browser;
let dir;
let file;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-single-'));
  file = path.join(dir, 'U盘', '协商工作台.html');
  execFileSync('node', ['scripts/single.mjs', 'dist', file], { stdio: 'ignore' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the single HTML file runs from file://, keeps records, exports, prints and makes Word files', async () => {
  const html = fs.readFileSync(file, 'utf8');
  // One file: nothing is loaded from beside it.
  assert.ok(!/<(script|link)[^>]+(src|href)=/.test(html), 'no external script or stylesheet');
  assert.ok(!/<body>[\s\S]*id="xs-first"/.test(html), 'no first view: the file opens from the disk at once');
  // Its own policy: only its one script, by hash; workers only from blob:.
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  // Its two inline scripts (the browser check and the app), by hash, and nothing else.
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  const scripts = /script-src ([^;]+)/.exec(csp)[1];
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), scripts);
  const context = await browser.newContext({ acceptDownloads: true, offline: true });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  await h.startConsultation(page, '物业公司选聘');
  await page.getByLabel('协商议题', { exact: true }).fill('U盘版本中录入的议题');
  await h.waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), 'U盘版本中录入的议题');

  await page.getByRole('link', { name: '协商议题公示' }).click();
  await page.getByRole('heading', { level: 2, name: '协商议题公示' }).waitFor();
  const pdf = path.join(dir, 'publicity.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(text.includes('U盘版本中录入的议题') && text.includes('校验码'));
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载Word文件（.docx）' }).click(),
  ]);
  assert.equal(fs.readFileSync(await word.path()).subarray(0, 2).toString(), 'PK');

  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(exported.records.length, 1);
  assert.equal(exported.records[0].record.values.topic.value, 'U盘版本中录入的议题');
  assert.deepEqual(violations, []);
  await context.close();
});
