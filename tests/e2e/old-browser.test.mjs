// A browser that cannot run the app says so, in Chinese, instead of loading for ever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { launch, CHROMIUM_ARGS } from './browser.mjs';

// Chromium 92, a headless build shipped inside the npm package chrome-aws-lambda@10.1.0, unpacked
// by scripts/setup.sh: below the floor (it knows neither 'wasm-unsafe-eval' nor, in the page's
// policy, how to let the app compile its WebAssembly).
const OLD = path.resolve('target/old-chromium/chromium');
const MESSAGE = '此浏览器无法运行城乡社区协商工作台';
let server;
before(async () => { server = await serve('dist'); });
after(async () => { await server?.close(); });

/** Time from the load event to the message on screen, in the page's own clock. */
async function messageAfterLoad(page) {
  // (A plain DOM check: Playwright's locators use checkVisibility, which Chromium 92 lacks.)
  await page.waitForFunction((m) => document.querySelector('[role=alert]')?.textContent.includes(m), MESSAGE, { timeout: 10_000 });
  return page.evaluate(() => {
    const load = performance.getEntriesByType('navigation')[0]?.loadEventStart ?? 0;
    return performance.now() - load;
  });
}

/**
 * Runs `visit` in Chromium 92 with a watchdog. That build, run as one process, has once spun for
 * minutes under load on a machine also compiling (CI then never ended): after 30 s its process is
 * killed, and the visit tried once more before it counts as failed.
 */
async function inChromium92(visit) {
  for (let attempt = 1; ; attempt++) {
    const server = await chromium.launchServer({ executablePath: OLD, headless: true, args: [...CHROMIUM_ARGS, '--no-zygote', '--single-process'] });
    const watchdog = setTimeout(() => server.kill(), 30_000);
    try {
      const browser = await chromium.connect(server.wsEndpoint());
      try {
        return await visit(browser);
      } finally {
        await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
      }
    } catch (e) {
      if (attempt >= 2) throw e;
    } finally {
      clearTimeout(watchdog);
      await server.kill();
    }
  }
}

test('Chromium 92 is told within a second which browsers work and to switch 360/QQ/搜狗 to 极速模式', async () => {
  assert.ok(fs.existsSync(OLD), `${OLD} is missing: run scripts/setup.sh`);
  await inChromium92(async (browser) => {
    assert.match(browser.version(), /^92\./);
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    const after = await messageAfterLoad(page);
    assert.ok(after < 1000, `the message came ${after.toFixed(0)} ms after the load event`);
    const text = await page.evaluate(() => document.getElementById('app').innerText);
    for (const words of ['Chrome、微软 Edge 97 及以上', 'Firefox 102 及以上', 'Safari 16 及以上', '极速模式', '360、QQ、搜狗']) {
      assert.ok(text.includes(words), words);
    }
    assert.doesNotMatch(text, /正在加载/);
  });
});

test('an engine without WebAssembly reference types is told at once; a current one is not told anything', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const old = await context.newPage();
    await old.addInitScript(() => { WebAssembly.validate = () => false; });
    await old.goto(server.url);
    await messageAfterLoad(old);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: '发起协商' }).first().waitFor();
    assert.equal(await page.getByText(MESSAGE).count(), 0);
    // Dual-core browsers are asked for their Chromium core.
    const html = fs.readFileSync('dist/index.html', 'utf8');
    assert.match(html, /<meta name="renderer" content="webkit">/);
  } finally {
    await browser.close();
  }
});

test('the single file and a portal’s embed.js say the same in such an engine, and start nothing', async () => {
  const os = await import('node:os');
  const { execFileSync } = await import('node:child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-old-'));
  const file = path.join(dir, '协商工作台.html');
  execFileSync('node', ['scripts/single.mjs', 'dist', file], { stdio: 'ignore' });
  fs.writeFileSync(path.join(dir, 'portal.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某县门户</title></head>
<body><div id="consultation"></div>
<script type="module">
  import { mount } from './xieshang/embed.js';
  window.__outcome = mount(document.getElementById('consultation'), { namespace: 'portal' })
    .then(() => 'mounted', (e) => 'refused: ' + e.message);
</script></body></html>`);
  const portal = await serve('dist', { prefix: '/xieshang/', files: { '/portal.html': path.join(dir, 'portal.html') } });
  const browser = await launch();
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => { WebAssembly.validate = () => false; });
    const errors = [];
    // The single file from file://: the message, and the app's module stopped before it starts.
    const single = await context.newPage();
    single.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await single.goto(`file://${file}`);
    await messageAfterLoad(single);
    await single.waitForTimeout(500);
    assert.equal(await single.evaluate(() => typeof window.__xieshangExtras), 'undefined', 'the app did not start');
    assert.doesNotMatch(await single.locator('body').innerText(), /正在加载/);
    // A portal: the message in the host's element, the host's promise refused, no wasm fetched.
    const page = await context.newPage();
    const wasm = [];
    page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(r.url()); });
    await page.goto(portal.url.replace(/xieshang\/$/, 'portal.html'));
    await page.waitForFunction(() => window.__outcome);
    assert.match(await page.evaluate(() => window.__outcome), /^refused: /);
    const text = await page.locator('#consultation').innerText();
    for (const words of [MESSAGE, 'Chrome、微软 Edge 97 及以上', '极速模式']) assert.ok(text.includes(words), words);
    assert.deepEqual(wasm, []);
  } finally {
    await browser.close();
    await portal.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
