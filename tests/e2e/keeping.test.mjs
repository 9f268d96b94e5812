// Keeping work: two tabs on one record, and storage that fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { withApp } from './app.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';
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
  // The way to keep the work is offered where the user is, the catalogue too.
  await alert.getByRole('button', { name: '导出备份（JSON）' }).waitFor();
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
  // The backup is an ordinary records file: import reads it (see the round trip below).
  assert.equal(file.format, 'xieshang-records');
  assert.equal(file.records.length, 1);
  assert.equal(file.records[0].record.values.topic.value, '举办社区广场舞比赛');
  // The ledger still lists it in this page.
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(page.getByRole('row').filter({ hasText: '村（居）文体活动' }), 1);
  await context.close();
});

test('a full disk is reported at once where the user types, and nothing typed is dropped', async () => {
  // A real full disk: the browser's profile on a small disk of its own (a tmpfs), filled up once
  // the app is loaded, so that the next write fails as it fails on a village computer whose disk
  // is full (Chromium aborts the transaction with an input/output error, then closes the
  // connection).
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', disk]);
  const context = await chromium.launchPersistentContext(path.join(disk, 'profile'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    acceptDownloads: true, viewport: { width: 1100, height: 700 },
  });
  try {
    const page = await context.newPage();
    await page.goto(app.server.url);
    await h.startConsultation(page, '妇女儿童社会工作');
    await h.waitSaved(page);
    const free = Number(execFileSync('df', ['--output=avail', '-k', disk], { encoding: 'utf8' }).split('\n')[1]);
    execFileSync('fallocate', ['-l', String((free - 8) * 1024), path.join(disk, 'filler')]);
    await page.getByLabel('协商议题', { exact: true }).fill('开设四点半课堂');
    // Text that does not compress (the browser's database compresses what it writes).
    const noise = Array.from({ length: 16000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    await page.getByLabel('议题说明').fill(noise);
    const cause = '浏览器未能把数据写入本机磁盘（最常见的原因是电脑的磁盘空间已满';
    await page.getByRole('alert').filter({ hasText: '无法保存到本机浏览器：' + cause }).waitFor();
    await page.locator('.record-head [role="status"]', { hasText: '保存失败：' + cause }).waitFor();
    // Said where the user types too (the banner is at the top, out of view), never in English.
    const here = page.locator('.save-failed[role="alert"]');
    await here.waitFor();
    assert.match(await here.innerText(), /刚才的修改未能保存到本机浏览器：浏览器未能把数据写入本机磁盘/);
    assert.ok(await here.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'in view');
    // Typing goes on; the next save fails the same way, and says the same cause.
    await page.getByLabel('协商议题', { exact: true }).fill('开设四点半课堂（每周一至周五）');
    await page.waitForTimeout(1500);
    assert.match(await here.innerText(), /磁盘空间已满/);
    assert.doesNotMatch(await page.locator('body').innerText(), /quota|exceeded|DOMException|UnknownError|DataError|IO ?error/i);
    // Still on screen.
    assert.equal(await page.getByLabel('议题说明').inputValue(), noise);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出备份（JSON）' }).click(),
    ]);
    // The backup is written to the downloads folder, not the full disk of the profile.
    const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(file.records[0].record.values.topic.value, '开设四点半课堂（每周一至周五）');
    assert.equal(file.records[0].record.values.topic_detail.value, noise);
  } finally {
    await context.close();
    execFileSync('umount', [disk]);
  }
});

test('a full quota (the browser’s own refusal) is said as such where the user types', async () => {
  // Chromium gives an origin about 60 % of its disk: on a 64 MB disk of its own (a tmpfs) the
  // origin's quota runs out while the disk still has room, and the browser refuses the write
  // with its own QuotaExceededError, as on a village computer whose storage is used up.
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-quota-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', disk]);
  const context = await chromium.launchPersistentContext(path.join(disk, 'profile'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 700 },
  });
  try {
    const page = await context.newPage();
    await page.goto(app.server.url);
    await h.startConsultation(page, '妇女儿童社会工作');
    await page.getByLabel('协商议题', { exact: true }).fill('开设四点半课堂');
    await h.waitSaved(page);
    // Another database of the same site uses up what is left of the quota, in ever smaller
    // pieces of data that does not compress, until the browser refuses even 1 KB.
    const refusal = await page.evaluate(async () => {
      const db = await new Promise((ok, no) => {
        const r = indexedDB.open('filler', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('s');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const put = (key, size) => new Promise((ok) => {
        const data = new Uint8Array(size);
        for (let i = 0; i < size; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(size, i + 65536)));
        const tx = db.transaction('s', 'readwrite');
        tx.objectStore('s').put(data, key);
        tx.oncomplete = () => ok(null);
        tx.onabort = () => ok(tx.error ? tx.error.name : 'abort');
      });
      let key = 0;
      let last = null;
      for (const size of [1 << 20, 1 << 16, 1 << 10]) {
        for (let n = 0; n < 200; n++) {
          const refused = await put(key++, size);
          if (refused) { last = refused; break; }
        }
      }
      db.close();
      return last;
    });
    assert.equal(refusal, 'QuotaExceededError', 'the browser refuses for its quota, not for the disk');
    const noise = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    await page.getByLabel('议题说明').fill(noise);
    const here = page.locator('.save-failed[role="alert"]');
    await here.waitFor();
    assert.match(await here.innerText(), /刚才的修改未能保存到本机浏览器：浏览器存储空间已满/);
    assert.ok(await here.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'in view');
    await page.getByRole('alert').filter({ hasText: '无法保存到本机浏览器：浏览器存储空间已满' }).waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /quota|exceeded|DOMException|UnknownError|DataError/i);
    assert.equal(await page.getByLabel('议题说明').inputValue(), noise);
  } finally {
    await context.close();
    execFileSync('umount', [disk]);
  }
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
  await b.getByLabel('我是县（市）民政部门的工作人员，要编制的是全县（市）的清单').check();
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

/** The short digest printed on paper and shown in the editor: 16 hex digits in groups of four. */
const short = (digest) => digest.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');

test('the backup made when storage fails restores records, opinions and settings in another browser', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  // The browser refuses to open any database (as a locked-down or broken profile does).
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await page.goto(app.server.url + '#/settings');
  await page.getByRole('alert').filter({ hasText: '无法保存到本机浏览器' }).first().waitFor();
  await page.getByLabel('县（市）').fill('昌吉市');
  await page.getByLabel('乡镇（街道）').fill('榆树沟镇');
  await page.getByLabel('村（社区）').fill('勇进村');
  await page.getByRole('button', { name: '保存设置' }).click();

  await page.getByRole('link', { name: '群众意见台账', exact: true }).click();
  await h.logOpinion(page, { channel: '群众意见箱', who: '5组村民', content: '村道路灯损坏，夜间出行不便' });

  await page.getByRole('link', { name: '协商事项目录', exact: true }).click();
  await h.startConsultation(page, '村（居）文体活动');
  await page.getByLabel('协商议题', { exact: true }).fill('举办村民篮球赛');
  await page.getByLabel('议题说明').fill('场地：村委会院内\n时间：国庆节期间');
  await h.addParty(page, { name: '马建军', role: '村（居）民委员会', org: '勇进村村委会' });
  await page.locator('.record-head [role="status"]', { hasText: '保存失败' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出备份（JSON）' }).click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'xieshang-records');
  assert.equal(file.records.length, 1);
  assert.equal(file.opinions.length, 1);
  assert.equal(file.settings.community, '勇进村');
  const backupPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xs-')), 'backup.json');
  fs.writeFileSync(backupPath, text);
  await context.close();

  // Another browser (a profile whose storage works) takes it in through the usual preview.
  const other = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const b = await other.newPage();
  await b.goto(app.server.url + '#/records');
  await b.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  await b.getByLabel('导入协商记录文件（JSON）').setInputFiles(backupPath);
  const preview = b.getByRole('region', { name: /导入预览/ });
  await preview.waitFor();
  const said = await preview.innerText();
  assert.match(said, /这是一份备份文件/);
  assert.match(said, /新记录1条/);
  assert.match(said, /群众意见：文件中1条，其中本机已有0条.*可导入1条/);
  assert.match(said, /设置：文件中为“昌吉市榆树沟镇勇进村”，本机为“未填写”/);
  assert.equal(await preview.getByRole('checkbox', { name: '导入这1条群众意见' }).isChecked(), true);
  assert.equal(await preview.getByRole('checkbox', { name: /采用文件中的设置/ }).isChecked(), true);
  await preview.getByRole('button', { name: '确认导入' }).click();
  await b.getByRole('status').filter({ hasText: '已导入1条记录。已导入1条群众意见。已采用文件中的设置。' }).waitFor();

  await b.getByRole('table').getByRole('link').first().click();
  await b.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  assert.equal(await b.getByLabel('协商议题', { exact: true }).inputValue(), '举办村民篮球赛');
  assert.equal(await b.getByLabel('议题说明').inputValue(), '场地：村委会院内\n时间：国庆节期间');
  const party = b.locator('fieldset.party').first();
  assert.equal(await party.getByLabel('姓名或名称').inputValue(), '马建军');
  assert.equal(await party.getByLabel('单位或住址').inputValue(), '勇进村村委会');
  assert.equal(await party.getByLabel('身份').locator('option:checked').innerText(), '村（居）民委员会');
  // The record is the one that was backed up: the same digest.
  assert.equal(await b.locator('.record-head .digest').innerText(), short(file.records[0].digest));

  await b.getByRole('link', { name: '群众意见台账', exact: true }).click();
  await b.getByRole('cell', { name: '村道路灯损坏，夜间出行不便', exact: true }).waitFor();
  await b.getByRole('link', { name: '设置', exact: true }).click();
  assert.equal(await b.getByLabel('村（社区）').inputValue(), '勇进村');
  assert.equal(await b.getByLabel('县（市）').inputValue(), '昌吉市');
  await other.close();
});

test('a backup file of an earlier build is read, and a file in another encoding is named as such', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.server.url + '#/records');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  const samples = JSON.parse(fs.readFileSync(path.resolve(process.env.SAMPLES ?? 'target/samples-60.json'), 'utf8'));
  const record = JSON.parse(samples.records[0]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-'));
  // What the banner's button wrote before 2026-12: records without digests, pretty-printed.
  const old = { format: 'xieshang-backup', version: 1, records: [record], opinions: [], settings: { county: '昌吉市', township: '', community: '幸福社区', rules: {} } };
  const oldPath = path.join(dir, 'old-backup.json');
  fs.writeFileSync(oldPath, JSON.stringify(old, null, 2));
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(oldPath);
  const preview = page.getByRole('region', { name: /导入预览/ });
  await preview.waitFor();
  assert.match(await preview.innerText(), /新记录1条/);
  assert.doesNotMatch(await preview.innerText(), /校验码与内容不符/);
  await preview.getByRole('button', { name: '取消' }).click();

  // The same export saved again as UTF-16 (Notepad's "Unicode"), and as GBK-like bytes.
  const utf16 = path.join(dir, 'utf16.json');
  fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(old), 'utf16le')]));
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(utf16);
  await page.getByRole('alert').filter({ hasText: '文件是UTF-16编码的' }).waitFor();
  const gbk = path.join(dir, 'gbk.json');
  fs.writeFileSync(gbk, Buffer.concat([Buffer.from('{"format":"xieshang-records","generator":"'), Buffer.from([0xd0, 0xad, 0xc9, 0xcc]), Buffer.from('"}')]));
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles(gbk);
  await page.getByRole('alert').filter({ hasText: '文件不是UTF-8编码的' }).waitFor();
  await context.close();
});

test('typing saves at most about a second after the first unsaved key, however fast the keys come', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '邻里纠纷调处');
  await h.waitSaved(page);
  const url = page.url();
  const field = page.getByLabel('议题说明');
  await field.click();
  // A key every 120 ms for 2.4 s: never a 300 ms pause.
  const typed = '楼道堆物影响消防通道需要协商清理办法';
  const started = Date.now();
  for (const ch of typed) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(120);
  }
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 2000, `typed for ${elapsed} ms`);
  // What storage holds right now (read by another page, as a crash would leave it).
  // (A page of the same origin that runs no app: the manifest.)
  const reader = await context.newPage();
  await reader.goto(app.server.url + 'manifest.webmanifest');
  const stored = await reader.evaluate(async (id) => {
    const db = await new Promise((ok, no) => { const r = indexedDB.open('xieshang'); r.onsuccess = () => ok(r.result); r.onerror = no; });
    const value = await new Promise((ok, no) => {
      const r = db.transaction('records').objectStore('records').get(id);
      r.onsuccess = () => ok(r.result); r.onerror = no;
    });
    const text = typeof value === 'string' ? value : new TextDecoder().decode(value);
    return JSON.parse(text).values.topic_detail?.value ?? '';
  }, decodeURIComponent(url.match(/#\/record\/([^/]+)/)[1]));
  // Everything but the last second or so of typing is stored already.
  assert.ok(stored.length >= typed.length - 10, `stored “${stored}” of “${typed}”`);
  await context.close();
});

test('an edit the engine refuses is said where it was made, and the field shows what is stored', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '邻里纠纷调处');
  await h.fillStage1(page);
  await h.completeStage(page, '第2阶段');
  await h.waitSaved(page);
  await page.goto(page.url().replace(/\/s\d$/, '') + '/s1');
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  const topic = page.getByLabel('协商议题', { exact: true });
  const stored = await topic.inputValue();
  assert.equal(await topic.isDisabled(), true);
  // A page that drew the field before the stage was completed elsewhere: the field still takes
  // typing, the engine refuses the edit (the stage is locked).
  await topic.evaluate((el) => { el.disabled = false; });
  await topic.fill('改动已锁定的议题');
  const refusal = page.locator('#item-s1\\.topic').getByRole('alert');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /未保存：第1阶段“确定议题”已完成，内容已锁定.*重新打开本阶段/);
  assert.equal(await page.getByLabel('协商议题', { exact: true }).inputValue(), stored);
  assert.equal(await page.getByLabel('协商议题', { exact: true }).isDisabled(), true);
  await context.close();
});

test('after 添加参与主体 the focus is on the new party’s name', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await h.startConsultation(page, '邻里纠纷调处');
  for (const n of [1, 2]) {
    await page.getByRole('button', { name: '添加参与主体' }).click();
    const card = page.locator('fieldset.party').nth(n - 1);
    await card.getByLabel('姓名或名称').waitFor();
    await page.waitForFunction((i) => document.activeElement?.closest('fieldset.party') === document.querySelectorAll('fieldset.party')[i], n - 1);
    assert.equal(await page.evaluate(() => document.activeElement?.id), await card.getByLabel('姓名或名称').getAttribute('id'));
    await page.keyboard.type(`参与人${n}`);
    assert.equal(await card.getByLabel('姓名或名称').inputValue(), `参与人${n}`);
  }
  await context.close();
});

test('发起协商 on a matter only looked at leaves no record behind; one with anything in it stays', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url);
  const rows = page.locator('table.records tbody tr');
  // Looked at: through its stages and a print view, then away. Nothing is left.
  await h.startConsultation(page, '门禁改造');
  await h.waitSaved(page);
  const stepper = page.getByRole('navigation', { name: '协商程序' });
  await stepper.getByRole('link', { name: /^3/ }).click();
  await page.getByRole('heading', { level: 2, name: /第3阶段/ }).waitFor();
  await stepper.getByRole('link', { name: /^1/ }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  const record = new URL(page.url()).hash.split('/')[2];
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await page.getByText('还没有协商记录。').waitFor();
  assert.equal(await rows.count(), 0);
  // Gone from storage too: a reload and its own address do not find it.
  await page.reload();
  await page.getByText('还没有协商记录。').waitFor();
  await page.goto(`${app.server.url}#/record/${record}`);
  await page.getByText('正式记录中没有这条协商记录。', { exact: false }).waitFor();

  // A tick is something: it stays, and the next visit that changes nothing does not drop it.
  await h.startConsultation(page, '邻里纠纷调处');
  await h.item(page, '记入群众意见台账').getByRole('checkbox', { name: '入户走访' }).check();
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(rows.filter({ hasText: '邻里纠纷调处' }), 1);
  await rows.filter({ hasText: '邻里纠纷调处' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await page.getByRole('link', { name: '协商台账', exact: true }).click();
  await h.expectCount(rows, 1);
  await page.reload();
  await h.expectCount(rows, 1);
  await context.close();
});
