// A corpus of hostile import files: a few hundred mutations of a valid export, made by a seeded
// generator (the same files on every run), imported one after another in one page. Each must get
// either a message in Chinese with none of the program's internal words, or a preview; no page
// error; and the records stored here before are unchanged afterwards (their digests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { withApp } from './app.mjs';

const SAMPLES = path.resolve(process.env.SAMPLES ?? 'target/samples-60.json');
const app = withApp();
const COUNT = Number(process.env.HOSTILE_FILES ?? 300);

/** mulberry32: a small seeded generator, so that a failing file can be made again. */
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An export file as the app writes it, of stored (canonical) record texts. */
function exportFile(texts, opinions = []) {
  const head = JSON.stringify({ format: 'xieshang-records', version: 1, exported_at: '2026-11-20T08:00:00Z', generator: 'xieshang test', place: { county: '玛纳斯县', community: '东村' } });
  const records = texts.map((t) => `{"digest":"${crypto.createHash('sha256').update(t).digest('hex')}","record":${t}}`);
  return `${head.slice(0, -1)},"records":[${records.join(',')}],"opinions":${JSON.stringify(opinions)}}`;
}

/** Every path to a value in a parsed JSON value. */
function leaves(value, at = [], out = []) {
  out.push(at);
  if (value && typeof value === 'object') for (const k of Object.keys(value)) leaves(value[k], [...at, k], out);
  return out;
}
const getAt = (v, p) => p.reduce((o, k) => o?.[k], v);
function setAt(v, p, x) {
  if (p.length === 0) return x;
  const parent = getAt(v, p.slice(0, -1));
  if (parent && typeof parent === 'object') parent[p[p.length - 1]] = x;
  return v;
}

const ODD_VALUES = [null, true, 0, -1, 1.5, 1e400, 18446744073709551615, '', ' ', '2026-02-30', '2026-13-01T25:61',
  '<img src=x onerror=alert(1)>', '\u0000', 'r1 ', '记录/1', '𠀀'.repeat(50), 'x'.repeat(25_000), [], {}, [1, 2], { status: 'x' }];
const ODD_TEXT = ['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'null', '1e999', '\ud800', '\uffff', 'é'];

/** The `index`-th hostile file: bytes and what it was made by. */
function mutate(base, opinions, index) {
  const rnd = random(index * 7919 + 13);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const text = exportFile(base, opinions);
  const parsed = JSON.parse(text);
  const kind = index % 10;
  switch (kind) {
    case 0: { // cut short
      const at = Math.floor(rnd() * text.length);
      return { how: `cut at ${at}`, bytes: Buffer.from(text.slice(0, at)) };
    }
    case 1: { // a character dropped or put in
      const at = Math.floor(rnd() * text.length);
      const put = rnd() < 0.5 ? '' : pick(ODD_TEXT);
      return { how: `text at ${at}: ${JSON.stringify(put)}`, bytes: Buffer.from(text.slice(0, at) + put + text.slice(at + 1)) };
    }
    case 2: case 3: case 4: { // a value replaced by an odd one
      const p = pick(leaves(parsed).filter((x) => x.length > 0));
      const v = pick(ODD_VALUES);
      const out = setAt(structuredClone(parsed), p, v);
      let json = JSON.stringify(out);
      if (v === 18446744073709551615) json = json.replace('18446744073709552000', '18446744073709551615');
      return { how: `${p.join('.')} = ${JSON.stringify(v)?.slice(0, 40)}`, bytes: Buffer.from(json) };
    }
    case 5: { // a key removed
      const p = pick(leaves(parsed).filter((x) => x.length > 0));
      const out = structuredClone(parsed);
      const parent = getAt(out, p.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(Number(p[p.length - 1]), 1); else if (parent) delete parent[p[p.length - 1]];
      return { how: `without ${p.join('.')}`, bytes: Buffer.from(JSON.stringify(out)) };
    }
    case 6: { // a key added (covered by the digest or not)
      const p = pick(leaves(parsed).filter((x) => typeof getAt(parsed, x) === 'object' && getAt(parsed, x) !== null && !Array.isArray(getAt(parsed, x))));
      const out = structuredClone(parsed);
      getAt(out, p)[pick(['extra', '__proto__', 'constructor', 'revision2', '键'])] = pick(ODD_VALUES);
      return { how: `key added at ${p.join('.')}`, bytes: Buffer.from(JSON.stringify(out)) };
    }
    case 7: { // the head changed
      const out = structuredClone(parsed);
      const which = pick(['format', 'version', 'exported_at', 'generator', 'records', 'opinions', 'settings', 'place']);
      out[which] = pick(ODD_VALUES);
      return { how: `head ${which}`, bytes: Buffer.from(JSON.stringify(out)) };
    }
    case 8: { // records duplicated, ids made odd, digests swapped
      const out = structuredClone(parsed);
      const r = out.records;
      const op = pick(['dup', 'id', 'swap', 'opinion']);
      if (op === 'dup') r.push(structuredClone(r[0]));
      if (op === 'id') r[0].record.id = pick([' ', 'a b', '记录', 'a/b', '<b>', 'a\u0000', 'аbc', 'r'.repeat(101), 'r1 ', '']);
      if (op === 'swap') [r[0].digest, r[1].digest] = [r[1].digest, r[0].digest];
      if (op === 'opinion') out.opinions.push({ ...out.opinions[0], id: pick(['o9', 'o 9', '']), record: pick(['nowhere', null, 'r 1']), content: pick(['x', 'y'.repeat(25_000)]) });
      return { how: `records: ${op}`, bytes: Buffer.from(JSON.stringify(out)) };
    }
    default: { // another encoding, or not JSON at all
      const op = pick(['utf16le', 'utf16be', 'latin1', 'array', 'empty', 'html', 'bom']);
      if (op === 'utf16le') return { how: op, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
      if (op === 'utf16be') return { how: op, bytes: Buffer.from(text, 'utf16le').swap16() };
      if (op === 'latin1') return { how: op, bytes: Buffer.from(text.replace(/[^\x00-\x7f]/g, 'é'), 'latin1') };
      if (op === 'array') return { how: op, bytes: Buffer.from(`[${text}]`) };
      if (op === 'empty') return { how: op, bytes: Buffer.from('   ') };
      if (op === 'html') return { how: op, bytes: Buffer.from('<!doctype html><title>x</title>') };
      return { how: op, bytes: Buffer.from('\ufeff' + text) };
    }
  }
}

/** The digests of every stored record, read from IndexedDB. */
async function storedDigests(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, no) => { const r = indexedDB.open('xieshang'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const all = (store) => new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
    const texts = (await all('records')).map((v) => (typeof v === 'string' ? v : new TextDecoder().decode(v)));
    const out = [];
    for (const t of texts) out.push([...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t)))].map((b) => b.toString(16).padStart(2, '0')).join(''));
    const opinions = await all('opinions');
    db.close();
    return { records: out.sort(), opinions: opinions.length };
  });
}

const INTERNAL = /\b(enum|struct|variant|identifier|expected|invalid type|invalid value|tagged|serde|Option|u64|u32|i64|usize|sequence|adjacently|untagged|at line)\b/;

test(`${COUNT} hostile import files: each told in Chinese or previewed, no page error, nothing stored changed`, async () => {
  const samples = JSON.parse(fs.readFileSync(SAMPLES, 'utf8'));
  const base = samples.records.slice(0, 3);
  const opinions = [{ id: 'o1', date: '2026-10-01', channel: 'opinion_box', who: '王', content: '路灯不亮', status: { status: 'pending' }, record: null, created: '2026-10-01T08:00:00Z' }];
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url + '#/records');
  await page.getByRole('heading', { level: 2, name: '协商台账' }).waitFor();
  // Records stored here first (two of the three the files carry, so that files meet both new
  // and known records).
  await page.getByLabel('导入协商记录文件（JSON）').setInputFiles({ name: 'first.json', mimeType: 'application/json', buffer: Buffer.from(exportFile(base.slice(0, 2))) });
  const preview = page.getByRole('region', { name: /导入预览/ });
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('status').filter({ hasText: '已导入2条记录。' }).waitFor();
  const before = await storedDigests(page);
  assert.equal(before.records.length, 2);

  const said = { message: 0, preview: 0 };
  for (let i = 0; i < COUNT; i++) {
    const { how, bytes } = mutate(base, opinions, i);
    const name = `hostile-${i}.json`;
    await page.getByLabel('导入协商记录文件（JSON）').setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
    const message = page.locator('.transfer [role="alert"]').filter({ hasText: name });
    const shown = preview.filter({ hasText: `文件：${name}` });
    await message.or(shown).first().waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(`file ${i} (${how}): neither a message nor a preview`);
    });
    if (await shown.count()) {
      said.preview += 1;
      await shown.getByRole('button', { name: '取消' }).click();
      await shown.waitFor({ state: 'detached' });
    } else {
      said.message += 1;
      const text = await message.innerText();
      assert.match(text, /[\u4e00-\u9fff]/, `file ${i} (${how}): ${text}`);
      assert.doesNotMatch(text, INTERNAL, `file ${i} (${how}): ${text}`);
    }
    assert.deepEqual(errors, [], `file ${i} (${how})`);
  }
  console.log(`# ${COUNT} files: ${said.message} refused with a message, ${said.preview} previewed (and cancelled)`);
  assert.ok(said.message > COUNT / 3 && said.preview > 0, JSON.stringify(said));
  assert.deepEqual(await storedDigests(page), before, 'nothing stored changed');
  await context.close();
});
