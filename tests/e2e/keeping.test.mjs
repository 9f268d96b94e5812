// Keeping work: two tabs on one record, and storage that fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const app = withApp();

test('two tabs do not lose each other’s edits', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const a = await context.newPage();
  await a.goto(app.server.url);
  await h.startConsultation(a, '邻里纠纷调处');
  await h.waitSaved(a);
  const url = a.url();

  // A second tab on the same record follows what the first saves.
  const b = await context.newPage();
  await b.goto(url);
  await b.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  await a.getByLabel('协商议题', { exact: true }).fill('调处3号楼漏水纠纷');
  await h.waitSaved(a);
  await b.getByText('已载入另一标签页保存的最新版本。').waitFor();
  assert.equal(await b.getByLabel('协商议题', { exact: true }).inputValue(), '调处3号楼漏水纠纷');

  // A tab that cannot hear the other (messages lost) is still never allowed to overwrite it.
  const c = await context.newPage();
  await c.addInitScript(() => { window.BroadcastChannel = undefined; });
  await c.goto(url);
  await c.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  await a.getByLabel('议题说明').fill('楼上卫生间漏水');
  await h.waitSaved(a);
  await c.getByLabel('协商议题', { exact: true }).fill('调处漏水纠纷（C页）');
  const dialog = c.getByRole('alertdialog', { name: '此记录已在另一个标签页或窗口中修改' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /本页的修改尚未保存/);
  // Taking the other version shows A's text; nothing of A's was overwritten.
  await dialog.getByRole('button', { name: /载入另一处的版本/ }).click();
  assert.equal(await c.getByLabel('议题说明').inputValue(), '楼上卫生间漏水');
  assert.equal(await c.getByLabel('协商议题', { exact: true }).inputValue(), '调处3号楼漏水纠纷');

  // Once more, and this time keep this tab's version, knowingly.
  await a.getByLabel('议题说明').fill('楼上卫生间漏水，已持续一月');
  await h.waitSaved(a);
  await c.getByLabel('协商议题', { exact: true }).fill('调处漏水纠纷（以C页为准）');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /保留本页的修改/ }).click();
  await h.waitSaved(c);
  await a.reload();
  await a.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await a.getByLabel('协商议题', { exact: true }).inputValue(), '调处漏水纠纷（以C页为准）');
  await context.close();
});

test('a record deleted in another tab: each tab is told what it holds, and one restores it', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const a = await context.newPage();
  await a.goto(app.server.url);
  await h.startConsultation(a, '邻里纠纷调处');
  await a.getByLabel('协商议题', { exact: true }).fill('调处楼道堆物纠纷');
  await h.waitSaved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await b.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();

  // A print view open in another tab shows what A saves next.
  const id = /#\/record\/([^/]+)/.exec(a.url())[1];
  const print = await context.newPage();
  await print.goto(`${app.server.url}#/record/${id}/print/publicity`);
  await print.getByText('调处楼道堆物纠纷').first().waitFor();
  await a.getByLabel('协商议题', { exact: true }).fill('调处楼道堆物纠纷（三单元）');
  await h.waitSaved(a);
  await print.getByText('调处楼道堆物纠纷（三单元）').first().waitFor();
  await b.getByText('已载入另一标签页保存的最新版本。').waitFor();

  // A fourth tab deletes it from the ledger.
  const ledger = await context.newPage();
  await ledger.goto(app.server.url + '#/records');
  const row = ledger.getByRole('row').filter({ hasText: '调处楼道堆物纠纷（三单元）' });
  await row.getByRole('button', { name: '删除' }).click();
  await ledger.getByRole('button', { name: '确认删除' }).click();
  await row.waitFor({ state: 'detached' });
  await print.getByRole('alert').filter({ hasText: '找不到这条协商记录' }).waitFor();

  // A tab with nothing unsaved is not told that something is unsaved.
  const gone = (page) => page.getByRole('alertdialog', { name: '此记录已在另一个标签页中删除' });
  await gone(a).waitFor();
  assert.match(await gone(a).innerText(), /本页显示的是删除前的内容/);
  assert.doesNotMatch(await gone(a).innerText(), /尚未保存/);
  // A was typing (its focus in 协商议题): the dialog, unasked, leaves the focus where it was, so
  // that keys pressed meanwhile neither go astray nor choose for the user.
  assert.equal(await a.evaluate(() => document.activeElement?.tagName), 'INPUT');
  await a.keyboard.type('续');
  assert.equal(await a.getByLabel('协商议题', { exact: true }).inputValue(), '调处楼道堆物纠纷（三单元）续');
  await gone(a).getByText('本页的修改尚未保存').waitFor();
  // B was not typing: the dialog itself has the focus (not one of its choices).
  await gone(b).waitFor();
  await b.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alertdialog');
  // One that types meanwhile is told its changes are not saved.
  await b.getByLabel('议题说明').fill('B页补充：堆物已清理一半');
  await b.getByText('本页的修改尚未保存').waitFor();

  // A restores the record; the focus goes back to the stage's heading.
  await gone(a).getByRole('button', { name: '按本页内容恢复此记录' }).click();
  await h.waitSaved(a);
  await a.waitForFunction(() => document.activeElement?.id === 'stage-title');
  await ledger.getByRole('row').filter({ hasText: '调处楼道堆物纠纷（三单元）' }).waitFor();
  await print.getByText('调处楼道堆物纠纷（三单元）').first().waitFor();
  // B, with edits of its own, leaves its deleted dialog for the choice between the two versions.
  const conflict = b.getByRole('alertdialog', { name: '此记录已在另一个标签页或窗口中修改' });
  await conflict.waitFor();
  assert.equal(await gone(b).count(), 0);
  await conflict.getByRole('button', { name: /保留本页的修改/ }).click();
  await h.waitSaved(b);
  await b.waitForFunction(() => document.activeElement?.id === 'stage-title');
  await a.getByText('已载入另一标签页保存的最新版本。').waitFor();
  assert.equal(await a.getByLabel('议题说明').inputValue(), 'B页补充：堆物已清理一半');
  await context.close();
});

test('when the browser has no database the user is told at once, keeps working, and can export', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  await page.goto(app.server.url);
  const alert = page.getByRole('alert').filter({ hasText: '无法保存到本机浏览器' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /修改仍保留在本页中/);
  // The catalogue holds no records: it says where the export is.
  assert.match(await alert.innerText(), /“导出备份”按钮在协商台账等页面的上方/);
  await h.startConsultation(page, '村（居）文体活动');
  // The editor opens at its top (the row clicked was far down the catalogue), the banner in view.
  assert.equal(await page.evaluate(() => scrollY), 0);
  await page.getByLabel('协商议题', { exact: true }).fill('举办社区广场舞比赛');
  await page.locator('.record-head [role="status"]', { hasText: '保存失败' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出备份（JSON）' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'xieshang-backup');
  assert.equal(file.records.length, 1);
  assert.equal(file.records[0].values.topic.value, '举办社区广场舞比赛');
  // The ledger still lists it in this page.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.getByRole('row').filter({ hasText: '村（居）文体活动' }), 1);
  await context.close();
});

test('a full storage quota is reported at once and nothing typed is dropped', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '妇女儿童社会工作');
  await h.waitSaved(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('协商议题', { exact: true }).fill('开设四点半课堂');
  await page.getByRole('alert').filter({ hasText: '浏览器存储空间已满' }).waitFor();
  await page.locator('.record-head [role="status"]', { hasText: '保存失败：浏览器存储空间已满' }).waitFor();
  // Still editable, still on screen.
  await page.getByLabel('议题说明').fill('每周一至周五');
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), '开设四点半课堂');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出备份（JSON）' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.records[0].values.topic_detail.value, '每周一至周五');
  await context.close();
});

test('what one tab changes another shows: a new record in its ledger, the settings, the county’s list', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const a = await context.newPage();
  await a.goto(app.server.url + '#/records');
  await a.getByText('还没有协商记录').waitFor();
  const b = await context.newPage();
  await b.goto(app.server.url);

  // A record made in B appears in A's open ledger, and its changes follow.
  await h.startConsultation(b, '门禁改造');
  await h.waitSaved(b);
  const rowsInA = a.locator('table.records tbody tr').filter({ hasText: '门禁改造' });
  await h.expectCount(rowsInA, 1);
  await b.getByLabel('协商议题', { exact: true }).fill('北门门禁改造');
  await h.waitSaved(b);
  await a.locator('table.records tbody tr').filter({ hasText: '北门门禁改造' }).waitFor();

  // Settings saved in B fill the next record made in A.
  await b.goto(app.server.url + '#/settings');
  await b.getByLabel('村（社区）').fill('幸福社区');
  await b.getByRole('button', { name: '保存设置' }).click();
  await b.getByRole('status').filter({ hasText: '设置已保存。' }).waitFor();
  await a.waitForTimeout(300);
  await h.startConsultation(a, '视频监控');
  await h.waitSaved(a);
  assert.match(await a.locator('.record-head').innerText(), /幸福社区/);

  // A county's list made in B is the catalogue A shows.
  await b.goto(app.server.url + '#/list');
  await b.getByLabel('县（市）名称').fill('玛纳斯县');
  await b.getByRole('button', { name: '以模板为基础编制本县清单' }).click();
  await b.getByRole('status').filter({ hasText: '第1版' }).first().waitFor();
  await a.getByRole('link', { name: '协商事项目录' }).click();
  await a.getByText(/玛纳斯县城乡社区协商事项指导目录清单/).first().waitFor();
  await context.close();
});

test('settings open in two tabs: a form with nothing typed follows the other, one with changes is told', async () => {
  const context = await app.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(app.server.url + '#/settings');
  await b.goto(app.server.url + '#/settings');
  await a.getByLabel('县（市）').waitFor();
  await b.getByLabel('县（市）').fill('呼图壁县');
  await b.getByRole('button', { name: '保存设置' }).click();
  await b.getByRole('status').filter({ hasText: '设置已保存。' }).waitFor();
  await a.waitForFunction(() => document.getElementById('set-county')?.value === '呼图壁县');

  // A types; B saves again: A is told, and may take B's settings.
  await a.getByLabel('村（社区）').fill('东村');
  await b.getByLabel('县（市）').fill('玛纳斯县');
  await b.getByRole('button', { name: '保存设置' }).click();
  const told = a.getByRole('alert').filter({ hasText: '设置刚在另一个标签页中修改并保存了' });
  await told.waitFor();
  assert.equal(await a.getByLabel('县（市）').inputValue(), '呼图壁县', 'what A has typed stays until A chooses');
  await told.getByRole('button', { name: '载入另一处的设置（放弃本页修改）' }).click();
  assert.equal(await a.getByLabel('县（市）').inputValue(), '玛纳斯县');
  assert.equal(await a.getByLabel('村（社区）').inputValue(), '');
  await told.waitFor({ state: 'detached' });
  await context.close();
});
