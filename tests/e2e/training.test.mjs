// Training (培训练习): a trainee opens a worked case, the report lists its gap, fixing it lets
// the stage complete; every screen and printout is marked; wiping training leaves real records
// intact; the blank checklists print.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
before(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
const app = withApp();

test('a trainee fixes a worked case, every screen says 培训练习, and wiping training keeps real records', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  // A real record first.
  await h.startConsultation(page, '门禁改造');
  await page.getByLabel('协商议题', { exact: true }).fill('单元门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.locator('table.records tbody tr'), 1);
  const mark = page.getByRole('note', { name: '培训练习' });
  assert.equal(await mark.count(), 0);

  // One click on a case from real work enters training and opens the case at its stage.
  await page.getByRole('link', { name: '培训练习', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: '培训练习' }).waitFor();
  await page.getByRole('button', { name: '开始练习：东湖村、西湖村共用机耕道的修缮' }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  await mark.waitFor();
  // The report names the gap and the gate stays shut.
  const report = page.locator('.report');
  await report.getByText('跨村（社区）事项应由乡镇（街道）党（工）委牵头组织开展协商。').waitFor();
  assert.equal(await page.getByRole('button', { name: '完成本阶段' }).isDisabled(), true);
  // The clause behind an item, on demand.
  const scope = h.item(page, '确定协商范围和牵头组织者');
  await scope.getByText(/通知原文/).click();
  assert.match(await scope.locator('blockquote').innerText(), /乡镇（街道）党（工）委/);
  // The fix.
  await page.getByLabel('牵头组织者').selectOption({ label: '乡镇（街道）党（工）委' });
  await h.completeStage(page, '第2阶段');
  await h.waitSaved(page);

  // The training page says the case was fixed.
  await page.getByRole('link', { name: '培训练习', exact: true }).click();
  await page.locator('li.case', { hasText: '东湖村、西湖村共用机耕道的修缮' }).getByText('✓ 已改正，本阶段已完成').waitFor();

  // The mark is on every screen of training.
  for (const link of ['协商事项目录', '群众意见台账', '协商台账', '事项清单', '汇总分析', '设置']) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await mark.waitFor();
  }
  // The ledger shows the training record only.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.locator('table.records tbody tr'), 1);
  assert.match(await page.locator('table.records').innerText(), /东湖村—西湖村机耕道/);
  // A printout made in training says so on every page.
  await page.locator('table.records tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: '协商议题公示' }).click();
  await page.locator('.doc-training-mark').waitFor();
  const pdf = path.join(ARTIFACTS, 'training-publicity.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  assert.ok(pages.length >= 1);
  for (const p of pages) assert.match(p, /培训练习/);

  // A practice record exported from training cannot enter the real records.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部记录（JSON）' }).click(),
  ]);
  const practiceFile = path.join(ARTIFACTS, 'training-export.json');
  await download.saveAs(practiceFile);
  assert.match(fs.readFileSync(practiceFile, 'utf8'), /"training":true/);

  // Wipe training: its records go, real ones stay.
  await page.getByRole('link', { name: '培训练习', exact: true }).click();
  await page.getByRole('button', { name: '清除全部培训数据' }).click();
  // The question takes the focus on 取消; Esc closes it.
  await page.getByRole('alertdialog').waitFor();
  // (The focus moves once the dialog has rendered: wait for it rather than read it at once.)
  await page.waitForFunction(() => document.activeElement?.textContent === '取消', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '取消');
  await page.keyboard.press('Escape');
  await h.expectCount(page.getByRole('alertdialog'), 0);
  await page.getByRole('button', { name: '清除全部培训数据' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认清除' }).click();
  await page.getByRole('status').filter({ hasText: '培训数据已清除。' }).waitFor();
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByText('还没有协商记录').waitFor();
  await page.getByRole('button', { name: '退出培训练习' }).first().click();
  await page.getByRole('link', { name: '协商台账', exact: true }).waitFor();
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.locator('table.records tbody tr'), 1);
  assert.match(await page.locator('table.records').innerText(), /门禁改造/);
  assert.equal(await mark.count(), 0);
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(practiceFile);
  await page.getByRole('alert').filter({ hasText: '培训练习记录，不能导入正式记录' }).waitFor();
  await h.expectCount(page.locator('table.records tbody tr'), 1);
  // Training mode is remembered across a reload, and so is leaving it.
  await page.reload();
  await page.locator('table.records tbody tr').first().waitFor();
  assert.equal(await mark.count(), 0);
  await context.close();
});

test('a trainee who changes the story instead of mending the gap is told the case is not solved', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/training');
  await page.getByRole('button', { name: '开始练习：东湖村、西湖村共用机耕道的修缮' }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  // The road is shared by two villages; entering it as one village's matter lets the gate by.
  await page.getByLabel('协商范围').selectOption({ label: '本村（社区）事项' });
  await h.completeStage(page, '第2阶段');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '培训练习', exact: true }).click();
  const attempt = page.locator('li.case', { hasText: '东湖村、西湖村共用机耕道的修缮' }).locator('.attempts li');
  await attempt.getByText(/案例中的情形被改动了/).waitFor();
  assert.doesNotMatch(await attempt.innerText(), /已改正/);
  await context.close();
});

test('each worked case stands at its stage with its gap reported', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/training');
  await page.getByRole('button', { name: '进入培训练习' }).click();
  const cases = [
    ['团结社区老旧小区拆迁改造计划', /第1阶段/, '涉及面广、关注度高的事项，要经过专题议事会、民主听证会等程序进行协商。'],
    ['幸福社区3号楼前健身器材的选址', /第3阶段/, '未出席的利益相关者应有书面意见，或记明未提交的原因。'],
    ['光明村文化广场路灯的安装', /第5阶段/, /协商成果落实后才能办结/],
    ['和平社区地下车库充电桩的设立', /第4阶段/, /未填写“成果公示日期”/],
  ];
  for (const [title, stage, gap] of cases) {
    await page.getByRole('link', { name: '培训练习', exact: true }).click();
    await page.getByRole('button', { name: `开始练习：${title}` }).click();
    await page.getByRole('heading', { level: 2, name: stage }).waitFor();
    await page.locator('.report').getByText(gap).first().waitFor();
    assert.equal(await page.getByRole('button', { name: '完成本阶段' }).isDisabled(), true, title);
  }
  // The result never published: publish it on the day the parties were told (a date the case
  // itself holds, after the meeting whatever day the suite runs), and stage 4 completes.
  const told = await page.getByLabel('通报日期').inputValue();
  assert.match(told, /^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel('成果公示日期').fill(told);
  await page.getByRole('group', { name: '成果公示平台' }).getByRole('checkbox', { name: '村（居）务公开栏' }).check();
  await h.done(page, '将协商事项和协商成果进行公示');
  await h.completeStage(page, '第5阶段');
  await context.close();
});

test('the blank checklists of the five stages print on A4 with every stage', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/training');
  await page.getByRole('link', { name: '打印空白核对表' }).click();
  await page.getByRole('heading', { level: 2, name: '城乡社区协商程序核对表' }).waitFor();
  assert.equal(await page.locator('.doc-training-mark').count(), 0);
  const pdf = path.join(ARTIFACTS, 'checklists.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 3, `${pages} pages`);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const stage of ['确定议题', '公示信息', '开展协商', '公开成果', '运用协商成果']) assert.ok(text.includes(stage), stage);
  assert.ok(text.includes('□已办□不适用'));
  assert.ok(text.includes('—1—'));
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, 'checklists')]);
  await context.close();
});

test('a switch of training mode in one tab is followed by the others, which say so', async () => {
  const context = await app.browser.newContext();
  const a = await context.newPage();
  await a.goto(app.server.url + '#/training');
  const b = await context.newPage();
  await b.goto(app.server.url);
  await b.getByRole('button', { name: '发起协商' }).first().waitFor();
  const mark = (page) => page.getByRole('note', { name: '培训练习' });
  assert.equal(await mark(b).count(), 0);

  await a.getByRole('button', { name: '进入培训练习' }).click();
  await mark(a).waitFor();
  // B follows, says why, and a consultation started there is a practice one.
  await mark(b).waitFor();
  const notice = b.getByRole('status').filter({ hasText: '另一个标签页已进入培训练习，本页也随之切换到培训练习。' });
  await notice.waitFor();
  assert.equal(await a.getByText('另一个标签页已进入培训练习').count(), 0);
  await notice.getByRole('button', { name: '知道了' }).click();
  await notice.waitFor({ state: 'detached' });
  await h.startConsultation(b, '邻里纠纷调处');
  await b.getByLabel('协商议题', { exact: true }).fill('楼上漏水纠纷');
  await h.waitSaved(b);
  await b.getByRole('link', { name: '协商台账', exact: true }).click();
  await b.getByRole('row').filter({ hasText: '邻里纠纷调处' }).waitFor();

  // B leaves training from its mark; A follows back to real work, whose ledger has no practice record.
  await mark(b).getByRole('button', { name: '退出培训练习' }).click();
  await mark(b).waitFor({ state: 'detached' });
  await a.getByRole('status').filter({ hasText: '另一个标签页已退出培训练习，本页也随之回到正式工作。' }).waitFor();
  assert.equal(await mark(a).count(), 0);
  await a.getByRole('link', { name: '协商台账', exact: true }).click();
  await a.getByText('还没有协商记录').waitFor();
  await context.close();
});
