// The first view (scripts/prerender.mjs, scripts/first-view.js, ui/first_view.rs): on a first
// visit the catalogue is on screen while the app's module is still on its way, and what the user
// does in it is done by the app once it is in. The module is held back by the test (a route that
// answers only when told), so that "before" is certain, not a race.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await serve('dist');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// A fresh profile whose app module (the wasm) waits until `release()`.
async function held() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/\/xieshang-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  // Whether the copy and the app's own page were ever on the page together.
  await page.addInitScript(() => {
    window.__bothSeen = false;
    window.__copyShown = false;
    new MutationObserver(() => {
      const first = document.getElementById('xs-first');
      if (first?.tagName === 'DIV') window.__copyShown = true;
      if (first?.tagName === 'DIV' && document.querySelector('#app main')) window.__bothSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, page, errors, release };
}

test('first visit: the catalogue is on screen before the app module is in, and 发起协商 pressed there opens that matter', async () => {
  const { context, page, errors, release } = await held();
  await page.goto(server.url);
  const copy = page.locator('#xs-first');
  await page.locator('div#xs-first').waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('button', { name: '发起协商' }).count(), 56, 'every matter and the 其他事项 form');
  assert.match(await page.getByRole('status').textContent(), /工作台正在加载/);
  // A search typed in the copy does not search (the copy has no code), and the matter pressed is
  // the one the user saw.
  await page.getByLabel('查找事项').fill('道路');
  const row = page.getByRole('row', { name: /财务管理规章制度的制订和修改/ });
  await row.getByRole('button', { name: '发起协商' }).click();
  assert.match(await page.getByRole('status').textContent(), /已收到“财务管理规章制度的制订和修改”的“发起协商”/);
  assert.equal(await page.locator('#app main').count(), 0, 'the app has drawn nothing yet');
  release();
  await page.getByLabel('协商议题', { exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), '财务管理规章制度的制订和修改');
  assert.equal(await copy.count(), 0);
  assert.equal(await page.evaluate(() => window.__bothSeen), false, 'the copy and the app never on the page together');
  // The record is real: typed in, it is in the ledger.
  await page.getByLabel('协商议题', { exact: true }).fill('修订村财务管理制度');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '协商台账' }).click();
  await page.getByRole('row').filter({ hasText: '财务管理规章制度的制订和修改' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('first visit: text typed in the copy and the focus are carried into the app, and a form sent there is sent', async () => {
  const { context, page, errors, release } = await held();
  await page.goto(server.url);
  await page.locator('div#xs-first').waitFor({ state: 'visible' });
  // The search box keeps its text and the focus, and the app searches with it.
  await page.getByLabel('查找事项').fill('充电桩');
  release();
  await page.locator('#xs-first').waitFor({ state: 'detached' });
  const search = page.getByLabel('查找事项');
  assert.equal(await search.inputValue(), '充电桩');
  assert.equal(await search.evaluate((e) => e === document.activeElement), true, 'the focus stays in the box');
  await page.waitForFunction(() => document.querySelectorAll('#app tr.matter').length < 10);
  await context.close();

  // 其他事项: a name typed and sent with Enter in the copy starts a record on it.
  const second = await held();
  await second.page.goto(server.url);
  await second.page.locator('div#xs-first').waitFor({ state: 'visible' });
  await second.page.getByLabel('事项名称', { exact: true }).fill('老旧小区加装电梯');
  await second.page.getByLabel('事项名称', { exact: true }).press('Enter');
  assert.match(await second.page.getByRole('status').textContent(), /已收到“老旧小区加装电梯”的“发起协商”/);
  second.release();
  await second.page.getByLabel('协商议题', { exact: true }).waitFor();
  assert.equal(await second.page.getByRole('heading', { level: 2 }).first().textContent(), '老旧小区加装电梯');
  assert.deepEqual([...errors, ...second.errors], []);
  await second.context.close();
});

test('first visit: the language switch pressed in the copy switches the app; a link followed opens its page', async () => {
  const { context, page, release } = await held();
  await page.goto(server.url);
  await page.locator('div#xs-first').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'English' }).click();
  release();
  await page.getByRole('heading', { name: 'Catalogue of matters' }).waitFor();
  await context.close();

  const second = await held();
  await second.page.goto(server.url);
  await second.page.locator('div#xs-first').waitFor({ state: 'visible' });
  await second.page.getByRole('link', { name: '协商台账' }).click();
  // Said once the address has changed (the browser's hashchange comes after the click).
  await second.page.getByRole('status').filter({ hasText: '加载完成后打开所选的页面' }).waitFor();
  second.release();
  await second.page.locator('#xs-first').waitFor({ state: 'detached' });
  await second.page.getByRole('link', { name: '协商台账', exact: true }).and(second.page.locator('[aria-current=page]')).waitFor();
  await second.context.close();
});

test('the copy is never shown where it is not the page the app will draw: a line on which the app is there first, a later visit, another address, a portal\'s frame', async () => {
  const { context, page, release } = await held();
  release();
  await page.goto(server.url);
  await page.locator('#app').getByRole('button', { name: '发起协商' }).first().waitFor();
  await new Promise((r) => setTimeout(r, 3000));
  assert.equal(await page.evaluate(() => window.__copyShown), false, 'the app was there within 2.5 s: no copy');
  assert.equal(await page.locator('#xs-first').count(), 0);
  // The second visit in this browser: the app knows of data the copy does not show.
  const { page: again } = { page: await context.newPage() };
  let wasm;
  const gate = new Promise((r) => { wasm = r; });
  await again.route(/\/xieshang-[0-9a-f]+_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  await again.goto(server.url);
  await again.getByText('正在加载……').waitFor();
  await again.waitForFunction(() => !document.getElementById('xs-first'));
  wasm();
  await context.close();

  for (const address of ['#/records', '?parent=http://127.0.0.1:1']) {
    const other = await held();
    await other.page.goto(server.url + address);
    await other.page.getByText('正在加载……').waitFor();
    await other.page.waitForFunction(() => !document.getElementById('xs-first'));
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(await other.page.evaluate(() => window.__copyShown), false, address);
    other.release();
    await other.context.close();
  }
});

test('first visit: the skip link keeps the address, a press after a link followed is carried out, and a dropped line is said', async () => {
  const { context, page, errors, release } = await held();
  await page.goto(server.url);
  await page.locator('div#xs-first').waitFor({ state: 'visible' });
  // 跳到正文 moves the focus, as in the app; the address stays the catalogue's.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.evaluate(() => [location.hash, document.activeElement.id]), ['', 'main']);
  // A link followed, then a matter pressed: the matter is what the user wants last.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '协商台账' }).click();
  await page.getByRole('status').filter({ hasText: '打开所选的页面' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: '小区重大议事流程、议事规则的制订和修改' });
  await row.getByRole('button', { name: '发起协商' }).click();
  assert.equal(await page.evaluate(() => location.hash), '#/catalogue');
  assert.match(await page.getByRole('status').textContent(), /已收到“小区重大议事流程、议事规则的制订和修改”的“发起协商”/);
  release();
  await page.getByLabel('协商议题', { exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), '小区重大议事流程、议事规则的制订和修改');
  assert.deepEqual(errors, []);
  await context.close();

  // The line drops while the module comes: said, with 刷新页面, instead of loading for ever.
  const dropped = await browser.newContext({ serviceWorkers: 'block' });
  const lost = await dropped.newPage();
  let cut;
  const gate = new Promise((r) => { cut = r; });
  await lost.route(/\/xieshang-[0-9a-f]+_bg\.wasm$/, async (route) => { await gate; await route.abort('connectionreset'); });
  await lost.goto(server.url);
  await lost.locator('div#xs-first').waitFor({ state: 'visible' });
  cut();
  await lost.getByRole('status').filter({ hasText: '工作台未能加载完成（网络中断或过慢）。请检查网络后刷新页面重试。' }).waitFor();
  await lost.getByRole('button', { name: '刷新页面' }).waitFor();
  await dropped.close();
});
