// Records leave the browser and come back: JSON export and import with a preview, CSV, and a
// bad file that changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const SAMPLES = path.resolve(process.env.SAMPLES ?? 'target/samples-60.json');
const app = withApp({ files: { '/samples.json': SAMPLES } });

async function ledger() {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/records');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  return { context, page };
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

async function importFile(page, file) {
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(file);
}

test('all records export as one versioned file and import into another browser through a preview', async () => {
  const a = await ledger();
  await h.seed(a.page, app.server.url + 'samples.json');
  await a.page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  const exported = await download(a.page, '导出全部记录（JSON）');
  assert.match(exported.name, /^协商记录-\d{8}\.json$/);
  const file = JSON.parse(exported.text);
  assert.equal(file.format, 'xieshang-records');
  assert.equal(file.version, 1);
  assert.match(file.generator, /^xieshang /);
  assert.equal(file.records.length, 60);
  for (const r of file.records) assert.match(r.digest, /^[0-9a-f]{64}$/);
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xs-')), exported.name);
  fs.writeFileSync(tmp, exported.text);

  // Another browser profile (another village's computer).
  const b = await ledger();
  await importFile(b.page, tmp);
  const preview = b.page.getByRole('region', { name: /导入预览/ });
  await preview.waitFor();
  assert.match(await preview.innerText(), /新记录60条，与本机相同0条/);
  assert.match(await b.page.locator('.counts').innerText(), /共\s*0/, 'nothing changes before confirming');
  await preview.getByRole('button', { name: '确认导入' }).click();
  await b.page.getByRole('status').filter({ hasText: '已导入60条记录。' }).waitFor();
  assert.match(await b.page.locator('.counts').innerText(), /共\s*60/);

  // The same file again: every record is identical, nothing to do.
  await importFile(b.page, tmp);
  await preview.waitFor();
  assert.match(await preview.innerText(), /新记录0条，与本机相同60条/);
  await preview.getByRole('button', { name: '取消' }).click();

  // A record changed here then re-imported from the older file is older; the default keeps it.
  await b.page.getByLabel('查找记录').fill('幸福社区第1号');
  await b.page.getByRole('table').getByRole('link').first().click();
  await b.page.getByLabel('议题说明').fill('本机补充的说明');
  await h.waitSaved(b.page);
  await b.page.getByRole('link', { name: '协商台账', exact: true }).click();
  await importFile(b.page, tmp);
  await preview.waitFor();
  assert.match(await preview.innerText(), /比本机旧1条/);
  const choice = preview.getByRole('row').filter({ hasText: '比本机旧' }).getByRole('combobox', { name: /^处理：村规民约.*（幸福社区第1号）（sample-\d+）$/ });
  assert.equal(await choice.locator('option:checked').innerText(), '保留本机');
  await preview.getByRole('button', { name: '确认导入' }).click();
  await b.page.getByRole('status').filter({ hasText: '已导入0条记录。' }).waitFor();
  await b.page.getByLabel('查找记录').fill('幸福社区第1号');
  await b.page.getByRole('table').getByRole('link').first().click();
  assert.equal(await b.page.getByLabel('议题说明').inputValue(), '本机补充的说明');
  await a.context.close();
  await b.context.close();
});

test('a bad file gets a clear Chinese message naming where the problem is, and changes nothing', async () => {
  const { context, page } = await ledger();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-bad-'));
  const write = (name, text) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; };
  const samples = JSON.parse(fs.readFileSync(SAMPLES, 'utf8'));
  const good = { format: 'xieshang-records', version: 1, exported_at: '2026-11-27T08:00:00Z', generator: 'test', records: samples.records.slice(0, 3).map((r) => ({ digest: '0'.repeat(64), record: JSON.parse(r) })), opinions: [] };
  const text = JSON.stringify(good);
  const cases = [
    ['truncated.json', text.slice(0, 2000), /文件“truncated\.json”无法导入：文件不完整，在第1行第\d+列处中断。位置：整个文件。本机数据未作任何改动。/],
    ['version.json', JSON.stringify({ ...good, version: 9 }), /文件格式版本为9，本工作台只能读取版本1/],
    ['other.json', '{"hello": "world"}', /这不是本工作台导出的协商记录文件/],
  ];
  const wrongType = structuredClone(good);
  wrongType.records[1].record.revision = '三';
  cases.push(['types.json', JSON.stringify(wrongType), /内容不符合格式（应为非负整数，实为文字“三”.*位置：第2条记录，records\[1\]\.record\.revision/]);
  const dup = structuredClone(good);
  dup.records[2].record.id = dup.records[0].record.id;
  cases.push(['dup.json', JSON.stringify(dup), /记录编号“sample-00000”重复出现。位置：第3条记录，records\[2\]\.record\.id/]);
  const huge = structuredClone(good);
  huge.records[0].record.community = '长'.repeat(30000);
  cases.push(['huge.json', JSON.stringify(huge), /文字过长（30000字，上限20000字）。位置：第1条记录，records\[0\]\.record\.community/]);
  for (const [name, body, want] of cases) {
    await importFile(page, write(name, body));
    const alert = page.getByRole('alert').filter({ hasText: name });
    await alert.waitFor();
    assert.match(await alert.innerText(), want);
  }
  assert.match(await page.locator('.counts').innerText(), /共\s*0/);
  await h.expectCount(page.getByRole('region', { name: /导入预览/ }), 0);
  await context.close();
});

test('markup in every text field stays text, in the editor and through export and import', async () => {
  const { context, page } = await ledger();
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const samples = JSON.parse(fs.readFileSync(SAMPLES, 'utf8'));
  const record = JSON.parse(samples.records[5]);
  record.id = 'markup-1';
  record.community = evil;
  record.matter.name = evil;
  for (const v of Object.values(record.values)) if (v.type === 'text') v.value = evil;
  for (const p of record.parties) { p.name = evil; p.organisation = evil; }
  const file = { format: 'xieshang-records', version: 1, exported_at: '2026-11-27T08:00:00Z', generator: 'test', records: [{ digest: '0'.repeat(64), record }], opinions: [] };
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xs-m-')), 'markup.json');
  fs.writeFileSync(p, JSON.stringify(file));
  await importFile(page, p);
  const preview = page.getByRole('region', { name: /导入预览/ });
  await preview.waitFor();
  assert.match(await preview.innerText(), /校验码与内容不符/);
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('status').filter({ hasText: '已导入1条记录。' }).waitFor();
  assert.match(await page.getByRole('table').innerText(), /<img src=x onerror=/);
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: /第\d阶段/ }).waitFor();
  await h.expectCount(page.getByRole('heading', { level: 2, name: evil }), 1);
  await page.getByRole('link', { name: /确定议题/ }).click();
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), evil);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  await h.expectCount(page.locator('img[src="x"]'), 0);
  await context.close();
});

test('the ledger exports as CSV with a byte-order mark, as Excel and WPS need', async () => {
  const { context, page } = await ledger();
  await h.seed(page, app.server.url + 'samples.json');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await page.getByLabel('状态', { exact: true }).selectOption({ label: '已办结' });
  const csv = await download(page, '导出台账（CSV）');
  assert.match(csv.name, /^协商台账-\d{8}\.csv$/);
  assert.equal(csv.text.charCodeAt(0), 0xfeff);
  const lines = csv.text.slice(1).trim().split('\r\n');
  assert.equal(lines.length, 11, 'header and the 10 completed records shown');
  assert.match(lines[0], /^序号,事项,协商议题,类别,村（社区）,当前阶段,状态,是否逾期,落实期限,最后修改,记录编号,校验码$/);
  for (const line of lines.slice(1)) assert.match(line, /,已办结,否,/);
  await context.close();
});
