// What a staff member does, step by step, through roles and the Chinese labels on screen.
import assert from 'node:assert/strict';

/** The checklist item whose label contains `label`. */
export function item(page, label) {
  return page.locator('fieldset.item').filter({ has: page.locator('legend .item-label', { hasText: label }) });
}

/** Marks an item 已完成. */
export async function done(page, label) {
  await item(page, label).getByRole('group', { name: '完成情况' }).getByRole('radio', { name: '已完成' }).check();
}

/** Answers a yes/no question. */
export async function answer(page, question, yes) {
  await page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: yes ? '是' : '否' }).check();
}

/** Opens a new consultation for a matter of the catalogue. */
export async function startConsultation(page, matter) {
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await page.getByRole('row').filter({ hasText: matter }).getByRole('button', { name: '发起协商' }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
}

/** Adds a party in the editor. */
export async function addParty(page, { name, role, org = '', stakeholder = false }) {
  await page.getByRole('button', { name: '添加参与主体' }).click();
  const card = page.locator('fieldset.party').last();
  await card.getByLabel('姓名或名称').fill(name);
  await card.getByLabel('身份').selectOption({ label: role });
  if (org) await card.getByLabel('单位或住址').fill(org);
  if (stakeholder) await card.getByLabel('利益相关方').check();
}

export async function completeStage(page, nextTitle) {
  const button = page.getByRole('button', { name: '完成本阶段' });
  assert.equal(await button.isDisabled(), false, await page.locator('.report').innerText());
  await button.click();
  if (nextTitle) await page.getByRole('heading', { level: 2, name: new RegExp(nextTitle) }).waitFor();
}

// Logs an opinion on 群众意见台账 (the page open) and waits for its row.
export async function logOpinion(page, { channel, who, content }) {
  await page.getByLabel('渠道').selectOption({ label: channel });
  await page.getByLabel('反映人').fill(who);
  await page.getByLabel('意见内容').fill(content);
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByRole('cell', { name: content, exact: true }).waitFor();
}

export async function waitSaved(page) {
  await page.locator('.record-head [role="status"]', { hasText: '已保存' }).waitFor();
}

export async function fillStage1(page) {
  await item(page, '记入群众意见台账').getByRole('checkbox', { name: '群众意见箱' }).check();
  await item(page, '记入群众意见台账').getByRole('checkbox', { name: '入户走访' }).check();
  await done(page, '记入群众意见台账');
  await page.getByLabel('村（社区）', { exact: true }).fill('幸福社区');
  await page.getByLabel('协商议题', { exact: true }).fill('在3号楼前设立电动自行车充电桩');
  await done(page, '研究提出协商议题');
  await page.getByLabel('协商范围').selectOption({ label: '本村（社区）事项' });
  await page.getByLabel('牵头组织者').selectOption({ label: '村（社区）党组织、村（居）民委员会' });
  await done(page, '确定协商范围和牵头组织者');
  await answer(page, '专业性、技术性较强', false);
  await answer(page, '涉及面广、关注度高', false);
  await answer(page, '涉及居民群众矛盾纠纷', false);
  await answer(page, '受乡镇（街道）或有关部门委托', false);
  await done(page, '研判事项性质');
  await addParty(page, { name: '社区党支部', role: '村（社区）党组织' });
  await addParty(page, { name: '王建国', role: '老党员' });
  await addParty(page, { name: '李秀兰', role: '村（居）民', org: '3号楼2单元', stakeholder: true });
  await addParty(page, { name: '张伟', role: '村（居）民', org: '3号楼1单元', stakeholder: true });
  await done(page, '根据协商议题确定参与协商的主体');
  await page.getByLabel('协商形式').selectOption({ label: '村（居）民议事会' });
  await done(page, '确定协商形式');
  await page.getByLabel('约请日期').fill('2026-11-02');
  await done(page, '约请');
}

export async function fillStage2(page) {
  await page.getByLabel('公示日期').fill('2026-11-03');
  await page.getByLabel('协商时间').fill('2026-11-10T15:00');
  await page.getByLabel('协商地点').fill('社区议事厅');
  await page.getByLabel('主持人').fill('刘书记');
  await page.getByRole('group', { name: '公示渠道' }).getByRole('checkbox', { name: '村（居）务公开栏' }).check();
  await done(page, '公示协商议题');
}

export async function fillStage3(page) {
  await page.getByLabel('实际协商时间').fill('2026-11-10T15:00');
  await page.getByLabel('实际协商地点').fill('社区议事厅');
  await answer(page, '是否按公示内容开展', true);
  await done(page, '按照公示内容组织开展协商');
  const cards = page.locator('fieldset.party');
  const n = await cards.count();
  for (let i = 0; i < n; i++) await cards.nth(i).getByLabel('出席情况').selectOption({ label: i === 3 ? '未出席' : '出席' });
  await cards.nth(3).getByLabel('书面意见', { exact: true }).fill('同意设立，但须避开消防通道');
  await done(page, '登记各方出席情况');
  await page.getByLabel('各方意见建议').fill('多数居民赞成；张伟书面提出须避开消防通道。');
  await done(page, '各方充分、理性、平等发表意见建议');
  await answer(page, '是否达成共识', true);
  await page.getByLabel('协商结果').fill('在3号楼东侧空地设立充电桩，避开消防通道。');
  await done(page, '努力达成协商共识');
}

export async function fillStage4(page) {
  await page.getByLabel('归档日期').fill('2026-11-11');
  await done(page, '整理归档');
  await page.getByRole('group', { name: '通报方式' }).getByRole('checkbox', { name: '电话' }).check();
  await page.getByRole('group', { name: '通报方式' }).getByRole('checkbox', { name: '书面' }).check();
  await page.getByLabel('通报日期').fill('2026-11-11');
  await done(page, '向各利益相关方及时通报');
  await page.getByLabel('成果公示日期').fill('2026-11-12');
  await page.getByRole('group', { name: '成果公示平台' }).getByRole('checkbox', { name: '村（居）务公开栏' }).check();
  await done(page, '将协商事项和协商成果进行公示');
}

/** Fills and completes stages 1 to 4 of the record open in `page`, standing it at stage 5. */
export async function throughStage4(page) {
  await fillStage1(page);
  await completeStage(page, '第2阶段');
  await fillStage2(page);
  await completeStage(page, '第3阶段');
  await fillStage3(page);
  await completeStage(page, '第4阶段');
  await fillStage4(page);
  await completeStage(page, '第5阶段');
}

export async function fillStage5(page, deadline = '2026-12-31') {
  await page.getByLabel('落实方').fill('物业服务企业');
  await page.getByLabel('落实期限').fill(deadline);
  await done(page, '明确落实方和落实期限');
  await page.getByLabel('公函发出日期').fill('2026-11-13');
  await page.getByLabel('公函编号').fill('幸福社区函〔2026〕7号');
  await done(page, '公函制');
  await page.getByLabel('公开日期').fill('2026-12-01');
  await page.getByRole('group', { name: '公开渠道' }).getByRole('checkbox', { name: '议事协商监督台' }).check();
  await done(page, '接受群众监督');
  await page.getByLabel('落实情况', { exact: true }).selectOption({ label: '已落实' });
  await page.getByLabel('反馈日期').fill('2026-12-02');
  await done(page, '反馈落实情况');
  await done(page, '合法合规');
}

/**
 * Puts sample records (made by `cargo run --example samples`) into the app's IndexedDB, as the
 * app stores them, then reloads. The app must have opened once, so that the database exists.
 */
export async function seed(page, url) {
  const count = await page.evaluate(async (url) => {
    const data = await (await fetch(url)).json();
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('xieshang');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const chunk = 1000;
    const enc = new TextEncoder(); // records are stored as UTF-8 bytes, as the app stores them
    for (let i = 0; i < data.records.length; i += chunk) {
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['records', 'summaries'], 'readwrite');
        for (let j = i; j < Math.min(i + chunk, data.records.length); j++) {
          const id = JSON.parse(data.summaries[j]).id;
          tx.objectStore('records').put(enc.encode(data.records[j]), id);
          tx.objectStore('summaries').put(data.summaries[j], id);
        }
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
    return data.records.length;
  }, url);
  await page.reload();
  return count;
}

/** Asserts that `locator` matches `n` elements, waiting up to `timeout` ms for the page to settle
 * (a count read at once can run ahead of the render that follows a click). */
export async function expectCount(locator, n, timeout = 5000) {
  const until = Date.now() + timeout;
  let count = await locator.count();
  while (count !== n && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    count = await locator.count();
  }
  assert.equal(count, n);
}
