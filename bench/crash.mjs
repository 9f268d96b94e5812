// Benchmark: what survives when the whole browser is killed while a user types. Prints figures;
// asserts nothing. Run after `trunk build --release` (scripts/bench.sh does all).
//   - pause: a word typed into 协商议题 at an ordinary pace, the browser killed (SIGKILL to its
//     whole process group, as a power cut or a crash would) 400 ms after the last key;
//   - steady: a key every 120 ms for 2.4 s, never pausing, the browser killed at once after the
//     last key: how much of what was typed is there when the browser is opened again, and how
//     old the newest lost key was.
// Each run uses a fresh profile on disk, started as a separate Chromium process (not through
// Playwright's launcher, so that killing it is a real kill), driven over the DevTools protocol.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const server = await serve('dist');

/** Starts Chromium on a profile; resolves to { child, context, page }. */
async function open(profile) {
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    ...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (d) => {
      text += d;
      const m = /DevTools listening on (ws:\S+)/.exec(text);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error('chromium exited: ' + text)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? await context.newPage();
  return { child, browser, page };
}

function kill(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    process.kill(-child.pid, 'SIGKILL');
  });
}

/** One run: types with `gapMs` between keys, kills `afterMs` after the last; returns what came back. */
async function run(keys, gapMs, afterMs) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-crash-'));
  let { child, browser, page } = await open(profile);
  await page.goto(server.url);
  await page.getByRole('link', { name: '协商事项目录' }).click();
  await page.getByRole('row').filter({ hasText: '门禁改造' }).getByRole('button', { name: '发起协商' }).click();
  await page.getByRole('heading', { level: 2, name: /第1阶段/ }).waitFor();
  const address = page.url();
  const topic = (p) => p.getByLabel('协商议题', { exact: true });
  await topic(page).click();
  const typedAt = [];
  for (const key of keys) {
    await page.keyboard.type(key);
    typedAt.push(Date.now());
    await new Promise((r) => setTimeout(r, gapMs));
  }
  const wait = afterMs - gapMs;
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const killedAt = Date.now();
  await kill(child);
  browser.close().catch(() => {});

  ({ child, browser, page } = await open(profile));
  await page.goto(address);
  const missing = page.getByText('没有这条协商记录', { exact: false });
  await Promise.race([topic(page).waitFor(), missing.waitFor()]);
  const found = (await topic(page).count()) ? await topic(page).inputValue() : null;
  await kill(child);
  browser.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
  const kept = found ?? '';
  const keptKeys = keys.join('').startsWith(kept) ? kept.length : 0;
  // The newest key lost: how long before the kill it was typed.
  const lostAge = keptKeys < keys.length ? killedAt - typedAt[keptKeys] : null;
  return { kept: keptKeys, of: keys.length, recordFound: found !== null, lostAge };
}

const letters = (n) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pause = [];
for (let i = 0; i < RUNS; i++) pause.push(await run(letters(12), 60, 400));
const whole = pause.filter((r) => r.kept === r.of).length;
console.log(`pause: killed 400 ms after the last key: ${whole}/${RUNS} runs kept every key ` +
  `(kept ${pause.map((r) => `${r.kept}/${r.of}`).join(', ')})`);

const steady = [];
for (let i = 0; i < RUNS; i++) steady.push(await run(letters(20), 120, 0));
const lost = steady.map((r) => r.of - r.kept);
const ages = steady.map((r) => r.lostAge).filter((a) => a !== null);
console.log(`steady: a key every 120 ms for 2.4 s, killed at once: keys lost per run ` +
  `median ${median(lost)}, max ${Math.max(...lost)} of 20 (${lost.join(', ')}); ` +
  `the oldest lost key was typed ${ages.length ? `${median(ages)} ms (median), ${Math.max(...ages)} ms (max)` : '—'} before the kill; ` +
  `record found after every kill: ${steady.every((r) => r.recordFound) && pause.every((r) => r.recordFound)}`);
await server.close();
