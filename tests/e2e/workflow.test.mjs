// A staff member runs whole consultations in the page: organised by what a user does and sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const app = withApp();

async function freshPage() {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  return { context, page, errors };
}

test('a new user completes a consultation for 门禁改造、视频监控、电子快递柜、充电桩设立 through all five stages', async () => {
  const { context, page, errors } = await freshPage();
  await h.startConsultation(page, '门禁改造、视频监控、电子快递柜、充电桩设立');
  await h.fillStage1(page);
  // With the keyboard: Enter on the gate button; focus lands on the next stage's heading.
  await page.getByRole('button', { name: '完成本阶段' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: /第2阶段/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'stage-title');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /第2阶段/);
  await h.fillStage2(page);
  await h.completeStage(page, '第3阶段');
  await h.fillStage3(page);
  await h.completeStage(page, '第4阶段');
  await h.fillStage4(page);
  await h.completeStage(page, '第5阶段');
  await h.fillStage5(page);
  await h.completeStage(page);
  await page.getByText('五个阶段均已完成，本次协商已办结。').waitFor();
  // Every step of the stepper says 已完成.
  const steps = page.getByRole('navigation', { name: '协商程序' }).getByRole('listitem');
  await h.expectCount(steps, 5);
  for (let i = 0; i < 5; i++) assert.match(await steps.nth(i).innerText(), /已完成/);
  await h.waitSaved(page);
  // The ledger lists it as 已办结.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: '门禁改造、视频监控、电子快递柜、充电桩设立' });
  await row.waitFor();
  assert.match(await row.innerText(), /已办结/);
  assert.match(await row.innerText(), /幸福社区/);
  assert.match(await row.innerText(), /2026-12-31/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a completed stage is shown read-only, but for what it shares with a stage still open (the parties)', async () => {
  const { context, page } = await freshPage();
  await h.startConsultation(page, '健身器材的选址');
  await h.fillStage1(page);
  await h.completeStage(page, '第2阶段');
  await page.getByRole('navigation', { name: '协商程序' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  // Stage 1's own fields are locked, as the engine says; the parties, whose attendance stage 3
  // records, can still be added to here.
  assert.equal(await page.getByLabel('协商议题', { exact: true }).isDisabled(), true);
  const add = page.getByRole('button', { name: '添加参与主体' });
  assert.equal(await add.isDisabled(), false);
  await h.addParty(page, { name: '补充的居民代表', role: '村（居）民' });
  await h.waitSaved(page);
  await page.getByRole('navigation', { name: '协商程序' }).getByRole('link').nth(2).click();
  await page.getByRole('heading', { level: 2, name: /第3阶段/ }).waitFor();
  await page.getByText('补充的居民代表').first().waitFor();
  await context.close();
});

test('a stage cannot be completed while a required item is open, and the page says which and why', async () => {
  const { context, page } = await freshPage();
  await h.startConsultation(page, '健身器材的选址');
  const button = page.getByRole('button', { name: '完成本阶段' });
  assert.equal(await button.isDisabled(), true);
  const why = await page.locator('#' + (await button.getAttribute('aria-describedby'))).innerText();
  assert.match(why, /本阶段尚有\d+个问题未解决/);
  const report = page.getByRole('region', { name: '本阶段检查' });
  assert.match(await report.innerText(), /尚未完成：研究提出协商议题（依据 二（四）1）/);
  // Fill everything but the invitation: the report names exactly that.
  await h.fillStage1(page);
  await h.item(page, '约请').getByRole('radio', { name: '未完成' }).check();
  assert.equal(await button.isDisabled(), true);
  const text = await report.innerText();
  assert.match(text, /尚有1个问题须解决/);
  assert.match(text, /尚未完成：以“约请”方式邀请各方协商（依据 二（四）1）/);
  // Stage 2 cannot be completed before stage 1 either.
  await page.getByRole('link', { name: /公示信息/ }).click();
  await page.getByRole('heading', { level: 2, name: /第2阶段/ }).waitFor();
  assert.equal(await button.isDisabled(), true);
  assert.match(await page.locator('#gate-why').innerText(), /须先完成第1阶段“确定议题”/);
  // A wide-reaching matter held as a 小范围恳谈 is refused, citing 二（四）3; a 议事会 (a meeting,
  // as the notice's 等 allows) is not.
  await page.getByRole('link', { name: /确定议题/ }).click();
  await h.done(page, '约请');
  await h.answer(page, '涉及面广、关注度高', true);
  await page.getByLabel('协商形式').selectOption({ label: '小范围恳谈' });
  await page.waitForFunction(() => document.querySelector('.report')?.textContent.includes('等程序进行协商'));
  assert.match(await report.innerText(), /要经过专题议事会、民主听证会等程序进行协商。个别走访、单独约谈、小范围恳谈是涉及利益相关方不多的事项可以采取的形式（二（三））。（依据 二（四）3）/);
  assert.equal(await button.isDisabled(), true);
  await page.getByLabel('协商形式').selectOption({ label: '村（居）民议事会' });
  await h.completeStage(page, '第2阶段');
  await context.close();
});

test('reloading in the middle of stage 3 restores every field', async () => {
  const { context, page } = await freshPage();
  await h.startConsultation(page, '公共部位设施修缮');
  await h.fillStage1(page);
  await h.completeStage(page, '第2阶段');
  await h.fillStage2(page);
  await h.completeStage(page, '第3阶段');
  await page.getByLabel('实际协商时间').fill('2026-11-10T15:30');
  await h.answer(page, '是否按公示内容开展', false);
  await page.getByLabel('与公示内容不一致的说明').fill('因雨改在室内进行');
  const cards = page.locator('fieldset.party');
  await cards.nth(3).getByLabel('出席情况').selectOption({ label: '未出席' });
  await cards.nth(3).getByLabel('未交书面意见的原因').fill('外出务工，电话联系未果');
  await page.getByLabel('各方意见建议').fill('修缮楼道灯和扶手');
  await h.done(page, '各方充分、理性、平等发表意见建议');
  await h.waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /第3阶段/ }).waitFor();
  assert.equal(await page.getByLabel('实际协商时间').inputValue(), '2026-11-10T15:30');
  assert.equal(await page.getByRole('group', { name: '是否按公示内容开展' }).getByRole('radio', { name: '否' }).isChecked(), true);
  assert.equal(await page.getByLabel('与公示内容不一致的说明').inputValue(), '因雨改在室内进行');
  assert.equal(await cards.nth(3).getByLabel('出席情况').inputValue(), 'no');
  assert.equal(await cards.nth(3).getByLabel('未交书面意见的原因').inputValue(), '外出务工，电话联系未果');
  assert.equal(await page.getByLabel('各方意见建议').inputValue(), '修缮楼道灯和扶手');
  assert.equal(await h.item(page, '各方充分、理性、平等发表意见建议').getByRole('radio', { name: '已完成' }).isChecked(), true);
  // Earlier stages stay completed and locked.
  await page.getByRole('link', { name: /确定议题/ }).click();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: '重新打开本阶段' }).isVisible(), true);
  await context.close();
});

test('an edit typed just before the page is closed is not lost', async () => {
  const { context, page } = await freshPage();
  await h.startConsultation(page, '志愿服务活动及宣传');
  await page.getByLabel('协商议题', { exact: true }).fill('组织楼栋志愿者轮值');
  // Leave at once: the save on pagehide (or the one-second save) must have kept it.
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), '组织楼栋志愿者轮值');
  await context.close();
});

test('reopening a stage sends later stages back for re-check', async () => {
  const { context, page } = await freshPage();
  await h.startConsultation(page, '举报信箱');
  await h.fillStage1(page);
  await h.completeStage(page, '第2阶段');
  await h.fillStage2(page);
  await h.completeStage(page, '第3阶段');
  await page.getByRole('link', { name: /确定议题/ }).click();
  await page.getByRole('button', { name: '重新打开本阶段' }).click();
  await page.getByLabel('协商议题', { exact: true }).fill('举报信箱移至社区服务站门口');
  const steps = page.getByRole('navigation', { name: '协商程序' }).getByRole('listitem');
  assert.match(await steps.nth(1).innerText(), /需重新确认/);
  await h.completeStage(page, '第2阶段');
  await page.getByText('前面的阶段曾重新打开，请核对本阶段后再次完成。').waitFor();
  await h.completeStage(page, '第3阶段');
  await context.close();
});

test('a moment is shown on the day it fell where the user is: 00:30 in Beijing is already the next day', async () => {
  // 2028-02-28 16:30 UTC is 2028-02-29 00:30 in China Standard Time (a leap day, and still the
  // 28th in UTC): the page's clock is fixed there, in the browser's zone for these users.
  const context = await app.browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: 1200, height: 900 } });
  await context.clock.setFixedTime(new Date('2028-02-28T16:30:00Z'));
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '邻里纠纷调处');
  await h.fillStage1(page);
  await h.completeStage(page, '第2阶段');
  await h.waitSaved(page);
  await page.goto(page.url().replace(/\/s\d$/, '') + '/s1');
  await page.getByText('本阶段已于2028年2月29日完成').waitFor();
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: '邻里纠纷调处' });
  await row.waitFor();
  assert.match(await row.innerText(), /2028-02-29/);
  assert.doesNotMatch(await row.innerText(), /2028-02-28/);
  // The archive form says the same day, for the stage, the record's dates and each change.
  await row.getByRole('link').first().click();
  await page.getByRole('link', { name: '城乡社区协商归档表' }).click();
  const form = page.locator('.document');
  await form.getByText('已于2028年2月29日完成').first().waitFor();
  const text = await form.innerText();
  assert.match(text, /2028年2月29日建档/);
  assert.match(text, /2028-02-29 00:30/);
  assert.doesNotMatch(text, /2028年2月28日|2028-02-28|UTC/);
  await context.close();
});

test('a result not carried out cannot be closed: past its deadline it is 逾期 in the ledger; closed as impossible with a reason it is 未能落实, not 已办结', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  // Seven weeks after the deadline the helpers type (2026-12-31), whatever the day the test runs.
  await context.clock.setFixedTime(new Date('2027-02-20T02:00:00Z'));
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '门禁改造、视频监控、电子快递柜、充电桩设立');
  await h.throughStage4(page);
  await h.fillStage5(page);
  // Still 未落实: the gate refuses, and says why and what to do.
  await page.getByLabel('落实情况', { exact: true }).selectOption({ label: '未落实' });
  const button = page.getByRole('button', { name: '完成本阶段' });
  await page.waitForFunction(() => document.querySelector('.report')?.textContent.includes('协商成果落实后才能办结'));
  assert.equal(await button.isDisabled(), true);
  assert.match(await page.locator('.report').innerText(), /落实情况须为“已落实”；确实无法落实的，选择“无法落实”并在反馈说明中写明原因。/);
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: '门禁改造、视频监控、电子快递柜、充电桩设立' });
  await row.waitFor();
  assert.match(await row.innerText(), /落实中/);
  assert.doesNotMatch(await row.innerText(), /已办结/);
  assert.match(await page.locator('.counts').innerText(), /逾期\s*1/);
  assert.match(await page.locator('.counts').innerText(), /已办结\s*0/);
  // Closed as impossible: only with the reason.
  await row.getByRole('link').first().click();
  await page.getByRole('link', { name: /运用协商成果/ }).click();
  await page.getByLabel('落实情况', { exact: true }).selectOption({ label: '无法落实' });
  await page.waitForFunction(() => document.querySelector('.report')?.textContent.includes('反馈说明'));
  assert.equal(await button.isDisabled(), true);
  await page.getByLabel(/反馈说明/).fill('充电桩选址处经消防部门认定不符合安全要求，无法实施，已向居民说明。');
  await h.completeStage(page);
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await row.waitFor();
  assert.match(await row.innerText(), /未能落实/);
  const counts = await page.locator('.counts').innerText();
  assert.match(counts, /逾期\s*0/);
  assert.match(counts, /已办结\s*0/);
  assert.match(counts, /未能落实\s*1/);
  await context.close();
});

test('a result left 未落实 past its deadline is 逾期 in the ledger and on 督办; a 催办 letter prints; three progress reports later it is 已办结', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  // 51 days after the deadline typed below (2026-12-31), whatever the day the test runs.
  await context.clock.setFixedTime(new Date('2027-02-20T02:00:00Z'));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url);
  await h.startConsultation(page, '门禁改造、视频监控、电子快递柜、充电桩设立');
  await h.throughStage4(page);
  await page.getByLabel('落实方').fill('物业服务企业');
  await page.getByLabel('落实期限').fill('2026-12-31');
  await h.done(page, '明确落实方和落实期限');
  await page.getByLabel('公函发出日期').fill('2026-11-13');
  await page.getByLabel('公函编号').fill('幸福社区函〔2026〕7号');
  await h.done(page, '公函制');
  await page.getByLabel('落实情况', { exact: true }).selectOption({ label: '未落实' });
  await h.waitSaved(page);

  // The ledger: 落实中 and 逾期.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: '在3号楼前设立电动自行车充电桩' });
  await row.waitFor();
  assert.match(await row.innerText(), /落实中/);
  assert.match(await page.locator('.counts').innerText(), /逾期\s*1/);

  // The overview of the exported record: 逾期未落实, 51 days.
  const overdueInOverview = async () => {
    await page.getByRole('link', { name: '协商台账', exact: true }).click();
    await row.getByRole('link').first().click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出此记录（JSON）' }).click()]);
    await page.getByRole('link', { name: '汇总分析' }).click();
    await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
    await page.getByLabel('选择导出文件（可多选）').setInputFiles(await file.path());
    const doc = page.locator('article.document');
    await doc.waitFor();
    return doc.locator('table.doc-table').filter({ hasText: '逾期天数' }).filter({ hasText: '记录编号' }).locator('tbody tr');
  };
  const overdueRows = await overdueInOverview();
  await h.expectCount(overdueRows, 1);
  assert.match(await overdueRows.first().innerText(), /在3号楼前设立电动自行车充电桩\s+2026-12-31\s+51/);

  // 督办: overdue by 51 days, its 公函, no report yet, and the way to a 催办.
  await page.getByRole('link', { name: '督办', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /督办/ }).waitFor();
  const due = page.getByRole('row').filter({ hasText: '在3号楼前设立电动自行车充电桩' });
  const dueText = await due.innerText();
  assert.match(dueText, /逾期51天/);
  assert.match(dueText, /2026年11月13日　幸福社区函〔2026〕7号/);
  assert.match(dueText, /尚无进展报告/);
  assert.match(await page.getByRole('status').filter({ hasText: '逾期' }).innerText(), /逾期1项/);
  // On a phone the table scrolls sideways, and from the keyboard.
  await page.setViewportSize({ width: 360, height: 740 });
  const wrap = page.getByRole('group', { name: /督办/ });
  assert.ok(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth + 100), 'the table scrolls');
  assert.equal(await wrap.getAttribute('tabindex'), '0');
  await page.setViewportSize({ width: 1100, height: 900 });
  await due.getByRole('link', { name: '发出催办函' }).click();
  await page.getByRole('heading', { level: 2, name: /第5阶段/ }).waitFor();

  // The 催办: dated after the deadline, then printed from the record.
  await page.getByLabel('催办日期').fill('2027-02-20');
  await page.getByLabel('催办函编号').fill('幸福社区催〔2027〕1号');
  await h.done(page, '逾期未落实的催办');
  await h.waitSaved(page);
  await page.getByRole('navigation', { name: '打印文书' }).getByRole('link', { name: '督办催办函' }).click();
  const paper = page.locator('article.document');
  await paper.waitFor();
  const letter = await paper.innerText();
  assert.match(letter, /督办催办函/);
  assert.match(letter, /物业服务企业：/);
  assert.match(letter, /催办函编号\s*幸福社区催〔2027〕1号/);
  assert.match(letter, /落实期限已过51日，该协商成果尚未落实到位/);
  assert.match(letter, /2027年2月20日/);
  // On paper: one A4 page, dated and signed by the lead body.
  const ARTIFACTS = path.resolve('tests/e2e/artifacts');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = path.join(ARTIFACTS, 'reminder.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Pages:\s+1\n/);
  const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const want of ['督办催办函', '物业服务企业：', '落实期限已过51日', '2027年2月20日', '—1—']) assert.ok(printed.includes(want), want);
  await page.getByRole('link', { name: '返回协商记录' }).click();
  await page.getByRole('link', { name: /运用协商成果/ }).click();

  // Three progress reports, each through the form; the last carried out, fed back and published.
  const report = async ({ on, status, note, fed, published, channel }) => {
    const form = page.getByRole('group', { name: '新的进展汇报' });
    await form.getByLabel('进展汇报日期').fill(on);
    await form.getByLabel('落实进度').selectOption({ label: status });
    await form.getByLabel('进展说明').fill(note);
    if (fed) await form.getByLabel('反馈各方的日期').fill(fed);
    if (published) await form.getByLabel('向群众公开的日期').fill(published);
    if (channel) await form.getByRole('group', { name: '公开的渠道' }).getByRole('checkbox', { name: channel }).check();
    await form.getByRole('button', { name: '添加进展报告' }).click();
  };
  const add = page.getByRole('group', { name: '新的进展汇报' }).getByRole('button', { name: '添加进展报告' });
  assert.equal(await add.isDisabled(), true, 'a report says what was done');
  await report({ on: '2027-01-05', status: '落实中', note: '物业已订购充电设备。' });
  // The fields the reports fill are shown as the latest says, not typed over.
  assert.equal(await page.getByLabel('落实情况', { exact: true }).isDisabled(), true);
  await h.item(page, '反馈落实情况').getByText('按落实进展报告第（1）条填写').first().waitFor();
  await report({ on: '2027-02-10', status: '部分落实', note: '已安装4个充电桩，其余待供电增容。', fed: '2027-02-11' });
  assert.equal(await page.getByLabel('落实情况', { exact: true }).inputValue(), 'partly');
  const button = page.getByRole('button', { name: '完成本阶段' });
  assert.equal(await button.isDisabled(), true, 'partly carried out: not yet');
  await report({
    on: '2027-02-18', status: '已落实', note: '8个充电桩全部投入使用。',
    fed: '2027-02-19', published: '2027-02-19', channel: '议事协商监督台',
  });
  const list = await page.locator('.progress-list').innerText();
  assert.match(list, /2027年1月5日　落实方报告：落实中。物业已订购充电设备。/);
  assert.match(list, /2027年2月18日　落实方报告：已落实。8个充电桩全部投入使用。已于2027年2月19日反馈各方，2027年2月19日在议事协商监督台公开。/);
  // The latest report fills the stage's fields.
  assert.equal(await page.getByLabel('落实情况', { exact: true }).inputValue(), 'done');
  assert.equal(await page.getByLabel('反馈日期').inputValue(), '2027-02-19');
  assert.equal(await page.getByLabel('公开日期').inputValue(), '2027-02-19');
  await h.done(page, '接受群众监督');
  await h.done(page, '反馈落实情况');
  await h.done(page, '合法合规');
  await h.completeStage(page);
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await row.waitFor();
  assert.match(await row.innerText(), /已办结/);
  const counts = await page.locator('.counts').innerText();
  assert.match(counts, /逾期\s*0/);
  assert.match(counts, /已办结\s*1/);
  await page.getByRole('link', { name: '督办', exact: true }).click();
  await page.getByText('没有逾期或即将到期的协商成果。').waitFor();
  // Nor is it overdue in the overview any more.
  await overdueInOverview();
  await page.locator('article.document').getByText('没有逾期未落实的协商成果。').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
