// English: the switch changes every visible label of the record editor (and the rest of the UI)
// at run time; Chinese stays the default and comes back with the other button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withApp } from './app.mjs';

const app = withApp();
const en = JSON.parse(fs.readFileSync('data/en.json', 'utf8'));
const HAN = /[\u4e00-\u9fff]/;

/** Every visible label-like text of the page that is not user data or a quotation of the notice. */
async function chineseLabels(page) {
  return page.evaluate((han) => {
    const re = new RegExp(han);
    const selector = 'label, legend, button, h1, h2, h3, h4, th, summary, option, .step-title, .step-state, .req, nav a, .crumb, .meta > span, .gate p, .report p, .report li, .cite, .tagline, .app-footer';
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest('[hidden]') || el.closest('.training-mark')) continue;
      const clone = el.cloneNode(true);
      // The notice is quoted in its own words (marked lang="zh-CN"); entered data is not a label.
      for (const q of clone.querySelectorAll('[lang="zh-CN"], input, textarea')) q.remove();
      if (el.getAttribute('lang') === 'zh-CN') continue;
      const text = clone.textContent.trim();
      if (re.test(text)) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${text}`);
    }
    return out;
  }, HAN.source);
}

test('the English switch changes every visible label of the record editor, and 中文 brings Chinese back', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Catalogue of matters' }).waitFor();
  assert.deepEqual(await chineseLabels(page), []);
  await page.getByRole('row').filter({ hasText: en.matters['tpl-27'] }).getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { level: 2, name: `Stage 1　${en.stages.s1}` }).waitFor();
  await page.getByRole('button', { name: 'Complete this stage' }).waitFor();
  await page.getByRole('heading', { level: 2, name: en.matters['tpl-27'] }).waitFor();
  await page.getByLabel(en.fields.topic, { exact: true }).fill('EV chargers by building 3');
  await page.getByLabel(en.fields.lead).selectOption({ label: en.lists.lead.township });
  for (const stage of ['s1', 's2', 's3', 's4', 's5']) {
    await page.getByRole('link', { name: new RegExp(en.stages[stage]) }).first().click();
    await page.getByRole('heading', { level: 2, name: new RegExp(en.stages[stage]) }).last().waitFor();
    assert.deepEqual(await chineseLabels(page), [], stage);
  }
  // The item labels are the English ones.
  for (const item of ['s5.implement', 's5.letter']) assert.ok(await page.getByText(en.items[item]).count() > 0, item);
  // A stage with parties: their editor speaks English too.
  await page.getByRole('link', { name: new RegExp(en.stages.s1) }).first().click();
  await page.getByRole('button', { name: /party/i }).first().click();
  assert.deepEqual(await chineseLabels(page), []);
  // The choice is kept in this browser; a reload shows no Chinese page before the English one
  // (the English file is fetched with the wasm).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if ([...document.querySelectorAll('h2, nav a')].some((e) => /[\u4e00-\u9fff]/.test(e.textContent))) globalThis.__xsSawChinese ??= [...document.querySelectorAll("h2, nav a")].map((e) => e.textContent).join(" | ");
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.reload();
  await page.getByRole('button', { name: 'Complete this stage' }).waitFor();
  assert.equal(await page.evaluate(() => globalThis.__xsSawChinese ?? false), false);
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 2, name: 'Catalogue of matters' }).waitFor();
  assert.equal(await page.evaluate(() => globalThis.__xsSawChinese ?? false), false);
  await page.goBack();
  await page.getByRole('button', { name: 'Complete this stage' }).waitFor();
  // And Chinese comes back.
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { level: 2, name: '第1阶段　确定议题' }).waitFor();
  await page.getByRole('button', { name: '完成本阶段' }).waitFor();
  await context.close();
});

test('long English labels do not break the layout on a phone', async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/training');
  await page.getByRole('button', { name: 'English' }).click();
  for (const hash of ['#/catalogue', '#/training', '#/overview', '#/settings', '#/opinions', '#/records', '#/list', '#/training/print']) {
    await page.goto(app.server.url + hash);
    await page.locator('main h2').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${hash} overflows by ${overflow}px`);
  }
  // The record editor: the stepper's English stage names wrap inside their steps.
  await page.goto(app.server.url + '#/training');
  await page.getByRole('button', { name: 'Start training' }).click();
  await page.getByRole('button', { name: /^Practise: Repairing a farm road/ }).click();
  await page.getByRole('heading', { level: 2, name: /Stage 1/ }).waitFor();
  const cut = await page.evaluate(() => [...document.querySelectorAll('.stepper .step-title, .stepper a, legend, label, button')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  assert.deepEqual(cut, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `editor overflows by ${overflow}px`);
  await context.close();
});

test('documents print in Chinese by default, and with English labels when asked in English', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + '#/training');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Start training' }).click();
  await page.getByRole('button', { name: /^Practise: Siting fitness equipment/ }).click();
  await page.getByRole('heading', { level: 2, name: /Stage 3/ }).waitFor();
  await page.getByRole('link', { name: 'Minutes of the consultation' }).click();
  const title = page.locator('article.document h2');
  await title.filter({ hasText: '协商议事记录' }).waitFor();
  await page.getByLabel('Labels in English').check();
  await title.filter({ hasText: 'Minutes of the consultation' }).waitFor();
  const text = await page.locator('article.document').innerText();
  assert.match(text, /TRAINING/);
  assert.match(text, /Record t\w+ rev\. \d+\s+Digest [0-9A-F]{4}-/);
  // The labels are English; what people said and their names stay as written.
  const labels = await page.locator('article.document th, article.document h3').allInnerTexts();
  assert.deepEqual(labels.filter((l) => HAN.test(l)), []);
  assert.match(text, /赵桂芳/);
  await context.close();
});

test('the English file is fetched only when English is chosen, and a page reloaded in English opens in English', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const english = () => fetched.filter((p) => /\/english-[0-9a-f]+\.json$/.test(p));
  await page.goto(app.server.url);
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  assert.deepEqual(english(), [], 'Chinese needs no English file');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Catalogue of matters' }).waitFor();
  assert.equal(english().length, 1);
  // The choice is kept: the next visit opens in English (the file fetched again, from the cache).
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Catalogue of matters' }).waitFor();
  assert.equal(await page.title(), 'Community Consultation Workbench');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page says it is in English');
  // A page of the extras module in English too.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 2, name: 'Overview across villages' }).waitFor();
  assert.deepEqual(await chineseLabels(page), []);
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总分析' }).waitFor();
  await context.close();
});

test('when the English file cannot be fetched the app stays in Chinese and works', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/\/english-[0-9a-f]+\.json$/, (route) => route.abort('internetdisconnected'));
  await page.goto(app.server.url);
  await page.getByRole('button', { name: '发起协商' }).first().waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForTimeout(500);
  await page.getByRole('heading', { level: 2, name: '协商事项目录' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'English' }).isVisible(), 'the switch still offers English');
  // The user is told why.
  const notice = page.getByRole('status').filter({ hasText: '英文界面文件现在无法下载' });
  await notice.waitFor();
  await notice.getByRole('button', { name: '知道了' }).click();
  assert.equal(await notice.count(), 0);
  await context.close();
});
