// The bureau's tools (the documents of a record and their Word files, the county's list,
// training, the overview, 核验文书) live in a second wasm module (ui/extras.rs), mounted once in
// its own element beside the app's: a village's first task (the catalogue, 发起协商, the editor,
// the ledgers, 督办, 设置) never downloads it; the first bureau page does, once; when it cannot
// be fetched the page says so and offers to try again; and a click inside either module stays in
// that module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const app = withApp();
const EXTRAS = /\/extras-[0-9a-f]+(_bg\.wasm|\.js)(\?.*)?$/;

/** One record made in the editor, exported from the ledger and chosen again for import: the
 * preview on screen. Returns the exported file's path and the preview region. */
async function previewOwnExport(page) {
  await page.goto(app.server.url);
  await h.startConsultation(page, '门禁改造');
  await page.getByLabel('议题说明').fill('北门门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
  ]);
  const file = await download.path();
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(file);
  const preview = page.getByRole('region', { name: /导入预览/ });
  await preview.waitFor();
  return { file, preview };
}

test('the first task fetches no bureau module; the first bureau page fetches it once', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const extras = () => fetched.filter((p) => EXTRAS.test(p));

  await page.goto(app.server.url);
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  await page.getByLabel('查找事项').fill('门禁');
  // 发起协商, the editor, the ledgers, 督办 and 设置: all in the app's own module.
  await h.startConsultation(page, '门禁改造');
  await page.getByLabel('议题说明').fill('北门门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await h.expectCount(page.locator('table.records tbody tr').filter({ hasText: '门禁改造' }), 1);
  for (const [link, heading] of [['群众意见台账', '群众意见台账'], ['督办', '督办'], ['设置', '设置']]) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
  }
  await page.waitForLoadState('networkidle');
  assert.deepEqual(extras(), [], 'the first task fetches no bureau module');

  // A document of the record: the module comes, once; then the other bureau pages.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.locator('table.records tbody tr').filter({ hasText: '门禁改造' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  await page.getByRole('navigation', { name: /打印文书|文书/ }).getByRole('link', { name: '协商议题公示' }).click();
  await page.getByRole('heading', { name: '协商议题公示' }).first().waitFor();
  assert.equal(extras().length, 2, 'the extras glue and wasm, once each');
  // The page is in the module's own element, beside the app's root, never inside it.
  assert.equal(await page.locator('#app .xs-extras, #app .document').count(), 0);
  assert.equal(await page.locator('#app + .xs-extras .document').count(), 1);
  await page.getByRole('link', { name: '汇总分析' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
  await page.getByRole('link', { name: '培训练习' }).click();
  await page.getByRole('heading', { level: 2, name: '培训练习' }).waitFor();
  // Back on the app's pages, the bureau page is gone (one <main>, the app's).
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await h.expectCount(page.locator('main'), 1);
  assert.equal(await page.locator('.xs-extras main').count(), 0);
  assert.equal(extras().length, 2);
  await context.close();
});

test('with the bureau module unreachable, a record is started, edited and listed all the same', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(EXTRAS, (route) => route.abort('internetdisconnected'));
  await page.goto(app.server.url);
  await h.startConsultation(page, '门禁改造');
  // The focus went to the page (the button pressed is gone), at its top.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.equal(await page.evaluate(() => scrollY), 0);
  await page.getByLabel('协商议题', { exact: true }).fill('单元门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.locator('table.records tbody tr').filter({ hasText: '门禁改造' }), 1);
  assert.equal(await page.getByRole('alert').filter({ hasText: '无法下载' }).count(), 0);
  await context.close();
});

test('a click inside each module stays in that module', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/training');
  await page.getByRole('heading', { level: 2, name: '培训练习' }).waitFor();
  // Clicks on the bureau page: its own buttons act, and nothing of the app's (the language switch,
  // the training band, the navigation) reacts to them.
  await page.getByRole('button', { name: '进入培训练习' }).first().click();
  await page.getByRole('note', { name: '培训练习' }).waitFor();
  await page.getByRole('button', { name: '清除全部培训数据' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  await page.locator('.xs-extras h2').first().click();
  assert.equal(new URL(page.url()).hash, '#/training');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await h.expectCount(page.getByRole('note', { name: '培训练习' }), 1);
  // Clicks on the app's own controls act on the app (and the page follows), none on the bureau's.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Training' }).waitFor();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { level: 2, name: '培训练习' }).waitFor();
  await page.getByRole('button', { name: '退出培训练习' }).first().click();
  await h.expectCount(page.getByRole('note', { name: '培训练习' }), 0);
  await h.expectCount(page.getByRole('button', { name: '确认清除' }), 0);
  assert.equal(new URL(page.url()).hash, '#/training');
  await context.close();
});

test('a bureau page reached from another page has the focus, and keeps it; opened by its address, Tab starts at the skip link', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const onMain = () => page.evaluate(() => document.activeElement?.id === 'main' && document.activeElement.isConnected && document.activeElement.closest('.xs-extras') != null);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  // The first bureau page of the page's life: the module comes, the page's data is read, and the
  // focus given to its <main> stays there.
  await page.getByRole('link', { name: '核验文书' }).click();
  await page.getByRole('heading', { level: 2, name: '核验文书' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  await page.waitForTimeout(500);
  assert.ok(await onMain(), 'the focus is on the bureau page’s main');
  await page.getByRole('link', { name: '汇总分析' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'main' && document.activeElement.closest('.xs-extras') != null);
  // Opened by its address: the page does not move the focus; the first Tab is the skip link's.
  await page.goto(app.server.url + '#/verify');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: '核验文书' }).waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '跳到正文');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main' && document.activeElement.closest('.xs-extras') != null);
  await context.close();
});

test('a document opened straight after an edit shows the edit', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '门禁改造');
  await h.waitSaved(page);
  // Typed, and the document opened at once (before the editor's save, 300 ms later, is due).
  await page.getByLabel('协商议题', { exact: true }).fill('北门门禁改造立即打印');
  await page.getByRole('navigation', { name: /打印文书|文书/ }).getByRole('link', { name: '协商议题公示' }).click();
  await page.locator('.document').getByText('北门门禁改造立即打印').first().waitFor({ timeout: 5000 });
  // And the record is stored as it is on screen.
  await page.getByRole('link', { name: '返回协商记录' }).click();
  await h.waitSaved(page);
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), '北门门禁改造立即打印');
  await context.close();
});

test('when the extras module cannot be fetched the page says so, and 重试 brings the page once it can', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let blocked = true;
  await page.route(EXTRAS, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(app.server.url + '#/overview');
  const alert = page.getByRole('alert').filter({ hasText: '无法下载' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /已保存的记录不受影响/);
  // The rest of the app works meanwhile.
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  await page.getByRole('link', { name: '汇总分析' }).click();
  await alert.waitFor();

  blocked = false;
  await alert.getByRole('button', { name: '重试' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('a click inside the import panel is the panel’s own: cancelling a preview stays on the ledger', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const { file, preview } = await previewOwnExport(page);
  await preview.getByRole('button', { name: '取消' }).click();
  await preview.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).hash, '#/records');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();

  // A preview whose record is deleted here meanwhile is withdrawn, and the user told why.
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(file);
  await preview.waitFor();
  assert.match(await preview.innerText(), /与本机相同1条/);
  await page.locator('table.records').last().getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await page.getByRole('alert').filter({ hasText: '预览已作废' }).waitFor();
  assert.equal(await preview.count(), 0);
  await context.close();
});

test('the keyboard in the extras pages: questions keep the focus, Escape closes, the focus comes back', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id || document.activeElement?.tagName);
  const until = (text) => page.waitForFunction((t) => (document.activeElement?.textContent?.trim() || document.activeElement?.id) === t, text, { timeout: 5000 });

  // Training: the wipe question keeps the focus between its two answers; 取消 gives it back.
  await page.goto(app.server.url + '#/training');
  await page.getByRole('button', { name: '进入培训练习' }).first().click();
  await page.getByRole('button', { name: '清除全部培训数据' }).click();
  await until('取消');
  await page.keyboard.press('Tab');
  await until('确认清除');
  await page.keyboard.press('Shift+Tab');
  await until('取消');
  await page.keyboard.press('Enter');
  await until('清除全部培训数据');
  await page.getByRole('button', { name: '退出培训练习' }).first().click();

  // The import preview takes the focus; Escape closes it and the focus returns to the file input.
  const { preview } = await previewOwnExport(page);
  await until('导入预览：确认前本机数据不会改动');
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'detached' });
  await until('import-file');

  // The county's list: 修改 opens the form on the name; Escape closes it, back on 修改.
  await page.goto(app.server.url + '#/list');
  await page.getByLabel('县（市）名称').fill('玛纳斯县');
  await page.getByLabel('我是县（市）民政部门的工作人员，要编制的是全县（市）的清单').check();
  await page.getByRole('button', { name: '以模板为基础编制本县清单' }).click();
  await page.getByRole('status').filter({ hasText: '第1版' }).first().waitFor();
  const edit = page.getByRole('button', { name: /^修改：/ }).first();
  await edit.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('edit-') && document.activeElement.id.endsWith('-name'), null, { timeout: 5000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('edit-button-'), null, { timeout: 5000 });
  assert.match(await focused(), /修改/);
  await context.close();
});
