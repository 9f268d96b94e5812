// A small static file server for the release build, with gzip as a web server would send it.
// Used by the end-to-end tests and the benchmarks; listens on 127.0.0.1 only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * One line shared by every response of a server (bench/first-task.mjs): each response waits one
 * round trip, then its body drains through one bucket of `kbps` kilobits a second, shared in turn
 * by all the bodies under way (as one slow link shares itself between a browser's connections).
 */
function line({ kbps, rtt }, written) {
  const perTick = (kbps * 1000) / 8 / 50; // bytes each 20 ms
  const flowing = [];
  let timer = null;
  const tick = () => {
    let budget = perTick;
    while (budget > 0 && flowing.length) {
      const share = Math.max(1, Math.floor(budget / flowing.length));
      for (const flow of [...flowing]) {
        const piece = flow.body.subarray(flow.at, flow.at + Math.min(share, budget));
        flow.at += piece.length;
        budget -= piece.length;
        written(piece.length);
        flow.res.write(piece);
        if (flow.at >= flow.body.length) {
          flowing.splice(flowing.indexOf(flow), 1);
          flow.res.end();
        }
        if (budget <= 0) break;
      }
    }
    if (!flowing.length) { clearInterval(timer); timer = null; }
  };
  return (res, body) => setTimeout(() => {
    if (!body?.length) { res.end(); return; }
    flowing.push({ res, body, at: 0 });
    res.on('close', () => { const i = flowing.findIndex((f) => f.res === res); if (i >= 0) flowing.splice(i, 1); });
    timer ??= setInterval(tick, 20);
  }, rtt);
}

/**
 * Serves `root` on a free port; resolves to { url, close, setRoot }. `prefix` mounts it under a path;
 * `files` maps extra URL paths to files elsewhere (fixtures for tests and benchmarks). With `slow`
 * ({ kbps, rtt }), every response goes through one shaped line (see `line`) and the headers are a
 * plain web server's (ETag and Last-Modified, answered with 304; no Cache-Control), so the
 * browser's HTTP cache behaves as it would in the field.
 */
export function serve(root, { prefix = '/', files = {}, slow = null } = {}) {
  let dir = root;
  const gzipCache = new Map();
  // Bytes of bodies sent: through the line as they drain, else as each response is written.
  let sent = 0;
  // The paths asked for, in order (the page's, its workers' and its service worker's requests).
  const asked = [];
  const send = slow
    ? line(slow, (n) => { sent += n; })
    : (res, body) => { sent += body?.length ?? 0; return body ? res.end(body) : res.end(); };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    asked.push(rel);
    if (files[rel]) {
      const body = fs.readFileSync(files[rel]);
      const type = TYPES[path.extname(files[rel])] ?? 'application/json';
      res.writeHead(200, { 'content-type': type, 'content-length': body.length });
      res.end(body);
      return;
    }
    if (!rel.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    rel = rel.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body = fs.readFileSync(file);
    const headers = { 'content-type': type };
    if (slow) {
      const stat = fs.statSync(file);
      headers.etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      headers['last-modified'] = stat.mtime.toUTCString();
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers);
        send(res, null);
        return;
      }
    } else {
      headers['cache-control'] = 'no-cache';
    }
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file}:${fs.statSync(file).mtimeMs}`;
      if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(body, { level: 9 }));
      body = gzipCache.get(key);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    send(res, req.method === 'HEAD' ? null : body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
        // Serves another directory from now on (a new build, for update tests).
        setRoot: (next) => { dir = next; },
        // The body bytes sent so far (as sent: gzip where asked for); `reset` starts again.
        sent: () => sent,
        reset: () => { sent = 0; },
        // The paths asked for so far.
        asked: () => [...asked],
      });
    });
  });
}
