// The service worker, written into the build by scripts/postbuild.mjs,
// with the build's id and files in place of the names in capitals. It keeps the app's files
// so that after one visit the app opens and works with the network off. Files whose names carry
// a content hash are served from the cache; the page itself and the other files are asked of the
// network first (so a new build is picked up on the next visit online) and taken from the cache
// when there is no network. Records are in IndexedDB and never pass through here.
const BUILD = 'BUILD_ID';
const CACHE = 'xieshang-' + BUILD;
// Smallest first: what a page may still be fetching (the modules) comes last, by then most likely
// in the browser's HTTP cache.
// The plain wasm modules are not kept: the page fetches them packed (xz/), the plain ones only if
// a packed one fails.
const FILES = /* KEPT_FILES */ [];
// Files whose names carry a content hash (Trunk's and this script's): never changed in place.
const HASHED = new Set(/* HASHED_FILES */ []);

// The page tells the worker while it is fetching something the user asked for (a module, the
// English file, the Word worker): 'xieshang:busy' … 'xieshang:idle' (ui/mod.rs, Busy). The
// files kept for offline use are fetched one at a time, smallest first, each only while the page
// is fetching nothing of its own (or after 20 s of waiting, so that a page closed mid-way cannot
// hold the worker back for good).
let busy = 0;
let woken = [];
self.addEventListener('message', (event) => {
  if (event.data === 'xieshang:busy') busy += 1;
  else if (event.data === 'xieshang:idle') busy = Math.max(0, busy - 1);
  if (!busy) for (const wake of woken.splice(0)) wake();
});
const pageIdle = () => busy ? new Promise((resolve) => { woken.push(resolve); setTimeout(resolve, 20000); }) : undefined;

self.addEventListener('install', (event) => {
  // Files whose names carry a content hash may come from the browser's HTTP cache (the page has
  // just downloaded the app's own: no second download); the others past it, so that a new build
  // never keeps an old page or file.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const f of FILES) {
      await pageIdle();
      const request = new Request(f, { cache: HASHED.has(f) ? 'default' : 'reload' });
      const response = await fetch(request);
      if (!response.ok) throw new Error(`${f}: ${response.status}`);
      await cache.put(request, response);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('xieshang-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// From the network (past the HTTP cache), keeping what comes back; when there is no network,
// or it is slower than 4 s and a kept copy exists, the kept copy.
async function fromNetwork(request, cache, key) {
  const kept = await cache.match(key ?? request, { ignoreSearch: true });
  const fetching = fetch(request, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) await cache.put(key ?? request, response.clone());
    return response;
  });
  if (!kept) return fetching;
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(() => resolve(kept), 4000); });
  try {
    return await Promise.race([fetching, slow]);
  } catch {
    return kept;
  } finally {
    clearTimeout(timer);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      // Only the app's own page is kept (as the scope's address); other pages in the scope are
      // passed to the network as they are.
      const scope = new URL(self.registration.scope);
      const page = url.pathname === scope.pathname || url.pathname === scope.pathname + 'index.html';
      if (!page) return fetch(request);
      return fromNetwork(request, cache, scope.href);
    }
    if (HASHED.has('./' + url.pathname.slice(new URL(self.registration.scope).pathname.length))) {
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
    }
    return fromNetwork(request, cache);
  })());
});
