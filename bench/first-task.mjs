// Benchmark: the first real task on a slow line, beside a SurveyJS page of the same checklist.
// Prints figures; asserts nothing.
//   node bench/first-task.mjs          (after `trunk build --release`; scripts/bench.sh does all)
//   RUNS=1 node bench/first-task.mjs   (the smoke run CI makes)
//   APP_DIST=/tmp/old/dist ONLY=app node bench/first-task.mjs   (another build of the app, alone)
//   SW=block …                          (service workers blocked: a division of the modules
//                                        measured without the worker's downloads)
// The line is shaped at the server, for every request the browser makes (the page, its modules,
// the service worker's downloads, workers): each response waits one round trip, then all bodies
// drain through one shared bucket (tests/e2e/server.mjs `line`), 400 kbit/s and 400 ms by
// default (KBPS, RTT). The page's CPU is slowed 4× (CPU) through the DevTools protocol. Each
// load is a cold browser profile (nothing cached, no service worker, no data), service workers
// allowed as for a real first visit. The app and the peer page alternate, run by run.
// Measured, from navigation (the page's own clock, performance.now()):
//   - catalogue: the app's first 发起协商 button can be clicked / SurveyJS's first matter can be
//     picked. On a first visit the app's page opens on a copy of its catalogue (scripts/
//     prerender.mjs) whose presses the app carries out once its module is in, so the app also
//     gets the moment its own page replaced the copy ("catalogue live");
//   - first task: after 发起协商 on the first matter shown (SurveyJS: picking it and 下一页),
//     the field 协商议题 of stage 1 has taken typed text;
//   - the bytes the server sent by then, and in all within 60 s of navigation (what the service
//     worker adds);
//   - unthrottled (no line, no CPU slowdown): the app's catalogue and the SurveyJS page ready.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const KBPS = Number(process.env.KBPS ?? 400);
const RTT = Number(process.env.RTT ?? 400);
const CPU = Number(process.env.CPU ?? 4);
const SETTLE = Number(process.env.SETTLE ?? 60000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const here = path.dirname(new URL(import.meta.url).pathname);
execFileSync('node', [path.join(here, 'surveyjs/build.mjs')], { stdio: 'inherit' });

const ENGINES = {
  app: {
    dir: process.env.APP_DIST ?? 'dist',
    async catalogue(page) {
      const start = page.getByRole('button', { name: '发起协商' }).first();
      await start.waitFor({ timeout: 180000 });
      return start;
    },
    async task(page, start) {
      await start.click();
      return page.getByLabel('协商议题', { exact: true });
    },
  },
  surveyjs: {
    dir: 'bench/surveyjs/dist',
    async catalogue(page) {
      const first = page.getByRole('radio').first();
      await first.waitFor({ timeout: 180000 });
      return first;
    },
    async task(page, first) {
      await first.locator('xpath=ancestor::label[1]').click();
      await page.getByRole('button', { name: '下一页' }).click();
      return page.getByRole('textbox', { name: '协商议题' });
    },
  },
};

async function visit(engine, { slow }) {
  const server = await serve(ENGINES[engine].dir, { slow: slow ? { kbps: KBPS, rtt: RTT } : null });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-first-task-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    }
    const now = () => page.evaluate(() => performance.now());
    // The moment the app's own page is on screen (the copy, if any, gone).
    await page.addInitScript(() => {
      window.__live = null;
      new MutationObserver(() => {
        if (window.__live == null && document.getElementById('xs-first')?.tagName !== 'DIV' && document.querySelector('#app main')) {
          window.__live = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    const handle = await ENGINES[engine].catalogue(page);
    const catalogue = await now();
    const field = await ENGINES[engine].task(page, handle);
    await field.fill('小区健身器材选址');
    await page.waitForFunction((el) => el.value === '小区健身器材选址', await field.elementHandle());
    const task = await now();
    const live = await page.evaluate(() => window.__live);
    const byTask = server.sent();
    let settled = byTask;
    if (slow) {
      // What else the browser fetches on this line (the service worker's downloads): wait until
      // nothing more has been sent for 5 s, or until SETTLE ms after navigation.
      let last = -1, quietSince = Date.now();
      while ((await now()) < SETTLE) {
        const s = server.sent();
        if (s !== last) { last = s; quietSince = Date.now(); }
        else if (Date.now() - quietSince > 5000) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      settled = server.sent();
    }
    return { catalogue, live, task, byTask, settled };
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const engines = process.env.ONLY ? [process.env.ONLY] : ['app', 'surveyjs'];
const results = { app: [], surveyjs: [] };
const plain = { app: [], surveyjs: [] };
for (let i = 0; i < RUNS; i++) {
  for (const engine of engines) {
    results[engine].push(await visit(engine, { slow: true }));
    plain[engine].push(await visit(engine, { slow: false }));
  }
}
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const line = (label, xs, f) => `${label.padEnd(44)} ${f(median(xs)).padStart(9)}   (runs: ${xs.map(f).join(', ')})`;
console.log(`first-task benchmark: ${KBPS} kbit/s shared by every request, ${RTT} ms round trip, CPU ${CPU}× slower, cold profiles, ${RUNS} run(s) each`);
for (const engine of engines) {
  const r = results[engine];
  console.log(`${engine}:`);
  console.log(line('  catalogue interactive', r.map((x) => x.catalogue), s));
  if (engine === 'app') console.log(line('  catalogue live (the app\'s own page)', r.map((x) => x.live ?? x.catalogue), s));
  console.log(line('  first task (协商议题 typed in stage 1)', r.map((x) => x.task), s));
  console.log(line('  bytes sent by then', r.map((x) => x.byTask), kb));
  console.log(line('  bytes sent in all (service worker included)', r.map((x) => x.settled), kb));
  console.log(line('  unthrottled: catalogue / page ready', plain[engine].map((x) => x.catalogue), s));
  if (engine === 'app') console.log(line('  unthrottled: catalogue live', plain[engine].map((x) => x.live ?? x.catalogue), s));
}
if (engines.length === 2) {
  const ratio = median(results.app.map((x) => x.task)) / median(results.surveyjs.map((x) => x.task));
  const plainRatio = median(plain.app.map((x) => x.catalogue)) / median(plain.surveyjs.map((x) => x.catalogue));
  console.log(`first task, app ÷ SurveyJS: ${ratio.toFixed(2)} (target ≤ 0.6)`);
  const liveRatio = median(plain.app.map((x) => x.live ?? x.catalogue)) / median(plain.surveyjs.map((x) => x.catalogue));
  console.log(`unthrottled catalogue, app ÷ SurveyJS page: ${plainRatio.toFixed(2)}; live ${liveRatio.toFixed(2)} (target ≤ 0.4)`);
}
