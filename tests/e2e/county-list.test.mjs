// A county's own list: a county bureau makes the template its list, adds a matter, fills a blank
// row, resolves the duplicate, exports the list; a fresh browser profile loads it, opens a record
// for the new matter, and the filing document prints with the new rows.
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

const NEW = '村（社区）老年助餐服务';
const SLOT = '村（社区）小型水利设施管护';

async function saved(page, version) {
  await page.getByRole('status').filter({ hasText: `已保存为第${version}版` }).waitFor();
}

test('a county edits its list, passes it on, and the other copy uses and files it', async () => {
  const a = await app.browser.newContext({ acceptDownloads: true });
  const page = await a.newPage();
  await page.goto(app.server.url);
  await page.getByRole('link', { name: '事项清单' }).click();
  await page.getByRole('heading', { level: 2, name: '本县（市）协商事项清单' }).waitFor();
  // The notice's words are quoted, not paraphrased.
  assert.match(await page.locator('blockquote').innerText(), /上报州民政局统一备案/);
  await page.getByLabel('县（市）名称').fill('玛纳斯县');
  // Who makes the county's list, and how a village takes it up; not made at one click.
  const intro = await page.locator('.county-list').innerText();
  assert.match(intro, /由县（市）民政部门编制/);
  assert.match(intro, /村（社区）不自行编制：请用下方的“导入事项清单（JSON）”导入/);
  assert.equal(await page.getByRole('button', { name: '以模板为基础编制本县清单' }).isDisabled(), true);
  await page.getByLabel('我是县（市）民政部门的工作人员，要编制的是全县（市）的清单').check();
  await page.getByRole('button', { name: '以模板为基础编制本县清单' }).click();
  await page.getByRole('status').filter({ hasText: '玛纳斯县城乡社区协商事项指导目录清单　第1版' }).waitFor();

  // A matter added to 公益事业类.
  const gongyi = page.getByRole('region', { name: '公益事业类', exact: true });
  await gongyi.getByText('在“公益事业类”中添加事项').click();
  const adding = gongyi.getByRole('form', { name: '在“公益事业类”中添加事项' });
  await adding.getByLabel('新增事项名称').fill(NEW);
  await adding.getByLabel('涉及面广').check();
  await adding.getByRole('button', { name: '添加事项' }).click();
  await saved(page, 2);
  await gongyi.getByRole('row').filter({ hasText: NEW }).waitFor();

  // An empty name is refused with a reason, and nothing changes.
  await adding.getByRole('button', { name: '添加事项' }).click();
  await page.getByRole('alert').filter({ hasText: '名称或说明不能为空' }).waitFor();

  // Row 32, left blank by the template, filled.
  const row32form = gongyi.getByRole('form', { name: '填写第32行事项' });
  await row32form.getByLabel('填写第32行事项').fill(SLOT);
  await row32form.getByRole('button', { name: '填入' }).click();
  await saved(page, 3);
  const row32 = gongyi.getByRole('row').filter({ hasText: SLOT });
  assert.match(await row32.innerText(), /^32/);

  // The same matter twice in one category needs a remark.
  await adding.getByLabel('新增事项名称').fill(NEW);
  await adding.getByRole('button', { name: '添加事项' }).click();
  await page.getByRole('alert').filter({ hasText: `“公益事业类”中已有“${NEW}”` }).waitFor();
  // What was typed stays, to be corrected.
  assert.equal(await adding.getByLabel('新增事项名称').inputValue(), NEW);
  await adding.getByLabel('新增事项名称').fill('');

  // The duplicate 财务预决算: row 49 retired, the flaw resolved with the resolution shown.
  const unlabelled = page.getByRole('region', { name: '（模板未标注类别）' });
  await unlabelled.getByRole('button', { name: '停用：财务预决算' }).click();
  await saved(page, 4);
  assert.match(await unlabelled.getByRole('row').filter({ hasText: '财务预决算' }).innerText(), /已停用/);
  const flaw = page.getByRole('listitem').filter({ hasText: '“财务预决算”在第42行和第49行重复出现' });
  await flaw.getByLabel('处理说明（重复事项）').fill('保留第42行，第49行停用。');
  await flaw.getByRole('button', { name: '标记已处理' }).click();
  await saved(page, 5);
  await flaw.getByText('已处理：保留第42行，第49行停用。').waitFor();

  // The history has every change with its date; the comparison with the template names them.
  const history = page.getByRole('region', { name: '版本记录' });
  // A header, four changes, and the start from the template.
  await h.expectCount(history.getByRole('row'), 1 + 4 + 1);
  await history.getByRole('button', { name: '与模板比较' }).click();
  const diff = history.getByRole('region', { name: '与模板比较' });
  const diffText = await diff.innerText();
  for (const w of [`新增事项（公益事业类）：${NEW}`, `空行填入（第32行）：${SLOT}`, '停用：财务预决算', '模板问题已处理']) {
    assert.ok(diffText.includes(w), `diff lacks ${w}: ${diffText}`);
  }
  await history.getByRole('button', { name: '与上一版本比较' }).click();
  assert.match(await history.getByRole('region', { name: '与第4版比较' }).innerText(), /1处不同[\s\S]*模板问题已处理/);

  // The catalogue offers the new matters and no longer the retired one.
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await h.expectCount(page.getByRole('row').filter({ hasText: NEW }), 1);
  await h.expectCount(page.getByRole('row').filter({ hasText: '财务预决算' }), 1);

  // Exported as a versioned file.
  await page.getByRole('link', { name: '事项清单' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出清单（JSON）' }).click(),
  ]);
  const file = path.join(ARTIFACTS, 'county-list.json');
  await download.saveAs(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(json.format, 'xieshang-catalogue');
  assert.equal(json.version, 1);
  assert.equal(json.catalogue.version, 5);
  assert.equal(json.catalogue.history.length, 4);
  await a.close();

  // A fresh browser profile (a village's copy) loads it, after a preview.
  const b = await app.browser.newContext({ acceptDownloads: true });
  const village = await b.newPage();
  await village.goto(app.server.url + '#/list');
  await village.getByLabel('导入事项清单（JSON）').setInputFiles(file);
  const preview = village.getByRole('region', { name: '清单导入预览' });
  await preview.waitFor();
  assert.match(await preview.innerText(), /第5版/);
  assert.ok((await preview.innerText()).includes(`新增事项（公益事业类）：${NEW}`));
  // Nothing changed before the confirmation.
  await village.getByRole('link', { name: '协商事项目录' }).click();
  await h.expectCount(village.getByRole('row').filter({ hasText: NEW }), 0);
  await village.getByRole('link', { name: '事项清单' }).click();
  await village.getByLabel('导入事项清单（JSON）').setInputFiles(file);
  await village.getByRole('button', { name: '确认导入清单' }).click();
  await village.getByRole('status').filter({ hasText: '已导入“玛纳斯县城乡社区协商事项指导目录清单”第5版' }).waitFor();

  // A record opened for the new matter carries the list's copy of it.
  await h.startConsultation(village, NEW);
  const head = await village.locator('.record-head').innerText();
  assert.ok(head.includes(NEW), head);
  const recordId = decodeURIComponent(new URL(village.url()).hash.split('/')[2]);

  // The list survives a reload.
  await village.reload();
  await village.getByRole('link', { name: '事项清单' }).click();
  await village.getByRole('status').filter({ hasText: '第5版' }).waitFor();

  // The filing document prints with the new rows, numbered, titled and dated for the county.
  await village.getByRole('link', { name: '打印备案清单' }).click();
  await village.getByRole('heading', { level: 2, name: '玛纳斯县城乡社区协商事项指导目录清单' }).waitFor();
  const pdf = path.join(ARTIFACTS, 'filing.pdf');
  await village.pdf({ path: pdf, preferCSSPageSize: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 2 && pages <= 6, `${pages} pages`);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const w of ['序号', '类别', '事项', '备注', NEW, SLOT, '涉及面广', '协商事项（共56项）', '模板问题的处理', '保留第42行，第49行停用。', '停用事项', '第5版', '— 1 —'.replace(/\s/g, '')]) {
    assert.ok(text.includes(w), `filing lacks ${w}`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, 'filing')]);
  const [word] = await Promise.all([
    village.waitForEvent('download'),
    village.getByRole('button', { name: '下载Word文件（.docx）' }).click(),
  ]);
  const bytes = fs.readFileSync(await word.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  fs.writeFileSync(path.join(ARTIFACTS, 'filing.docx'), bytes);
  const out = fs.mkdtempSync(path.join(ARTIFACTS, 'filing-'));
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, path.join(ARTIFACTS, 'filing.docx')],
    { env: { ...process.env, HOME: out }, stdio: 'ignore' });
  const wordText = execFileSync('pdftotext', [path.join(out, 'filing.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(wordText.includes(NEW) && wordText.includes(SLOT) && wordText.includes('城乡社区协商事项指导目录清单'), 'filing.docx text');

  // The record keeps the matter as it was when opened, after the list changes again.
  await village.goto(app.server.url + '#/list');
  await village.getByRole('button', { name: `修改：${NEW}` }).click();
  await village.getByLabel('事项名称', { exact: true }).fill('村（社区）老年食堂');
  await village.getByRole('button', { name: '保存修改' }).click();
  await saved(village, 6);
  await village.goto(app.server.url + `#/record/${recordId}`);
  await village.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.ok((await village.locator('.record-head').innerText()).includes(NEW));
  await b.close();
});

test('a bad list file is refused with a reason and changes nothing', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/list');
  const bad = path.join(ARTIFACTS, 'bad-list.json');
  for (const [content, reason] of [
    ['{"format":"xieshang-catalogue","version":1,"catalogue":{"id":', '文件不完整'],
    ['{"format":"xieshang-catalogue","version":9}', '9'],
    ['{"format":"xieshang-records","version":1,"records":[]}', '不是本工作台导出的事项清单文件'],
  ]) {
    fs.writeFileSync(bad, content);
    await page.getByLabel('导入事项清单（JSON）').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'bad-list.json' });
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(reason), `${content}: ${await alert.innerText()}`);
    await h.expectCount(page.getByRole('region', { name: '清单导入预览' }), 0);
  }
  await page.getByRole('button', { name: '以模板为基础编制本县清单' }).waitFor();
  await context.close();
});

test('two pages on one list: one that hears the other shows its change at once; one that cannot is told, shown the first one’s version, and nothing is lost', async () => {
  const context = await app.browser.newContext();
  const one = await context.newPage();
  await one.goto(app.server.url + '#/list');
  await one.getByLabel('县（市）名称').fill('呼图壁县');
  await one.getByLabel('我是县（市）民政部门的工作人员，要编制的是全县（市）的清单').check();
  await one.getByRole('button', { name: '以模板为基础编制本县清单' }).click();
  await one.getByRole('status').filter({ hasText: '呼图壁县城乡社区协商事项指导目录清单　第1版' }).waitFor();
  // A page that cannot hear the others (messages lost: no BroadcastChannel) …
  const two = await context.newPage();
  await two.addInitScript(() => { window.BroadcastChannel = undefined; });
  await two.goto(app.server.url + '#/list');
  await two.getByRole('status').filter({ hasText: '呼图壁县城乡社区协商事项指导目录清单　第1版' }).waitFor();
  // … and one that can.
  const three = await context.newPage();
  await three.goto(app.server.url + '#/list');
  await three.getByRole('status').filter({ hasText: '呼图壁县城乡社区协商事项指导目录清单　第1版' }).waitFor();

  const add = async (page, name) => {
    const group = page.getByRole('region', { name: '其他类', exact: true });
    await group.getByText('在“其他类”中添加事项').click();
    const form = group.getByRole('form', { name: '在“其他类”中添加事项' });
    await form.getByLabel('新增事项名称').fill(name);
    await form.getByRole('button', { name: '添加事项' }).click();
  };
  await add(one, '甲事项');
  await saved(one, 2);
  await three.getByRole('status').filter({ hasText: '呼图壁县城乡社区协商事项指导目录清单　第2版' }).waitFor();
  await three.getByRole('region', { name: '其他类', exact: true }).getByRole('row').filter({ hasText: '甲事项' }).waitFor();
  await add(two, '乙事项');
  await two.getByRole('alert').filter({ hasText: '事项清单已在另一个页面中修改' }).waitFor();
  // The second page now shows the first one's version; the change is made again on it.
  await two.getByRole('region', { name: '其他类', exact: true }).getByRole('row').filter({ hasText: '甲事项' }).waitFor();
  await two.getByRole('region', { name: '其他类', exact: true }).getByRole('button', { name: '添加事项' }).click();
  await two.getByRole('region', { name: '其他类', exact: true }).getByLabel('新增事项名称').fill('乙事项');
  await two.getByRole('region', { name: '其他类', exact: true }).getByRole('button', { name: '添加事项' }).click();
  await saved(two, 3);
  await one.reload();
  await one.getByRole('status').filter({ hasText: '呼图壁县城乡社区协商事项指导目录清单　第3版' }).waitFor();
  for (const name of ['甲事项', '乙事项']) {
    await h.expectCount(one.getByRole('region', { name: '其他类', exact: true }).getByRole('row').filter({ hasText: name }), 1);
  }
  await context.close();
});
