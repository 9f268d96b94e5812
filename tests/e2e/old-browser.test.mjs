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

test('Chromium 92 is told within a second which browsers work and to switch 360/QQ/搜狗 to 极速模式', async () => {
  assert.ok(fs.existsSync(OLD), `${OLD} is missing: run scripts/setup.sh`);
  const browser = await chromium.launch({ executablePath: OLD, headless: true, args: [...CHROMIUM_ARGS, '--no-zygote', '--single-process'] });
  try {
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
  } finally {
    await browser.close();
  }
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
