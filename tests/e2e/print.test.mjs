// The printed documents, printed for real: headless Chromium prints each to PDF; the test checks
// page size, page count and the text (pdftotext), and leaves PNG pages for review in
// tests/e2e/artifacts/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { withApp } from './app.mjs';
import * as h from './helpers.mjs';

const SAMPLES = path.resolve(process.env.SAMPLES ?? 'target/samples-60.json');
// The road case (domain::sample::road) as an export file: `cargo run --example road`.
const ROAD = path.resolve(process.env.ROAD ?? 'target/road.json');
const ARTIFACTS = path.resolve('tests/e2e/artifacts');
before(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
const app = withApp({ files: { '/samples.json': SAMPLES } });

const pdfinfo = (file) => Object.fromEntries(
  execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
);
// The lines of a PDF page as pdftotext lays them out, blank ones dropped.
const pageLines = (file, n) => pageText(file, n).split('\n').map((l) => l.trim()).filter(Boolean);
const pageText = (file, n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });

test('each document of a completed consultation prints on A4 with title, issuer, date, page numbers and digest', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/settings');
  await page.getByLabel('县（市）').fill('玛纳斯县');
  await page.getByLabel('乡镇（街道）').fill('玛纳斯镇');
  await page.getByLabel('村（社区）').fill('清水河村');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('status').filter({ hasText: '设置已保存。' }).waitFor();
  await h.seed(page, app.server.url + 'samples.json');
  const samples = JSON.parse(fs.readFileSync(SAMPLES, 'utf8'));
  const summary = samples.summaries.map((s) => JSON.parse(s)).find((s) => s.id === 'sample-00005');
  const digest = summary.digest.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');

  await page.goto(app.server.url + '#/record/sample-00005');
  await page.getByRole('heading', { level: 2, name: /第5阶段/ }).waitFor();
  assert.match(await page.locator('.record-head').innerText(), new RegExp(digest));
  // Who signs is the lead body the record names (written into it when stage 1 closed), not the
  // place in 设置.
  await page.goto(app.server.url + '#/record/sample-00005/s1');
  const issuer = await page.getByLabel('牵头组织单位（公示落款）').inputValue();
  const village = await page.getByLabel('村（社区）', { exact: true }).inputValue();
  assert.equal(issuer, `${village}党组织、${village}${village.endsWith('社区') ? '居民' : '村民'}委员会`);
  const printed = {};
  const docs = [
    ['协商议题公示', 'publicity', 1, ['协商议题', '协商时间', '参加人员', '主持人', '可以申请参加协商议事']],
    ['协商议事记录', 'minutes', 2, ['参加人员及出席情况', '各方意见建议', '协商结果', '主持人（签字）']],
    ['协商成果公示', 'result', 1, ['协商成果', '欢迎广大村（居）民监督']],
    ['督办公函', 'letter', 1, ['村民委员会：', '公函制', '前落实上述协商成果']],
    ['城乡社区协商归档表', 'archive', 5, ['第1阶段', '第5阶段', '办理经过', '已完成', '完成情况', '协商记录修改明细']],
    ['协商记录修改明细', 'changes', 12, ['建立记录', '完成第1阶段', '完成第5阶段']],
  ];
  for (const [title, id, maxPages, words] of docs) {
    await page.getByRole('navigation', { name: /打印文书|文书/ }).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const file = path.join(ARTIFACTS, `${id}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true });
    const info = pdfinfo(file);
    assert.match(info['Page size'], /^59[45]\.\d+ x 841\.\d+ pts \(A4\)$/, `${title}: ${info['Page size']}`);
    const pages = Number(info.Pages);
    assert.ok(pages >= 1 && pages <= maxPages, `${title}: ${pages} pages`);
    const all = [];
    for (let n = 1; n <= pages; n++) {
      const text = pageText(file, n);
      all.push(text);
      // Every page carries its number and the record's digest.
      assert.match(text, new RegExp(`—\\s*${n}\\s*—`), `${title} page ${n} number`);
      assert.match(text, new RegExp(`校验码\\s*${digest}`), `${title} page ${n} digest`);
    }
    const text = all.join('\n').replace(/\s+/g, '');
    assert.ok(text.includes(title), title);
    for (const w of words) assert.ok(text.includes(w), `${title} lacks ${w}`);
    assert.ok(text.includes(issuer), `${title} issuer`);
    assert.ok(!text.includes('清水河村') && !text.includes('玛纳斯'), `${title} does not print the place in 设置`);
    printed[id] = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    if (id !== 'archive') assert.match(text, /2026年\d+月\d+日/, `${title} date`);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, id)]);
    // The same document as a Word file.
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载Word文件（.docx）' }).click()]);
    assert.equal(word.suggestedFilename(), `${title}-sample-00005.docx`);
    const bytes = fs.readFileSync(await word.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${title}.docx is a zip`);
    fs.writeFileSync(path.join(ARTIFACTS, `${id}.docx`), bytes);
    if (id === 'archive') {
      assert.ok(pages >= 3, 'the archive of a whole record runs to several pages');
      // No table row is split: a row's label and its content are on the same page.
      for (const [item, content] of [['以“约请”方式邀请各方协商', '约请日期：'], ['根据协商议题确定参与协商的主体', '参与协商的主体：']]) {
        // Cells wrap, so look for the label's start and end on the page that holds the content.
        const whole = all.some((t) => {
          const x = t.replace(/\s+/g, '');
          return x.includes(content) && x.includes(item.slice(0, 6)) && x.includes(item.slice(-3));
        });
        assert.ok(whole, `the row “${item}” is whole on one page`);
      }
    }
  }
  // The Word files made in the browser (by the worker) open in LibreOffice with their text.
  const out = fs.mkdtempSync(path.join(ARTIFACTS, 'docx-'));
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out,
    ...docs.map(([, id]) => path.join(ARTIFACTS, `${id}.docx`))], { env: { ...process.env, HOME: out }, stdio: 'ignore' });
  for (const [title, id] of docs) {
    const text = execFileSync('pdftotext', [path.join(out, `${id}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    assert.ok(text.includes(title) && text.includes(digest) && text.includes(issuer.replace(/\s+/g, '')), `${id}.docx text`);
  }
  // 设置 changed to another village: every document prints again word for word as before.
  await page.goto(app.server.url + '#/settings');
  await page.getByLabel('县（市）').fill('呼图壁县');
  await page.getByLabel('乡镇（街道）').fill('五工台镇');
  await page.getByLabel('村（社区）').fill('幸福村');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('status').filter({ hasText: '设置已保存。' }).waitFor();
  for (const [title, id] of docs) {
    await page.goto(app.server.url + `#/record/sample-00005/print/${id}`);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const again = path.join(ARTIFACTS, `${id}-again.pdf`);
    await page.pdf({ path: again, preferCSSPageSize: true });
    assert.equal(execFileSync('pdftotext', [again, '-'], { encoding: 'utf8' }), printed[id], `${title} after 设置 changed`);
  }
  // The screen shows the print view without the app's chrome when printing.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-header').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false);
  await context.close();
});

test('a blank field prints as a line to fill by hand, and markup prints as text', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '举报信箱');
  await page.getByLabel('协商议题', { exact: true }).fill('<b>举报信箱</b>移位');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商议题公示' }).click();
  await page.getByRole('heading', { level: 2, name: '协商议题公示' }).waitFor();
  const file = path.join(ARTIFACTS, 'blank-publicity.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true });
  const text = pageText(file, 1);
  assert.match(text, /协商时间\s+＿＿＿＿＿＿/);
  assert.match(text, /<b>举报信箱<\/b>移位/);
  assert.match(text, /年\s+月\s+日/);
  // Lines typed (or pasted from Word, whose manual line break is U+000B) print as lines.
  await page.goto(page.url().replace(/\/print\/publicity$/, '/s1'));
  await page.getByLabel('议题说明').fill('一、信箱移到东门\n二、每周一开箱\u000b三、开箱两人在场');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '城乡社区协商归档表' }).click();
  await page.getByRole('heading', { level: 2, name: '城乡社区协商归档表' }).waitFor();
  const archive = path.join(ARTIFACTS, 'lines-archive.pdf');
  await page.pdf({ path: archive, preferCSSPageSize: true });
  const lines = execFileSync('pdftotext', [archive, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ''));
  for (const point of ['二、每周一开箱', '三、开箱两人在场']) {
    assert.ok(lines.includes(point), `“${point}” on a line of its own`);
  }
  await context.close();
});

test('a notice with twenty parties prints on one page, the seal never alone: body text always above it', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '兴修道路、桥梁、水利');
  await page.getByLabel('村（社区）', { exact: true }).fill('勇进村、榆树沟村');
  await page.getByLabel('协商议题', { exact: true }).fill('硬化勇进村至榆树沟村连接道路3.2公里');
  const surnames = '马王李张刘陈杨赵黄周吴徐孙胡朱高林何郭罗';
  for (let i = 0; i < 20; i++) {
    await page.getByRole('button', { name: '添加参与主体' }).click();
    const card = page.locator('fieldset.party').nth(i);
    await card.getByLabel('姓名或名称').fill(`${surnames[i]}建${'国军华明'[i % 4]}`);
    await card.getByLabel('单位或住址').fill(i < 10 ? `勇进村${i + 1}组` : `榆树沟村${i - 9}组`);
  }
  await h.waitSaved(page);
  const record = new URL(page.url()).hash.split('/')[2];
  for (const [id, title] of [['publicity', '协商议题公示'], ['result', '协商成果公示'], ['letter', '督办公函'], ['minutes', '协商议事记录']]) {
    await page.goto(`${app.server.url}#/record/${record}/print/${id}`);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    // With background graphics on too: nothing but the document is printed.
    const file = path.join(ARTIFACTS, `twenty-${id}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const pages = Number(pdfinfo(file).Pages);
    if (id !== 'minutes') assert.equal(pages, 1, `${title} of twenty parties: ${pages} pages`);
    // The last page holds body text above the organisation and date.
    const last = pageText(file, pages).split('\n').map((l) => l.trim()).filter(Boolean);
    const issuerAt = last.findLastIndex((l) => l.startsWith('勇进村党组织'));
    const body = last.slice(0, Math.max(issuerAt, 0)).filter((l) => !/^—\s*\d+\s*—$|校验码|（印章）/.test(l));
    assert.ok(issuerAt > 0 && body.length >= 2, `${title}: body text above the signature on its last page:\n${last.join('\n')}`);
    execFileSync('pdftoppm', ['-png', '-r', '40', file, path.join(ARTIFACTS, `twenty-${id}`)]);
    // No page is tinted: the app's background (#f5f3ef) is not printed, even with backgrounds on.
    for (let n = 1; n <= pages; n++) {
      const ppm = execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '20', file]);
      const header = ppm.subarray(0, 20).toString('latin1').match(/^P6\s+\d+\s+\d+\s+\d+\s/)[0].length;
      let tinted = 0;
      for (let i = header; i + 2 < ppm.length; i += 3) {
        if (ppm[i] === 245 && ppm[i + 1] === 243 && ppm[i + 2] === 239) tinted++;
      }
      assert.equal(tinted, 0, `${title} page ${n}: ${tinted} pixels of the app's background`);
    }
  }
  await context.close();
});

test('核验文书: a printed copy is found by its 校验码, and after an edit the changes since it was printed are listed', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '举报信箱');
  await page.getByLabel('协商议题', { exact: true }).fill('举报信箱移到东门');
  await h.waitSaved(page);
  await page.getByRole('link', { name: '协商议题公示' }).click();
  await page.getByRole('heading', { level: 2, name: '协商议题公示' }).waitFor();
  const file = path.join(ARTIFACTS, 'verify-publicity.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true });
  // What a person reads off the paper's foot.
  const foot = pageText(file, 1).replace(/\s+/g, ' ');
  const [, id, revision, code] = foot.match(/记录 (\S+) 第(\d+)版 校验码 ([0-9A-F-]{19})/) ?? [];
  assert.ok(code, `the foot carries record, revision and code: ${foot}`);
  const verify = async (fields) => {
    await page.getByRole('link', { name: '核验文书' }).click();
    await page.getByRole('heading', { level: 2, name: '核验文书' }).waitFor();
    await page.getByLabel('校验码（如 243D-4596-774A-B365）').fill(fields.code);
    await page.getByLabel('记录编号（页脚“记录”之后）').fill(fields.id ?? '');
    await page.getByLabel('版本（页脚“第…版”）').fill(fields.revision ?? '');
    const status = page.locator('.verify-result[role="status"]');
    assert.equal(await status.innerText(), '', 'typing clears the last answer');
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.verify-result').textContent.trim() !== '');
    return status;
  };
  let status = await verify({ code: code.toLowerCase().replaceAll('-', ' ') });
  assert.match(await status.innerText(), new RegExp(`核验一致：这份文书出自协商记录${id}第${revision}版（举报信箱移到东门`));
  // The record changes after printing.
  await status.getByRole('link', { name: '打开此记录' }).click();
  await page.getByLabel('协商议题', { exact: true }).fill('举报信箱移到西门');
  await h.waitSaved(page);
  status = await verify({ code });
  assert.match(await status.innerText(), /本机没有与此校验码相符的协商记录/);
  status = await verify({ code, id, revision });
  const text = await status.innerText();
  assert.match(text, new RegExp(`核验不一致：记录${id}现为第\\d+版`));
  assert.match(text, new RegExp(`第${revision}版之后的修改`));
  assert.match(text, /填写“协商议题”：举报信箱移到西门/);
  status = await verify({ code: '12345' });
  assert.match(await status.innerText(), /校验码应为16位数字或字母A–F/);
  await context.close();
});

test('a record made by an earlier build takes its place from 设置 once, says so, and keeps it in its change log', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/settings');
  await page.getByLabel('县（市）').fill('玛纳斯县');
  await page.getByLabel('乡镇（街道）').fill('玛纳斯镇');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('status').filter({ hasText: '设置已保存。' }).waitFor();
  // A completed record as an earlier build stored it: procedure version 1, no place, no lead body.
  const samples = JSON.parse(fs.readFileSync(SAMPLES, 'utf8'));
  const at = samples.summaries.findIndex((s) => JSON.parse(s).id === 'sample-00005');
  const old = JSON.parse(samples.records[at]);
  old.procedure.version = 1;
  for (const f of ['county', 'township', 'organiser']) delete old.values[f];
  const canonical = (v) => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
      : JSON.stringify(v));
  await page.evaluate(async ([text, summary]) => {
    const db = await new Promise((ok) => { const r = indexedDB.open('xieshang'); r.onsuccess = () => ok(r.result); });
    await new Promise((ok, no) => {
      const tx = db.transaction(['records', 'summaries'], 'readwrite');
      tx.objectStore('records').put(new TextEncoder().encode(text), 'sample-00005');
      tx.objectStore('summaries').put(summary, 'sample-00005');
      tx.oncomplete = ok;
      tx.onerror = () => no(tx.error);
    });
    db.close();
  }, [canonical(old), samples.summaries[at]]);
  await page.goto(app.server.url + '#/record/sample-00005');
  const note = page.getByRole('status').filter({ hasText: '早期版本' });
  await note.waitFor();
  assert.match(await note.innerText(), /县（市）玛纳斯县，乡镇（街道）玛纳斯镇；文书按“北山村党组织、北山村村民委员会”落款/);
  await h.waitSaved(page);
  // Once: opened again, nothing more is filled in and nothing is said.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /第5阶段/ }).waitFor();
  assert.equal(await note.count(), 0);
  await page.goto(app.server.url + '#/record/sample-00005/s1');
  assert.equal(await page.getByLabel('县（市）').inputValue(), '玛纳斯县');
  assert.equal(await page.getByLabel('牵头组织单位（公示落款）').inputValue(), '北山村党组织、北山村村民委员会');
  await page.goto(app.server.url + '#/record/sample-00005/print/archive');
  await page.locator('.document').getByText('按新版程序补记地点和牵头组织单位（本记录建于早期版本）').waitFor();
  await context.close();
});

// Where the signature of a page of the road case begins: its first sign line (签字), else the
// issuing body above the date.
const signatureAt = (lines) => {
  const sign = lines.findIndex((l) => l.includes('（签字）'));
  return sign >= 0 ? sign : lines.findLastIndex((l) => /^榆树沟镇(党委|人民政府)$/.test(l));
};

test('the road case on paper: one-page notices, an archive form of at most five pages, body text above every signature, and Word agreeing page for page', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/records');
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(ROAD);
  const preview = page.getByRole('region', { name: /导入预览/ });
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('status').filter({ hasText: '已导入2条记录。' }).waitFor();
  // [title, record, document, most pages]: the road case, and the same case followed in three
  // progress reports (its 归档表 gains a section listing them).
  const docs = [
    ['协商议题公示', 'road', 'publicity', 1],
    ['协商议事记录', 'road', 'minutes', 3],
    ['协商成果公示', 'road', 'result', 1],
    ['督办公函', 'road', 'letter', 1],
    ['城乡社区协商归档表', 'road', 'archive', 5],
    ['协商记录修改明细', 'road', 'changes', 12],
    ['城乡社区协商归档表', 'road-reported', 'archive', 6],
    ['协商记录修改明细', 'road-reported', 'changes', 12],
  ];
  const out = fs.mkdtempSync(path.join(ARTIFACTS, 'road-docx-'));
  const counts = {};
  for (const [title, record, doc, maxPages] of docs) {
    const id = `${record}-${doc}`;
    await page.goto(`${app.server.url}#/record/${record}/print/${doc}`);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const file = path.join(ARTIFACTS, `${id}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const pages = Number(pdfinfo(file).Pages);
    assert.ok(pages <= maxPages, `${title} of the road case: ${pages} pages, at most ${maxPages}`);
    counts[id] = pages;
    // The last page holds at least two lines of body text above the sign lines, the organisation
    // and the date (not counting the page number, the foot or the seal's place).
    const last = pageLines(file, pages);
    const signAt = signatureAt(last);
    const body = last.slice(0, Math.max(signAt, 0)).filter((l) => !/^—\s*\d+\s*—$|校验码|（印章）/.test(l));
    assert.ok(signAt > 0 && body.length >= 2, `${title}: two lines of body text above the signature on its last page:\n${last.join('\n')}`);
    execFileSync('pdftoppm', ['-png', '-r', '40', file, path.join(ARTIFACTS, id)]);
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载Word文件（.docx）' }).click()]);
    fs.writeFileSync(path.join(out, `${id}.docx`), fs.readFileSync(await word.path()));
  }
  // The Word files, laid out by LibreOffice, run to the same number of pages, and their last page
  // too holds body text above the signature.
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out,
    ...docs.map(([, record, doc]) => path.join(out, `${record}-${doc}.docx`))], { env: { ...process.env, HOME: out }, stdio: 'ignore' });
  for (const [title, record, doc] of docs) {
    const id = `${record}-${doc}`;
    const file = path.join(out, `${id}.pdf`);
    const pages = Number(pdfinfo(file).Pages);
    // The appendix, a change log of six pages, may break a row differently (LibreOffice's
    // stand-in fonts set Latin digits wider than Chromium's): one page either way, said in the
    // README. Every other document agrees page for page.
    const slack = doc === 'changes' ? 1 : 0;
    assert.ok(Math.abs(pages - counts[id]) <= slack, `${title}: ${counts[id]} pages printed, ${pages} in Word (LibreOffice)`);
    const last = pageLines(file, pages);
    const signAt = signatureAt(last);
    const body = last.slice(0, Math.max(signAt, 0)).filter((l) => !/^—\s*\d+\s*—$|校验码|（印章）|^\d+$/.test(l));
    assert.ok(signAt > 0 && body.length >= 2, `${title}.docx: two lines of body text above the signature on its last page:\n${last.join('\n')}`);
  }
  await context.close();
});

test('核验导出的文件: an exported file is checked record by record, a later change here is listed, and a file changed by hand is named', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/records');
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(ROAD);
  await page.getByRole('region', { name: /导入预览/ }).getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('status').filter({ hasText: '已导入2条记录。' }).waitFor();
  const check = async (file) => {
    await page.goto(app.server.url + '#/verify');
    await page.getByRole('heading', { level: 3, name: '核验导出的文件' }).waitFor();
    await page.getByLabel('选择导出的协商记录文件（JSON）').setInputFiles(file);
    const status = page.locator('.verify-file-result[role="status"]');
    await status.locator('table, .error').first().waitFor();
    return status.innerText();
  };
  let said = await check(ROAD);
  assert.match(said, /文件“road\.json”共2条记录：与本机完全一致2条，本机在导出后有修改0条/);
  assert.match(said, /一致：与本机保存的记录完全相同。/);
  // The file changed by hand after export (its digest kept): named as such.
  const file = JSON.parse(fs.readFileSync(ROAD, 'utf8'));
  file.records[0].record.values.outcome = { type: 'text', value: '一、硬化连接道路5公里' };
  const forged = path.join(fs.mkdtempSync(path.join(ARTIFACTS, 'forged-')), 'road.json');
  fs.writeFileSync(forged, JSON.stringify(file));
  said = await check(forged);
  assert.match(said, /其中1条记录的内容与文件中记载的校验值不符：文件导出之后被改动过/);
  // The record goes on here after the export: the file is an older revision, and what changed
  // since is listed.
  await page.goto(app.server.url + '#/record/road/s5');
  await page.getByRole('button', { name: '重新打开本阶段' }).click();
  await page.getByLabel('反馈说明', { exact: false }).first().fill('道路已硬化完工，两村群众代表验收合格，已设立养护责任牌。');
  await h.waitSaved(page);
  said = await check(ROAD);
  assert.match(said, /本机在导出后有修改1条/);
  assert.match(said, /不一致：文件是第\d+版，本机已改到第\d+版。导出之后本机的修改：/);
  assert.match(said, /重新打开第5阶段/);
  assert.match(said, /已设立养护责任牌/);
  // Not an export file: said in Chinese, nothing else shown.
  const bad = path.join(path.dirname(forged), 'notes.json');
  fs.writeFileSync(bad, '{"hello": 1}');
  said = await check(bad);
  assert.match(said, /notes\.json/);
  await context.close();
});
