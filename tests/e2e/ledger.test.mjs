// The records ledger and the opinion ledger, as staff use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const SAMPLES = path.resolve(process.env.SAMPLES ?? 'target/samples-60.json');
const app = withApp({ files: { '/samples.json': SAMPLES } });

async function freshPage(hash = '') {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url + hash);
  await page.getByRole('heading', { level: 1, name: '城乡社区协商工作台' }).waitFor();
  return { context, page };
}

const rows = (page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });

test('the ledger counts, filters, sorts and pages 60 records', async () => {
  const { context, page } = await freshPage('#/records');
  await page.getByText('还没有协商记录').waitFor();
  assert.equal(await h.seed(page, app.server.url + 'samples.json'), 60);
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  const counts = await page.locator('.counts').innerText();
  for (const want of [/共\s*60/, /协商中\s*40/, /落实中\s*10/, /已办结\s*10/, /逾期\s*10/]) assert.match(counts, want);
  assert.match(await page.locator('.range').innerText(), /显示第1–50条，共60条/);
  await h.expectCount(rows(page), 50);
  await page.getByRole('button', { name: '下一页' }).click();
  await h.expectCount(rows(page), 10);

  await page.getByLabel('状态', { exact: true }).selectOption({ label: '已办结' });
  assert.match(await page.locator('.range').innerText(), /共10条/);
  for (const text of await rows(page).allInnerTexts()) assert.match(text, /已办结/);
  await page.getByLabel('状态', { exact: true }).selectOption({ label: '全部' });

  await page.getByLabel('当前阶段').selectOption({ label: '3·开展协商' });
  await h.expectCount(rows(page), 10);
  await page.getByLabel('当前阶段').selectOption({ label: '全部' });

  await page.getByLabel('查找记录').fill('幸福社区');
  await h.expectCount(rows(page), 5);
  for (const text of await rows(page).allInnerTexts()) assert.match(text, /幸福社区/);
  await page.getByLabel('查找记录').fill('');

  await page.getByLabel('只看逾期').check();
  await h.expectCount(rows(page), 10);
  for (const text of await rows(page).allInnerTexts()) assert.match(text, /逾期/);
  await h.expectCount(page.locator('tr.overdue'), 10);

  // Sort by deadline, then reverse.
  await page.getByRole('button', { name: '落实期限' }).click();
  assert.equal(await page.getByRole('columnheader', { name: /落实期限/ }).getAttribute('aria-sort'), 'ascending');
  const dates = async () => (await rows(page).allInnerTexts()).map((t) => t.match(/\d{4}-\d\d-\d\d(?!.*\d{4}-\d\d-\d\d)/s)?.[0]);
  const up = await dates();
  assert.deepEqual(up, [...up].sort());
  await page.getByRole('button', { name: '落实期限' }).click();
  assert.equal(await page.getByRole('columnheader', { name: /落实期限/ }).getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await dates(), [...up].sort().reverse());
  await context.close();
});

test('open, copy as a new record, delete with confirmation and undo', async () => {
  const { context, page } = await freshPage('#/records');
  await page.getByText('还没有协商记录').waitFor();
  await h.seed(page, app.server.url + 'samples.json');
  await page.getByLabel('查找记录').fill('幸福社区第1号');
  await h.expectCount(rows(page), 1);
  await rows(page).first().getByRole('link').click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), '村规民约、居民公约村(居)民自治章程的制订和修改（幸福社区第1号）');

  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByLabel('查找记录').fill('幸福社区第13号');
  await rows(page).first().getByRole('button', { name: '复制为新记录' }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.match(await page.getByLabel('协商议题', { exact: true }).inputValue(), /幸福社区第13号/);
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  assert.match(await page.locator('.counts').innerText(), /共\s*61/);

  await page.getByLabel('查找记录').fill('幸福社区第25号');
  await rows(page).first().getByRole('button', { name: '删除' }).click();
  // The focus follows the question, then the undo, so that keyboard users are never lost.
  await page.waitForFunction(() => document.activeElement?.textContent === '确认删除');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /已删除/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === '撤销');
  assert.match(await page.locator('.counts').innerText(), /共\s*60/);
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByText('显示第1–1条，共1条').waitFor();
  assert.match(await page.locator('.counts').innerText(), /共\s*61/);
  // A deletion can also be called off.
  await rows(page).first().getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  await h.expectCount(rows(page), 1);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  assert.match(await page.locator('.counts').innerText(), /共\s*61/);
  await context.close();
});

test('记入群众意见台账 in stage 1 takes up a pending opinion of the ledger, or says why none can be', async () => {
  const { context, page } = await freshPage();
  await h.startConsultation(page, '门禁改造、视频监控、电子快递柜、充电桩设立');
  const item = h.item(page, '记入群众意见台账');
  // Nothing logged yet: said, with where to log one.
  assert.match(await item.innerText(), /群众意见台账中没有待研究的意见，无可记入/);
  await page.getByLabel('协商议题', { exact: true }).fill('3号楼单元门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '群众意见台账', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: '群众意见台账' }).waitFor();
  await h.logOpinion(page, { channel: '群众意见箱', who: '王大爷', content: '3号楼门禁常坏，外来人员随意进出' });
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByRole('row').filter({ hasText: '门禁改造' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  const picker = item.getByLabel('从群众意见台账选择待研究的意见');
  await picker.selectOption(await picker.locator('option', { hasText: '3号楼门禁常坏' }).getAttribute('value'));
  await item.getByRole('button', { name: '记入本议题' }).click();
  await item.getByRole('listitem').filter({ hasText: '王大爷：3号楼门禁常坏，外来人员随意进出' }).waitFor();
  assert.match(await page.getByLabel('群众意见摘要').inputValue(), /群众意见箱 王大爷：3号楼门禁常坏，外来人员随意进出/);
  assert.equal(await item.getByRole('group', { name: '意见来源渠道' }).getByRole('checkbox', { name: '群众意见箱' }).isChecked(), true);
  await h.waitSaved(page);
  // The opinion now follows the record.
  await page.getByRole('link', { name: '群众意见台账', exact: true }).click();
  const row = rows(page).filter({ hasText: '3号楼门禁常坏' });
  await row.filter({ hasText: '已转为议题' }).waitFor();
  assert.match(await row.innerText(), /已转为议题（协商中）/);
  await row.getByRole('link', { name: '查看协商记录' }).click();
  await page.getByRole('heading', { level: 2, name: '门禁改造、视频监控、电子快递柜、充电桩设立' }).waitFor();
  await context.close();
});

test('logging opinions and promoting them creates a linked record whose status they follow', async () => {
  const { context, page } = await freshPage('#/opinions');
  await page.getByRole('heading', { level: 2, name: '群众意见台账' }).waitFor();
  await page.getByLabel('渠道').selectOption({ label: '群众意见箱' });
  await page.getByLabel('反映人').fill('3号楼住户');
  await page.getByLabel('意见内容').fill('电动车在楼道充电，存在火灾隐患');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByLabel('渠道').selectOption({ label: '入户走访' });
  await page.getByLabel('意见内容').fill('希望小区设立充电桩');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByLabel('意见内容').fill('路灯不亮');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByRole('cell', { name: '路灯不亮', exact: true }).waitFor();
  await h.expectCount(rows(page), 3);
  for (const text of await rows(page).allInnerTexts()) assert.match(text, /待研究/);

  await page.getByRole('checkbox', { name: /电动车在楼道充电/ }).check();
  await page.getByRole('checkbox', { name: /希望小区设立充电桩/ }).check();
  await page.getByLabel('对应的协商事项').selectOption({ label: '27. 门禁改造、视频监控、电子快递柜、充电桩设立' });
  await page.getByRole('button', { name: '转为协商议题' }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), '电动车在楼道充电，存在火灾隐患');
  const summary = await page.getByLabel('群众意见摘要').inputValue();
  assert.match(summary, /群众意见箱 3号楼住户：电动车在楼道充电，存在火灾隐患/);
  assert.match(summary, /入户走访：希望小区设立充电桩/);
  const channels = page.getByRole('group', { name: '意见来源渠道' });
  assert.equal(await channels.getByRole('checkbox', { name: '群众意见箱' }).isChecked(), true);
  assert.equal(await channels.getByRole('checkbox', { name: '入户走访' }).isChecked(), true);
  await h.expectCount(page.getByRole('link', { name: '本次协商源自群众意见2条' }), 1);
  await h.waitSaved(page);

  await page.getByRole('link', { name: '群众意见台账' }).click();
  const promoted = rows(page).filter({ hasText: '已转为议题' });
  await h.expectCount(promoted, 2);
  assert.match(await promoted.first().innerText(), /已转为议题（协商中）/);
  await h.expectCount(rows(page).filter({ hasText: '待研究' }), 1);
  await promoted.first().getByRole('link', { name: '查看协商记录' }).click();
  await page.getByRole('heading', { level: 2, name: '门禁改造、视频监控、电子快递柜、充电桩设立' }).waitFor();
  // The ledgers survive a reload.
  await page.reload();
  await page.getByRole('link', { name: '群众意见台账' }).click();
  await page.getByRole('cell', { name: '路灯不亮', exact: true }).waitFor();
  await h.expectCount(rows(page), 3);
  await context.close();
});

test('settings fill new records and the county numbers are checked', async () => {
  const { context, page } = await freshPage('#/settings');
  await page.getByLabel('县（市）').fill('玛纳斯县');
  await page.getByLabel('乡镇（街道）').fill('玛纳斯镇');
  await page.getByLabel('村（社区）').fill('幸福社区');
  await page.getByLabel('公示至协商至少天数').fill('三');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('alert').filter({ hasText: '请填写正整数，或留空。' }).waitFor();
  await page.getByLabel('公示至协商至少天数').fill('10');
  // 督办's days: from 1 to 365, or empty for 7.
  await page.getByLabel('督办提前提醒天数').fill('0');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('alert').filter({ hasText: '督办提前提醒天数应为1至365之间的整数，或留空（按7天）。' }).waitFor();
  await page.getByLabel('督办提前提醒天数').fill('30');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('status').filter({ hasText: '设置已保存。' }).waitFor();
  await page.reload();
  assert.equal(await page.getByLabel('督办提前提醒天数').inputValue(), '30');
  assert.equal(await page.getByLabel('县（市）').inputValue(), '玛纳斯县');
  assert.equal(await page.getByLabel('公示至协商至少天数').inputValue(), '10');
  await h.startConsultation(page, '健身器材的选址');
  assert.equal(await page.getByLabel('村（社区）', { exact: true }).inputValue(), '幸福社区');
  await context.close();
});
