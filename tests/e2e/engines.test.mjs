// The main walk in the other engines users have: Firefox ESR (Debian's firefox-esr, through
// geckodriver) and WebKitGTK, Safari's engine (Debian's webkit2gtk-driver and its MiniBrowser,
// under Xvfb). Driven over WebDriver by selenium-webdriver, connected to a driver this file
// starts (no driver is downloaded): the catalogue, 发起协商, typing, a reload that finds the text,
// the ledger, a print view and the JSON export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { Builder, By, until } from 'selenium-webdriver';
import { serve } from './server.mjs';

let server;
before(async () => { server = await serve('dist'); });
after(async () => { await server?.close(); });

const TIMEOUT = 30_000;

function freePort() {
  return new Promise((done, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => done(port)); });
    s.on('error', fail);
  });
}

/** Starts a WebDriver server (`command` with `args(port)`) and waits until it answers. */
async function startDriver(command, args) {
  const port = await freePort();
  const child = spawn(command[0], [...command.slice(1), ...args(port)], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + TIMEOUT;
  for (;;) {
    try {
      const r = await fetch(url + '/status');
      if (r.ok) break;
    } catch {}
    if (Date.now() > until || child.exitCode !== null) throw new Error(`${command.join(' ')} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => { try { process.kill(-child.pid); } catch {} } };
}

const label = (text) => By.xpath(`//*[@id=//label[normalize-space()='${text}']/@for]`);
const button = (text) => By.xpath(`//button[normalize-space()='${text}']`);
const link = (text) => By.xpath(`//a[normalize-space()='${text}']`);

async function shown(driver, locator) {
  const el = await driver.wait(until.elementLocated(locator), TIMEOUT);
  await driver.wait(until.elementIsVisible(el), TIMEOUT);
  return el;
}

async function walk(driver) {
  await driver.get(server.url);
  // The catalogue, and 发起协商 on a matter.
  await shown(driver, button('发起协商'));
  await (await shown(driver, By.xpath("//tr[contains(., '邻里纠纷调处')]//button[normalize-space()='发起协商']"))).click();
  await shown(driver, By.xpath("//h2[contains(., '第1阶段')]"));
  // Typing is saved.
  const topic = '调处3号楼楼道堆物纠纷';
  await (await shown(driver, label('协商议题'))).sendKeys(topic);
  await shown(driver, By.xpath("//*[contains(@class,'record-head')]//*[@role='status'][contains(., '已保存')]"));
  // A reload finds it.
  await driver.navigate().refresh();
  await shown(driver, By.xpath("//h2[contains(., '第1阶段')]"));
  await driver.wait(async () => (await (await shown(driver, label('协商议题'))).getAttribute('value')) === topic, TIMEOUT);
  const recordUrl = await driver.getCurrentUrl();
  // The ledger lists it.
  await (await shown(driver, link('协商台账'))).click();
  await shown(driver, By.xpath(`//tr[contains(., '${topic}')]`));
  // A print view of it.
  await driver.get(recordUrl);
  await (await shown(driver, link('协商议题公示'))).click();
  await shown(driver, By.xpath(`//*[contains(@class,'doc')][contains(., '${topic}')]`));
  await shown(driver, button('打印'));
  // The JSON export: the file the page hands to the browser, caught as it is made.
  await driver.get(server.url + '#/records');
  await shown(driver, By.xpath(`//tr[contains(., '${topic}')]`));
  await driver.executeScript(`
    window.__files = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__files.push(blob); return make.call(URL, blob); };
  `);
  await (await shown(driver, button('导出全部记录（JSON）'))).click();
  const text = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const wait = () => window.__files.length ? window.__files[0].text().then(done) : setTimeout(wait, 100);
    wait();
  `);
  const file = JSON.parse(text);
  assert.equal(file.format, 'xieshang-records');
  assert.equal(file.records.length, 1);
  assert.equal(file.records[0].record.values.topic.value, topic);
}

/** A session on a driver this file starts, walked, then closed. */
async function walkIn(name, driverCommand, driverArgs, capabilities) {
  const driver = await startDriver(driverCommand, driverArgs);
  let session;
  try {
    session = await new Builder().usingServer(driver.url).withCapabilities(capabilities).build();
    console.log(`# ${name} ${(await session.getCapabilities()).get('browserVersion')}`);
    await walk(session);
  } finally {
    await session?.quit();
    driver.stop();
  }
}

test('Firefox ESR: catalogue, 发起协商, typing kept across a reload, ledger, print view, JSON export', async () => {
  assert.ok(fs.existsSync('/usr/bin/firefox-esr'), 'firefox-esr is missing: run scripts/setup.sh');
  await walkIn('Firefox', [process.env.GECKODRIVER || 'geckodriver'], (port) => ['--port', String(port), '--host', '127.0.0.1'], {
    browserName: 'firefox',
    'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
  });
});

test('WebKitGTK: catalogue, 发起协商, typing kept across a reload, ledger, print view, JSON export', async () => {
  const binary = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser']
    .find((b) => fs.existsSync(b));
  assert.ok(binary, 'WebKitGTK’s MiniBrowser is missing: run scripts/setup.sh');
  await walkIn('WebKitGTK', ['xvfb-run', '-a', 'WebKitWebDriver'], (port) => [`--port=${port}`], {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
  });
});
