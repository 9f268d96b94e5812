// The first view (run by scripts/postbuild.mjs at the end of each build): the catalogue page as
// this very build draws it on a first visit, copied into index.html, so that a first visit on a
// slow line shows the catalogue as soon as the page and its stylesheet are in, while the app's
// module (about half a megabyte) is still on its way.
//
// The copy is taken by the build itself, not written by hand: the staged build is served and
// opened in Chromium (a fresh profile, no service worker), and the markup of #app is taken once
// the catalogue is shown. It goes into index.html as <template id="xs-first"> before #app (inert:
// not in the page until shown); scripts/first-view.js shows it on a first visit only and keeps
// what the user does in it, and the app takes it down as it draws its own page and does the same
// there (ui/first_view.rs).
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

export const FIRST_ID = 'xs-first';

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {}
  }
  throw new Error('the first view needs Chromium to draw the catalogue (scripts/setup.sh installs it; or set CHROMIUM)');
}

// The markup of the catalogue page of the build staged in `dir`.
export async function firstView(dir) {
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: '发起协商' }).first().waitFor({ timeout: 60000 });
    if (errors.length) throw new Error(`the page failed while drawing the first view: ${errors.join('; ')}`);
    const markup = await page.evaluate(() => document.getElementById('app').innerHTML);
    if (/<script\b/i.test(markup) || /\son[a-z]+=/i.test(markup)) throw new Error('the first view carries a script');
    return markup;
  } finally {
    await browser.close();
    await server.close();
  }
}

// index.html with the first view put before #app.
export function withFirstView(html, markup) {
  const app = '<div id="app">';
  if (html.split(app).length !== 2) throw new Error('index.html has not exactly one #app to put the first view before');
  return html.replace(app, `<template id="${FIRST_ID}">${markup}</template>\n  ${app}`);
}
