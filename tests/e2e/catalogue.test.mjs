// A new user opens the release build and finds the catalogue, as a person would: by the Chinese
// headings and labels on screen and the roles of the controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const app = withApp();

const CATEGORIES = ['制度建设类', '公共事务类', '为民服务类', '公益事业类', '民主监督类', '村（居）务管理类', '党务服务管理', '其他类'];

test('a new user opens the app and sees the catalogue grouped by category, in Chinese', async () => {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: '城乡社区协商工作台' }).waitFor();
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  for (const name of CATEGORIES) {
    assert.ok(await page.getByRole('heading', { level: 3, name, exact: true }).isVisible(), `category ${name}`);
  }
  assert.ok(await page.getByRole('heading', { level: 3, name: /模板未标注类别/ }).isVisible());
  await h.expectCount(page.getByRole('row').filter({ hasText: '门禁改造、视频监控、电子快递柜、充电桩设立' }), 1);
  // The template's flaws are visible where they are.
  const budget = page.getByRole('row').filter({ hasText: '财务预决算' });
  await h.expectCount(budget, 2);
  for (let i = 0; i < 2; i++) assert.match(await budget.nth(i).innerText(), /重复事项/);
  assert.match(await page.getByRole('row').filter({ hasText: '集体资产处置' }).innerText(), /无序号/);
  assert.match(await page.getByRole('row').filter({ hasText: '行业服务设施建设' }).innerText(), /多余标点/);
  await h.expectCount(page.getByRole('row').filter({ hasText: '（空行，待县（市）补充）' }), 6);
  assert.deepEqual(errors, []);
  await page.close();
});

test('typing in the search box narrows the list to matching matters', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const search = page.getByRole('searchbox', { name: '查找事项' });
  await search.fill('充电桩');
  await page.getByRole('heading', { level: 3, name: '公益事业类' }).waitFor();
  const rows = page.locator('tbody tr');
  await h.expectCount(rows, 1);
  assert.match(await rows.first().innerText(), /门禁改造、视频监控、电子快递柜、充电桩设立/);
  await search.fill('物业');
  await h.expectCount(page.locator('tbody tr'), 2);
  await search.fill('没有这个事项');
  await page.getByRole('status').filter({ hasText: '没有找到相符的事项。' }).waitFor();
  await page.close();
});

test('the page fits a 360 px wide phone without sideways scrolling', async () => {
  const page = await app.browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.close();
});

test('the catalogue opens at its top from another page', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/records');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});
