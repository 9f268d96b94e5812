// The page's start-up module: written into start-<hash>.js by scripts/postbuild.mjs, which puts
// the build's file names in for the names in capitals (a name missing or left over stops the
// build). index.html loads it after the browser check (scripts/browser-check.js).
import init from './GLUE_JS';
import { load } from './MODULES_JS';

// A browser that cannot run the app: the browser check has said what to do.
if (globalThis.__xieshangUnsupported) throw new Error('this browser cannot run the app (see the browser check)');

// A user who chose English last time: its file is fetched alongside the wasm, not after it.
try {
  if (localStorage.getItem('xieshang:lang') === 'en') {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: globalThis.__xieshangEnglish }));
  }
} catch {}

await load(init, 'APP_WASM');
