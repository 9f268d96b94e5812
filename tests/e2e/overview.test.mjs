// The overview across villages: three villages' export files (and an opinion ledger) load at
// once; the counts on screen match what the files hold, a record in two files is counted once,
// and nothing loaded changes the local records. The summary prints and leaves as CSV. An opinion
// ledger exported by the app (导出群众意见台账) loads in another browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const SAMPLES = path.resolve(process.env.SAMPLES ?? 'target/samples-60.json');
const ARTIFACTS = path.resolve('tests/e2e/artifacts');
const app = withApp();

/** An export file as the app writes it, of stored (canonical) record texts. */
function exportFile(texts, place) {
  const head = JSON.stringify({ format: 'xieshang-records', version: 1, exported_at: '2026-11-20T08:00:00Z', generator: 'xieshang test', place });
  const records = texts.map((t) => `{"digest":"${crypto.createHash('sha256').update(t).digest('hex')}","record":${t}}`);
  return `${head.slice(0, -1)},"records":[${records.join(',')}],"opinions":[]}`;
}

test('three villages load into the overview, each record counted once, local records untouched', async () => {
  const samples = JSON.parse(fs.readFileSync(SAMPLES, 'utf8'));
  const records = samples.records.slice(0, 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-overview-'));
  const files = [
    ['东村.json', records.slice(0, 10), { county: '玛纳斯县', township: '乐土驿镇', community: '东村' }],
    ['西村.json', records.slice(10, 20), { county: '玛纳斯县', township: '包家店镇', community: '西村' }],
    // The third also carries one record of the first (a township passing it on).
    ['南湖村.json', [...records.slice(20, 30), records[0]], { county: '呼图壁县', township: '大丰镇', community: '南湖村' }],
  ].map(([name, texts, place]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, exportFile(texts, place));
    return file;
  });
  const opinions = path.join(dir, '意见.json');
  fs.writeFileSync(opinions, JSON.stringify({
    format: 'xieshang-opinions', version: 1, exported_at: '2026-11-20T08:00:00Z', generator: 'xieshang test',
    place: { county: '玛纳斯县', township: '乐土驿镇', community: '东村' },
    opinions: [
      { id: 'o1', date: '2026-10-01', channel: 'opinion_box', who: '王', content: '路灯不亮', status: { status: 'pending' }, record: null, created: '2026-10-01T08:00:00Z' },
      { id: 'o2', date: '2026-10-02', channel: 'home_visit', who: '李', content: '<b>垃圾</b>清运', status: { status: 'answered', note: '已协调' }, record: null, created: '2026-10-02T08:00:00Z' },
    ],
  }));
  const bad = path.join(dir, '坏文件.json');
  fs.writeFileSync(bad, '{"format":"xieshang-records","version":1,');

  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '门禁改造');
  await page.getByLabel('协商议题', { exact: true }).fill('单元门禁改造');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '汇总分析' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
  await page.getByLabel('选择导出文件（可多选）').setInputFiles([...files, opinions, bad]);
  await page.getByRole('status').filter({ hasText: '本次读取协商记录31条、群众意见2条；去掉重复后，汇总中共有协商记录30条、群众意见2条。' }).waitFor();
  // The bad file is named, with where it went wrong; the others still count.
  await page.getByRole('alert').filter({ hasText: '坏文件.json' }).waitFor();
  const loaded = page.locator('table.overview-files tbody tr');
  await h.expectCount(loaded, 4);
  assert.match(await loaded.nth(2).innerText(), /南湖村\.json\s+协商记录\s+呼图壁县大丰镇南湖村\s+11\s+0\s+1/);

  // What the files hold, worked out here, against what the page says.
  const parsed = records.map((t) => JSON.parse(t));
  const completedStages = (r) => ['s1', 's2', 's3', 's4', 's5'].filter((s) => r.stages[s]?.status === 'completed').length;
  const done = parsed.filter((r) => completedStages(r) === 5).length;
  const doc = page.locator('article.document');
  const fields = await doc.locator('table.doc-fields').first().innerText();
  assert.match(fields, /协商记录\s+30条（多个文件中重复出现的记录和意见1条/);
  assert.match(fields, new RegExp(`已办结\\s+${done}条`));
  assert.match(fields, /群众意见\s+2条/);
  // By place: the villages of the records, under their county and township.
  const placeRows = await doc.locator('table.doc-table').first().locator('tbody tr').allInnerTexts();
  const byCounty = {};
  for (const row of placeRows) {
    const cells = row.split('\t');
    byCounty[cells[0]] = (byCounty[cells[0]] ?? 0) + Number(cells[3]);
  }
  assert.deepEqual(byCounty, { 玛纳斯县: 20, 呼图壁县: 10 });
  // By stage: every record once.
  const stageTable = doc.locator('table.doc-table').filter({ hasText: '所处阶段' });
  const stageCounts = (await stageTable.locator('tbody tr').allInnerTexts()).map((r) => Number(r.split('\t')[1]));
  assert.equal(stageCounts.reduce((a, b) => a + b, 0), 30);
  assert.equal(stageCounts[5], done);
  // The time between the steps, worked out here from the dates the fixtures hold (约请日期,
  // 实际协商时间, 成果公示日期, the 反馈日期 of a result 已落实), against the page's table: records
  // missing a date counted apart, never as 0 days.
  const day = (v) => (v ? Date.parse(v.value.slice(0, 10) + 'T00:00:00Z') / 86400000 : null);
  const spans = [[], [], [], []].map((days) => ({ days, missing: 0 }));
  const stageOf = [1, 3, 4, 5];
  for (const r of parsed) {
    const v = r.values ?? {};
    const implemented = v.implementation_status?.value === 'done';
    const steps = [day(v.invited_on), day(v.held_at), day(v.result_publicity_date), implemented ? day(v.feedback_on) : null];
    const typed = r.audit.find((e) => e.change.type === 'field' && e.change.field === 'topic' && e.change.to);
    const topicTyped = Date.parse((typed?.at ?? r.created).slice(0, 10) + 'T00:00:00Z') / 86400000;
    const completed = completedStages(r);
    [[0, 1], [1, 2], [2, 3], [0, 2]].forEach(([a, b], k) => {
      if (!(b === 3 ? implemented : completed >= stageOf[b])) return;
      const start = a === 0 && steps[0] === null ? topicTyped : steps[a];
      if (start !== null && steps[b] !== null && steps[b] >= start) spans[k].days.push(steps[b] - start);
      else spans[k].missing += 1;
    });
  }
  const median = (xs) => {
    const t = [...xs].sort((a, b) => a - b);
    const n = t.length;
    if (!n) return '—';
    return (n % 2 ? t[(n - 1) / 2] : (t[n / 2 - 1] + t[n / 2]) / 2).toFixed(1);
  };
  const spanRows = (await doc.locator('table.doc-table').filter({ hasText: '最短／最长' }).locator('tbody tr').allInnerTexts())
    .map((row) => row.split('\t'));
  assert.equal(spanRows.length, 4);
  spans.forEach((span, k) => {
    const [, records, , med, , missing] = spanRows[k];
    assert.deepEqual([Number(records), med, Number(missing)], [span.days.length, median(span.days), span.missing], `step ${k}: ${spanRows[k].join(' | ')}`);
  });
  assert.ok(spans[1].days.length > 0 && spans[1].days.some((d) => d > 0), 'the fixtures hold real durations');
  // Charts are drawn, with their numbers.
  assert.ok(await doc.locator('figure.doc-bars').count() >= 3);
  // Opinions by place, markup shown as text.
  assert.match(await doc.innerText(), /七、群众意见/);

  // CSV for a report.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出汇总表（CSV）' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff统计表'));
  assert.match(csv, /概况,,,,,,协商记录,30/);

  // Printed: A4, the tables and the charts.
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = path.join(ARTIFACTS, 'overview.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const want of ['城乡社区协商情况汇总表', '一、按地区统计', '呼图壁县', '各阶段协商记录数', '—1—']) assert.ok(text.includes(want), want);
  assert.ok(!text.includes('选择导出文件'));

  // Nothing loaded reached the local records.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.locator('table.records tbody tr'), 1);
  await context.close();
});

test('an opinion ledger exported by one village loads into the overview as its opinions', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/settings');
  await page.getByLabel('县（市）').fill('玛纳斯县');
  await page.getByLabel('村（社区）').fill('西村');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('link', { name: '群众意见台账', exact: true }).click();
  await h.logOpinion(page, { channel: '群众意见箱', who: '5组村民', content: '村道路灯损坏，夜间出行不便' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出群众意见台账（JSON）' }).click(),
  ]);
  // Named by the day the page shows, and opening with the head every file of ours has.
  assert.match(download.suggestedFilename(), /^群众意见台账-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xs-')), download.suggestedFilename());
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  assert.deepEqual(Object.keys(JSON.parse(text)).slice(0, 4), ['format', 'version', 'exported_at', 'generator']);
  assert.equal(JSON.parse(text).format, 'xieshang-opinions');
  await context.close();

  // Another browser (a township's) reads it in 汇总分析.
  const other = await app.browser.newContext();
  const reader = await other.newPage();
  await reader.goto(app.server.url + '#/overview');
  await reader.getByLabel('选择导出文件（可多选）').setInputFiles([file]);
  await reader.getByRole('status').filter({ hasText: '本次读取协商记录0条、群众意见1条' }).waitFor();
  assert.match(await reader.locator('table.overview-files tbody tr').first().innerText(), /群众意见台账\s+玛纳斯县西村\s+0\s+1/);
  await other.close();
});
