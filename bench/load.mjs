// Benchmark: what a first visit costs. Prints figures; asserts nothing.
//   node bench/load.mjs        (after `trunk build --release`; scripts/bench.sh does all)
// For the release build served with gzip from localhost:
//   - the gzip bytes the browser downloads to show the catalogue (counted from the network);
//   - the time from navigation to an interactive catalogue (the 发起协商 buttons in the DOM, the
//     app's wasm running), median of several cold loads, each in a fresh browser profile: as
//     Playwright sees it (its wait for the button, then a call into the page: what a test driving
//     the page measures), and as the page itself records it (the first frame after the buttons
//     were added, by a MutationObserver installed before the page's own scripts);
//   - the same under throttling set through the DevTools protocol: 400 kbit/s down and up,
//     400 ms round trip, 4× CPU slowdown; and how soon the page shows its loading message, and
//     its first view (the copy of the catalogue a first visit opens on, scripts/prerender.mjs).
// The buttons counted are the app's own (in #app), not the first view's.
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const THROTTLED_RUNS = Number(process.env.THROTTLED_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve('dist');
const browser = await launch();

async function load(throttled) {
  // A fresh profile: nothing cached, no service worker, no stored data.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const first = document.getElementById('xs-first');
      if (first && first.tagName === 'DIV' && globalThis.__xsFirst === undefined) {
        globalThis.__xsFirst = null;
        requestAnimationFrame(() => { globalThis.__xsFirst = performance.now(); });
      }
      const button = [...document.querySelectorAll('#app button')].find((b) => b.textContent.trim() === '发起协商');
      if (!button) return;
      observer.disconnect();
      requestAnimationFrame(() => { globalThis.__xsShown = performance.now(); });
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 400 * 1000 / 8,
      uploadThroughput: 400 * 1000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.locator('#app').getByRole('button', { name: '发起协商' }).first().waitFor({ timeout: 120000 });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      interactive: performance.now() - nav.startTime,
      inPage: (globalThis.__xsShown ?? NaN) - nav.startTime,
      fcp: paint ? paint.startTime - nav.startTime : null,
      first: (globalThis.__xsFirst ?? NaN) - nav.startTime,
    };
  });
  await context.close();
  return { ...timing, bytes };
}

const plain = [];
for (let i = 0; i < RUNS; i++) plain.push(await load(false));
const slow = [];
for (let i = 0; i < THROTTLED_RUNS; i++) slow.push(await load(true));
const ms = (x) => `${Math.round(x)} ms`;
console.log(`load benchmark: release build served with gzip, headless Chromium, fresh profile per load`);
console.log(`downloaded to an interactive catalogue            ${(median(plain.map((r) => r.bytes)) / 1024).toFixed(1)} KB (gzip, as sent)`);
console.log(`navigation to interactive catalogue, unthrottled   median ${ms(median(plain.map((r) => r.interactive)))}   (runs: ${plain.map((r) => Math.round(r.interactive)).join(', ')})`);
console.log(`  recorded in the page (first frame with buttons)  median ${ms(median(plain.map((r) => r.inPage)))}`);
console.log(`  first contentful paint                          median ${ms(median(plain.map((r) => r.fcp ?? NaN)))}`);
console.log(`  first view (the catalogue's copy) on screen      median ${ms(median(plain.map((r) => r.first)))}`);
console.log(`navigation to interactive catalogue, throttled     median ${ms(median(slow.map((r) => r.interactive)))}   (runs: ${slow.map((r) => Math.round(r.interactive)).join(', ')})`);
console.log(`  recorded in the page (first frame with buttons)  median ${ms(median(slow.map((r) => r.inPage)))}`);
console.log(`  first contentful paint                          median ${ms(median(slow.map((r) => r.fcp ?? NaN)))}`);
console.log(`  first view (the catalogue's copy) on screen      median ${ms(median(slow.map((r) => r.first)))}`);
await browser.close();
await server.close();
