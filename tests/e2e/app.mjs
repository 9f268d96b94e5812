// One static server of the release build and one Chromium for a test file.
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

/** Starts the server (with `options`, see serve) and the browser before the file's tests. */
export function withApp(options = {}) {
  const app = {};
  before(async () => {
    app.server = await serve('dist', options);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
