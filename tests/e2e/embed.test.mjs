// The app inside portals: mounted by embed.js into a host page under a sub-path with hostile CSS
// (styles do not cross either way; a stage completed and an export reach the host as events), and
// in an iframe on another origin, where only the parent's messages are read and forged ones are
// ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import * as h from './helpers.mjs';

let browser;
let tmp;
const servers = [];
before(async () => {
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-embed-'));
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const HOSTILE_CSS = `
  html { font-size: 10px; }
  * { color: rgb(255, 0, 0) !important; font-size: 40px !important; letter-spacing: 6px !important; }
  button, a, input, select { display: none !important; }
  h2 { text-transform: uppercase; }
  p.host { margin: 7px; }
  #consultation, div { --ink: rgb(255, 0, 0) !important; --accent: rgb(0, 255, 0) !important; }
`;

async function completeStage1(target) {
  await h.startConsultation(target, '门禁改造、视频监控、电子快递柜、充电桩设立');
  await h.fillStage1(target);
  await target.getByRole('button', { name: '完成本阶段' }).click();
  await target.getByRole('heading', { level: 2, name: /第2阶段/ }).waitFor();
}

test('mounted into a portal page under a sub-path with hostile CSS: styles stay apart, events reach the host', async () => {
  const host = path.join(tmp, 'portal.html');
  fs.writeFileSync(host, `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某县门户</title><style>${HOSTILE_CSS}</style></head>
<body>
<p class="host" id="host-para">门户网站的栏目内容</p>
<div id="consultation"></div>
<script type="module">
  import { mount } from './xieshang/embed.js';
  window.__events = [];
  const el = document.getElementById('consultation');
  for (const type of ['stage-completed', 'export-produced', 'ready']) {
    el.addEventListener('xieshang:' + type, (e) => window.__events.push(['event', type, e.detail]));
  }
  window.__app = await mount(el, {
    namespace: 'portal', start: 'catalogue', lang: 'zh',
    onEvent: (type, detail) => window.__events.push(['callback', type, detail]),
  });
</script>
</body></html>`);
  const server = await serve('dist', { prefix: '/portal/some/path/xieshang/', files: { '/portal/some/path/': host } });
  servers.push(server);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url.replace(/xieshang\/$/, ''));
  const heading = page.getByRole('heading', { level: 2, name: '协商事项目录' });
  await heading.waitFor();
  // The host's CSS does not reach into the app…
  const style = await heading.evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: s.fontSize, color: s.color, spacing: s.letterSpacing, transform: s.textTransform };
  });
  assert.equal(style.size, '20px');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.equal(style.spacing, 'normal');
  assert.equal(style.transform, 'none');
  assert.ok(await page.getByRole('button', { name: '发起协商' }).first().isVisible());
  // …and the app's CSS does not reach the host.
  const hostPara = await page.locator('#host-para').evaluate((el) => ({ margin: getComputedStyle(el).margin, size: getComputedStyle(el).fontSize }));
  assert.deepEqual(hostPara, { margin: '7px', size: '40px' });
  // Its own storage namespace.
  assert.ok((await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).includes('xieshang-portal'));

  await completeStage1(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
  ]);
  assert.equal(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).records.length, 1);
  const events = await page.evaluate(() => window.__events);
  for (const via of ['event', 'callback']) {
    assert.ok(events.some(([v, type, d]) => v === via && type === 'stage-completed' && d.stage === 's1' && d.record && d.training === false), `${via} stage-completed`);
    assert.ok(events.some(([v, type, d]) => v === via && type === 'export-produced' && d.file.endsWith('.json')), `${via} export-produced`);
  }
  // Unmounting takes the app away and leaves the host page as it was.
  await page.evaluate(() => window.__app.unmount());
  await h.expectCount(page.getByRole('heading', { level: 2, name: '协商台账' }), 0);
  assert.equal(await page.locator('#host-para').innerText(), '门户网站的栏目内容');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in an iframe on another origin: events go to the named parent only, and forged messages are ignored', async () => {
  const app = await serve('dist');
  servers.push(app);
  const appOrigin = new URL(app.url).origin;
  const evilDir = path.join(tmp, 'evil');
  fs.mkdirSync(evilDir);
  fs.writeFileSync(path.join(evilDir, 'index.html'), '<!doctype html><meta charset="utf-8"><p>另一个网站</p>');
  const evil = await serve(evilDir);
  servers.push(evil);
  const hostDir = path.join(tmp, 'host');
  fs.mkdirSync(hostDir);
  const hostServer = await serve(hostDir);
  servers.push(hostServer);
  const hostOrigin = new URL(hostServer.url).origin;
  const evilOrigin = new URL(evil.url).origin;
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>门户</title>
<style>iframe { width: 1100px; height: 900px; }</style>
<iframe id="app" title="协商工作台" src="${app.url}?parent=${encodeURIComponent(hostOrigin)}#/catalogue"></iframe>
<iframe id="wrong" title="错误的父页面" src="${app.url}?parent=${encodeURIComponent(evilOrigin)}#/catalogue"></iframe>
<iframe id="evil" title="别的网站" src="${evil.url}"></iframe>
<script>
  window.__events = [];
  addEventListener('message', (e) => window.__events.push({ origin: e.origin, from: e.source === frames[0] ? 'app' : e.source === frames[1] ? 'wrong' : 'other', data: e.data }));
</script>`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(hostServer.url);
  const frame = page.frameLocator('#app');
  await frame.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  await page.frameLocator('#wrong').getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  await page.waitForFunction(() => window.__events.some((e) => e.data?.type === 'ready'));

  // A forged message from another origin's frame is ignored.
  const evilFrame = page.frames().find((f) => f.url().startsWith(evil.url));
  await evilFrame.evaluate(() => parent.frames[0].postMessage({ type: 'navigate', route: 'settings' }, '*'));
  await page.waitForTimeout(300);
  await frame.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  const appFrame = page.frames().find((f) => f.url().startsWith(app.url) && f.url().includes(encodeURIComponent(hostOrigin)));
  assert.match(appFrame.url(), /#\/catalogue$/);
  // The parent's own message is read.
  await page.evaluate((origin) => document.getElementById('app').contentWindow.postMessage({ type: 'navigate', route: 'records' }, origin), appOrigin);
  await frame.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();

  // A stage completed in the iframe reaches the parent, from the app's origin.
  await frame.getByRole('link', { name: '协商事项目录' }).click();
  await completeStage1(frame);
  await page.waitForFunction(() => window.__events.some((e) => e.data?.type === 'stage-completed'));
  const events = await page.evaluate(() => window.__events);
  const completed = events.find((e) => e.data?.type === 'stage-completed');
  assert.equal(completed.origin, appOrigin);
  assert.equal(completed.from, 'app');
  assert.equal(completed.data.source, 'xieshang');
  assert.equal(completed.data.detail.stage, 's1');
  // The frame told another origin is its parent sends nothing the host can read.
  assert.equal(events.filter((e) => e.from === 'wrong').length, 0);
  await context.close();
});

test('a portal names its county’s list: a browser with no list yet takes it up', async () => {
  // The county's list file, made with the app itself.
  const plain = await serve('dist');
  servers.push(plain);
  const maker = await browser.newContext({ acceptDownloads: true });
  const page = await maker.newPage();
  await page.goto(plain.url + '#/list');
  await page.getByLabel('县（市）名称').fill('昌吉市');
  await page.getByLabel('我是县（市）民政部门的工作人员，要编制的是全县（市）的清单').check();
  await page.getByRole('button', { name: '以模板为基础编制本县清单' }).click();
  await page.getByRole('status').filter({ hasText: '昌吉市城乡社区协商事项指导目录清单　第1版' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出清单（JSON）' }).click(),
  ]);
  const listFile = path.join(tmp, 'changji-list.json');
  await download.saveAs(listFile);
  await maker.close();

  const host = path.join(tmp, 'portal-list.html');
  fs.writeFileSync(host, `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>昌吉市门户</title></head>
<body><div id="consultation"></div>
<script type="module">
  import { mount } from './xieshang/embed.js';
  await mount(document.getElementById('consultation'), { namespace: 'changji', list: 'lists/changji.json' });
</script></body></html>`);
  const server = await serve('dist', {
    prefix: '/portal/xieshang/',
    files: { '/portal/': host, '/portal/lists/changji.json': listFile },
  });
  servers.push(server);
  const context = await browser.newContext();
  const portal = await context.newPage();
  const errors = [];
  portal.on('pageerror', (e) => errors.push(String(e)));
  await portal.goto(server.url.replace(/xieshang\/$/, ''));
  // The catalogue is the county's (its title over the categories).
  await portal.getByText('昌吉市城乡社区协商事项指导目录清单', { exact: true }).waitFor();
  assert.ok(await portal.getByRole('button', { name: '发起协商' }).first().isVisible());
  // Taken up once: the list page shows it as this browser's list, with its version.
  await portal.goto(server.url.replace(/xieshang\/$/, '') + '#/list');
  await portal.getByRole('status').filter({ hasText: '昌吉市城乡社区协商事项指导目录清单　第1版' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('mounted again and again by its host, the app still keeps its clicks apart from the bureau page’s', async () => {
  const host = path.join(tmp, 'portal-remount.html');
  fs.writeFileSync(host, `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head>
<body><div id="consultation"></div>
<script type="module">
  import { mount } from './xieshang/embed.js';
  const el = document.getElementById('consultation');
  let app = await mount(el, { namespace: 'remount', start: 'records' });
  // A single-page portal mounting the app on each visit to its page: 101 mounts (Yew numbers this tree 101).
  for (let i = 0; i < 100; i++) { app.unmount(); app = await mount(el, { namespace: 'remount', start: 'records' }); }
  window.__mounted = true;
</script></body></html>`);
  const server = await serve('dist', { prefix: '/portal/xieshang/', files: { '/portal/': host } });
  servers.push(server);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url.replace(/xieshang\/$/, ''));
  await page.waitForFunction(() => window.__mounted === true);
  // One record, so that the ledger has its table and sort buttons.
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await h.startConsultation(page, '门禁改造');
  await page.getByLabel('协商议题', { exact: true }).fill('北门门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  const sorted = () => page.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').allInnerTexts();
  await page.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').first().waitFor();
  const before = await sorted();
  assert.equal(before.length, 1);
  // Clicks in the extras panel (export, then an import preview cancelled) are the panel's only.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
  ]);
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(await file.path());
  const preview = page.getByRole('region', { name: /导入预览/ });
  await preview.waitFor();
  await preview.getByRole('button', { name: '取消' }).click();
  await preview.waitFor({ state: 'detached' });
  assert.deepEqual(await sorted(), before, 'the ledger’s sort is untouched');
  // A bureau page (the extras module) goes in its own element beside the app's root, in the same
  // shadow root, never inside the app's tree; its clicks act on it, and through the bridge on the
  // app (training mode), as often as the host mounted the app.
  await page.evaluate(() => { location.hash = '#/training'; });
  await page.getByRole('heading', { level: 2, name: '培训练习' }).waitFor();
  const placed = await page.evaluate(() => {
    const root = document.getElementById('consultation').shadowRoot;
    return { beside: root.querySelectorAll('.xs-root + .xs-extras').length, inside: root.querySelectorAll('.xs-root .xs-extras').length };
  });
  assert.deepEqual(placed, { beside: 1, inside: 0 });
  await page.getByRole('button', { name: '进入培训练习' }).first().click();
  await page.getByRole('note', { name: '培训练习' }).waitFor();
  await page.getByRole('button', { name: '退出培训练习' }).first().click();
  await h.expectCount(page.getByRole('note', { name: '培训练习' }), 0);
  await context.close();
});
