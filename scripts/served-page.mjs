// What scripts/filmstrip.mjs and scripts/trace-load.mjs share: dist/ served as
// benches/static_host.rs serves it (each file compressed ahead of time, brotli quality 11
// and gzip level 9, the encoding picked from `Accept-Encoding`, no-cache), and Debian's
// Chromium at 390×844 with the cache off, on the benchmark's phone profile when asked
// (CPU 4× slower, 150 ms round trips, 1.6 Mbps down, 750 kbps up; see benches/field.rs).

import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/// The value after `name` on the command line, or `fallback`.
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

/// Serves `dist` at `/`, and each `[prefix, path]` of `mounts` (a folder under a URL
/// prefix ending in `/`, or one file at a URL). Resolves to the server and its base URL.
export async function serve(dist, mounts = []) {
  const files = new Map();
  const mount = (prefix, dir) => {
    if (statSync(dir).isFile()) return files.set(prefix, dir);
    const walk = (d) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.set(prefix + p.slice(dir.length + 1).split('\\').join('/'), p);
      }
    };
    walk(dir);
  };
  mount('/', dist);
  for (const [prefix, dir] of mounts) mount(prefix, resolve(dir));
  const bodies = new Map();
  for (const [url, path] of files) {
    const raw = readFileSync(path);
    const type = types[extname(path)] || 'application/octet-stream';
    const compress = raw.length > 256 && type !== 'image/png';
    bodies.set(url, {
      type, raw,
      gzip: compress ? zlib.gzipSync(raw, { level: 9 }) : null,
      br: compress ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 } }) : null,
    });
  }
  const server = createServer((req, res) => {
    let path = decodeURIComponent(req.url.split(/[?#]/)[0]);
    if (path.endsWith('/')) path += 'index.html';
    const body = bodies.get(path);
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    const offers = (name) => (req.headers['accept-encoding'] || '').split(',').some((e) => e.split(';')[0].trim() === name);
    const [encoding, bytes] = body.br && offers('br') ? ['br', body.br] : body.gzip && offers('gzip') ? ['gzip', body.gzip] : ['identity', body.raw];
    const headers = { 'Content-Type': body.type, 'Vary': 'Accept-Encoding', 'Content-Length': bytes.length, 'Cache-Control': 'no-cache' };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(bytes);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/// playwright-core from the set-up's `.tools/`, else wherever Node finds it.
export function playwright() {
  try {
    return createRequire(join(root, '.tools/'))('playwright-core');
  } catch {
    return createRequire(import.meta.url)('playwright-core');
  }
}

/// A cold page at 390×844 (cache off), throttled to the phone profile when `phone`.
export async function openPage({ phone }) {
  const browser = await playwright().chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--hide-scrollbars', '--lang=en-GB'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-GB' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (phone) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
    });
  }
  return { browser, context, page, cdp };
}
