// Where a cold load's time goes, from a Chromium performance trace (devtools.timeline and
// v8 categories): unthrottled by default, `--phone` on the benchmark's phone profile.
// Served as filmstrip.mjs serves dist/ (compressed ahead of time, no-cache).
//
//   node scripts/trace-load.mjs [--phone] [--page /index.html] [--runs 5] [--save trace.json]
//
// Prints, for the median run (by the moment the app's Start works): when each file was
// asked for and arrived, the main thread's tasks from navigation to that moment (what
// ran, how long), the moments (first paint, the warning signs shown, `lpq-ready`, Start
// working) and the main thread's time by kind.

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg, openPage, root, serve } from './served-page.mjs';

const phone = process.argv.includes('--phone');
const pagePath = arg('--page', '/index.html');
const runs = Number(arg('--runs', 5));
const save = arg('--save', null);
const dist = resolve(process.env.LPQ_DIST || join(root, 'dist'));
const { server, base } = await serve(dist);

const { browser, page, cdp } = await openPage({ phone });
// The benchmark's checks, on every frame (benches/field.rs), marked for the trace.
await page.addInitScript(() => {
  const m = (window.__t = { warn: null, ready: null });
  const roots = () => [document].concat(Array.from(document.querySelectorAll('leg-pain-quiz'), (h) => h.shadowRoot).filter(Boolean));
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const has = (css) => roots().some((r) => Array.from(r.querySelectorAll(css)).some(shown));
  const frame = () => {
    if (m.warn === null && (has('[data-lpq-warnings]') || has('.lpq-intro'))) { m.warn = performance.now(); performance.mark('bench-warnings'); }
    if (m.ready === null && performance.getEntriesByName('lpq-ready').length && has('[data-action="start"]')) { m.ready = performance.now(); performance.mark('bench-interactive'); }
    if (m.warn === null || m.ready === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
});

const results = [];
for (let i = 0; i < runs; i++) {
  await page.goto('about:blank');
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute', 'v8', 'v8.wasm', 'netlog', 'blink.resource'],
  });
  await page.goto(`${base}${pagePath}?trace=${Date.now()}`);
  // Asked only once the load is over (a script evaluated in the page meanwhile would be
  // in the trace, and hold the page's frames back).
  await new Promise((r) => setTimeout(r, phone ? 6000 : 1500));
  await page.waitForFunction(() => window.__t && window.__t.ready !== null && window.__t.warn !== null, null, { timeout: 30000 });
  const t = await page.evaluate(() => window.__t);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  results.push({ t, trace });
}
await browser.close();
server.close();
results.sort((a, b) => a.t.ready - b.t.ready);
console.log(`${pagePath}, ${phone ? 'phone profile' : 'unthrottled'}: ${runs} cold loads; Start working at ${results.map((r) => Math.round(r.t.ready)).join(', ')} ms; warnings ${results.map((r) => Math.round(r.t.warn)).join(', ')} ms`);
const { trace } = results[Math.floor(runs / 2)];
if (save) writeFileSync(save, JSON.stringify(trace));
const events = trace.traceEvents || trace;

// The page's renderer main thread: the one with the navigation's marks.
const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(base)) || events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
const ready = events.find((e) => e.name === 'bench-interactive');
const pid = ready.pid;
const main = events.find((e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
const t0 = (nav && nav.pid === pid ? nav : events.find((e) => e.pid === pid && e.name === 'navigationStart')).ts;
const ms = (ts) => ((ts - t0) / 1000).toFixed(1).padStart(7);
const end = ready.ts;

console.log('\nFiles (ms from navigation): asked, first byte, finished');
const reqs = new Map();
for (const e of events) {
  const d = e.args?.data;
  if (!d || !d.requestId) continue;
  const r = reqs.get(d.requestId) || {};
  if (e.name === 'ResourceSendRequest') Object.assign(r, { url: d.url, sent: e.ts, priority: d.priority });
  if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
  if (e.name === 'ResourceFinish') r.finish = e.ts;
  reqs.set(d.requestId, r);
}
for (const r of [...reqs.values()].filter((r) => r.url).sort((a, b) => a.sent - b.sent)) {
  console.log(`  ${ms(r.sent)} ${r.response ? ms(r.response) : '      -'} ${r.finish ? ms(r.finish) : '      -'}  ${new URL(r.url).pathname} (${r.priority || ''})`);
}

console.log('\nMain thread tasks up to Start working (ms from navigation; duration; what ran inside, longest first):');
const slices = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= t0 && e.ts <= end).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const describe = (e) => {
  const d = e.args?.data || {};
  const url = d.url || d.stackTrace?.[0]?.url || d.functionName || '';
  const file = url ? ' ' + url.split('/').pop().split('?')[0] : '';
  return `${e.name}${file}`;
};
const tasks = slices.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const kinds = {};
const kindOf = (name) => {
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout)$/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|Commit)$/.test(name)) return 'paint';
  if (/^(ParseHTML)$/.test(name)) return 'parse HTML';
  if (/wasm|Wasm/.test(name)) return 'wasm compile/instantiate';
  if (/^(v8\.compile|V8\.Compile|v8\.compileModule|CompileScript)/.test(name)) return 'JS compile';
  if (/^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|EvaluateScript|v8\.|V8\.)/.test(name)) return 'script and wasm';
  if (/GC/.test(name)) return 'garbage collection';
  return 'other';
};
// Self time by kind, between navigation and Start working.
const stack = [];
const self = new Map();
for (const e of slices) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  const parent = stack[stack.length - 1];
  self.set(e, Math.min(e.dur, end - e.ts));
  if (parent) self.set(parent, self.get(parent) - Math.min(e.dur, end - e.ts));
  stack.push(e);
}
for (const [e, us] of self) if (!/RunTask/.test(e.name)) kinds[kindOf(e.name)] = (kinds[kindOf(e.name)] || 0) + us / 1000;
for (const task of tasks) {
  if (task.dur < 1000) continue;
  const inside = slices.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 200 && !/RunTask/.test(e.name));
  const top = inside.sort((a, b) => b.dur - a.dur).slice(0, 5).map((e) => `${describe(e)} ${(e.dur / 1000).toFixed(1)}`);
  console.log(`  ${ms(task.ts)} ${(task.dur / 1000).toFixed(1).padStart(6)}  ${top.join('; ')}`);
}
console.log('\nMoments (ms from navigation):');
const marks = events
  .filter((e) => (e.cat || '').includes('user_timing') || ['firstPaint', 'firstContentfulPaint', 'domContentLoadedEventEnd', 'loadEventEnd'].includes(e.name))
  .filter((e) => e.pid === pid && e.ph !== 'e' && e.ts >= t0);
const seen = new Set();
for (const e of marks.sort((a, b) => a.ts - b.ts)) {
  if (seen.has(e.name)) continue;
  seen.add(e.name);
  console.log(`  ${ms(e.ts)}  ${e.name}`);
}
console.log('\nMain thread, navigation → Start working, self time by kind (ms):');
for (const [k, v] of Object.entries(kinds).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(26)} ${v.toFixed(1).padStart(6)}`);
const busy = Object.values(kinds).reduce((s, v) => s + v, 0);
console.log(`  ${'idle (waiting)'.padEnd(26)} ${((end - t0) / 1000 - busy).toFixed(1).padStart(6)}   of ${((end - t0) / 1000).toFixed(1)}`);
