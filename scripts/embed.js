// Mounts the workbench into an element of a host page (see ui/embed.rs and the README):
//   import { mount } from './embed.js';
//   const app = await mount(document.querySelector('#consultation'), { namespace, list, start, lang, onEvent });
// Written into the build as embed.js by scripts/postbuild.mjs, with the build's file names and the
// browser test (scripts/unsupported.js) in place of the names in capitals.
import init, { mount as mountApp } from './GLUE_JS';
import { load } from './MODULES_JS';
/* UNSUPPORTED_JS */
let started;
export async function mount(element, options = {}) {
  // A browser that cannot run the app (scripts/unsupported.js) gets the words that say what to
  // do in the host's element, and the host a rejected promise.
  if (!xieshangCanRun()) {
    xieshangSayUnsupported(element);
    throw new Error('this browser cannot run the workbench');
  }
  started ??= load(init, 'APP_WASM');
  await started;
  globalThis.__xieshangDocxWorker ??= new URL('./docx-worker_loader.js', import.meta.url).href;
  return mountApp(element, { ...options, css: new URL('./EMBED_CSS', import.meta.url).href });
}
