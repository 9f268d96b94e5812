// Every screen checked by axe-core (npm) for WCAG 2.1 A and AA: the catalogue, each stage of the
// editor, both ledgers, settings, the county's list, training, the overview and every print view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const app = withApp();
const AXE = path.resolve('node_modules/axe-core/axe.min.js');

/** The WCAG 2.1 A/AA violations axe finds on the page as it is, in words. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''}`);
  });
  return found;
}

test('axe finds no WCAG 2.1 A/AA violation on any screen', async () => {
  // The app's policy allows only its own scripts: axe is put in past it.
  const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const report = [];
  const check = async (screen) => {
    for (const v of await violations(page)) report.push(`${screen}: ${v}`);
  };
  await page.goto(app.server.url);
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  await check('协商事项目录');

  await h.startConsultation(page, '门禁改造');
  await h.fillStage1(page);
  await check('第1阶段');
  await h.completeStage(page, '第2阶段');
  await h.fillStage2(page);
  await check('第2阶段');
  await h.completeStage(page, '第3阶段');
  await h.fillStage3(page);
  await check('第3阶段');
  await h.completeStage(page, '第4阶段');
  await h.fillStage4(page);
  await check('第4阶段');
  await h.completeStage(page, '第5阶段');
  await check('第5阶段');
  await h.waitSaved(page);
  const record = page.url().replace(/\/s\d$/, '');
  for (const doc of ['协商议题公示', '协商议事记录', '协商成果公示', '督办公函', '城乡社区协商归档表', '协商记录修改明细']) {
    await page.goto(record);
    await page.getByRole('navigation', { name: '打印文书' }).getByRole('link', { name: doc }).click();
    await page.getByRole('button', { name: '打印' }).waitFor();
    await check(`打印：${doc}`);
  }
  for (const [hash, heading] of [['#/records', '协商台账'], ['#/opinions', '群众意见台账'], ['#/settings', null], ['#/list', null], ['#/training', null], ['#/overview', null], ['#/verify', '核验文书'], ['#/supervise', '督办：协商成果落实情况']]) {
    await page.goto(app.server.url + hash);
    if (heading) await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    else await page.getByRole('heading', { level: 2 }).first().waitFor();
    await check(hash);
  }
  // On a 360 px phone the ledger's table scrolls sideways: it says so (a shadow at the side where
  // more is) and can be scrolled from the keyboard (a named, focusable group).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(app.server.url + '#/records');
  const wrap = page.getByRole('group', { name: '协商台账（表格）' });
  await wrap.waitFor();
  assert.ok(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table is wider than the screen');
  assert.equal(await wrap.getAttribute('tabindex'), '0');
  assert.match(await wrap.evaluate((el) => getComputedStyle(el).backgroundImage), /radial-gradient/);
  await check('协商台账（360像素）');
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(app.server.url + '#/training');
  await page.getByRole('link', { name: '打印空白核对表' }).click();
  await page.getByRole('heading', { level: 2, name: '城乡社区协商程序核对表' }).waitFor();
  await check('打印空白核对表');
  assert.deepEqual(report, []);
  await context.close();
});

test('the first Tab reaches 跳到正文, which leads past the header to the page’s content', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/records');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  assert.ok((await skip.boundingBox()).y >= 0, 'in view once focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.match(page.url(), /#\/records$/, 'the route stays');
  await context.close();
});
